import './floor.css';
import { useState } from 'react';
import type { FloorQueue } from '@brave/protocol';
import { spokenLeft, useServerNow } from '../breakouts/clock.ts';
import { nameOf, useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';
import { scopeName, turnsWords } from './words.ts';

const MINUTES = [1, 2, 3, 5, 10] as const;

/**
 * The facilitator's floor: a quiet moment to begin or end, the progressive option, and
 * every line this facilitator may see (the main room and the rooms whose roster they see).
 * Every action is a button, so keyboard and pointer do the same things.
 */
export function HostFloor() {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const lines = Object.entries(state.floor.queues).sort(([a], [b]) => (a === 'plenary' ? -1 : b === 'plenary' ? 1 : a.localeCompare(b)));
  return (
    <section className="card host-floor" aria-labelledby="floor-h">
      <h2 id="floor-h">Speaking line</h2>
      <SilenceControl />
      <label className="check">
        <input
          type="checkbox"
          checked={state.floor.progressive}
          disabled={pending}
          onChange={(e) => void send({ type: 'floor.progressive', on: e.target.checked })}
        />{' '}
        People who have not spoken yet go first
      </label>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      {lines.length === 0 && <p className="muted">No hands are up. When someone raises theirs, they appear here in order.</p>}
      {lines.map(([scope, q]) => (
        <Line key={scope} scope={scope} queue={q} busy={pending} send={send} />
      ))}
    </section>
  );
}

type Send = ReturnType<typeof useCommand>['send'];

function Line({ scope, queue, busy, send }: { scope: string; queue: FloorQueue; busy: boolean; send: Send }) {
  const { state } = useConvening();
  const name = (id: string) => nameOf(state, id) ?? 'Someone who left';
  const title = scopeName(state, scope);
  const turns = (id: string) => turnsWords(queue.turns[id] ?? 0);
  return (
    <div className="floor-line" role="group" aria-label={title}>
      <h3>{title}</h3>
      <div aria-live="polite">
        {queue.speaking ? (
          <p>
            <strong>{name(queue.speaking)}</strong> has the floor <span className="muted">(turn {queue.turns[queue.speaking] ?? 1} here)</span>.{' '}
            <button type="button" className="button small" disabled={busy} onClick={() => void send({ type: 'floor.done', scope })}>
              {name(queue.speaking)} is done
            </button>
          </p>
        ) : (
          <p className="muted">Nobody has the floor.</p>
        )}
      </div>
      {queue.order.length > 0 && (
        <button type="button" className="button" disabled={busy} onClick={() => void send({ type: 'floor.call', scope })}>
          Call {name(queue.order[0]!)} next
        </button>
      )}
      <ol className="hand-line">
        {queue.order.map((id, i) => (
          <li key={id}>
            <span>
              {name(id)} <span className="muted">({turns(id)})</span>
            </span>{' '}
            <span className="floor-actions">
              <button type="button" className="button small quiet" disabled={busy} onClick={() => void send({ type: 'floor.call', scope, participantId: id })}>
                Call {name(id)}
              </button>
              <button type="button" className="button small quiet" disabled={busy || i === 0} aria-label={`Move ${name(id)} up`} onClick={() => void send({ type: 'floor.reorder', scope, participantId: id, toIndex: i - 1 })}>
                Up
              </button>
              <button type="button" className="button small quiet" disabled={busy || i === queue.order.length - 1} aria-label={`Move ${name(id)} down`} onClick={() => void send({ type: 'floor.reorder', scope, participantId: id, toIndex: i + 1 })}>
                Down
              </button>
            </span>
          </li>
        ))}
      </ol>
      {queue.waiting.length > 0 && (
        <p className="muted">
          Waiting for the quiet to end: {queue.waiting.map(name).join(', ')}
        </p>
      )}
    </div>
  );
}

function SilenceControl() {
  const { state, client } = useConvening();
  const { send, pending } = useCommand();
  const [minutes, setMinutes] = useState<number>(2);
  const silence = state.floor.silence;
  const now = useServerNow(client, silence !== null);
  if (silence) {
    return (
      <p className="floor-silence">
        Quiet moment on, about {spokenLeft(silence.endsAt - now)} left.{' '}
        <button type="button" className="button small" disabled={pending} onClick={() => void send({ type: 'silence.end' })}>
          End the quiet now
        </button>
      </p>
    );
  }
  return (
    <p className="floor-silence">
      <label>
        Quiet moment of{' '}
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {MINUTES.map((m) => (
            <option key={m} value={m}>
              {m} minute{m === 1 ? '' : 's'}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="button small" disabled={pending || state.status !== 'open'} onClick={() => void send({ type: 'silence.start', minutes })}>
        Begin the quiet
      </button>
    </p>
  );
}
