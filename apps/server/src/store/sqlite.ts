import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DomainEvent, type AckResult } from '@brave/protocol';
import { settle } from './settle.ts';
import {
  StoreUnavailableError,
  type ActionRecord,
  type ConveningRecord,
  type NewEvent,
  type Store,
  type StoredEvent,
} from './types.ts';

/** Each entry moves the schema one version forward; never edit a released one. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE convenings (
     id TEXT PRIMARY KEY,
     join_code TEXT NOT NULL UNIQUE,
     cohost_code TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE events (
     convening_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     actor TEXT,
     body TEXT NOT NULL,
     PRIMARY KEY (convening_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE actions (
     convening_id TEXT NOT NULL,
     actor TEXT NOT NULL,
     key TEXT NOT NULL,
     result TEXT NOT NULL,
     PRIMARY KEY (convening_id, actor, key)
   ) WITHOUT ROWID;`,
  // Collaborative documents (apps/server/src/collab/doc-store.ts): update log, snapshots,
  // named versions, published pages.
  `CREATE TABLE doc_updates (
     doc TEXT NOT NULL,
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (doc, seq)
   );
   CREATE TABLE doc_snapshots (
     doc TEXT PRIMARY KEY,
     upto INTEGER NOT NULL,
     at INTEGER NOT NULL,
     data BLOB NOT NULL
   );
   CREATE TABLE doc_versions (
     id TEXT PRIMARY KEY,
     doc TEXT NOT NULL,
     label TEXT NOT NULL,
     at INTEGER NOT NULL,
     by TEXT,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_versions_by_doc ON doc_versions (doc, at);
   CREATE TABLE doc_publications (
     slug TEXT PRIMARY KEY,
     doc TEXT NOT NULL UNIQUE,
     version_id TEXT NOT NULL,
     label TEXT NOT NULL,
     title TEXT NOT NULL,
     published_at INTEGER NOT NULL,
     by TEXT,
     markdown TEXT NOT NULL,
     html TEXT NOT NULL
   );`,
  // Facilitator accounts (apps/server/src/accounts/store.ts): accounts, sessions (only the
  // SHA-256 of the cookie is kept) and one-time reset links (hashed too).
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     is_admin INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE account_sessions (
     id_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
     csrf TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX account_sessions_by_account ON account_sessions (account_id);
   CREATE INDEX account_sessions_by_expiry ON account_sessions (expires_at);
   CREATE TABLE account_reset_links (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX account_reset_links_by_account ON account_reset_links (account_id);`,
  // Communities (apps/server/src/community/store.ts): settings, facilitators (account ids),
  // invites (the co-facilitator token hashed), members, working groups, scheduled
  // convenings and who met whom (for mix rounds months later, until retention).
  `CREATE TABLE communities (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     description TEXT NOT NULL,
     agreement_set_id TEXT NOT NULL,
     agreements TEXT NOT NULL,
     channels TEXT NOT NULL,
     caucus_options TEXT NOT NULL,
     retention_days INTEGER,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE community_facilitators (
     community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
     account_id TEXT NOT NULL,
     name TEXT NOT NULL,
     since INTEGER NOT NULL,
     PRIMARY KEY (community_id, account_id)
   );
   CREATE INDEX community_facilitators_by_account ON community_facilitators (account_id);
   CREATE TABLE facilitator_invites (
     token_hash TEXT PRIMARY KEY,
     community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER
   );
   CREATE TABLE member_invites (
     community_id TEXT PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
     code TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE members (
     id TEXT PRIMARY KEY,
     community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     pronouns TEXT,
     channel TEXT,
     role TEXT,
     team TEXT,
     organisation TEXT,
     region TEXT,
     credential_version INTEGER NOT NULL DEFAULT 1,
     kept_answer TEXT,
     former INTEGER NOT NULL DEFAULT 0,
     joined_at INTEGER NOT NULL,
     left_at INTEGER
   );
   CREATE INDEX members_by_community ON members (community_id, former);
   CREATE TABLE working_groups (
     id TEXT PRIMARY KEY,
     community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX working_groups_by_community ON working_groups (community_id);
   CREATE TABLE working_group_members (
     group_id TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
     member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
     PRIMARY KEY (group_id, member_id)
   ) WITHOUT ROWID;
   CREATE TABLE working_group_channels (
     group_id TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
     channel TEXT NOT NULL,
     PRIMARY KEY (group_id, channel)
   ) WITHOUT ROWID;
   CREATE TABLE scheduled_convenings (
     id TEXT PRIMARY KEY,
     community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
     title TEXT NOT NULL,
     starts_at INTEGER NOT NULL,
     duration_minutes INTEGER NOT NULL,
     outline TEXT NOT NULL,
     rounds TEXT NOT NULL,
     sequence INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER NOT NULL,
     convening_id TEXT UNIQUE,
     started_at INTEGER,
     ended_at INTEGER,
     swept_at INTEGER
   );
   CREATE INDEX scheduled_convenings_by_community ON scheduled_convenings (community_id, starts_at);
   CREATE TABLE community_meetings (
     community_id TEXT NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
     convening_id TEXT NOT NULL,
     members TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX community_meetings_by_community ON community_meetings (community_id, at);`,
  // One-time claim codes of re-issued member links (apps/server/src/community/members-store.ts):
  // only the SHA-256 of the code is kept; a newer re-issue replaces it, a claim burns it.
  `ALTER TABLE members ADD COLUMN claim_hash TEXT;
   ALTER TABLE members ADD COLUMN claim_expires_at INTEGER;`,
];

type Row = { seq: number; at: number; actor: string | null; body: string };

/**
 * The embedded default: one SQLite file in WAL mode. better-sqlite3 is synchronous, so
 * a write has reached the file (and survives the process being killed) by the time the
 * returned promise exists.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string, options: { busyTimeoutMs?: number } = {}) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 2000}`);
    this.db.pragma('foreign_keys = ON');
    migrate(this.db, MIGRATIONS);
    this.stmt = {
      insertConvening: this.db.prepare(
        'INSERT INTO convenings (id, join_code, cohost_code, created_at) VALUES (@id, @joinCode, @cohostCode, @createdAt)',
      ),
      byCode: this.db.prepare(
        'SELECT id, join_code AS joinCode, cohost_code AS cohostCode, created_at AS createdAt FROM convenings WHERE join_code = ?',
      ),
      byId: this.db.prepare(
        'SELECT id, join_code AS joinCode, cohost_code AS cohostCode, created_at AS createdAt FROM convenings WHERE id = ?',
      ),
      head: this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS head FROM events WHERE convening_id = ?').pluck(),
      insertEvent: this.db.prepare('INSERT INTO events (convening_id, seq, at, actor, body) VALUES (?, ?, ?, ?, ?)'),
      eventsAfter: this.db.prepare('SELECT seq, at, actor, body FROM events WHERE convening_id = ? AND seq > ? ORDER BY seq'),
      insertAction: this.db.prepare('INSERT OR REPLACE INTO actions (convening_id, actor, key, result) VALUES (?, ?, ?, ?)'),
      actions: this.db.prepare('SELECT actor, key, result FROM actions WHERE convening_id = ?'),
    };
  }

  createConvening(record: ConveningRecord, events: NewEvent[]): Promise<StoredEvent[]> {
    return settle(() => immediate(this.db, () => {
      this.stmt.insertConvening.run(record);
      return this.appendRows(record.id, events);
    }));
  }

  conveningByJoinCode(joinCode: string): Promise<ConveningRecord | null> {
    return settle(() => (this.stmt.byCode.get(joinCode) as ConveningRecord | undefined) ?? null);
  }

  convening(id: string): Promise<ConveningRecord | null> {
    return settle(() => (this.stmt.byId.get(id) as ConveningRecord | undefined) ?? null);
  }

  append(conveningId: string, events: NewEvent[], action?: ActionRecord): Promise<StoredEvent[]> {
    return settle(() => immediate(this.db, () => {
      const stored = this.appendRows(conveningId, events);
      if (action) this.stmt.insertAction.run(conveningId, action.actor, action.key, JSON.stringify(action.result));
      return stored;
    }));
  }

  events(conveningId: string, afterSeq = 0): Promise<StoredEvent[]> {
    return settle(() => (this.stmt.eventsAfter.all(conveningId, afterSeq) as Row[]).map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      event: DomainEvent.parse(JSON.parse(r.body)),
    })));
  }

  actions(conveningId: string): Promise<ActionRecord[]> {
    return settle(() => (this.stmt.actions.all(conveningId) as { actor: string; key: string; result: string }[]).map((r) => ({
      actor: r.actor,
      key: r.key,
      // Written by append() from an AckResult, in this same file.
      result: JSON.parse(r.result) as AckResult,
    })));
  }

  rewrite(
    conveningId: string,
    type: DomainEvent['type'],
    fn: (event: DomainEvent) => DomainEvent,
    options: { clearActor?: boolean } = {},
  ): Promise<number> {
    return settle(() => immediate(this.db, () => {
      const rows = this.db
        .prepare('SELECT seq, actor, body FROM events WHERE convening_id = ? AND body LIKE ?')
        .all(conveningId, `{"type":"${type}"%`) as { seq: number; actor: string | null; body: string }[];
      const update = this.db.prepare('UPDATE events SET body = ?, actor = ? WHERE convening_id = ? AND seq = ?');
      let changed = 0;
      for (const row of rows) {
        const before = DomainEvent.parse(JSON.parse(row.body));
        const after = JSON.stringify(fn(before));
        const actor = options.clearActor ? null : row.actor;
        if (after !== row.body || actor !== row.actor) {
          update.run(after, actor, conveningId, row.seq);
          changed++;
        }
      }
      return changed;
    }));
  }

  forgetActions(conveningId: string): Promise<number> {
    return settle(() => immediate(this.db, () => this.db.prepare('DELETE FROM actions WHERE convening_id = ?').run(conveningId).changes));
  }

  close(): Promise<void> {
    return settle(() => {
      if (this.db.open) this.db.close();
    });
  }

  private appendRows(conveningId: string, events: NewEvent[]): StoredEvent[] {
    let seq = this.stmt.head.get(conveningId) as number;
    return events.map((e) => {
      seq += 1;
      this.stmt.insertEvent.run(conveningId, seq, e.at, e.actor, JSON.stringify(e.event));
      return { ...e, seq };
    });
  }
}

/**
 * Run a write in one immediate transaction (the write lock is taken up front, so two
 * writers cannot both read and then collide); a database refusal (busy, full, read-only)
 * becomes StoreUnavailableError, which callers answer with 503. Every store on the
 * server's SQLite file writes through this.
 */
export function immediate<T>(db: Database.Database, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    if (err instanceof Database.SqliteError) {
      throw new StoreUnavailableError(`The database refused the write (${err.code}).`, { cause: err });
    }
    throw err;
  }
}

export function migrate(db: Database.Database, migrations: string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
