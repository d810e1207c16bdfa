import { Extension } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * Keeps a caret the person just moved when someone else's change arrives.
 *
 * ProseMirror learns of a caret moved by the keyboard (Ctrl+End, Page Down, arrows the
 * browser handles itself) only on the next `selectionchange` event. A remote change or a
 * remote caret that is drawn before that event is drawn with the selection the editor
 * still holds, and drawing writes that old selection back into the page: the move is
 * undone and the next words land where the caret was before (issue 15, item 10). The
 * Yjs binding also saves the selection to restore, as relative positions, at the start of
 * the remote transaction, from that same stale state.
 *
 * So: when a transaction from elsewhere starts on the document, or someone else's caret
 * changes, read the browser's caret into the editor first. These listeners are added
 * before the editor's view exists, so they run before the Yjs binding's and the caret
 * plugin's own listeners on the same events.
 */
export function keepLocalSelection(doc: Y.Doc, awareness: Awareness) {
  let stop = (): void => undefined;
  return Extension.create({
    name: 'keepLocalSelection',
    onBeforeCreate() {
      const editor = this.editor;
      const pull = () => {
        if (editor.isInitialized && !editor.isDestroyed) pullDomSelection(editor.view);
      };
      // `local` is false only for updates applied from the server (Y.applyUpdate).
      const onTransactions = () => {
        if (doc._transaction?.local === false) pull();
      };
      const onAwareness = (_changes: unknown, origin: unknown) => {
        if (origin !== 'local') pull();
      };
      doc.on('beforeAllTransactions', onTransactions);
      awareness.on('change', onAwareness);
      stop = () => {
        doc.off('beforeAllTransactions', onTransactions);
        awareness.off('change', onAwareness);
      };
    },
    onDestroy() {
      stop();
    },
  });
}

/**
 * If the browser's caret in this editor differs from the editor's text selection, make
 * the editor's selection the browser's. Only the selection: pending typing is left to
 * ProseMirror's own observer (it has been read by the time another task runs).
 */
export function pullDomSelection(view: EditorView): void {
  if (view.composing || !view.hasFocus()) return;
  const current = view.state.selection;
  if (!(current instanceof TextSelection)) return; // node and whole-document selections are the editor's own
  const dom = (view.root as Document).getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return; // a point ProseMirror cannot place (e.g. inside a widget): leave it to selectionchange
  }
  if (anchor === current.anchor && head === current.head) return;
  const { doc } = view.state;
  if (anchor < 0 || head < 0 || anchor > doc.content.size || head > doc.content.size) return;
  const next = TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  if (!next.eq(current)) view.dispatch(view.state.tr.setSelection(next));
}
