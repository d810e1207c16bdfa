import type { DocStore } from './doc-store.ts';
import type { DocRegistry } from './registry.ts';
import type { SharedDocs } from './shared-docs.ts';

/**
 * Confidential notes at the close of their round (core rounds/confidential.ts says which):
 * open copies are closed and forgotten first, here and (over Redis, `shared`) on every
 * other process, so nothing queued is written back and no process relays them to anyone
 * any more; then every row kept about them is deleted through the DocStore contract. The
 * gate refuses them from the moment the round ended, so nobody opens them again
 * meanwhile, and a copy a process still held (its Redis message lost) has its next write
 * refused by the store (DocStore.appendAfter) and is dropped there.
 */
export async function deleteConfidentialNotes(docs: DocRegistry, store: DocStore, names: readonly string[], shared?: Pick<SharedDocs, 'deleted'> | null): Promise<void> {
  if (names.length === 0) return;
  docs.deleted(names);
  shared?.deleted(names);
  await store.delete(names);
}
