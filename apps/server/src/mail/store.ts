import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@brave/i18n';
import { sql } from 'kysely';
import type { MailList } from '@brave/protocol';
import type { Database } from '../store/database.ts';
import { refusalsUnavailable, transact } from '../store/transactions.ts';

/** Who a mail is about: a member of one community, or a facilitator's account. */
export type Subject = { kind: 'member'; communityId: string; memberId: string } | { kind: 'account'; accountId: string };

export const subjectKey = (s: Subject): string => (s.kind === 'member' ? `m:${s.communityId}:${s.memberId}` : `a:${s.accountId}`);

export function parseSubject(key: string): Subject | null {
  const m = /^m:([^:]{1,64}):([^:]{1,64})$/.exec(key);
  if (m) return { kind: 'member', communityId: m[1]!, memberId: m[2]! };
  const a = /^a:([^:]{1,64})$/.exec(key);
  return a ? { kind: 'account', accountId: a[1]! } : null;
}

export interface Choices {
  email: string | null;
  reminders: boolean;
  news: boolean;
}

/** A facilitator who never chose: reminders of their communities' convenings, no news. A member who never chose gets nothing (we have no address). */
export const ACCOUNT_DEFAULT: Choices = { email: null, reminders: true, news: false };

/** A convening not started yet, with what a reminder needs of its community. */
export interface Upcoming {
  scheduleId: string;
  communityId: string;
  communityName: string;
  caucusOptions: string[];
  title: string;
  outline: string[];
  startsAt: number;
  durationMinutes: number;
  sequence: number;
  updatedAt: number;
}

/**
 * Mail choices and the claims of mail sent once (migration 0007_mail), on Kysely for both
 * engines. Every write is one transaction, resolved after it committed; a refusal of the
 * database is StoreUnavailableError.
 */
export interface MailStore {
  choices(s: Subject): Promise<Choices | null>;
  setChoices(s: Subject, c: Choices, now: number): Promise<void>;
  /** Stop one list (or both) for this person; kept even if they never chose before. */
  unsubscribe(s: Subject, list: MailList | 'all', now: number): Promise<void>;
  /** Forget a member's address and choices (they left, or asked). */
  forget(s: Subject): Promise<void>;
  /** Addresses of the current members and facilitators of a community who take this list. */
  /** Each with the language they read (a member's profile; facilitators and members who did not choose: English). */
  recipients(communityId: string, list: MailList): Promise<{ subject: Subject; email: string; language: Language }[]>;
  /** The account's address, if the account exists. */
  accountEmail(accountId: string): Promise<string | null>;
  /** Convenings of every community not started yet that start in (from, to]. */
  upcoming(from: number, to: number): Promise<Upcoming[]>;
  /** True for the one caller that inserted the key first (across processes and restarts). */
  claim(key: string, at: number): Promise<boolean>;
}

type ChoiceRow = { email: string | null; reminders: number; news: number };
const toChoices = (r: ChoiceRow): Choices => ({ email: r.email, reminders: r.reminders === 1, news: r.news === 1 });
const json = (v: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
};

export class KyselyMailStore implements MailStore {
  constructor(private readonly database: Database) {}

  async choices(s: Subject): Promise<Choices | null> {
    const row = await this.read(() => this.database.db.selectFrom('mail_choices').select(['email', 'reminders', 'news']).where('subject', '=', subjectKey(s)).executeTakeFirst());
    return row ? toChoices(row) : null;
  }

  async setChoices(s: Subject, c: Choices, now: number): Promise<void> {
    const row = { subject: subjectKey(s), community_id: s.kind === 'member' ? s.communityId : null, email: c.email, reminders: c.reminders ? 1 : 0, news: c.news ? 1 : 0, updated_at: now };
    await transact(this.database, (tx) =>
      tx
        .insertInto('mail_choices')
        .values(row)
        .onConflict((oc) => oc.column('subject').doUpdateSet({ email: row.email, reminders: row.reminders, news: row.news, updated_at: now }))
        .execute(),
    );
  }

