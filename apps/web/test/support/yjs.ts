import * as Y from 'yjs';

/** The update a local change made, merged: what an editor keeps as "not yet shared". */
export function madeBy(doc: Y.Doc, change: () => void): Uint8Array {
  const made: Uint8Array[] = [];
  const on = (u: Uint8Array) => made.push(u);
  doc.on('update', on);
  change();
  doc.off('update', on);
  return Y.mergeUpdates(made);
}
