import { useTranslation } from 'react-i18next';
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { i18n } from '../app/i18n.ts';
import { ACTIONS, ariaKeys, keysForPeople, type Action } from './actions.ts';

const LINK: Omit<Action, 'run'> = {
  id: 'link',
  get label() {
    return i18n.t('notes:actions.link');
  },
  glyph: 'link',
  keys: 'Mod+K',
  active: (e) => e.isActive('link'),
};

/**
 * The formatting toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys move
 * between buttons, toggles say whether they are on with aria-pressed.
 */
export function Toolbar({
  editor,
  editorId,
  onLink,
  toolbarRef,
}: {
  editor: Editor;
  editorId: string;
  onLink: () => void;
  toolbarRef: RefObject<HTMLDivElement | null>;
}) {
  const items: Action[] = [...ACTIONS.slice(0, 7), { ...LINK, run: onLink }, ...ACTIONS.slice(7)];
  const [current, setCurrent] = useState(0);
  const { t } = useTranslation('notes');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      pressed: items.map((a) => (a.active ? a.active(e) : null)),
      enabled: items.map((a) => (a.can ? a.can(e) : true)),
    }),
  });

  const move = (to: number) => {
    const next = (to + items.length) % items.length;
    setCurrent(next);
    buttons.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(current + 1),
      ArrowLeft: () => move(current - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Escape: () => editor.commands.focus(),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  return (
    <div ref={toolbarRef} className="notes-toolbar" role="toolbar" aria-label={t('actions.formatting')} aria-controls={editorId} onKeyDown={onKeyDown}>
      {items.map((a, i) => {
        const pressed = state.pressed[i];
        const enabled = state.enabled[i] ?? true;
        return (
          <button
            key={a.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className={`tool tool-${a.id}`}
            tabIndex={i === current ? 0 : -1}
            aria-pressed={pressed === null || pressed === undefined ? undefined : pressed}
            aria-disabled={enabled ? undefined : true}
            aria-keyshortcuts={ariaKeys(a.keys)}
            aria-label={a.label}
            title={t('actions.withKeys', { label: a.label, keys: keysForPeople(a.keys) })}
            onFocus={() => setCurrent(i)}
            // Keep the editor's selection when a button is pressed with the mouse.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => enabled && a.run(editor)}
          >
            {a.glyph === 'link' ? <LinkIcon /> : <span aria-hidden="true">{a.glyph}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** A chain link drawn in the text colour (emoji fonts are not everywhere). */
function LinkIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}
