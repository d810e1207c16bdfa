import { sql } from 'kysely';
import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact, type Tx } from '../store/transactions.ts';
import type { Appended, DocBatch, DocStore, PublicationRow, StoredDoc, StoredTail, UpdateRow, VersionInfo, VersionRow } from './doc-store.ts';

const DOC_TABLES = ['doc_updates', 'doc_snapshots', 'doc_versions', 'doc_publications'] as const;

/**
 * The document store (contracts in doc-store.ts) on Kysely, written once for both engines.
 * Every write is one transaction that has committed when its promise resolves.
 */
export class KyselyDocStore implements DocStore {
  constructor(private readonly database: Database) {}

  async load(doc: string): Promise<StoredDoc> {
    const db = this.database.db;
    return refusalsUnavailable(async () => {
      const snap = await db.selectFrom('doc_snapshots').select(['upto', 'data']).where('doc', '=', doc).executeTakeFirst();
      const rows = await db.selectFrom('doc_updates').select(['seq', 'data']).where('doc', '=', doc).where('seq', '>', snap?.upto ?? 0).orderBy('seq').execute();
      const updates = rows.map((r) => new Uint8Array(r.data));
      const snapshot = snap ? new Uint8Array(snap.data) : null;
      return {
        snapshot,
        updates,
        lastSeq: rows.at(-1)?.seq ?? snap?.upto ?? 0,
        bytes: (snapshot?.length ?? 0) + updates.reduce((n, u) => n + u.length, 0),
      };
    });
  }

  async append(rows: UpdateRow[], live: (doc: string) => boolean = () => true): Promise<void> {
    if (rows.length === 0) return;
    await transact(this.database, async (tx) => {
      const kept = rows.filter((r) => live(r.doc));
      if (kept.length > 0) await tx.insertInto('doc_updates').values(kept.map((r) => ({ doc: r.doc, seq: r.seq, at: r.at, data: bytes(r.data) }))).execute();
    });
  }

  async appendAfter(batches: DocBatch[], live: (doc: string) => boolean = () => true): Promise<Map<string, Appended>> {
    const out = new Map<string, Appended>();
    const given = batches.filter((b) => b.updates.length > 0);
    if (given.length === 0) return out;
    await transact(this.database, async (tx) => {
      const kept = given.filter((b) => live(b.doc));
      await this.lock(tx, kept.map((b) => b.doc));
      for (const b of kept) {
        const top = await topSeq(tx, b.doc);
        if (b.after > top) continue; // deleted since this writer loaded it: it must not come back
        const missed = top > b.after ? await tailOf(tx, b.doc, b.after) : null;
        const first = Math.max(top, b.after) + 1;
        await tx
          .insertInto('doc_updates')
          .values(b.updates.map((data, i) => ({ doc: b.doc, seq: first + i, at: b.at, data: bytes(data) })))
          .execute();
        out.set(b.doc, { first, missed });
      }
    });
    return out;
  }

  async since(doc: string, after: number): Promise<StoredTail> {
    return refusalsUnavailable(() => tailOf(this.database.db, doc, after));
  }

  async compact(doc: string, upto: number, at: number, data: Uint8Array): Promise<void> {
    await transact(this.database, async (tx) => {
      await this.lock(tx, [doc]);
      await tx
        .insertInto('doc_snapshots')
        .values({ doc, upto, at, data: bytes(data) })
        .onConflict((oc) =>
          oc
            .column('doc')
            .doUpdateSet((eb) => ({ upto: eb.ref('excluded.upto'), at: eb.ref('excluded.at'), data: eb.ref('excluded.data') }))
            .where('doc_snapshots.upto', '<', upto),
        )
        .execute();
      await tx.deleteFrom('doc_updates').where('doc', '=', doc).where('seq', '<=', upto).execute();
    });
  }

  /** PostgreSQL: the documents' advisory locks, in name order so two writers never wait on each other. SQLite holds its write lock already. */
  private async lock(tx: Tx, docs: string[]): Promise<void> {
    if (this.database.engine !== 'postgres') return;
    for (const doc of [...new Set(docs)].sort()) await sql`SELECT pg_advisory_xact_lock(hashtext('brave.doc'), hashtext(${doc}))`.execute(tx);
  }

  async publicationsOf(docs: readonly string[]): Promise<PublicationRow[]> {
    if (docs.length === 0) return [];
    return refusalsUnavailable(() => this.publications().where('doc', 'in', [...docs]).execute());
  }

  async namesWithPrefix(prefix: string): Promise<string[]> {
    const db = this.database.db;
    return refusalsUnavailable(async () => {
      const names = new Set<string>();
      for (const table of DOC_TABLES) {
        const rows = await db.selectFrom(table).select('doc').distinct().where(sql<string>`substr(doc, 1, ${prefix.length})`, '=', prefix).execute();
        for (const r of rows) names.add(r.doc);
      }
      return [...names];
    });
  }

