import { useId } from 'react';
import type { ShowItem } from '@brave/protocol';
import { PulseSpecFields } from '../pulse/PulseSpecFields.tsx';
import { usePlanSource } from './plan-source.ts';

/** The fields one kind of item needs beyond title and minutes. */
export function ItemFields({ item, onChange }: { item: ShowItem; onChange: (next: ShowItem) => void }) {
  const state = usePlanSource();
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
  return <PulseSpecFields pulse={item.pulse ?? { question: '', kind: 'scale' }} onChange={(pulse) => onChange({ ...item, pulse })} />;
}

function withField<K extends 'agreementId' | 'speaker' | 'round'>(item: ShowItem, key: K, value: ShowItem[K] | undefined): ShowItem {
  const next = { ...item };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
