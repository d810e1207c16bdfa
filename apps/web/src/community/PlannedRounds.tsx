import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundSpec } from '@brave/protocol';
import { DEFAULT_FORM, toSpec, type BuilderForm, type StrategyKind } from '../breakouts/host/specForm.ts';
import { describeSpec, STRATEGIES, suggestedName } from '../breakouts/host/words.ts';

/**
 * Breakout rounds planned ahead, without a live convening: the console's round builder
 * needs people in the room to preview, so this is its compact sibling on the same form
 * model (specForm.ts). The live console previews, shuffles and opens them later.
 */
const PLANNABLE: readonly StrategyKind[] = ['random', 'mix', 'byChoice', 'affinity', 'cohorts', 'selfSelect'];
const MAX_ROUNDS = 20;

export function PlannedRounds({ rounds, onChange }: { rounds: readonly RoundSpec[]; onChange: (rounds: RoundSpec[]) => void }) {
  const id = useId();
  const [form, setForm] = useState<BuilderForm>(DEFAULT_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { t } = useTranslation('community');
  const change = (patch: Partial<BuilderForm>) => {
    setProblem(null);
    setAdded(null);
    setForm((f) => ({ ...f, ...patch }));
  };

  const add = () => {
    if (rounds.length >= MAX_ROUNDS) return setProblem(t('rounds.tooMany', { max: MAX_ROUNDS }));
    const built = toSpec(form, false);
    if (!built.ok) return setProblem(built.problem);
    onChange([...rounds, built.spec]);
    setAdded(t('rounds.added', { name: built.spec.name, n: rounds.length + 1 }));
  };

  return (
    <fieldset className="fieldset planned-rounds">
      <legend>{t('rounds.legend')}</legend>
      <p className="hint">{t('rounds.hint')}</p>
      {rounds.length > 0 && (
        <ol className="plain-list planned-list">
          {rounds.map((r, i) => (
            <li key={`${i}-${r.name}`} className="planned-item">
              <span>
                <strong>{r.name}</strong> <span className="muted">{describeSpec(r)}</span>
              </span>
              <button type="button" className="button quiet small" aria-label={t('rounds.removeLabel', { n: i + 1, name: r.name })} onClick={() => onChange(rounds.filter((_, j) => j !== i))}>
                {t('rounds.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="round-compact">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('rounds.name')}</label>
          <input id={`${id}-name`} value={form.name} maxLength={80} onChange={(e) => change({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('rounds.kind')}</label>
          <select
            id={`${id}-kind`}
            value={form.kind}
            onChange={(e) => {
              const kind = e.target.value as StrategyKind;
              change({ kind, name: suggestedName(form.name, kind) });
            }}
            aria-describedby={`${id}-kind-hint`}
          >
            {STRATEGIES.filter((s) => PLANNABLE.includes(s.kind)).map((s) => (
              <option key={s.kind} value={s.kind}>
                {s.label}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-kind-hint`}>
            {STRATEGIES.find((s) => s.kind === form.kind)?.hint}
          </p>
        </div>
        {(form.kind === 'random' || form.kind === 'mix') && (
          <div className="field">
            <label htmlFor={`${id}-size`}>{t('rounds.size')}</label>
            <input id={`${id}-size`} type="number" inputMode="numeric" className="number-input" min={2} max={100} value={form.roomSize} onChange={(e) => change({ roomsBy: 'size', roomSize: e.target.value })} />
          </div>
        )}
        {form.kind === 'byChoice' && (
          <div className="field">
            <label htmlFor={`${id}-by`}>{t('rounds.by')}</label>
            <select id={`${id}-by`} value={form.choiceField} onChange={(e) => change({ choiceField: e.target.value as BuilderForm['choiceField'] })}>
              <option value="channel">{t('rounds.byChannel')}</option>
              <option value="role">{t('rounds.byRole')}</option>
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-min`}>{t('rounds.minutes')}</label>
          <input id={`${id}-min`} type="number" inputMode="decimal" className="number-input" min={0.5} max={240} step={0.5} value={form.minutes} onChange={(e) => change({ minutes: e.target.value })} />
        </div>
      </div>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>
      <div role="status">{added && <p className="sent-note">{added}</p>}</div>
      <button type="button" className="button quiet" onClick={add}>
        {t('rounds.add')}
      </button>
    </fieldset>
  );
}
