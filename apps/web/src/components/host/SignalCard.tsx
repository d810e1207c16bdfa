import { useEffect, useId, useRef, useState } from 'react';
import { canMove } from '@brave/core';
import { LIMITS, type SignalStatus, type SignalView } from '@brave/protocol';
import { KIND_LABEL, STATUS_LABEL, VISIBILITY_FOR_HOSTS, clockTime } from '../../app/words.ts';
import { nameOf, useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';

type Move = Exclude<SignalStatus, 'raised'>;
const MOVES: readonly Move[] = ['acknowledged', 'addressed', 'parked'];
const MOVE_LABEL: Record<Move, string> = { acknowledged: 'Acknowledge', addressed: 'Mark addressed', parked: 'Park for later' };

/** Title of a signal as facilitators see it: a name only where the sender allowed one. */
export function signalTitle(signal: SignalView, name: string | null): string {
  const kind = KIND_LABEL[signal.kind];
  return signal.by ? `${kind} from ${name ?? 'someone who left'}` : `Anonymous ${kind.toLowerCase()}`;
}

/**
 * A moved card is rendered afresh in its new group, so the button that was pressed is
 * gone. Remember which card moved and give its heading focus when it appears again.
 */
let focusAfterMove: string | null = null;

/** One signal in the shared queue, with its history and the moves it allows next. */
export function SignalCard({ signal }: { signal: SignalView }) {
  const { state } = useConvening();
  const id = useId();
  const [note, setNote] = useState('');
  const { send, pending, error } = useCommand();
  const title = signalTitle(signal, nameOf(state, signal.by));
  const moves = MOVES.filter((to) => canMove(signal.status, to));
  const heading = useRef<HTMLHeadingElement>(null);

  // On mount only: the card that was clicked re-renders (pending) before it moves.
  useEffect(() => {
    if (focusAfterMove !== signal.id) return;
    focusAfterMove = null;
    const el = heading.current;
    // Inside the closed "addressed" group the card is hidden: fall back to the queue heading.
    if (el && el.offsetParent !== null) el.focus();
    else document.getElementById('queue-h')?.focus();
  }, [signal.id]);

  const move = async (status: Move) => {
    const trimmed = note.trim();
    // Set before sending: the moved card is re-rendered by the event, which arrives before the ack.
    focusAfterMove = signal.id;
    const result = await send({ type: 'signal.triage', signalId: signal.id, status, ...(trimmed ? { note: trimmed } : {}) });
    if (result.ok) setNote('');
    else focusAfterMove = null;
  };

  return (
    <li>
      <article className={`signal-card kind-${signal.kind} status-${signal.status}`} aria-labelledby={`${id}-t`}>
        <header className="signal-card-head">
          <h4 id={`${id}-t`} ref={heading} tabIndex={-1}>
            {title}
          </h4>
          <time dateTime={new Date(signal.raisedAt).toISOString()}>{clockTime(signal.raisedAt)}</time>
        </header>
        <p className="tags">
          <span className="tag">{VISIBILITY_FOR_HOSTS[signal.visibility]}</span>
          <span className={`tag status-tag status-${signal.status}`}>{STATUS_LABEL[signal.status]}</span>
          {signal.visibility === 'named' && signal.privateExplanation && signal.explanation && (
            <span className="tag">Words for facilitators only</span>
          )}
        </p>
        {signal.explanation ? (
          <blockquote className="words">{signal.explanation}</blockquote>
        ) : (
          <p className="muted">No words yet.</p>
        )}
        {signal.history.length > 0 && (
          <ol className="history" aria-label="What happened so far">
            {signal.history.map((h, i) => (
              <li key={i}>
                {STATUS_LABEL[h.status]} by {nameOf(state, h.by) ?? 'a facilitator'} at {clockTime(h.at)}
                {h.note ? `: ${h.note}` : ''}
              </li>
            ))}
          </ol>
        )}
        {state.status === 'open' && (
          <div className="triage">
            <div className="field">
              <label htmlFor={`${id}-note`}>Note (optional)</label>
              <textarea id={`${id}-note`} rows={1} maxLength={LIMITS.noteMax} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="actions">
              {moves.map((to) => (
                <button key={to} type="button" className="button small" disabled={pending} onClick={() => void move(to)}>
                  {signal.status === 'addressed' ? 'Reopen' : MOVE_LABEL[to]}
                </button>
              ))}
            </div>
            {error && (
              <p className="gentle-note" role="alert">
                {error.message}
              </p>
            )}
          </div>
        )}
      </article>
    </li>
  );
}
