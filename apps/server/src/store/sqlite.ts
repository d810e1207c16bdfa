import type Database from 'better-sqlite3';
import { openDatabase, type Database as OpenDatabase } from './database.ts';
import { KyselyStore } from './kysely-store.ts';

/**
 * The embedded default: the convening store (store/kysely-store.ts) on one SQLite file,
 * `DATA_DIR/brave-space.db`, in WAL mode. better-sqlite3 is synchronous, so a write has
 * reached the file (and survives the process being killed) before its promise resolves.
 * `db` is the raw handle, kept for tests that lock or inspect the file; every store of the
 * server speaks Kysely (store/transactions.ts).
 */
export class SqliteStore extends KyselyStore {
  readonly db: Database.Database;

  constructor(database: OpenDatabase) {
    super(database);
    if (!database.sqlite) throw new Error('SqliteStore needs an SQLite database');
    this.db = database.sqlite;
  }

  /** Open (creating if needed) and migrate the file. */
  static async open<T extends SqliteStore>(this: new (database: OpenDatabase) => T, file: string, options: { busyTimeoutMs?: number } = {}): Promise<T> {
    return new this(await openDatabase({ sqliteFile: file, ...options }));
  }
}
