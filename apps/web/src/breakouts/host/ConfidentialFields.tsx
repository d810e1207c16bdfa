import { useId } from 'react';
import type { ConfidentialNotes, ConfidentialSpec } from '@brave/protocol';
import { confidentialForHosts, notesFate } from '../confidential.ts';
import type { BuilderForm } from './specForm.ts';

type Which = 'none' | 'all' | 'caucuses' | 'named';
const whichOf = (c: ConfidentialSpec | null): Which => (!c ? 'none' : Array.isArray(c.rooms) ? 'named' : c.rooms);

/**
 * Which rooms of the round are confidential, and what becomes of their notes. Chosen
 * before the round opens, and told to everyone in those rooms. Single rooms can also be
 * marked while the round runs.
 */
export function ConfidentialFields({ form, change }: { form: BuilderForm; change: (patch: Partial<BuilderForm>) => void }) {
  const id = useId();
  const which = whichOf(form.confidential);
  const notes: ConfidentialNotes = form.confidential?.notes ?? 'delete';
  const set = (w: Which, n: ConfidentialNotes) => {
    if (w === 'named') return;
    change({ confidential: w === 'none' ? null : { rooms: w, notes: n } });
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
          {which === 'named' && <option value="named">The rooms this agenda item names</option>}
        </select>
      </div>
      <p className="hint" id={`${id}-what`}>
        {confidentialForHosts()}
      </p>
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
