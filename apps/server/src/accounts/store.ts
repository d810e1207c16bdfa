import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact, type Tx } from '../store/transactions.ts';
import type { Account } from './account.ts';

export interface AccountRow extends Account {
  createdAt: number;
}

export interface SessionRow {
  idHash: string;
  accountId: string;
  csrf: string;
  expiresAt: number;
}

export interface NewSession {
  idHash: string;
  csrf: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * Accounts, sessions and one-time reset links: the contract, filled for both engines by
 * KyselyAccountStore. Every write is one transaction and resolves only after it committed,
 * so a cookie is handed out only for a session that is stored. A refusal of the database
 * is StoreUnavailableError (`store_unavailable`).
 */
export interface AccountStore {
  /**
   * A new account with its first session, 'taken' (the email has one) or 'full' (the
   * instance holds `maxAccounts` already). Whether it is the instance admin, and whether
   * there is room, are decided in the same transaction as the insert, one sign-up at a
   * time: two simultaneous sign-ups cannot both see an empty table, nor both take the last place.
   */
  createWithSession(
    a: { id: string; email: string; name: string; passwordHash: string; createdAt: number },
    s: NewSession,
    maxAccounts?: number,
  ): Promise<AccountRow | 'taken' | 'full'>;
  byId(id: string): Promise<AccountRow | null>;
  /** The account of an email with its password hash, for sign-in only. */
  byEmail(email: string): Promise<{ account: AccountRow; passwordHash: string } | null>;
  passwordHash(accountId: string): Promise<string | null>;
  list(): Promise<AccountRow[]>;
  /** The live session of a cookie digest with its account; an expired one is deleted and null. */
  session(idHash: string, now: number): Promise<{ account: AccountRow; session: SessionRow } | null>;
  /** A new session; expired ones of everybody are swept on the way. */
  createSession(accountId: string, s: NewSession): Promise<void>;
  endSession(idHash: string): Promise<void>;
  /** End every session of an account except `keepIdHash` (none kept when omitted). */
  endSessions(accountId: string, keepIdHash?: string): Promise<void>;
  /** New password; every other session of the account (and any reset link) ends in the same transaction. */
  changePassword(accountId: string, passwordHash: string, keepIdHash: string): Promise<void>;
  /** A reset link replaces any earlier one for the same account. */
  createResetLink(l: { tokenHash: string; accountId: string; createdBy: string; createdAt: number; expiresAt: number }): Promise<void>;
  /** The account a live reset link is for, without using it up. */
  resetLinkAccount(tokenHash: string, now: number): Promise<string | null>;
  /**
   * Use a reset link: in one transaction it is consumed, the password set, every session of
   * the account ended and a new one opened. Null when the link is gone or expired by now.
   */
  useResetLink(tokenHash: string, passwordHash: string, s: NewSession): Promise<AccountRow | null>;
}

type DbAccount = { id: string; email: string; name: string; is_admin: number; created_at: number };
const ACCOUNT_COLUMNS = ['id', 'email', 'name', 'is_admin', 'created_at'] as const;
const toAccount = (r: DbAccount): AccountRow => ({ id: r.id, email: r.email, name: r.name, isAdmin: r.is_admin === 1, createdAt: r.created_at });
const sessionValues = (accountId: string, s: NewSession) => ({ id_hash: s.idHash, account_id: accountId, csrf: s.csrf, created_at: s.createdAt, expires_at: s.expiresAt });

export class KyselyAccountStore implements AccountStore {
  constructor(private readonly database: Database) {}

  async createWithSession(
    a: { id: string; email: string; name: string; passwordHash: string; createdAt: number },
    s: NewSession,
    maxAccounts = Number.POSITIVE_INFINITY,
  ): Promise<AccountRow | 'taken' | 'full'> {
    // PostgreSQL: one sign-up at a time (an advisory lock), as SQLite's write lock does.
    return transact(
      this.database,
      async (tx) => {
        if (await tx.selectFrom('accounts').select('id').where('email', '=', a.email).executeTakeFirst()) return 'taken' as const;
        const { count } = await tx.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
        if (Number(count) >= maxAccounts) return 'full' as const;
        const row = { id: a.id, email: a.email, name: a.name, password_hash: a.passwordHash, is_admin: Number(count) === 0 ? 1 : 0, created_at: a.createdAt };
        await tx.insertInto('accounts').values(row).execute();
        await tx.insertInto('account_sessions').values(sessionValues(a.id, s)).execute();
        return toAccount(row);
      },
      { lock: ['brave.accounts', 'signup'] },
    );
  }

  async byId(id: string): Promise<AccountRow | null> {
    return this.read(async (db) => {
      const row = await db.selectFrom('accounts').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toAccount(row) : null;
    });
  }