  async delete(docs: readonly string[], within?: Tx): Promise<void> {
    if (docs.length === 0) return;
    const run = async (tx: Tx) => {
      await this.lock(tx, [...docs]);
      for (const table of DOC_TABLES) await tx.deleteFrom(table).where('doc', 'in', [...docs]).execute();
    };
    await (within ? run(within) : transact(this.database, run));
  }

  async saveVersion(v: VersionRow): Promise<VersionInfo> {
    return transact(
      this.database,
      async (tx) => {
        const { newest } = await tx
          .selectFrom('doc_versions')
          .select((eb) => eb.fn.max('at').as('newest'))
          .where('doc', '=', v.doc)
          .executeTakeFirstOrThrow();
        const at = newest != null && Number(newest) >= v.at ? Number(newest) + 1 : v.at;
        await tx.insertInto('doc_versions').values({ id: v.id, doc: v.doc, label: v.label, at, by: v.by, data: bytes(v.data) }).execute();
        return { id: v.id, doc: v.doc, label: v.label, at, by: v.by, bytes: v.data.length };
      },
      { lock: ['brave.doc_versions', v.doc] },
    );
  }

  async versions(doc: string, limit = 200): Promise<VersionInfo[]> {
    return refusalsUnavailable(() =>
      this.database.db
        .selectFrom('doc_versions')
        .select(['id', 'doc', 'label', 'at', 'by', sql<number>`length(data)`.as('bytes')])
        .where('doc', '=', doc)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    );
  }

  async version(doc: string, id: string): Promise<VersionRow | null> {
    const row = await refusalsUnavailable(() =>
      this.database.db.selectFrom('doc_versions').select(['id', 'doc', 'label', 'at', 'by', 'data']).where('id', '=', id).where('doc', '=', doc).executeTakeFirst(),
    );
    return row ? { ...row, data: new Uint8Array(row.data) } : null;
  }

  async publish(p: PublicationRow): Promise<PublicationRow> {
    await transact(this.database, async (tx) => {
      const row = { slug: p.slug, doc: p.doc, version_id: p.versionId, label: p.label, title: p.title, published_at: p.publishedAt, by: p.by, markdown: p.markdown, html: p.html };
      await tx
        .insertInto('doc_publications')
        .values(row)
        .onConflict((oc) =>
          oc.column('doc').doUpdateSet((eb) => ({
            version_id: eb.ref('excluded.version_id'),
            label: eb.ref('excluded.label'),
            title: eb.ref('excluded.title'),
            published_at: eb.ref('excluded.published_at'),
            by: eb.ref('excluded.by'),
            markdown: eb.ref('excluded.markdown'),
            html: eb.ref('excluded.html'),
          })),
        )
        .execute();
    });
    return (await this.publicationOf(p.doc))!;
  }

  async publication(slug: string): Promise<PublicationRow | null> {
    return this.publicationWhere('slug', slug);
  }

  async publicationOf(doc: string): Promise<PublicationRow | null> {
    return this.publicationWhere('doc', doc);
  }

  private async publicationWhere(column: 'slug' | 'doc', value: string): Promise<PublicationRow | null> {
    const row = await refusalsUnavailable(() => this.publications().where(column, '=', value).executeTakeFirst());
    return row ?? null;
  }

  private publications() {
    return this.database.db
      .selectFrom('doc_publications')
      .select(['slug', 'doc', 'version_id as versionId', 'label', 'title', 'published_at as publishedAt', 'by', 'markdown', 'html']);
  }
}

/** The highest seq stored for a document, the snapshot's `upto` included (0: nothing). */
async function topSeq(tx: Tx, doc: string): Promise<number> {
  const row = await tx.selectFrom('doc_updates').select((eb) => eb.fn.max('seq').as('top')).where('doc', '=', doc).executeTakeFirst();
  const snap = await tx.selectFrom('doc_snapshots').select('upto').where('doc', '=', doc).executeTakeFirst();
  return Math.max(Number(row?.top ?? 0), snap?.upto ?? 0);
}

async function tailOf(tx: Tx, doc: string, after: number): Promise<StoredTail> {
  const snap = await tx.selectFrom('doc_snapshots').select(['upto', 'data']).where('doc', '=', doc).executeTakeFirst();
  const folded = snap !== undefined && snap.upto > after;
  const from = folded ? snap.upto : after;
  const rows = await tx.selectFrom('doc_updates').select(['seq', 'data']).where('doc', '=', doc).where('seq', '>', from).orderBy('seq').execute();
  return { snapshot: folded ? new Uint8Array(snap.data) : null, updates: rows.map((r) => new Uint8Array(r.data)), lastSeq: rows.at(-1)?.seq ?? from };
}

/** Both drivers bind a Buffer as bytes; a plain Uint8Array is wrapped without copying. */
const bytes = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
