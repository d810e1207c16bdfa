import type { Editor } from '@tiptap/react';

/** One formatting action: the toolbar button, its keyboard shortcut and whether it is on. */
export interface Action {
  id: string;
  label: string;
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
  { id: 'bold', label: 'Bold', glyph: 'B', keys: 'Mod+B', active: (e) => e.isActive('bold'), run: (e) => chain(e).toggleBold().run() },
  { id: 'italic', label: 'Italic', glyph: 'I', keys: 'Mod+I', active: (e) => e.isActive('italic'), run: (e) => chain(e).toggleItalic().run() },
  ...([1, 2, 3] as const).map(
    (level): Action => ({
      id: `h${level}`,
      label: `Heading ${level}`,
      glyph: `H${level}`,
      keys: `Mod+Alt+${level}`,
      active: (e) => e.isActive('heading', { level }),
      run: (e) => chain(e).toggleHeading({ level }).run(),
    }),
  ),
  { id: 'bullets', label: 'Bulleted list', glyph: '•', keys: 'Mod+Shift+8', active: (e) => e.isActive('bulletList'), run: (e) => chain(e).toggleBulletList().run() },
  { id: 'numbers', label: 'Numbered list', glyph: '1.', keys: 'Mod+Shift+7', active: (e) => e.isActive('orderedList'), run: (e) => chain(e).toggleOrderedList().run() },
  { id: 'quote', label: 'Quote', glyph: '“', keys: 'Mod+Shift+B', active: (e) => e.isActive('blockquote'), run: (e) => chain(e).toggleBlockquote().run() },
  { id: 'undo', label: 'Undo', glyph: '↶', keys: 'Mod+Z', run: (e) => chain(e).undo().run(), can: (e) => e.can().undo() },
  { id: 'redo', label: 'Redo', glyph: '↷', keys: 'Mod+Shift+Z', run: (e) => chain(e).redo().run(), can: (e) => e.can().redo() },
];

/** Extra keys the editor understands beyond the formatting buttons. */
export const OTHER_KEYS: { keys: string; what: string }[] = [
  { keys: 'Mod+K', what: 'Add or change a link' },
  { keys: 'Tab', what: 'Indent a list item' },
  { keys: 'Shift+Tab', what: 'Outdent a list item' },
  { keys: 'Escape', what: 'Leave the text and go to the formatting toolbar' },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Mod+Shift+8" as this person's keyboard names it. */
export const keysForPeople = (keys: string): string => keys.replace('Mod', isMac ? '⌘' : 'Ctrl').replace('Alt', isMac ? 'Option' : 'Alt');

/** "Mod+Shift+8" in the form aria-keyshortcuts expects. */
export const ariaKeys = (keys: string): string => keys.replace('Mod', isMac ? 'Meta' : 'Control');
