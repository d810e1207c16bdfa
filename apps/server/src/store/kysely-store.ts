import Sqlite from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DomainEvent } from '@brave/protocol';
import type { Database } from './database.ts';
import type { Schema } from './schema.ts';
import { StoreUnavailableError, type ActionRecord, type ConveningRecord, type NewEvent, type Store, type StoredEvent } from './types.ts';

/**
 * How concurrent writers of one convening get gap-free sequence numbers on PostgreSQL:
 * - `lock`: a transaction-scoped advisory lock per convening, then MAX(seq) + 1 (the default);
 * - `retry`: no lock; the primary key (convening_id, seq) refuses the loser, who retries.
 * Both are measured by `pnpm bench --only storage` (docs/benchmarks.md). SQLite has one
 * writer at a time (BEGIN IMMEDIATE), so neither applies there.
 */
export type SeqStrategy = 'lock' | 'retry';

type Tx = Kysely<Schema> | Transaction<Schema>;

const RETRIES = 20;
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

/**
 * The convening store, written once for both engines. Every write is one transaction and
 * resolves only after it committed, so nothing is acknowledged or relayed before it is
 * durable; any refusal of the database (locked, full, unreachable, shut down) becomes
 * StoreUnavailableError, which callers answer with `store_unavailable`.
 */
export class KyselyStore implements Store {
  readonly kind: Database['engine'];
  private readonly kysely: Kysely<Schema>;

  constructor(
    readonly database: Database,
    private readonly options: { seq?: SeqStrategy } = {},
  ) {
    this.kind = database.engine;
    this.kysely = database.db;
  }

  async createConvening(record: ConveningRecord, events: NewEvent[]): Promise<StoredEvent[]> {
    return this.write(record.id, async (tx) => {
      await tx
        .insertInto('convenings')
        .values({ id: record.id, join_code: record.joinCode, cohost_code: record.cohostCode, created_at: record.createdAt })
        .execute();
      return appendRows(tx, record.id, events);
    });
  }

  async conveningByJoinCode(joinCode: string): Promise<ConveningRecord | null> {
    return this.read(() => this.conveningWhere('join_code', joinCode));
  }

  async convening(id: string): Promise<ConveningRecord | null> {
    return this.read(() => this.conveningWhere('id', id));
  }

  async append(conveningId: string, events: NewEvent[], action?: ActionRecord): Promise<StoredEvent[]> {
    return this.write(conveningId, async (tx) => {
      const stored = await appendRows(tx, conveningId, events);
      if (action) {
        await tx
          .insertInto('actions')
          .values({ convening_id: conveningId, actor: action.actor, key: action.key, result: JSON.stringify(action.result) })
          .onConflict((oc) => oc.columns(['convening_id', 'actor', 'key']).doUpdateSet((eb) => ({ result: eb.ref('excluded.result') })))
          .execute();
      }
      return stored;
    });
  }

  async events(conveningId: string, afterSeq = 0): Promise<StoredEvent[]> {
    const rows = await this.read(() =>
      this.kysely.selectFrom('events').select(['seq', 'at', 'actor', 'body']).where('convening_id', '=', conveningId).where('seq', '>', afterSeq).orderBy('seq').execute(),
    );
    return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, event: DomainEvent.parse(JSON.parse(r.body)) }));
  }

  async actions(conveningId: string): Promise<ActionRecord[]> {
    const rows = await this.read(() => this.kysely.selectFrom('actions').select(['actor', 'key', 'result']).where('convening_id', '=', conveningId).execute());
    return rows.map((r) => ({ actor: r.actor, key: r.key, result: JSON.parse(r.result) }));
  }

  async rewrite(
    conveningId: string,
    type: DomainEvent['type'],
    fn: (event: DomainEvent) => DomainEvent,
    options: { clearActor?: boolean } = {},
  ): Promise<number> {
    return this.write(conveningId, async (tx) => {
      const rows = await tx
        .selectFrom('events')
        .select(['seq', 'actor', 'body'])
        .where('convening_id', '=', conveningId)
        .where('body', 'like', `{"type":"${type}"%`)
        .execute();
      let changed = 0;
      for (const row of rows) {
        const before = DomainEvent.parse(JSON.parse(row.body));
        if (before.type !== type) continue;
        const body = JSON.stringify(fn(before));
        const actor = options.clearActor ? null : row.actor;
        if (body === row.body && actor === row.actor) continue;
        await tx.updateTable('events').set({ body, actor }).where('convening_id', '=', conveningId).where('seq', '=', row.seq).execute();
        changed++;
      }
      return changed;
    });
  }

  async forgetActions(conveningId: string): Promise<number> {
    return this.write(conveningId, async (tx) => {
      const result = await tx.deleteFrom('actions').where('convening_id', '=', conveningId).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  async close(): Promise<void> {
    await this.database.close();
  }

  private async conveningWhere(column: 'id' | 'join_code', value: string): Promise<ConveningRecord | null> {
    const row = await this.kysely
      .selectFrom('convenings')
      .select(['id', 'join_code as joinCode', 'cohost_code as cohostCode', 'created_at as createdAt'])
      .where(column, '=', value)
      .executeTakeFirst();
    return row ?? null;
  }

  /** One transaction holding the convening's write turn; retried only for a lost `retry` race. */
  private async write<T>(conveningId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.kind === 'sqlite') return unavailableOnRefusal(() => immediate(this.kysely, fn));
    const locking = (this.options.seq ?? 'lock') === 'lock';
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.kysely.transaction().execute(async (tx) => {
          if (locking) await sql`SELECT pg_advisory_xact_lock(hashtext('brave.events'), hashtext(${conveningId}))`.execute(tx);
          return fn(tx);
        });
      } catch (err) {
        if (!locking && isUniqueViolation(err) && attempt < RETRIES) continue;
        throw unavailable(err);
      }
    }
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    return unavailableOnRefusal(fn);
  }
}

/** SQLite: take the write lock up front (BEGIN IMMEDIATE), so two writers cannot both read MAX(seq). */
async function immediate<T>(db: Kysely<Schema>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => {});
      throw err;
    }
  });
}

async function appendRows(tx: Tx, conveningId: string, events: NewEvent[]): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const { head } = await tx
    .selectFrom('events')
    .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), sql<number>`0`).as('head'))
    .where('convening_id', '=', conveningId)
    .executeTakeFirstOrThrow();
  const stored = events.map((e, i) => ({ ...e, seq: Number(head) + i + 1 }));
  await tx
    .insertInto('events')
    .values(stored.map((e) => ({ convening_id: conveningId, seq: e.seq, at: e.at, actor: e.actor, body: JSON.stringify(e.event) })))
    .execute();
  return stored;
}

async function unavailableOnRefusal<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw unavailable(err);
  }
}

/** Errors of the database or of reaching it; a bug of ours (a TypeError, a bad event) stays what it is. */
function unavailable(err: unknown): unknown {
  if (err instanceof StoreUnavailableError) return err;
  const fromDatabase =
    err instanceof Sqlite.SqliteError ||
    (err instanceof Error && ('severity' in err || /ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|timeout|terminated|Connection/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`)));
  if (!fromDatabase) return err;
  const code = (err as { code?: string }).code;
  return new StoreUnavailableError(`The database refused the write${code ? ` (${code})` : ''}.`, { cause: err });
}
