import { useTranslation } from 'react-i18next';
import type { Visibility } from '@brave/protocol';
import { VISIBILITY_CHOICE, VISIBILITY_ORDER } from '../../app/words.ts';
import { RadioList } from '../RadioList.tsx';

/** Which ways of signalling people may choose, and which one is picked for them at first. */
export function VisibilityPolicyField({
  allowed,
  onAllowed,
  preferred,
  onPreferred,
}: {
  allowed: readonly Visibility[];
  onAllowed: (allowed: Visibility[]) => void;
  preferred: Visibility;
  onPreferred: (v: Visibility) => void;
}) {
  const { t } = useTranslation('start');
  const toggle = (v: Visibility, on: boolean) => {
    const next = VISIBILITY_ORDER.filter((x) => (x === v ? on : allowed.includes(x)));
    onAllowed(next);
    if (!next.includes(preferred) && next[0]) onPreferred(next[0]);
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('visibility.legend')}</legend>
      <p className="hint">{t('visibility.hint')}</p>
      <div className="checks" role="group" aria-label={t('visibility.ways')}>
        {VISIBILITY_ORDER.map((v) => (
          <label className="check" key={v}>
            <input
              type="checkbox"
              checked={allowed.includes(v)}
              disabled={allowed.length === 1 && allowed.includes(v)}
              onChange={(e) => toggle(v, e.target.checked)}
            />
            <span>
              {VISIBILITY_CHOICE[v].label} <span className="muted">· {VISIBILITY_CHOICE[v].hint}</span>
            </span>
          </label>
        ))}
      </div>
      {allowed.length > 1 && (
        <RadioList
          legend={t('visibility.preferred')}
          value={preferred}
          onChange={onPreferred}
          options={allowed.map((v) => ({ value: v, label: VISIBILITY_CHOICE[v].label }))}
        />
      )}
    </fieldset>
  );
}
