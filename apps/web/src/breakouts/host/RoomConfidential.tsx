import { useId, useState } from 'react';
import type { ConfidentialNotes, RoomView, RoundView } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { confidentialForHosts, notesFate } from '../confidential.ts';

/**
 * A running room on the console: mark it confidential (choosing what becomes of its
 * notes, which the room is told), or, for a confidential room this facilitator is not
 * let into, knock and wait for someone inside to answer.
 */
export function RoomConfidential({ round, room }: { round: RoundView; room: RoomView }) {
  const { self } = useConvening();
  const inside = room.members.includes(self.participantId) || room.hosts.includes(self.participantId);
  if (round.status !== 'running') return null;
  if (!room.confidential) return round.strategy === 'affinity' || room.kind === 'caucus' ? null : <MarkConfidential room={room} />;
  if (inside) return <p className="small-print muted">Confidential. You are in this room.</p>;
  return <Knock room={room} waiting={room.knocks?.includes(self.participantId) ?? false} />;
}

function MarkConfidential({ room }: { room: RoomView }) {
  const id = useId();
  const [notes, setNotes] = useState<ConfidentialNotes>('delete');
  const { send, pending, error } = useCommand();
  return (
    <details className="mark-confidential">
      <summary>Make {room.name} confidential</summary>
      <p className="hint">{confidentialForHosts()}</p>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Its notes when the round closes</label>
        <select id={`${id}-notes`} value={notes} onChange={(e) => setNotes(e.target.value as ConfidentialNotes)}>
          <option value="delete">Delete them</option>
          <option value="keep">Keep them for the room only, until retention</option>
        </select>
      </div>
      <p className="hint">The room is told: “{notesFate(notes)}”</p>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      <button type="button" className="button small" disabled={pending} onClick={() => void send({ type: 'room.confidential.set', roomId: room.id, notes })}>
        Make it confidential
      </button>
    </details>
  );
}

function Knock({ room, waiting }: { room: RoomView; waiting: boolean }) {
  const { send, pending, error } = useCommand();
  return (
    <div className="knock">
      <p className="small-print">Confidential: you see only that it meets and how many are in it.</p>
      <div role="status" aria-live="polite">
        {waiting && <p className="sent-note">You knocked. Someone in {room.name} can let you in.</p>}
      </div>
      {!waiting && (
        <button type="button" className="button small" disabled={pending} onClick={() => void send({ type: 'room.knock', roomId: room.id })}>
          Knock on {room.name}
        </button>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
