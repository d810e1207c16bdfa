import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact } from '../store/transactions.ts';
import type { StoredDoc, UpdateRow } from './doc-store.ts';

/**
 * The Yjs update log and snapshots as a store contract on Kysely, for both engines (the
 * same tables as DocStore). Every write resolves only after it committed, so a caller that
 * awaits it before relaying an update never relays what was not stored. Two writers of one
 * document cannot both take a sequence number: the primary key (doc, seq) refuses the
 * second, as StoreUnavailableError, and it must reload.
 *
 * The live document registry (collab/registry.ts) still uses the synchronous DocStore on
 * SQLite; it moves to this contract once it can await its writes (docs/architecture.md).
 */
export interface DocLog {
  load(doc: string): Promise<StoredDoc>;
  /** Append updates of any number of documents in one transaction. */
  append(rows: UpdateRow[]): Promise<void>;
  /** Replace the snapshot and drop the updates it now contains, atomically. */
  compact(doc: string, upto: number, at: number, data: Uint8Array): Promise<void>;
}

export class KyselyDocLog implements DocLog {
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

  async append(rows: UpdateRow[]): Promise<void> {
    if (rows.length === 0) return;
    await transact(this.database, async (tx) => {
      await tx.insertInto('doc_updates').values(rows.map((r) => ({ doc: r.doc, seq: r.seq, at: r.at, data: bytes(r.data) }))).execute();
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
}

/** Both drivers bind a Buffer as bytes; a plain Uint8Array is wrapped without copying. */
const bytes = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));
