import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact, type Tx } from '../store/transactions.ts';

export const json = (value: unknown): string => JSON.stringify(value);
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

/** Told after a write of a community committed (the directory reads it again: directory.ts). */
export type Changed = (communityId: string) => Promise<void>;

/**
 * What the community stores share: every write is one transaction that has committed when
 * its promise resolves (store/transactions.ts), reads and writes alike turn a refusal of the
 * database into StoreUnavailableError (`store_unavailable`). A write that checks a limit
 * before it inserts passes `lock`: on PostgreSQL it then runs under an advisory lock per
 * kind and key (a community, an account), so writers in several processes take turns (SQLite's write lock,
 * taken up front, does the same there).
 */
export abstract class CommunityTables {
  constructor(
    protected readonly database: Database,
    protected readonly changed: Changed = () => Promise.resolve(),
  ) {}

  protected async write<T>(communityId: string | null, fn: (tx: Tx) => Promise<T>, lock?: [kind: string, key: string]): Promise<T> {
    const result = await transact(this.database, fn, lock ? { lock: [`brave.community.${lock[0]}`, lock[1]] } : {});
    if (communityId) await this.changed(communityId);
    return result;
  }

  protected read<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
    return refusalsUnavailable(() => fn(this.database.db));
  }
}
