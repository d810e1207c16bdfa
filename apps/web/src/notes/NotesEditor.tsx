import { useEffect, useId, useRef, useState } from 'react';
import { EditorContent, Extension, useEditor, type Editor } from '@tiptap/react';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { StarterKit } from '@tiptap/starter-kit';
import type { CollabConnection } from './collab.ts';
import { keepLocalSelection } from './keepSelection.ts';
import { LinkForm, normaliseHref } from './LinkForm.tsx';
import { caretElement, selectionAttrs, type PresenceUser } from './presence.ts';
import { Toolbar } from './Toolbar.tsx';

/** Keys that reach outside the text: Mod+K opens the link form, Escape goes to the toolbar. */
const OutsideKeys = Extension.create<{ onLink: () => void; onEscape: () => boolean }>({
  name: 'notesOutsideKeys',
  addOptions: () => ({ onLink: () => undefined, onEscape: () => false }),
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => (this.editor.isEditable ? (this.options.onLink(), true) : false),
      Escape: () => this.options.onEscape(),
    };
  },
});

/**
 * The rich-text editor on a Yjs document: Tiptap's starter kit (headings, lists, links,
 * quotes) bound to the shared document, with everyone's carets and names.
 */
export function NotesEditor({
  conn,
  user,
  editable,
  label,
  onEditor,
}: {
  conn: CollabConnection;
  user: PresenceUser;
  editable: boolean;
  label: string;
  onEditor: (editor: Editor | null) => void;
}) {
  const editorId = useId();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linking, setLinking] = useState(false);
  const handlers = useRef({
    onLink: () => setLinking(true),
    onEscape: (): boolean => {
      const button = toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]');
      button?.focus();
      return button !== undefined && button !== null;
    },
  });

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false, // Yjs keeps its own undo history, per person
          heading: { levels: [1, 2, 3] },
          codeBlock: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https', isAllowedUri: (url) => normaliseHref(url) !== null },
        }),
        Collaboration.configure({ document: conn.doc, field: 'default' }),
        CollaborationCaret.configure({ provider: conn.provider, user, render: caretElement, selectionRender: selectionAttrs }),
        // A caret just moved by keyboard must not be put back by others' text or carets.
        keepLocalSelection(conn.doc),
        OutsideKeys.configure({ onLink: () => handlers.current.onLink(), onEscape: () => handlers.current.onEscape() }),
      ],
      editable,
      editorProps: {
        attributes: {
          id: editorId,
          class: 'notes-prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [conn],
  );

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.updateUser(user);
  }, [editor, user]);

  return (
    <div className="notes-editor">
      {editable && <Toolbar editor={editor} editorId={editorId} onLink={() => setLinking(true)} toolbarRef={toolbarRef} />}
      {editable && linking && <LinkForm editor={editor} onClose={() => setLinking(false)} />}
      <EditorContent editor={editor} className="notes-content" />
    </div>
  );
}
