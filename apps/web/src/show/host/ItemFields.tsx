import { useId } from 'react';
import type { PulseKind, PulseResults, ShowItem } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { PULSE_KIND_LABEL } from '../words.ts';

/** The fields one kind of item needs beyond title and minutes. */
export function ItemFields({ item, onChange }: { item: ShowItem; onChange: (next: ShowItem) => void }) {
  const { state } = useConvening();
  const id = useId();
  if (item.kind === 'agreements') {
    return (
      <div className="field">
        <label htmlFor={`${id}-a`}>Agreement to spotlight</label>
        <select id={`${id}-a`} value={item.agreementId ?? ''} onChange={(e) => onChange(withField(item, 'agreementId', e.target.value || undefined))}>
          <option value="">None: just talk them through</option>
          {state.agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {a.text.length > 70 ? `${a.text.slice(0, 70)}…` : a.text}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (item.kind === 'plenary') {
    return (
      <div className="field">
        <label htmlFor={`${id}-s`}>Speaker or topic (optional)</label>
        <input id={`${id}-s`} maxLength={80} value={item.speaker ?? ''} onChange={(e) => onChange(withField(item, 'speaker', e.target.value || undefined))} />
      </div>
    );
  }
  if (item.kind === 'breakout') {
    return (
      <div className="field">
        <label htmlFor={`${id}-r`}>Round from the breakout agenda</label>
        <select id={`${id}-r`} value={item.round ?? ''} onChange={(e) => onChange(withField(item, 'round', e.target.value === '' ? undefined : Number(e.target.value)))}>
          <option value="">{state.agenda.length ? 'Choose when it comes' : 'No rounds on the agenda yet'}</option>
          {state.agenda.map((spec, i) => (
            <option key={`${i}-${spec.name}`} value={i}>
              {i + 1}. {spec.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (item.kind === 'reflection') {
    // On unless turned off, so the option is stored only when someone unticks it.
    return (
      <label className="check">
        <input
          type="checkbox"
          checked={item.quiet !== false}
          onChange={(e) => {
            const { quiet: _quiet, ...rest } = item;
            onChange(e.target.checked ? rest : { ...rest, quiet: false });
          }}
        />
        Hold the room in a quiet moment for these minutes (raised hands and room notices wait until it ends)
      </label>
    );
  }
  if (item.kind === 'pulse') return <PulseFields item={item} onChange={onChange} />;
  return null;
}

function PulseFields({ item, onChange }: { item: ShowItem; onChange: (next: ShowItem) => void }) {
  const id = useId();
  const pulse = item.pulse ?? { question: '', kind: 'scale' as PulseKind };
  const set = (patch: Partial<NonNullable<ShowItem['pulse']>>) => {
    const next = { ...pulse, ...patch };
    if (next.kind !== 'choice') delete next.options;
    else if (!next.options) next.options = ['Yes', 'Not yet'];
    onChange({ ...item, pulse: next });
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

function withField<K extends 'agreementId' | 'speaker' | 'round'>(item: ShowItem, key: K, value: ShowItem[K] | undefined): ShowItem {
  const next = { ...item };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
