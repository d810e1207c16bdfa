import * as Y from 'yjs';
import type { LiveDoc } from './live-doc.ts';

/** For a write's transaction: leave out the rows of a document deleted (or dropped) since they were made. */
export function stillOpen(docs: LiveDoc[]): (name: string) => boolean {
  const byName = new Map(docs.map((d) => [d.name, d]));
  return (name) => byName.get(name)?.gone === false;
}

/** One update per document per flush when possible; Yjs-made updates always merge. */
export function mergeSafely(updates: Uint8Array[]): Uint8Array[] {
  if (updates.length <= 1) return updates;
  try {
    return [Y.mergeUpdates(updates)];
  } catch {
    return updates;
  }
}
