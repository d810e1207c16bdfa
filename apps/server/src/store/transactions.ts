import Sqlite from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { Schema } from './schema.ts';
import { StoreUnavailableError } from './types.ts';

/** What a write runs on: the SQLite connection or a PostgreSQL transaction. */
export type Tx = Kysely<Schema> | Transaction<Schema>;

const RETRIES = 20;
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

/**
 * Run `fn` as one write transaction that has committed when the promise resolves; every
 * store contract on Kysely writes through this.
 * - SQLite: BEGIN IMMEDIATE (the write lock up front, so two writers cannot both read, then
 *   collide); within a process Kysely's single connection already serialises them.
 * - PostgreSQL: `lock` takes a transaction-scoped advisory lock on (namespace, key) first;
 *   `retryOnConflict` runs the transaction again when a unique key refused it.
 * Any refusal of the database becomes StoreUnavailableError (`store_unavailable`).
 */
export async function transact<T>(
  database: Database,
  fn: (tx: Tx) => Promise<T>,
  options: { lock?: [namespace: string, key: string]; retryOnConflict?: boolean } = {},
): Promise<T> {
  if (database.engine === 'sqlite') return refusalsUnavailable(() => immediate(database, fn));
  const lock = options.lock;
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction().execute(async (tx) => {
        if (lock) await sql`SELECT pg_advisory_xact_lock(hashtext(${lock[0]}), hashtext(${lock[1]}))`.execute(tx);
        return fn(tx);
      });
    } catch (err) {
      if (options.retryOnConflict && isUniqueViolation(err) && attempt < RETRIES) continue;
      throw unavailable(err);
    }
  }
}

/** SQLite: take the write lock up front (BEGIN IMMEDIATE), so two writers cannot both read MAX(seq). */
async function immediate<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.connection().execute(async (conn) => {
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

/** Reads too: an unreachable database is `store_unavailable`, not an internal error. */
export async function refusalsUnavailable<T>(fn: () => Promise<T>): Promise<T> {
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
  return new StoreUnavailableError(`The database refused or could not be reached${code ? ` (${code})` : ''}.`, { cause: err });
}
