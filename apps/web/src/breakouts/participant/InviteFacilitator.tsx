import { useId, useState } from 'react';
import type { RoomView } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { isFacilitatorRole, namesOf } from '../words.ts';

/**
 * A caucus decides which facilitators may join it. Anyone in the caucus can invite or
 * uninvite; invited facilitators see who is here and what is raised here.
 */
export function InviteFacilitator({ room }: { room: RoomView }) {
  const { state } = useConvening();
  const id = useId();
  const facilitators = Object.values(state.participants).filter(isFacilitatorRole);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const { send, pending, error } = useCommand();
  const [saved, setSaved] = useState(false);
  const current = chosen ?? room.hosts;
  const invited = namesOf(state, room.hosts);

  const save = async () => {
    const result = await send({ type: 'room.hosts.set', roomId: room.id, hostIds: current });
    if (result.ok) {
      setChosen(null);
      setSaved(true);
    }
  };
  const toggle = (pid: string, on: boolean) => {
    setSaved(false);
    setChosen(on ? [...new Set([...current, pid])] : current.filter((x) => x !== pid));
  };

  return (
    <details className="invite-facilitator">
      <summary>Invite a facilitator</summary>
      <p className="muted">
        {invited.length > 0
          ? `Invited: ${invited.join(', ')}. They can see who is in this caucus and any ouch or whoops raised here.`
          : 'No facilitator is invited. The facilitators see only that this caucus exists and how many are in it.'}
      </p>
      {facilitators.length === 0 ? (
        <p className="muted">There are no facilitators in this convening to invite.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset className="fieldset compact-fieldset">
            <legend className="field-label">Who may join this caucus</legend>
            {facilitators.map((f) => (
              <label className="check" key={f.id}>
                <input type="checkbox" checked={current.includes(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />
                {f.name}
              </label>
            ))}
          </fieldset>
          <p className="hint" id={`${id}-who`}>
            Anyone in the caucus can change this.
          </p>
          {error && (
            <p className="gentle-note" role="alert">
              {error.message}
            </p>
          )}
          <div role="status">{saved && <p className="sent-note">Saved for the whole caucus.</p>}</div>
          <div className="actions">
            <button type="submit" className="button small" disabled={pending || chosen === null} aria-describedby={`${id}-who`}>
              Save who is invited
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
