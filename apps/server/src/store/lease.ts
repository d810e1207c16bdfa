import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './migrations.ts';
import type { Tx } from './transactions.ts';

export type { Lease } from './types.ts';
import { StoreUnavailableError, type Lease } from './types.ts';

/** An append carried an epoch that is no longer the convening's: another process owns it now. Nothing was written. */
export class FencedError extends StoreUnavailableError {
  override name = 'FencedError';
  constructor(
    readonly conveningId: string,
    readonly epoch: number,
    readonly current: number | null,
  ) {
    super(`convening ${conveningId}: epoch ${epoch} was fenced off (the lease is at ${current ?? 'none'}); nothing was written.`);
  }
}

/** The database's clock, in milliseconds since 1970. */
function nowMs(engine: Engine): RawBuilder<number> {
  return engine === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast(round((julianday('now') - 2440587.5) * 86400000) as integer)`;
}

async function clock(tx: Tx, engine: Engine): Promise<number> {
  const row = await tx.selectNoFrom(nowMs(engine).as('now')).executeTakeFirstOrThrow();
  return Number(row.now);
}

async function current(tx: Tx, conveningId: string): Promise<Lease | undefined> {
  return tx
    .selectFrom('leases')
    .select(['convening_id as conveningId', 'owner', 'epoch', 'expires_at as expiresAt'])
    .where('convening_id', '=', conveningId)
    .executeTakeFirst();
}

/**
 * Take the lease (a new epoch) when nobody holds it or it ran out; extend it (same epoch)
 * when `owner` holds it already; refused for a convening that does not exist. Resolves to the lease as it now stands: `owner` is the
 * caller's only when it got it. Runs inside the convening's write turn, so it is ordered
 * with every append.
 */
export async function acquireLease(tx: Tx, engine: Engine, conveningId: string, owner: string, ttlMs: number): Promise<Lease> {
  const now = await clock(tx, engine);
  const held = await current(tx, conveningId);
  const expiresAt = now + ttlMs;
  if (!held) {
    // A purged convening (its rows and its lease deleted) is never leased again: a fresh epoch 1
    // would let an owner that still held the old epoch 1 write once more.
    const exists = await tx.selectFrom('convenings').select('id').where('id', '=', conveningId).executeTakeFirst();
    if (!exists) throw new StoreUnavailableError(`convening ${conveningId} does not exist (any more); it has no lease.`);
    await tx.insertInto('leases').values({ convening_id: conveningId, owner, epoch: 1, expires_at: expiresAt }).execute();
    return { conveningId, owner, epoch: 1, expiresAt };
  }
  if (held.owner === owner && held.expiresAt > now) {
    await tx.updateTable('leases').set({ expires_at: expiresAt }).where('convening_id', '=', conveningId).execute();
    return { ...held, expiresAt };
  }
  if (held.expiresAt > now) return held;
  const epoch = held.epoch + 1;
  await tx.updateTable('leases').set({ owner, epoch, expires_at: expiresAt }).where('convening_id', '=', conveningId).execute();
  return { conveningId, owner, epoch, expiresAt };
}

/**
 * Extend a lease held at `epoch`. Still true after it ran out as long as nobody took it
 * (the epoch is unchanged, so nobody else can have written). False once it moved on.
 */
export async function renewLease(tx: Tx, engine: Engine, lease: Pick<Lease, 'conveningId' | 'owner' | 'epoch'>, ttlMs: number): Promise<boolean> {
  const result = await tx
    .updateTable('leases')
    .set({ expires_at: sql<number>`${nowMs(engine)} + ${ttlMs}` })
    .where('convening_id', '=', lease.conveningId)
    .where('owner', '=', lease.owner)
    .where('epoch', '=', lease.epoch)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Give a lease up at once (a clean stop), so another process need not wait for it to run out. */
export async function releaseLease(tx: Tx, lease: Pick<Lease, 'conveningId' | 'owner' | 'epoch'>): Promise<void> {
  await tx
    .updateTable('leases')
    .set({ expires_at: 0 })
    .where('convening_id', '=', lease.conveningId)
    .where('owner', '=', lease.owner)
    .where('epoch', '=', lease.epoch)
    .execute();
}

/**
 * The fencing check of an append, inside its transaction: refuse unless `epoch` is the
 * convening's epoch. On PostgreSQL the row is read FOR SHARE, so a takeover's update waits
 * for this append to commit (or this append waits for the takeover and then sees it),
 * whatever else orders the writers. SQLite has one writer at a time anyway.
 */
export async function checkFence(tx: Tx, engine: Engine, conveningId: string, epoch: number): Promise<void> {
  const query = tx.selectFrom('leases').select('epoch').where('convening_id', '=', conveningId);
  const row = await (engine === 'postgres' ? query.forShare() : query).executeTakeFirst();
  if (row?.epoch !== epoch) throw new FencedError(conveningId, epoch, row?.epoch ?? null);
}

export async function readLease(tx: Tx, conveningId: string): Promise<Lease | null> {
  return (await current(tx, conveningId)) ?? null;
}
