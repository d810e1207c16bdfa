import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../store/types.ts';

/** Run a write in one immediate transaction; a database refusal becomes StoreUnavailableError. */
export function writeTx<T>(db: Database.Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    if (err instanceof Database.SqliteError) {
      throw new StoreUnavailableError(`The database refused the write (${err.code}).`, { cause: err });
    }
    throw err;
  }
}

export const json = (value: unknown): string => JSON.stringify(value);
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** Placeholders for an IN list: (?, ?, ?). Callers never pass an empty list. */
export const inList = (n: number): string => `(${Array.from({ length: n }, () => '?').join(', ')})`;
