import { useId } from 'react';
import type { ConfidentialNotes, ConfidentialSpec } from '@brave/protocol';
import { confidentialForHosts, notesFate } from '../confidential.ts';
import type { BuilderForm } from './specForm.ts';
import { CONFIDENTIAL_CHOICE } from './words.ts';

type Which = 'none' | 'all' | 'caucuses' | 'some';
const whichOf = (c: ConfidentialSpec | null): Which => (!c ? 'none' : Array.isArray(c.rooms) ? 'some' : c.rooms);

/** A room the facilitator can tick: by its key (how the spec names it) and its name. */
export interface RoomChoice {
  key: string;
  name: string;
}

/** Is this room named by the spec (by key, or by name as an agenda item may say)? */
const named = (c: ConfidentialSpec | null, room: RoomChoice): boolean => Array.isArray(c?.rooms) && (c.rooms.includes(room.key) || c.rooms.includes(room.name));

/**
 * Which rooms of the round are confidential, and what becomes of their notes. Chosen
 * before the round opens, and told to everyone in those rooms: every room, every caucus
 * room, or the rooms ticked one by one (the form's rooms for a manual or self-select
 * round, else the rooms of the preview). Single rooms can also be marked while the round
 * runs (RoomConfidential).
 */
export function ConfidentialFields({ form, change, rooms }: { form: BuilderForm; change: (patch: Partial<BuilderForm>) => void; rooms: readonly RoomChoice[] }) {
  const id = useId();
  const which = whichOf(form.confidential);
  const notes: ConfidentialNotes = form.confidential?.notes ?? 'delete';
  const ticked = rooms.filter((r) => named(form.confidential, r));
  const set = (w: Which, n: ConfidentialNotes) => {
    if (w === 'none') return change({ confidential: null });
    change({ confidential: { rooms: w === 'some' ? (which === 'some' ? form.confidential!.rooms : []) : w, notes: n } });
  };
  const tick = (room: RoomChoice, on: boolean) => {
    const others = ticked.filter((r) => r.key !== room.key).map((r) => r.key);
    change({ confidential: { rooms: on ? [...others, room.key] : others, notes } });
  };
  return (
    <fieldset className="fieldset confidential-fields">
      <legend className="field-label">Confidential rooms</legend>
      <div className="field">
        <label htmlFor={`${id}-which`}>Which rooms</label>
        <select id={`${id}-which`} value={which} onChange={(e) => set(e.target.value as Which, notes)} aria-describedby={`${id}-what`}>
          <option value="none">None</option>
          <option value="all">Every room of this round</option>
          <option value="caucuses">Every caucus room</option>
          <option value="some">{CONFIDENTIAL_CHOICE.some}</option>
        </select>
      </div>
      <p className="hint" id={`${id}-what`}>
        {confidentialForHosts()}
      </p>
      {which === 'some' && (
        <fieldset className="fieldset confidential-rooms" aria-describedby={`${id}-ticked`}>
          <legend className="field-label">{CONFIDENTIAL_CHOICE.rooms}</legend>
          {rooms.length === 0 && <p className="hint">{CONFIDENTIAL_CHOICE.previewFirst}</p>}
          {rooms.map((room) => (
            <label className="check" key={room.key}>
              <input type="checkbox" checked={named(form.confidential, room)} onChange={(e) => tick(room, e.target.checked)} />
              {room.name}
            </label>
          ))}
          <p className="hint" id={`${id}-ticked`} role="status">
            {rooms.length === 0 ? '' : ticked.length === 0 ? CONFIDENTIAL_CHOICE.noneTicked : CONFIDENTIAL_CHOICE.ticked(ticked.length)}
          </p>
        </fieldset>
      )}
      {which !== 'none' && (
        <div className="field">
          <label htmlFor={`${id}-notes`}>Their notes when the round closes</label>
          <select id={`${id}-notes`} value={notes} onChange={(e) => set(which, e.target.value as ConfidentialNotes)} aria-describedby={`${id}-told`}>
            <option value="delete">Delete them</option>
            <option value="keep">Keep them for each room only, until retention</option>
          </select>
          <p className="hint" id={`${id}-told`}>
            Each room is told: “{notesFate(notes)}”
          </p>
        </div>
      )}
    </fieldset>
  );
}
