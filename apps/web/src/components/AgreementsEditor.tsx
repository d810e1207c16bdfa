import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS, type Agreement } from '@brave/protocol';
import '../styles/editor.css';

/** An item being edited; `id` is kept from the original so spotlights keep pointing at it. */
export interface DraftAgreement {
  key: string;
  id?: string;
  text: string;
}

let counter = 0;
const newKey = () => `draft-${(counter += 1)}`;

export const toDrafts = (agreements: readonly Agreement[]): DraftAgreement[] =>
  agreements.map((a) => ({ key: newKey(), id: a.id, text: a.text }));

export const blankDraft = (): DraftAgreement => ({ key: newKey(), text: '' });

/** What the API and the agreements.set command take: empty items dropped. */
export const fromDrafts = (drafts: readonly DraftAgreement[]) =>
  drafts
    .map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text.trim() }))
    .filter((d) => d.text.length > 0);

/**
 * Add, remove and reword agreements. Focus follows the change: a new item is focused,
 * and removing one moves focus to its neighbour rather than losing it.
 */
export function AgreementsEditor({
  items,
  onChange,
}: {
  items: readonly DraftAgreement[];
  onChange: (items: DraftAgreement[]) => void;
}) {
  const base = useId();
  const fields = useRef(new Map<string, HTMLTextAreaElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useEffect(() => {
    if (focusKey === null) return;
    (fields.current.get(focusKey) ?? addButton.current)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const update = (key: string, text: string) => onChange(items.map((d) => (d.key === key ? { ...d, text } : d)));
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    setFocusKey(next[Math.min(index, next.length - 1)]?.key ?? '');
  };
  const add = () => {
    const draft = blankDraft();
    onChange([...items, draft]);
    setFocusKey(draft.key);
  };

  return (
    <div className="agreements-editor">
      <ol className="editor-list">
        {items.map((d, i) => (
          <li key={d.key} className="editor-item">
            <label htmlFor={`${base}-${d.key}`}>Agreement {i + 1}</label>
            <div className="editor-row">
              <textarea
                id={`${base}-${d.key}`}
                ref={(el) => {
                  if (el) fields.current.set(d.key, el);
                  else fields.current.delete(d.key);
                }}
                rows={2}
                maxLength={LIMITS.agreementTextMax}
                value={d.text}
                onChange={(e) => update(d.key, e.target.value)}
              />
              <button
                type="button"
                className="button quiet small"
                aria-label={`Remove agreement ${i + 1}`}
                disabled={items.length <= 1}
                onClick={() => remove(i)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button ref={addButton} type="button" className="button quiet" onClick={add} disabled={items.length >= LIMITS.agreementsMax}>
        Add an agreement
      </button>
    </div>
  );
}
