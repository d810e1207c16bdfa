import { sql, type Kysely } from 'kysely';
import { DomainEvent, type AckResult } from '@brave/protocol';
import type { Database } from './database.ts';
import { acquireLease, checkFence, readLease, releaseLease, renewLease, type Lease } from './lease.ts';
import type { Schema } from './schema.ts';
import { refusalsUnavailable, transact, type Tx } from './transactions.ts';
import type { ActionRecord, ConveningRecord, NewEvent, Store, StoredEvent } from './types.ts';

/**
 * How concurrent writers of one convening get gap-free sequence numbers on PostgreSQL:
 * - `lock`: a transaction-scoped advisory lock per convening, then MAX(seq) + 1 (the default);
 * - `retry`: no lock; the primary key (convening_id, seq) refuses the loser, who retries.
 * Both are measured by `pnpm bench --only storage` (docs/benchmarks.md). SQLite has one
 * writer at a time (BEGIN IMMEDIATE), so neither applies there.
 */
export type SeqStrategy = 'lock' | 'retry';


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

  async append(conveningId: string, events: NewEvent[], action?: ActionRecord, fence?: { epoch: number }): Promise<StoredEvent[]> {
    return this.write(conveningId, async (tx) => {
      if (fence) await checkFence(tx, this.kind, conveningId, fence.epoch);
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
    return rows.map((r) => ({ actor: r.actor, key: r.key, result: JSON.parse(r.result) as AckResult }));
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

  // Leases are written in the convening's write turn, so a takeover and an append are
  // ordered: an append that starts after the new epoch committed sees it and is refused.
  async acquireLease(conveningId: string, owner: string, ttlMs: number): Promise<Lease> {
    return this.write(conveningId, (tx) => acquireLease(tx, this.kind, conveningId, owner, ttlMs));
  }

  async renewLease(lease: Lease, ttlMs: number): Promise<boolean> {
    return this.write(lease.conveningId, (tx) => renewLease(tx, this.kind, lease, ttlMs));
  }

  async releaseLease(lease: Lease): Promise<void> {
    return this.write(lease.conveningId, (tx) => releaseLease(tx, lease));
  }

  async lease(conveningId: string): Promise<Lease | null> {
    return this.read(() => readLease(this.kysely, conveningId));
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

  /** One transaction holding the convening's write turn (see SeqStrategy). */
  private async write<T>(conveningId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const strategy = this.options.seq ?? 'lock';
    return transact(this.database, fn, strategy === 'lock' ? { lock: ['brave.events', conveningId] } : { retryOnConflict: true });
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    return refusalsUnavailable(fn);
  }
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

