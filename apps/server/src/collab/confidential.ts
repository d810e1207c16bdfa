import type { DocStore } from './doc-store.ts';
import type { DocRegistry } from './registry.ts';

/**
 * Confidential notes at the close of their round (core rounds/confidential.ts says which):
 * open copies are closed and forgotten first, so nothing queued is written back, then
 * every row kept about them is deleted through the DocStore contract. The gate refuses
 * them from the moment the round ended, so nobody opens them again meanwhile.
 */
export async function deleteConfidentialNotes(docs: DocRegistry, store: DocStore, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  docs.deleted(names);
  await store.deleteDocs(names);
}
