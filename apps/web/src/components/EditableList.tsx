import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import '../styles/editor.css';

/** What one row's own input needs from the list: its id (the label points at it) and ref. */
export interface RowField {
  id: string;
  ref: (el: HTMLElement | null) => void;
}

interface Props<T extends { key: string }> {
  items: readonly T[];
  onChange: (items: T[]) => void;
  /** A new, empty row. */
  blank: () => T;
  max: number;
  addLabel: string;
  /** Visible label of a row's input ("Agreement 2"). */
  rowLabel: (index: number) => string;
  /** Accessible name of a row's Remove button, which reads just "Remove". */
  removeLabel: (item: T, index: number) => string;
  /** The row's input; `edit` merges a change into that row. */
  field: (item: T, props: RowField, edit: (patch: Partial<T>) => void) => ReactNode;
  /** Anything shown under a row's input, given the input's id. */
  below?: (item: T, fieldId: string) => ReactNode;
}

/**
 * A list a person edits row by row: add, remove and change rows. Focus follows the
 * change: a new row's input is focused, and removing one moves focus to its neighbour
 * (or to the add button) rather than losing it. The last row cannot be removed.
 */
export function EditableList<T extends { key: string }>({ items, onChange, blank, max, addLabel, rowLabel, removeLabel, field, below }: Props<T>) {
  const base = useId();
  const fields = useRef(new Map<string, HTMLElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const { t } = useTranslation('live');

  useEffect(() => {
    if (focusKey === null) return;
    (fields.current.get(focusKey) ?? addButton.current)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const edit = (key: string, patch: Partial<T>) => onChange(items.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next);
    setFocusKey(next[Math.min(index, next.length - 1)]?.key ?? '');
  };
  const add = () => {
    const draft = blank();
    onChange([...items, draft]);
    setFocusKey(draft.key);
  };
  const refFor = (key: string) => (el: HTMLElement | null) => {
    if (el) fields.current.set(key, el);
    else fields.current.delete(key);
  };

  return (
    <>
      <ol className="editor-list">
        {items.map((item, i) => {
          const id = `${base}-${item.key}`;
          return (
            <li key={item.key} className="editor-item">
              <label htmlFor={id}>{rowLabel(i)}</label>
              <div className="editor-row">
                {field(item, { id, ref: refFor(item.key) }, (patch) => edit(item.key, patch))}
                <button type="button" className="button quiet small" aria-label={removeLabel(item, i)} disabled={items.length <= 1} onClick={() => remove(i)}>
                  {t('list.remove')}
                </button>
              </div>
              {below?.(item, id)}
            </li>
          );
        })}
      </ol>
      <button ref={addButton} type="button" className="button quiet" onClick={add} disabled={items.length >= max}>
        {addLabel}
      </button>
    </>
  );
}
