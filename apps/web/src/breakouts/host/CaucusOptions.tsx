import { useId, useState } from 'react';
import { countOf } from '@brave/core';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';

/**
 * The caucus question's options. "Prefer not to say" and "skip" are always offered on
 * top of these, and nobody's answer is ever shown here.
 */
export function CaucusOptions() {
  const { state } = useConvening();
  const id = useId();
  const [draft, setDraft] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [added, setAdded] = useState(false);
  const { send, pending, error } = useCommand();
  const options = draft ?? state.caucusOptions;
  const edit = (next: string[]) => {
    setSaved(false);
    setDraft(next);
  };
  const clean = options.map((o) => o.trim()).filter(Boolean);
  const save = async () => {
    const result = await send({ type: 'caucus.options.set', options: clean });
    if (result.ok) {
      setDraft(null);
      setSaved(true);
    }
  };

  return (
    <details className="caucus-options">
      <summary>
        Caucus question <span className="count">{countOf(state.caucusOptions.length, 'option')}</span>
      </summary>
      <p className="muted">
        People answer privately and can always choose “Prefer not to say” or skip. Someone whose answer is no longer an
        option is not placed in a caucus until they answer again.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ol className="plain-list option-list">
          {options.map((option, i) => (
            <li key={i} className="named-room">
              <label className="visually-hidden" htmlFor={`${id}-${i}`}>
                Caucus option {i + 1}
              </label>
              <input
                id={`${id}-${i}`}
                value={option}
                maxLength={60}
                autoFocus={added && i === options.length - 1}
                onChange={(e) => edit(options.map((o, j) => (j === i ? e.target.value : o)))} />
              <button
                type="button"
                className="button quiet small"
                aria-label={`Remove caucus option ${i + 1}`}
                disabled={options.length <= 1}
                onClick={() => edit(options.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        {error && (
          <p className="gentle-note" role="alert">
            {error.message}
          </p>
        )}
        <div role="status">{saved && <p className="sent-note">Saved. Everyone now sees these options.</p>}</div>
        <div className="actions">
          <button type="button" className="button small quiet" disabled={options.length >= 12} onClick={() => {
              setAdded(true);
              edit([...options, '']);
            }}
          >
            Add an option
          </button>
          <button type="submit" className="button small" disabled={pending || draft === null || clean.length === 0}>
            Save options
          </button>
        </div>
      </form>
    </details>
  );
}
