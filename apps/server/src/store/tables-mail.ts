/**
 * Row types of the mail tables (migration 0007_mail) as both engines return them; part of
 * the Kysely Schema (store/schema.ts). Read and written by mail/store.ts only.
 *
 * - `mail_choices`: one row per person who chose something. `subject` is `m:<community>:<member>`
 *   for a member (their own `email`) or `a:<account>` for a facilitator (`email` null: the
 *   account's address is used). `reminders` and `news` are 0 or 1.
 * - `mail_sent`: the claim of a mail that must go out once only (a convening reminder), by a
 *   unique key; whichever process inserts it sends, and a restart finds it sent.
 */
export interface MailTables {
  mail_choices: { subject: string; community_id: string | null; email: string | null; reminders: number; news: number; updated_at: number };
  mail_sent: { key: string; at: number };
}
