import type { RoomView } from '@brave/protocol';
import { clockTime } from '../../app/words.ts';
import { useCommand } from '../../live/useCommand.ts';

/** "On my way": answering a room's call for help clears it for every facilitator and tells the room. */
export function HelpAnswer({ room }: { room: Pick<RoomView, 'id' | 'name' | 'helpRequestedAt'> }) {
  const { send, pending, error } = useCommand();
  if (!room.helpRequestedAt) return null;
  return (
    <div className="help-answer">
      <p className="help-line">
        <strong>{room.name} asks for help</strong> <span className="muted">since {clockTime(room.helpRequestedAt)}</span>
      </p>
      <button
        type="button"
        className="button small primary"
        disabled={pending}
        aria-label={`On my way to ${room.name}`}
        onClick={() => void send({ type: 'room.help.answer', roomId: room.id })}
      >
        On my way
      </button>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
