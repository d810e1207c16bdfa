import type Database from 'better-sqlite3';
import { immediate } from '../store/sqlite.ts';
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

type DbAccount = { id: string; email: string; name: string; isAdmin: number; createdAt: number };

const ACCOUNT_COLUMNS = 'id, email, name, is_admin AS isAdmin, created_at AS createdAt';
const toAccount = (r: DbAccount): AccountRow => ({ id: r.id, email: r.email, name: r.name, isAdmin: r.isAdmin === 1, createdAt: r.createdAt });

/** Accounts, sessions and reset links in the server's SQLite file (tables: see MIGRATIONS). */
export class AccountStore {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO accounts (id, email, name, password_hash, is_admin, created_at)
         VALUES (@id, @email, @name, @passwordHash, NOT EXISTS (SELECT 1 FROM accounts), @createdAt)`,
      ),
      byId: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`),
      byEmail: db.prepare(`SELECT ${ACCOUNT_COLUMNS}, password_hash AS passwordHash FROM accounts WHERE email = ?`),
      hashOf: db.prepare('SELECT password_hash FROM accounts WHERE id = ?').pluck(),
      list: db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id`),
      count: db.prepare('SELECT COUNT(*) FROM accounts').pluck(),
      setPassword: db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?'),
      insertSession: db.prepare(
        `INSERT INTO account_sessions (id_hash, account_id, csrf, created_at, expires_at)
         VALUES (@idHash, @accountId, @csrf, @createdAt, @expiresAt)`,
      ),
      session: db.prepare(
        `SELECT s.id_hash AS idHash, s.account_id AS accountId, s.csrf, s.expires_at AS expiresAt,
                a.email, a.name, a.is_admin AS isAdmin, a.created_at AS createdAt
         FROM account_sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = ?`,
      ),
      deleteSession: db.prepare('DELETE FROM account_sessions WHERE id_hash = ?'),
      deleteSessionsOf: db.prepare('DELETE FROM account_sessions WHERE account_id = ? AND id_hash != ?'),
      deleteExpired: db.prepare('DELETE FROM account_sessions WHERE expires_at <= ?'),
      deleteLinksOf: db.prepare('DELETE FROM account_reset_links WHERE account_id = ?'),
      insertLink: db.prepare(
        `INSERT INTO account_reset_links (token_hash, account_id, created_by, created_at, expires_at)
         VALUES (@tokenHash, @accountId, @createdBy, @createdAt, @expiresAt)`,
      ),
      link: db.prepare('SELECT account_id AS accountId, expires_at AS expiresAt FROM account_reset_links WHERE token_hash = ?'),
      deleteLink: db.prepare('DELETE FROM account_reset_links WHERE token_hash = ?'),
      deleteExpiredLinks: db.prepare('DELETE FROM account_reset_links WHERE expires_at <= ?'),
    };
  }

  /**
   * A new account with its first session, 'taken' (the email has one) or 'full' (the instance
   * holds `maxAccounts` already). Whether it is the instance admin, and whether there is
   * room, are decided inside one immediate transaction: two simultaneous sign-ups cannot both
   * see an empty table, nor both take the last place.
   */
  createWithSession(
    a: { id: string; email: string; name: string; passwordHash: string; createdAt: number },
    s: NewSession,
    maxAccounts = Number.POSITIVE_INFINITY,
  ): AccountRow | 'taken' | 'full' {
    return immediate(this.db, () => {
      if (this.q.byEmail.get(a.email)) return 'taken' as const;
      if ((this.q.count.get() as number) >= maxAccounts) return 'full' as const;
      this.q.insert.run(a);
      this.q.insertSession.run({ ...s, accountId: a.id });
      return toAccount(this.q.byId.get(a.id) as DbAccount);
    });
  }

  byId(id: string): AccountRow | null {
    const row = this.q.byId.get(id) as DbAccount | undefined;
    return row ? toAccount(row) : null;
  }

  /** The account of an email with its password hash, for sign-in only. */
  byEmail(email: string): { account: AccountRow; passwordHash: string } | null {
    const row = this.q.byEmail.get(email) as (DbAccount & { passwordHash: string }) | undefined;
    return row ? { account: toAccount(row), passwordHash: row.passwordHash } : null;
  }

  passwordHash(accountId: string): string | null {
    return (this.q.hashOf.get(accountId) as string | undefined) ?? null;
  }

  list(): AccountRow[] {
    return (this.q.list.all() as DbAccount[]).map(toAccount);
  }

  /** The live session of a cookie digest with its account; an expired one is deleted and null. */
  session(idHash: string, now: number): { account: AccountRow; session: SessionRow } | null {
    const r = this.q.session.get(idHash) as (SessionRow & Omit<DbAccount, 'id'>) | undefined;
    if (!r) return null;
    if (r.expiresAt <= now) {
      immediate(this.db, () => this.q.deleteSession.run(idHash));
      return null;
    }
    return {
      account: toAccount({ id: r.accountId, email: r.email, name: r.name, isAdmin: r.isAdmin, createdAt: r.createdAt }),
      session: { idHash: r.idHash, accountId: r.accountId, csrf: r.csrf, expiresAt: r.expiresAt },
    };
  }

  /** A new session; expired ones of everybody are swept on the way. */
  createSession(accountId: string, s: NewSession): void {
    immediate(this.db, () => {
      this.q.deleteExpired.run(s.createdAt);
      this.q.insertSession.run({ ...s, accountId });
    });
  }

  endSession(idHash: string): void {
    immediate(this.db, () => this.q.deleteSession.run(idHash));
  }

  /** End every session of an account except `keepIdHash` (none kept when omitted). */
  endSessions(accountId: string, keepIdHash = ''): void {
    immediate(this.db, () => this.q.deleteSessionsOf.run(accountId, keepIdHash));
  }

  /** New password; every other session of the account ends in the same transaction. */
  changePassword(accountId: string, passwordHash: string, keepIdHash: string): void {
    immediate(this.db, () => {
      this.q.setPassword.run(passwordHash, accountId);
      this.q.deleteSessionsOf.run(accountId, keepIdHash);
      // An outstanding reset link would undo the change the owner just made.
      this.q.deleteLinksOf.run(accountId);
    });
  }

  /** A reset link replaces any earlier one for the same account. */
  createResetLink(l: { tokenHash: string; accountId: string; createdBy: string; createdAt: number; expiresAt: number }): void {
    immediate(this.db, () => {
      this.q.deleteExpiredLinks.run(l.createdAt);
      this.q.deleteLinksOf.run(l.accountId);
      this.q.insertLink.run(l);
    });
  }

  /** The account a live reset link is for, without using it up. */
  resetLinkAccount(tokenHash: string, now: number): string | null {
    const link = this.q.link.get(tokenHash) as { accountId: string; expiresAt: number } | undefined;
    return link && link.expiresAt > now ? link.accountId : null;
  }

  /**
   * Use a reset link: in one transaction it is consumed, the password set, every session of
   * the account ended and a new one opened. Null when the link is gone or expired by now.
   */
  useResetLink(tokenHash: string, passwordHash: string, s: NewSession): AccountRow | null {
    return immediate(this.db, () => {
      const link = this.q.link.get(tokenHash) as { accountId: string; expiresAt: number } | undefined;
      if (!link) return null;
      this.q.deleteLink.run(tokenHash);
      if (link.expiresAt <= s.createdAt) return null;
      this.q.setPassword.run(passwordHash, link.accountId);
      this.q.deleteSessionsOf.run(link.accountId, '');
      this.q.deleteLinksOf.run(link.accountId);
      this.q.insertSession.run({ ...s, accountId: link.accountId });
      return this.byId(link.accountId);
    });
  }
}
