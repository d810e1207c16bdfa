import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { fragmentOf } from '../collab/prose.ts';
import { toMarkdown } from '../collab/render.ts';
import { inList } from './db.ts';

const DOC_TABLES = ['doc_updates', 'doc_snapshots', 'doc_versions', 'doc_publications'] as const;

/**
 * The documents side of communities, straight on the shared SQLite file: render a draft
 * or notes as Markdown for an export, find a community's documents, delete them.
 * (Live editing is the collab module's; it is told when documents are deleted.)
 */
export class CommunityDocs {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      snapshot: db.prepare('SELECT upto, data FROM doc_snapshots WHERE doc = ?'),
      tail: db.prepare('SELECT data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq').pluck(),
    };
  }

  /** The document's Markdown, or null when nothing was ever stored for it. */
  markdown(name: string): string | null {
    const snapshot = this.q.snapshot.get(name) as { upto: number; data: Buffer } | undefined;
    const updates = this.q.tail.all(name, snapshot?.upto ?? 0) as Buffer[];
    if (!snapshot && updates.length === 0) return null;
    const doc = new Y.Doc();
    try {
      if (snapshot) Y.applyUpdate(doc, snapshot.data);
      for (const u of updates) Y.applyUpdate(doc, u);
      return toMarkdown(fragmentOf(doc));
    } finally {
      doc.destroy();
    }
  }

  /** Names of stored documents that start with `prefix` (e.g. `notes:<conveningId>:`). */
  namesWithPrefix(prefix: string): string[] {
    const names = new Set<string>();
    for (const table of DOC_TABLES) {
      const rows = this.db.prepare(`SELECT DISTINCT doc FROM ${table} WHERE substr(doc, 1, ?) = ?`).pluck().all(prefix.length, prefix) as string[];
      for (const n of rows) names.add(n);
    }
    return [...names];
  }

  /** Published toolkit drafts, by document name (for the home page). */
  publications(names: string[], base: string): Record<string, { url: string; label: string; publishedAt: number }> {
    if (names.length === 0) return {};
    const rows = this.db
      .prepare(`SELECT doc, slug, label, published_at AS publishedAt FROM doc_publications WHERE doc IN ${inList(names.length)}`)
      .all(...names) as { doc: string; slug: string; label: string; publishedAt: number }[];
    return Object.fromEntries(rows.map((r) => [r.doc, { url: `${base}/p/${r.slug}`, label: r.label, publishedAt: r.publishedAt }]));
  }

  /** Delete documents with everything kept about them. Call inside the caller's transaction. */
  deleteRows(names: string[]): void {
    for (const table of DOC_TABLES) {
      const del = this.db.prepare(`DELETE FROM ${table} WHERE doc = ?`);
      for (const n of names) del.run(n);
    }
  }
}
