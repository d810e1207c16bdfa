import { ACTIONS, OTHER_KEYS, keysForPeople } from './actions.ts';

/** Every keyboard shortcut of the editor, in a disclosure that stays out of the way. */
export function Shortcuts() {
  const rows = [...ACTIONS.map((a) => ({ keys: a.keys, what: a.label })), ...OTHER_KEYS];
  return (
    <details className="card shortcuts">
      <summary>Keyboard shortcuts</summary>
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
      <p className="hint">Markdown-style typing works too: “# ” starts a heading, “- ” a list, “&gt; ” a quote.</p>
    </details>
  );
}