  async byEmail(email: string): Promise<{ account: AccountRow; passwordHash: string } | null> {
    return this.read(async (db) => {
      const row = await db.selectFrom('accounts').select([...ACCOUNT_COLUMNS, 'password_hash']).where('email', '=', email).executeTakeFirst();
      return row ? { account: toAccount(row), passwordHash: row.password_hash } : null;
    });
  }

  async passwordHash(accountId: string): Promise<string | null> {
    return this.read(async (db) => (await db.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirst())?.password_hash ?? null);
  }

  async list(): Promise<AccountRow[]> {
    return this.read(async (db) => (await db.selectFrom('accounts').select(ACCOUNT_COLUMNS).orderBy('created_at').orderBy('id').execute()).map(toAccount));
  }

  async session(idHash: string, now: number): Promise<{ account: AccountRow; session: SessionRow } | null> {
    const r = await this.read((db) =>
      db
        .selectFrom('account_sessions as s')
        .innerJoin('accounts as a', 'a.id', 's.account_id')
        .select(['s.id_hash', 's.account_id', 's.csrf', 's.expires_at', 'a.email', 'a.name', 'a.is_admin', 'a.created_at'])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst(),
    );
    if (!r) return null;
    if (r.expires_at <= now) {
      await this.write((tx) => tx.deleteFrom('account_sessions').where('id_hash', '=', idHash).execute());
      return null;
    }
    return {
      account: toAccount({ id: r.account_id, email: r.email, name: r.name, is_admin: r.is_admin, created_at: r.created_at }),
      session: { idHash: r.id_hash, accountId: r.account_id, csrf: r.csrf, expiresAt: r.expires_at },
    };
  }

  async createSession(accountId: string, s: NewSession): Promise<void> {
    await this.write(async (tx) => {
      await tx.deleteFrom('account_sessions').where('expires_at', '<=', s.createdAt).execute();
      await tx.insertInto('account_sessions').values(sessionValues(accountId, s)).execute();
    });
  }

  async endSession(idHash: string): Promise<void> {
    await this.write((tx) => tx.deleteFrom('account_sessions').where('id_hash', '=', idHash).execute());
  }

  async endSessions(accountId: string, keepIdHash = ''): Promise<void> {
    await this.write((tx) => endOthers(tx, accountId, keepIdHash));
  }

  async changePassword(accountId: string, passwordHash: string, keepIdHash: string): Promise<void> {
    await this.write(async (tx) => {
      await tx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute();
      await endOthers(tx, accountId, keepIdHash);
      // An outstanding reset link would undo the change the owner just made.
      await tx.deleteFrom('account_reset_links').where('account_id', '=', accountId).execute();
    });
  }

  async createResetLink(l: { tokenHash: string; accountId: string; createdBy: string; createdAt: number; expiresAt: number }): Promise<void> {
    await this.write(async (tx) => {
      await tx.deleteFrom('account_reset_links').where('expires_at', '<=', l.createdAt).execute();
      await tx.deleteFrom('account_reset_links').where('account_id', '=', l.accountId).execute();
      await tx
        .insertInto('account_reset_links')
        .values({ token_hash: l.tokenHash, account_id: l.accountId, created_by: l.createdBy, created_at: l.createdAt, expires_at: l.expiresAt })
        .execute();
    });
  }

  async resetLinkAccount(tokenHash: string, now: number): Promise<string | null> {
    const link = await this.read((db) => db.selectFrom('account_reset_links').select(['account_id', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst());
    return link && link.expires_at > now ? link.account_id : null;
  }

  async useResetLink(tokenHash: string, passwordHash: string, s: NewSession): Promise<AccountRow | null> {
    return this.write(async (tx) => {
      // Deleting first, and reading what was deleted: two uses of one link cannot both win.
      const link = await tx.deleteFrom('account_reset_links').where('token_hash', '=', tokenHash).returning(['account_id', 'expires_at']).executeTakeFirst();
      if (!link || link.expires_at <= s.createdAt) return null;
      await tx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', link.account_id).execute();
      await endOthers(tx, link.account_id, '');
      await tx.deleteFrom('account_reset_links').where('account_id', '=', link.account_id).execute();
      await tx.insertInto('account_sessions').values(sessionValues(link.account_id, s)).execute();
      const row = await tx.selectFrom('accounts').select(ACCOUNT_COLUMNS).where('id', '=', link.account_id).executeTakeFirst();
      return row ? toAccount(row) : null;
    });
  }

  private async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return transact(this.database, fn);
  }

  private async read<T>(fn: (db: Database['db']) => Promise<T>): Promise<T> {
    return refusalsUnavailable(() => fn(this.database.db));
  }
}

const endOthers = (tx: Tx, accountId: string, keepIdHash: string) =>
  tx.deleteFrom('account_sessions').where('account_id', '=', accountId).where('id_hash', '!=', keepIdHash).execute();
