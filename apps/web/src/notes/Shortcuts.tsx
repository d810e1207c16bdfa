import { useTranslation } from 'react-i18next';
import { ACTIONS, keysForPeople, otherKeys } from './actions.ts';

/** Every keyboard shortcut of the editor, in a disclosure that stays out of the way. */
export function Shortcuts() {
  const { t } = useTranslation('notes');
  const rows = [...ACTIONS.map((a) => ({ keys: a.keys, what: a.label })), ...otherKeys()];
  return (
    <details className="card shortcuts">
      <summary>{t('shortcuts.summary')}</summary>
      <dl className="shortcut-list">
        {rows.map((r) => (
          <div key={r.keys} className="shortcut-row">
            <dt>
              {keysForPeople(r.keys)
                .split('+')
                .map((k, i) => (
                  <span key={i}>
                    {i > 0 && '+'}
                    <kbd>{k}</kbd>
                  </span>
                ))}
            </dt>
            <dd>{r.what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('shortcuts.markdown')}</p>
    </details>
  );
}
