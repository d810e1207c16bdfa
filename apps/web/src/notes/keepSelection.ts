import { Extension } from '@tiptap/core';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';

/**
 * Keeps a caret the person just moved when someone else's change or caret arrives.
 *
 * The browser moves the caret itself for Ctrl+End, Page Down and most arrows, and tells
 * the editor only with a `selectionchange` event some time later. Anything the editor
 * draws in between is drawn with the selection it still holds, and drawing writes that
 * selection back into the page; ProseMirror then takes the old place for the one it had
 * seen, so the move is lost and the next words land where the caret was before (issue
 * 15, item 10). Two kinds of drawing happen in that gap:
 *
 * - Someone else's caret. The caret plugin (@tiptap/y-tiptap `yCursorPlugin`) does not
 *   redraw when their presence changes: it queues a transaction that carries only its
 *   meta and dispatches it on a timer (`setMeta`, `setTimeout(0)`). That timer can fire
 *   after a key press moved the caret and before `selectionchange`: this was the root
 *   cause of the lost moves that remained, and no listener on presence could catch it,
 *   because the presence change had come and gone before the key was pressed.
 *   So a transaction that changes neither the text nor the selection takes the
 *   browser's caret with it (`dispatchTransaction` below).
 * - Someone else's text. The Yjs binding saves the selection it restores after a remote
 *   change, as relative positions, when the Yjs transaction starts. So when a transaction
 *   from elsewhere starts, the browser's caret is read into the editor first; the
 *   binding's view update then saves the selection again from the state just read.
 */
export function keepLocalSelection(doc: Y.Doc) {
  let stop = (): void => undefined;
  return Extension.create({
    name: 'keepLocalSelection',
    onBeforeCreate() {
      const editor = this.editor;
      // `local` is false only for updates applied from the server (Y.applyUpdate).
      const onTransaction = (tr: Y.Transaction) => {
        if (!tr.local && editor.isInitialized && !editor.isDestroyed) {
          const next = withDomSelection(editor.view, editor.view.state.tr);
          if (next) editor.view.dispatch(next);
        }
      };
      doc.on('beforeTransaction', onTransaction);
      stop = () => doc.off('beforeTransaction', onTransaction);
    },
    onDestroy() {
      stop();
    },
    dispatchTransaction({ transaction, next }) {
      const view = this.editor.isInitialized ? this.editor.view : undefined;
      next((view && !transaction.docChanged && !transaction.selectionSet && withDomSelection(view, transaction)) || transaction);
    },
  });
}

/**
 * If the browser's caret in this editor is not where the editor's text selection is,
 * `tr` with the browser's caret as its selection; else null. Only for `tr` on the
 * document the page shows. Pending typing is left to ProseMirror's own observer (it
 * has been read by the time another task runs).
 */
export function withDomSelection(view: EditorView, tr: Transaction): Transaction | null {
  if (view.composing || !view.hasFocus() || tr.doc !== view.state.doc) return null;
  const current = view.state.selection;
  if (!(current instanceof TextSelection)) return null; // node and whole-document selections are the editor's own
  const dom = (view.root as Document).getSelection();
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return null; // a point ProseMirror cannot place (e.g. inside a widget): leave it to selectionchange
  }
  if (anchor === current.anchor && head === current.head) return null;
  const size = tr.doc.content.size;
  if (anchor < 0 || head < 0 || anchor > size || head > size) return null;
  const next = TextSelection.between(tr.doc.resolve(anchor), tr.doc.resolve(head));
  return next.eq(current) ? null : tr.setSelection(next);
}
