import type { Editor } from '@tiptap/react';
import { i18n } from '../app/i18n.ts';

/** One formatting action: the toolbar button, its keyboard shortcut and whether it is on. */
export interface Action {
  id: string;
  /** Read when rendered, so it follows the current language. */
  readonly label: string;
  /** Shown in the shortcuts list and in aria-keyshortcuts ("Mod" becomes Control or Meta). */
  keys: string;
  /** Toggles have aria-pressed; plain actions (undo) do not. */
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  can?: (e: Editor) => boolean;
  /** A short mark on the button (text, or 'link' for the chain icon); the label is what assistive technology reads. */
  glyph: string;
}

const chain = (e: Editor) => e.chain().focus();

export const ACTIONS: Action[] = [
  { id: 'bold', get label() { return i18n.t('notes:actions.bold'); }, glyph: 'B', keys: 'Mod+B', active: (e) => e.isActive('bold'), run: (e) => chain(e).toggleBold().run() },
  { id: 'italic', get label() { return i18n.t('notes:actions.italic'); }, glyph: 'I', keys: 'Mod+I', active: (e) => e.isActive('italic'), run: (e) => chain(e).toggleItalic().run() },
  ...([1, 2, 3] as const).map(
    (level): Action => ({
      id: `h${level}`,
      get label() {
        return i18n.t('notes:actions.heading', { level });
      },
      glyph: `H${level}`,
      keys: `Mod+Alt+${level}`,
      active: (e) => e.isActive('heading', { level }),
      run: (e) => chain(e).toggleHeading({ level }).run(),
    }),
  ),
  { id: 'bullets', get label() { return i18n.t('notes:actions.bullets'); }, glyph: '•', keys: 'Mod+Shift+8', active: (e) => e.isActive('bulletList'), run: (e) => chain(e).toggleBulletList().run() },
  { id: 'numbers', get label() { return i18n.t('notes:actions.numbers'); }, glyph: '1.', keys: 'Mod+Shift+7', active: (e) => e.isActive('orderedList'), run: (e) => chain(e).toggleOrderedList().run() },
  { id: 'quote', get label() { return i18n.t('notes:actions.quote'); }, glyph: '“', keys: 'Mod+Shift+B', active: (e) => e.isActive('blockquote'), run: (e) => chain(e).toggleBlockquote().run() },
  { id: 'undo', get label() { return i18n.t('notes:actions.undo'); }, glyph: '↶', keys: 'Mod+Z', run: (e) => chain(e).undo().run(), can: (e) => e.can().undo() },
  { id: 'redo', get label() { return i18n.t('notes:actions.redo'); }, glyph: '↷', keys: 'Mod+Shift+Z', run: (e) => chain(e).redo().run(), can: (e) => e.can().redo() },
];

/** Extra keys the editor understands beyond the formatting buttons. */
export const otherKeys = (): { keys: string; what: string }[] => [
  { keys: 'Mod+K', what: i18n.t('notes:actions.addLink') },
  { keys: 'Tab', what: i18n.t('notes:actions.indent') },
  { keys: 'Shift+Tab', what: i18n.t('notes:actions.outdent') },
  { keys: 'Escape', what: i18n.t('notes:actions.escape') },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Mod+Shift+8" as this person's keyboard names it. */
export const keysForPeople = (keys: string): string => keys.replace('Mod', isMac ? '⌘' : 'Ctrl').replace('Alt', isMac ? 'Option' : 'Alt');

/** "Mod+Shift+8" in the form aria-keyshortcuts expects. */
export const ariaKeys = (keys: string): string => keys.replace('Mod', isMac ? 'Meta' : 'Control');