  async unsubscribe(s: Subject, list: MailList | 'all', now: number): Promise<void> {
    const current = (await this.choices(s)) ?? (s.kind === 'account' ? ACCOUNT_DEFAULT : { email: null, reminders: false, news: false });
    await this.setChoices(s, { email: current.email, reminders: list === 'news' ? current.reminders : false, news: list === 'reminders' ? current.news : false }, now);
  }

  async forget(s: Subject): Promise<void> {
    await transact(this.database, (tx) => tx.deleteFrom('mail_choices').where('subject', '=', subjectKey(s)).execute());
  }

  async recipients(communityId: string, list: MailList): Promise<{ subject: Subject; email: string; language: Language }[]> {
    const flag = sql.ref(`c.${list}`);
    const db = this.database.db;
    // Members: only those with an address who chose this list and are still members.
    const members = await this.read(() =>
      sql<{ member_id: string; email: string; language: string | null }>`
        SELECT m.id AS member_id, c.email AS email, m.language AS language FROM mail_choices c
        JOIN members m ON c.subject = ${'m:'} || m.community_id || ${':'} || m.id
        WHERE c.community_id = ${communityId} AND m.community_id = ${communityId} AND m.former = 0
          AND c.email IS NOT NULL AND ${flag} = 1`.execute(db),
    );
    // Facilitators: their account's address, unless they turned this list off (reminders are on until then).
    const fallback = list === 'reminders' ? 1 : 0;
    const facilitators = await this.read(() =>
      sql<{ account_id: string; email: string }>`
        SELECT a.id AS account_id, a.email AS email FROM community_facilitators f
        JOIN accounts a ON a.id = f.account_id
        LEFT JOIN mail_choices c ON c.subject = ${'a:'} || a.id
        WHERE f.community_id = ${communityId} AND COALESCE(${flag}, ${fallback}) = 1`.execute(db),
    );
    return [
      ...members.rows.map((r) => ({ subject: { kind: 'member' as const, communityId, memberId: r.member_id }, email: r.email, language: isLanguage(r.language) ? r.language : DEFAULT_LANGUAGE })),
      ...facilitators.rows.map((r) => ({ subject: { kind: 'account' as const, accountId: r.account_id }, email: r.email, language: DEFAULT_LANGUAGE })),
    ];
  }

  async accountEmail(accountId: string): Promise<string | null> {
    return this.read(async () => (await this.database.db.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirst())?.email ?? null);
  }

  async upcoming(from: number, to: number): Promise<Upcoming[]> {
    const result = await this.read(() =>
      sql<{ id: string; community_id: string; name: string; caucus_options: string; title: string; outline: string; starts_at: number; duration_minutes: number; sequence: number; updated_at: number }>`
        SELECT s.id, s.community_id, c.name, c.caucus_options, s.title, s.outline, s.starts_at, s.duration_minutes, s.sequence, s.updated_at
        FROM scheduled_convenings s JOIN communities c ON c.id = s.community_id
        WHERE s.convening_id IS NULL AND s.starts_at > ${from} AND s.starts_at <= ${to}
        ORDER BY s.starts_at`.execute(this.database.db),
    );
    return result.rows.map((r) => ({
      scheduleId: r.id,
      communityId: r.community_id,
      communityName: r.name,
      caucusOptions: json(r.caucus_options),
      title: r.title,
      outline: json(r.outline),
      startsAt: Number(r.starts_at),
      durationMinutes: Number(r.duration_minutes),
      sequence: Number(r.sequence),
      updatedAt: Number(r.updated_at),
    }));
  }

  async claim(key: string, at: number): Promise<boolean> {
    const result = await transact(this.database, (tx) => tx.insertInto('mail_sent').values({ key, at }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst());
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  private read<T>(fn: () => Promise<T>): Promise<T> {
    return refusalsUnavailable(fn);
  }
}
