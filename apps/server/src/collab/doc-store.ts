import type Database from 'better-sqlite3';
import { immediate } from '../store/sqlite.ts';

/**
 * Where collaborative documents live: the same SQLite file as the convenings (tables from
 * the MIGRATIONS in store/sqlite.ts). better-sqlite3 is synchronous, so when a write call
 * returns the rows are committed to the WAL and survive the process being killed.
 *
 * A document is a snapshot (a full Yjs state, `upto` = the last update folded into it)
 * plus the updates logged after it, in `seq` order.
 */
export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  lastSeq: number;
  /** Stored size: snapshot plus logged updates. */
  bytes: number;
}

export interface UpdateRow {
  doc: string;
  seq: number;
  at: number;
  data: Uint8Array;
}

export interface VersionRow {
  id: string;
  doc: string;
  label: string;
  at: number;
  by: string | null;
  data: Uint8Array;
}

export type VersionInfo = Omit<VersionRow, 'data'> & { bytes: number };

export interface PublicationRow {
  slug: string;
  doc: string;
  versionId: string;
  label: string;
  title: string;
  publishedAt: number;
  by: string | null;
  markdown: string;
  html: string;
}

export class DocStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      snapshot: db.prepare('SELECT upto, data FROM doc_snapshots WHERE doc = ?'),
      tail: db.prepare('SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq'),
      insertUpdate: db.prepare('INSERT INTO doc_updates (doc, seq, at, data) VALUES (?, ?, ?, ?)'),
      upsertSnapshot: db.prepare(
        'INSERT INTO doc_snapshots (doc, upto, at, data) VALUES (?, ?, ?, ?) ON CONFLICT(doc) DO UPDATE SET upto = excluded.upto, at = excluded.at, data = excluded.data',
      ),
      dropUpdates: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
      insertVersion: db.prepare('INSERT INTO doc_versions (id, doc, label, at, by, data) VALUES (@id, @doc, @label, @at, @by, @data)'),
      versions: db.prepare('SELECT id, doc, label, at, by, length(data) AS bytes FROM doc_versions WHERE doc = ? ORDER BY at DESC, rowid DESC LIMIT ?'),
      version: db.prepare('SELECT id, doc, label, at, by, data FROM doc_versions WHERE id = ? AND doc = ?'),
      upsertPublication: db.prepare(
        `INSERT INTO doc_publications (slug, doc, version_id, label, title, published_at, by, markdown, html)
         VALUES (@slug, @doc, @versionId, @label, @title, @publishedAt, @by, @markdown, @html)
         ON CONFLICT(doc) DO UPDATE SET version_id = excluded.version_id, label = excluded.label, title = excluded.title,
           published_at = excluded.published_at, by = excluded.by, markdown = excluded.markdown, html = excluded.html`,
      ),
      publicationBySlug: db.prepare(
        'SELECT slug, doc, version_id AS versionId, label, title, published_at AS publishedAt, by, markdown, html FROM doc_publications WHERE slug = ?',
      ),
      publicationOfDoc: db.prepare(
        'SELECT slug, doc, version_id AS versionId, label, title, published_at AS publishedAt, by, markdown, html FROM doc_publications WHERE doc = ?',
      ),
    };
  }

  load(doc: string): StoredDoc {
    const snap = this.stmt.snapshot.get(doc) as { upto: number; data: Buffer } | undefined;
    const rows = this.stmt.tail.all(doc, snap?.upto ?? 0) as { seq: number; data: Buffer }[];
    const updates = rows.map((r) => r.data);
    return {
      snapshot: snap?.data ?? null,
      updates,
      lastSeq: rows.at(-1)?.seq ?? snap?.upto ?? 0,
      bytes: (snap?.data.length ?? 0) + updates.reduce((n, u) => n + u.length, 0),
    };
  }

  /** Append updates of any number of documents in one transaction. */
  append(rows: UpdateRow[]): void {
    if (rows.length === 0) return;
    immediate(this.db, () => {
      for (const r of rows) this.stmt.insertUpdate.run(r.doc, r.seq, r.at, r.data);
    });
  }

  /** Replace the snapshot and drop the updates it now contains, atomically. */
  compact(doc: string, upto: number, at: number, data: Uint8Array): void {
    immediate(this.db, () => {
      this.stmt.upsertSnapshot.run(doc, upto, at, data);
      this.stmt.dropUpdates.run(doc, upto);
    });
  }

  saveVersion(v: VersionRow): void {
    immediate(this.db, () => this.stmt.insertVersion.run(v));
  }

  /** Newest first, without their content. */
  versions(doc: string, limit = 200): VersionInfo[] {
    return this.stmt.versions.all(doc, limit) as VersionInfo[];
  }

  version(doc: string, id: string): VersionRow | null {
    return (this.stmt.version.get(id, doc) as VersionRow | undefined) ?? null;
  }

  /** Publish (or re-publish) a document; the slug of its first publication is kept. */
  publish(p: PublicationRow): PublicationRow {
    immediate(this.db, () => this.stmt.upsertPublication.run(p));
    return this.publicationOf(p.doc)!;
  }

  publication(slug: string): PublicationRow | null {
    return (this.stmt.publicationBySlug.get(slug) as PublicationRow | undefined) ?? null;
  }

  publicationOf(doc: string): PublicationRow | null {
    return (this.stmt.publicationOfDoc.get(doc) as PublicationRow | undefined) ?? null;
  }
}
