import { useEffect, useId, useRef, useState } from 'react';
import { blankChannel, CHANNELS_MAX, slugOf, type ChannelDraft } from './channels.ts';

/**
 * Add, rename and remove channels. Focus follows the change, as in the agreements
 * editor: a new channel's name is focused; removing one focuses its neighbour.
 */
export function ChannelsEditor({ items, onChange }: { items: readonly ChannelDraft[]; onChange: (items: ChannelDraft[]) => void }) {
  const base = useId();
  const fields = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    if (focusKey === null) return;
    (fields.current.get(focusKey) ?? addButton.current)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const rename = (key: string, name: string) => onChange(items.map((c) => (c.key === key ? { ...c, name } : c)));
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    setFocusKey(next[Math.min(index, next.length - 1)]?.key ?? '');
  };
  const add = () => {
    const draft = blankChannel();
    onChange([...items, draft]);
    setFocusKey(draft.key);
  };

  return (
    <fieldset className="fieldset channels-editor">
      <legend>Channels</legend>
      <p className="hint" id={`${base}-hint`}>
        The communities of practice in your network. Each channel has one toolkit draft, and members choose one. One to {CHANNELS_MAX} channels.
      </p>
      <ol className="editor-list">
        {items.map((c, i) => (
          <li key={c.key} className="editor-item">
            <label htmlFor={`${base}-${c.key}`}>Channel {i + 1} name</label>
            <div className="editor-row">
              <input
                id={`${base}-${c.key}`}
                ref={(el) => {
                  if (el) fields.current.set(c.key, el);
                  else fields.current.delete(c.key);
                }}
                value={c.name}
                maxLength={40}
                onChange={(e) => rename(c.key, e.target.value)}
                aria-describedby={`${base}-${c.key}-id`}
              />
              <button
                type="button"
                className="button quiet small"
                aria-label={`Remove channel ${i + 1}${c.name.trim() ? ` (${c.name.trim()})` : ''}`}
                disabled={items.length <= 1}
                onClick={() => remove(i)}
              >
                Remove
              </button>
            </div>
            <p className="hint" id={`${base}-${c.key}-id`}>
              {c.id ? `Kept as “${c.id}”: its draft stays with it when renamed.` : c.name.trim() ? `Will be saved as “${slugOf(c.name)}”.` : ''}
            </p>
          </li>
        ))}
      </ol>
      <button ref={addButton} type="button" className="button quiet" onClick={add} disabled={items.length >= CHANNELS_MAX}>
        Add a channel
      </button>
    </fieldset>
  );
}
