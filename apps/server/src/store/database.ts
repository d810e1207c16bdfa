import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider, type SqliteDatabase } from 'kysely';
import type { Pool } from 'pg';
import { migrations, type Engine } from './migrations.ts';
import type { Schema } from './schema.ts';

/**
 * One open database of either engine: the Kysely handle every store contract speaks
 * through, and (SQLite only) the raw better-sqlite3 handle that migrations and tests use.
 */
export interface Database {
  engine: Engine;
  db: Kysely<Schema>;
  sqlite: Sqlite.Database | null;
  close(): Promise<void>;
}

/** `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise the SQLite file. Migrated before it is returned. */
export async function openDatabase(options: { databaseUrl?: string | undefined; sqliteFile: string; busyTimeoutMs?: number }): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openSqlite(options.sqliteFile, options);
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** How long a starting process waits for another one that is setting up the same SQLite file. */
const STARTUP_WAIT_MS = 30_000;

export async function openSqlite(file: string, options: { busyTimeoutMs?: number } = {}): Promise<Database> {
  mkdirSync(dirname(file), { recursive: true });
  const raw = new Sqlite(file);
  try {
    await switchToWal(raw);
  } catch (err) {
    raw.close();
    throw err;
  }
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 2000}`);
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) });
  return {
    engine: 'sqlite',
    db,
    sqlite: raw,
    close: async () => {
      if (raw.open) await db.destroy();
    },
  };
}

/**
 * Another process starting at the same moment may be switching a new file to WAL, or
 * migrating it, right now. The busy timeout covers most of that wait, but SQLite answers
 * SQLITE_BUSY at once, without waiting, when two connections that both read the header
 * both want the exclusive lock the switch needs (waiting could deadlock). So the switch is
 * tried again, a little later each time, for as long as migrate() would wait.
 */
async function switchToWal(raw: Sqlite.Database): Promise<void> {
  raw.pragma(`busy_timeout = ${STARTUP_WAIT_MS}`);
  const deadline = Date.now() + STARTUP_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 250)) {
    try {
      raw.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + pause > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
    }
  }
}

const STATEMENT_CACHE = 256;

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs more than running
 * an append, so the statements (their SQL has placeholders, not values) are kept, a few
 * hundred at most. Measured in docs/benchmarks.md (Storage).
 */
function preparedOnce(raw: Sqlite.Database): SqliteDatabase {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (!stmt) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        stmt = raw.prepare(text);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

const INT8 = 20;

/** pg is loaded only here, so the SQLite default does not pay for it at start-up. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pg = (await import('pg')).default;
  const pool: Pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // An unreachable server refuses a write within seconds instead of holding it.
    connectionTimeoutMillis: 5_000,
    // Milliseconds and sequence numbers are bigint columns; all fit a JS number.
    types: { getTypeParser: (oid: number, format?: string): ((value: string) => unknown) => (oid === INT8 ? Number : (pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown)) },
  });
  // A connection the server drops (restart, outage) must not crash the process: its query,
  // if any, fails as store_unavailable, and the next one opens a new connection. pg emits
  // the drop on the pool for idle clients and on the client itself while it is lent out.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    engine: 'postgres',
    db,
    sqlite: null,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

const provider = (engine: Engine): MigrationProvider => ({ getMigrations: () => Promise.resolve(migrations(engine)) });

/**
 * Bring the schema up to date with Kysely's Migrator, safely when several processes start
 * at once. On PostgreSQL the Migrator holds an advisory lock and runs in one transaction.
 * On SQLite it takes no lock (it assumes one connection), so we hold SQLite's write lock
 * (BEGIN IMMEDIATE) around it: a second process waits, then finds nothing left to do.
 */
export async function migrate(database: Database): Promise<void> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.engine) });
  const raw = database.sqlite;
  if (!raw) return report(await migrator.migrateToLatest());
  const timeout = raw.pragma('busy_timeout', { simple: true }) as number;
  raw.pragma(`busy_timeout = ${STARTUP_WAIT_MS}`);
  raw.exec('BEGIN IMMEDIATE');
  try {
    adoptUserVersion(raw, database.engine);
    report(await migrator.migrateToLatest());
    const done = raw.prepare('SELECT COUNT(*) FROM kysely_migration').pluck().get() as number;
    // Kept in step so that an older release (PRAGMA user_version migrations) still opens the file.
    raw.pragma(`user_version = ${done}`);
    raw.exec('COMMIT');
  } catch (err) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw err;
  } finally {
    raw.pragma(`busy_timeout = ${timeout}`);
  }
}

function report(result: Awaited<ReturnType<Migrator['migrateToLatest']>>): void {
  if (result.error) throw result.error instanceof Error ? result.error : new Error('migration failed', { cause: result.error });
}

/**
 * A data directory made before Kysely counted its migrations in PRAGMA user_version; the
 * first migrations are the same schema, so they are recorded as done (in the table
 * Kysely's Migrator keeps, with its own column types) and nothing is rewritten.
 */
function adoptUserVersion(raw: Sqlite.Database, engine: Engine): void {
  const version = raw.pragma('user_version', { simple: true }) as number;
  const tracked = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  if (version === 0 || tracked) return;
  const names = Object.keys(migrations(engine)).slice(0, version);
  if (names.length < version) throw new Error(`This data directory is newer (schema ${version}) than this release; upgrade Brave Space.`);
  raw.exec('CREATE TABLE kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)');
  const insert = raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)');
  const at = new Date().toISOString();
  for (const name of names) insert.run(name, at);
}
