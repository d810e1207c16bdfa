import { useId } from 'react';
import type { PulseKind, PulseResults, PulseSpec } from '@brave/protocol';
import { PULSE_KIND_LABEL } from '../words.ts';

/** A pulse check's question, kind, options, who sees results and whether it is named: in a planned item or opened on the spot. */
export function PulseSpecFields({ pulse, onChange }: { pulse: PulseSpec; onChange: (next: PulseSpec) => void }) {
  const id = useId();
  const set = (patch: Partial<PulseSpec>) => {
    const next = { ...pulse, ...patch };
    if (next.kind !== 'choice') delete next.options;
    else if (!next.options) next.options = ['Yes', 'Not yet'];
    onChange(next);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-q`}>Question</label>
        <input id={`${id}-q`} maxLength={200} value={pulse.question} onChange={(e) => set({ question: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-k`}>Answer with</label>
        <select id={`${id}-k`} value={pulse.kind} onChange={(e) => set({ kind: e.target.value as PulseKind })}>
          {(Object.keys(PULSE_KIND_LABEL) as PulseKind[]).map((k) => (
            <option key={k} value={k}>
              {PULSE_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      {pulse.kind === 'choice' && (
        <div className="field">
          <label htmlFor={`${id}-o`}>Answers to choose from, one per line (2 to 6)</label>
          <textarea id={`${id}-o`} rows={3} value={(pulse.options ?? []).join('\n')} onChange={(e) => set({ options: e.target.value.split('\n').slice(0, 6) })} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-v`}>Who sees the results live</label>
        <select id={`${id}-v`} value={pulse.results ?? 'facilitators'} onChange={(e) => set({ results: e.target.value as PulseResults })}>
          <option value="facilitators">Facilitators, until we share them</option>
          <option value="everyone">Everyone</option>
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={pulse.anonymous === false} onChange={(e) => set({ anonymous: e.target.checked ? false : undefined })} />
        Facilitators see who answered what (leave unticked to keep it anonymous)
      </label>
    </>
  );
}
