import { useEffect, useId, useState } from 'react';
import type { RoomView } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { CONFIDENTIAL_MEANS, CONFIDENTIAL_TITLE, NOTES_FATE, confidentialAnnouncement } from '../confidential.ts';

/**
 * The calm notice inside a confidential room: what it means, what becomes of the notes,
 * announced once on entering (a polite live region that holds the sentence), and the
 * facilitators knocking, for anyone in the room to let in or not.
 */
export function ConfidentialNotice({ room }: { room: RoomView }) {
  const id = useId();
  const notes = room.confidential?.notes ?? null;
  // A live region speaks what changes in it, not what it held from the start: fill it after mounting.
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(notes ? confidentialAnnouncement(notes) : ''), [notes]);
  if (!room.confidential) return null;
  return (
    <section className="confidential-notice" aria-labelledby={`${id}-h`}>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="confidential-announcement">
        {said}
      </p>
      <h3 id={`${id}-h`}>{CONFIDENTIAL_TITLE}</h3>
      <p>{CONFIDENTIAL_MEANS}</p>
      <p>{NOTES_FATE[room.confidential.notes]}</p>
      <Knocks room={room} />
    </section>
  );
}

function Knocks({ room }: { room: RoomView }) {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const knocks = room.knocks ?? [];
  return (
    <div className="knocks">
      <div role="status" aria-live="polite">
        {knocks.length > 0 && <p>{knocks.length === 1 ? 'A facilitator is asking to come in.' : `${knocks.length} facilitators are asking to come in.`}</p>}
      </div>
      {knocks.length > 0 && (
        <ul className="plain-list knock-list">
          {knocks.map((fid) => {
            const name = state.participants[fid]?.name ?? 'A facilitator';
            return (
              <li key={fid}>
                <span>{name} would like to join you.</span>
                <span className="actions">
                  <button type="button" className="button small primary" disabled={pending} onClick={() => void send({ type: 'room.knock.answer', roomId: room.id, facilitatorId: fid, letIn: true })}>
                    Let {name} in
                  </button>
                  <button type="button" className="button small quiet" disabled={pending} onClick={() => void send({ type: 'room.knock.answer', roomId: room.id, facilitatorId: fid, letIn: false })}>
                    Not now
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
