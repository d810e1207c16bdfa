import { sql } from 'kysely';
import * as Y from 'yjs';
import { fragmentOf } from '../collab/prose.ts';
import { toMarkdown } from '../collab/render.ts';
import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact, type Tx } from '../store/transactions.ts';

const DOC_TABLES = ['doc_updates', 'doc_snapshots', 'doc_versions', 'doc_publications'] as const;

/**
 * The documents side of communities, on the server's database (either engine): render a
 * draft or notes as Markdown for an export, find a community's documents, delete them.
 * (Live editing is the collab module's; it is told when documents are deleted.)
 */
export class CommunityDocs {
  constructor(private readonly database: Database) {}

  /** The document's Markdown, or null when nothing was ever stored for it. */
  async markdown(name: string): Promise<string | null> {
    const { snapshot, updates } = await this.read(async (db) => {
      const snapshot = await db.selectFrom('doc_snapshots').select(['upto', 'data']).where('doc', '=', name).executeTakeFirst();
      const updates = await db
        .selectFrom('doc_updates')
        .select('data')
        .where('doc', '=', name)
        .where('seq', '>', snapshot?.upto ?? 0)
        .orderBy('seq')
        .execute();
      return { snapshot, updates };
    });
    if (!snapshot && updates.length === 0) return null;
    const doc = new Y.Doc();
    try {
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      for (const u of updates) Y.applyUpdate(doc, u.data);
      return toMarkdown(fragmentOf(doc));
    } finally {
      doc.destroy();
    }
  }

  /** Names of stored documents that start with `prefix` (e.g. `notes:<conveningId>:`). */
  async namesWithPrefix(prefix: string): Promise<string[]> {
    return this.read(async (db) => {
      const names = new Set<string>();
      for (const table of DOC_TABLES) {
        const rows = await db
          .selectFrom(table)
          .select('doc')
          .distinct()
          .where(sql<boolean>`substr(doc, 1, ${prefix.length}) = ${prefix}`)
          .execute();
        for (const r of rows) names.add(r.doc);
      }
      return [...names];
    });
  }

  /** Published toolkit drafts, by document name (for the home page). */
  async publications(names: string[], base: string): Promise<Record<string, { url: string; label: string; publishedAt: number }>> {
    if (names.length === 0) return {};
    const rows = await this.read((db) => db.selectFrom('doc_publications').select(['doc', 'slug', 'label', 'published_at']).where('doc', 'in', names).execute());
    return Object.fromEntries(rows.map((r) => [r.doc, { url: `${base}/p/${r.slug}`, label: r.label, publishedAt: r.published_at }]));
  }

  /** Delete documents with everything kept about them, inside the caller's transaction. */
  async deleteRows(tx: Tx, names: string[]): Promise<void> {
    if (names.length === 0) return;
    for (const table of DOC_TABLES) await tx.deleteFrom(table).where('doc', 'in', names).execute();
  }

  /** One write transaction on the documents' tables (awaited until committed). */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return transact(this.database, fn);
  }

  private read<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
    return refusalsUnavailable(() => fn(this.database.db));
  }
}
