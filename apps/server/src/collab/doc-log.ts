import { sql } from 'kysely';
import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact } from '../store/transactions.ts';
import type { DocStore, PublicationRow, StoredDoc, UpdateRow, VersionInfo, VersionRow } from './doc-store.ts';

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

  async compact(doc: string, upto: number, at: number, data: Uint8Array): Promise<void> {
    await transact(this.database, async (tx) => {
      await tx
        .insertInto('doc_snapshots')
        .values({ doc, upto, at, data: bytes(data) })
        .onConflict((oc) => oc.column('doc').doUpdateSet((eb) => ({ upto: eb.ref('excluded.upto'), at: eb.ref('excluded.at'), data: eb.ref('excluded.data') })))
        .execute();
      await tx.deleteFrom('doc_updates').where('doc', '=', doc).where('seq', '<=', upto).execute();
    });
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

  async deleteDocs(docs: readonly string[]): Promise<void> {
    if (docs.length === 0) return;
    await transact(this.database, async (tx) => {
      for (const table of ['doc_updates', 'doc_snapshots', 'doc_versions', 'doc_publications'] as const) {
        await tx.deleteFrom(table).where('doc', 'in', [...docs]).execute();
      }
    });
  }

  private async publicationWhere(column: 'slug' | 'doc', value: string): Promise<PublicationRow | null> {
    const row = await refusalsUnavailable(() =>
      this.database.db
        .selectFrom('doc_publications')
        .select(['slug', 'doc', 'version_id as versionId', 'label', 'title', 'published_at as publishedAt', 'by', 'markdown', 'html'])
        .where(column, '=', value)
        .executeTakeFirst(),
    );
    return row ?? null;
  }
}

/** Both drivers bind a Buffer as bytes; a plain Uint8Array is wrapped without copying. */
const bytes = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
