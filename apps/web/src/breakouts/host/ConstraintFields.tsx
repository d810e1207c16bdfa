import { useId, useState } from 'react';
import { useConvening } from '../../live/context.ts';
import { namesOf } from '../words.ts';
import type { BuilderForm } from './specForm.ts';

/**
 * On top of any strategy: one facilitator per room, and groups of people to keep
 * together or apart (honoured whenever the plan allows; the preview says when not).
 */
export function ConstraintFields({ form, change }: { form: BuilderForm; change: (patch: Partial<BuilderForm>) => void }) {
  const { state } = useConvening();
  const id = useId();
  const [checked, setChecked] = useState<string[]>([]);
  const people = Object.values(state.participants)
    .filter((p) => p.role !== 'observer' && p.affirmedAt !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  const add = (which: 'keepTogether' | 'keepApart') => {
    change({ [which]: [...form[which], checked] });
    setChecked([]);
  };
  const groups: [('keepTogether' | 'keepApart'), string][] = [
    ['keepTogether', 'Together'],
    ['keepApart', 'Apart'],
  ];

  return (
    <fieldset className="fieldset constraints">
      <legend className="field-label">On top of that</legend>
      <label className="check">
        <input type="checkbox" checked={form.onePerRoom} onChange={(e) => change({ onePerRoom: e.target.checked })} aria-describedby={`${id}-fac`} />
        One facilitator per room
      </label>
      <p className="hint" id={`${id}-fac`}>
        Facilitators join the rooms, one in each where there are enough of them. Otherwise they stay in the main room.
      </p>
      <details className="keep-groups">
        <summary>Keep people together or apart {form.keepTogether.length + form.keepApart.length > 0 && <span className="count">{form.keepTogether.length + form.keepApart.length}</span>}</summary>
        {groups.map(([which, word]) =>
          form[which].length > 0 ? (
            <ul className="plain-list keep-list" key={which} aria-label={`Kept ${word.toLowerCase()}`}>
              {form[which].map((group, i) => (
                <li key={i}>
                  <span>
                    {word}: {namesOf(state, group).join(', ')}
                  </span>
                  <button
                    type="button"
                    className="button quiet small"
                    onClick={() => change({ [which]: form[which].filter((_, j) => j !== i) })}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          ) : null,
        )}
        <fieldset className="fieldset compact-fieldset">
          <legend className="field-label">Choose two or more people</legend>
          <div className="people-checks">
            {people.map((p) => (
              <label className="check" key={p.id}>
                <input
                  type="checkbox"
                  checked={checked.includes(p.id)}
                  onChange={(e) => setChecked(e.target.checked ? [...checked, p.id] : checked.filter((x) => x !== p.id))}
                />
                {p.name}
              </label>
            ))}
            {people.length === 0 && <p className="muted">Nobody has stepped in yet.</p>}
          </div>
        </fieldset>
        <div className="actions">
          <button type="button" className="button small" disabled={checked.length < 2} onClick={() => add('keepTogether')}>
            Keep these together
          </button>
          <button type="button" className="button small" disabled={checked.length < 2} onClick={() => add('keepApart')}>
            Keep these apart
          </button>
        </div>
      </details>
    </fieldset>
  );
}
