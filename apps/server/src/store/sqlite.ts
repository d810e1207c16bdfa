import Database from 'better-sqlite3';
import { openDatabase, type Database as OpenDatabase } from './database.ts';
import { KyselyStore } from './kysely-store.ts';
import { openTransactions } from './transactions.ts';
import { StoreUnavailableError } from './types.ts';

/**
 * The embedded default: the convening store (store/kysely-store.ts) on one SQLite file,
 * `DATA_DIR/brave-space.db`, in WAL mode. better-sqlite3 is synchronous, so a write has
 * reached the file (and survives the process being killed) before its promise resolves.
 * `db` is the raw handle that accounts/, community/ and collab/ still prepare statements on.
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

/**
 * Run a write in one immediate transaction (the write lock is taken up front, so two
 * writers cannot both read and then collide); a database refusal (busy, full, read-only)
 * becomes StoreUnavailableError, which callers answer with 503. Every store on the
 * server's SQLite file that prepares its own statements writes through this.
 */
export function immediate<T>(db: Database.Database, fn: () => T): T {
  // A convening write is between its statements on this connection (a rare interleaving of
  // two async chains): refuse rather than nest inside a transaction that may roll back.
  if (openTransactions.has(db)) throw new StoreUnavailableError('The database is busy with another write.');
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    if (err instanceof Database.SqliteError) {
      throw new StoreUnavailableError(`The database refused the write (${err.code}).`, { cause: err });
    }
    throw err;
  }
}
