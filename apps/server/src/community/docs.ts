import * as Y from 'yjs';
import type { DocStore } from '../collab/doc-store.ts';
import type { Tx } from '../store/transactions.ts';
import { fragmentOf } from '../collab/prose.ts';
import { toMarkdown } from '../collab/render.ts';

/**
 * The documents side of communities, through the document store (whichever database holds
 * the documents): render a draft or notes as Markdown for an export, find a community's
 * documents, delete them. (Live editing is the collab module's; it is told when documents
 * are deleted.)
 */
export class CommunityDocs {
  constructor(private readonly store: DocStore) {}

  /** The document's Markdown, or null when nothing was ever stored for it. */
  async markdown(name: string): Promise<string | null> {
    const stored = await this.store.load(name);
    if (!stored.snapshot && stored.updates.length === 0) return null;
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return toMarkdown(fragmentOf(doc));
    } finally {
      doc.destroy();
    }
  }

  /** Names of stored documents that start with `prefix` (e.g. `notes:<conveningId>:`). */
  namesWithPrefix(prefix: string): Promise<string[]> {
    return this.store.namesWithPrefix(prefix);
  }

  /** Published toolkit drafts, by document name (for the home page). */
  async publications(names: string[], base: string): Promise<Record<string, { url: string; label: string; publishedAt: number }>> {
    const rows = await this.store.publicationsOf(names);
    return Object.fromEntries(rows.map((r) => [r.doc, { url: `${base}/p/${r.slug}`, label: r.label, publishedAt: r.publishedAt }]));
  }

  /** Delete documents with everything kept about them: in the caller's transaction (`within`), else in one of their own. */
  deleteRows(names: string[], within?: Tx): Promise<void> {
    return this.store.delete(names, within);
  }
}
