import { useEffect, useId, useRef, useState } from 'react';
import type { RoundPreview } from '@brave/protocol';
import { countOf, itemPulseId, overrunMs } from '@brave/core';
import { formatLeft } from '../../breakouts/clock.ts';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { PulseHost } from '../pulse/PulseHost.tsx';
import { PulseOpener } from '../pulse/PulseOpener.tsx';
import { useShowNow } from '../ShowNow.tsx';
import { KIND_LABEL, minutesText } from '../words.ts';
import { ShowDebrief } from './ShowDebrief.tsx';
import { ShowPlanner } from './ShowPlanner.tsx';
import '../show.css';
import { Refusal } from '../Refusal.tsx';

/**
 * The console's run of show: plan it in the lobby, start it, and move on with one press.
 * Every press names the item being left, so two facilitators pressing together move once.
 * Running over shows here only, calmly, with more time or moving on one tap away.
 */
export function ShowConsole() {
  const id = useId();
  const { state } = useConvening();
  const { show, current, next, now, left } = useShowNow();
  const { send, pending, error } = useCommand();
  const [editing, setEditing] = useState(false);
  const over = overrunMs(state, now);
  const pulses = Object.values(state.pulses).sort((a, b) => b.openedAt - a.openedAt);
  const closed = state.status === 'closed';

  return (
    <section className="card show-console" id="run-of-show" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Run of show</h2>
      {show.status === 'planned' && !closed && (
        <>
          <p className="muted">Plan the convening as a list of timed items. Everyone sees what is happening now and what comes next.</p>
          <ShowPlanner />
          {show.items.length > 0 && (
            <button type="button" className="button primary" disabled={pending} onClick={() => void send({ type: 'show.advance', fromItemId: null })}>
              Start with “{show.items[0]!.title}”
            </button>
          )}
        </>
      )}
      {show.status === 'running' && current && (
        <div className="show-live">
          <p className="show-now-line">
            <span className="show-label">Now</span> <strong className="show-title">{current.title}</strong> <span className="tag">{KIND_LABEL[current.kind]}</span>
          </p>
          {left !== null && left > 0 && (
            <p className="muted">
              <span role="timer" className="clock-digits">
                {formatLeft(left)}
              </span>{' '}
              left of {minutesText(current.minutes)}
            </p>
          )}
          {over > 0 && (
            <div className="show-overrun" role="status">
              <p>
                {current.title} has run {formatLeft(over)} past its time{show.autoAdvance ? '' : '. Take what the group needs'}.
              </p>
              <div className="actions">
                <button type="button" className="button small" disabled={pending} onClick={() => void send({ type: 'show.extend', itemId: current.id, minutes: 5 })}>
                  Take 5 more minutes
                </button>
                <button type="button" className="button small quiet" disabled={pending} onClick={() => void send({ type: 'show.advance', fromItemId: current.id })}>
                  Skip to {next ? `“${next.title}”` : 'the end'}
                </button>
              </div>
            </div>
          )}
          {current.kind === 'breakout' && current.round !== undefined && <BreakoutItem key={current.id} round={current.round} />}
          <p className="show-next-line">
            <span className="show-label">Next</span> {next ? `${next.title} (${minutesText(next.minutes)})` : 'The end of the convening'}
          </p>
          {!closed && (
            <button type="button" className="button primary" disabled={pending} onClick={() => void send({ type: 'show.advance', fromItemId: current.id })}>
              {next ? `Move on to “${next.title}”` : 'Finish the run of show'}
            </button>
          )}
          {state.pulses[itemPulseId(current.id)] && <PulseHost pulse={state.pulses[itemPulseId(current.id)]!} />}
          {!closed && (
            <details open={editing} onToggle={(e) => setEditing(e.currentTarget.open)}>
              <summary>Change what comes next</summary>
              {editing && <ShowPlanner onSaved={() => setEditing(false)} />}
            </details>
          )}
        </div>
      )}
      <Refusal error={error} />
      {(show.status === 'done' || closed) && show.items.length > 0 && <ShowDebrief />}
      {!closed && <PulseOpener />}
      {pulses.filter((p) => p.itemId === null || p.itemId !== current?.id).length > 0 && (
        <details>
          <summary>Pulse checks so far ({pulses.length})</summary>
          {pulses.map((p) => (p.itemId !== null && p.itemId === current?.id ? null : <PulseHost key={p.id} pulse={p} />))}
        </details>
      )}
    </section>
  );
}

/** A breakout item: its round's plan is previewed as the item begins, then opened with one press. */
function BreakoutItem({ round }: { round: number }) {
  const { state } = useConvening();
  const spec = state.agenda[round];
  const { send, pending, error } = useCommand();
  const [preview, setPreview] = useState<RoundPreview | null>(null);
  const asked = useRef(false);
  const running = state.activeRoundId !== null && state.rounds[state.activeRoundId]?.status === 'running';
  useEffect(() => {
    if (!spec || asked.current || running) return;
    asked.current = true;
    void send({ type: 'round.preview', spec, agendaItem: round }).then((r) => r.ok && r.preview && setPreview(r.preview));
  }, [spec, round, running, send]);
  if (!spec) return null;
  return (
    <div className="show-breakout">
      <p>
        Round: <strong>{spec.name}</strong>
        {preview && !running && <> · planned as {countOf(preview.rooms.length, 'room')}</>}
      </p>
      {preview && !running && (
        <button type="button" className="button" disabled={pending} onClick={() => void send({ type: 'round.open', spec, seed: preview.seed, agendaItem: round })}>
          Open these rooms
        </button>
      )}
      {running && <p className="muted">The rooms are open. You will find them under Breakouts.</p>}
      <Refusal error={error} />
    </div>
  );
}
