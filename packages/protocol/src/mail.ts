import { z } from 'zod';
import { Email } from './accounts.ts';
import { LanguageCode } from './language.ts';

/**
 * Email (docs/email.md): what a member or facilitator chooses to receive, and the bodies of
 * the routes that send or stop mail. Password resets are always sent: they are asked for.
 */
export const MAIL_LISTS = ['reminders', 'news'] as const;
export const MailList = z.enum(MAIL_LISTS);
export type MailList = z.infer<typeof MailList>;

/** What someone receives. `email` is a member's own address (facilitators use their account's). */
export const MailChoices = z.object({
  email: z.string().nullable(),
  reminders: z.boolean(),
  news: z.boolean(),
  /** Whether this server sends email at all (SMTP_URL is set). */
  sending: z.boolean(),
});
export type MailChoices = z.infer<typeof MailChoices>;

/** PUT /api/communities/:id/me/mail: a member's address (null forgets it) and choices. */
export const MemberMailBody = z.strictObject({ email: Email.nullable(), reminders: z.boolean(), news: z.boolean() });
export type MemberMailBody = z.input<typeof MemberMailBody>;

/** PUT /api/account/mail: a facilitator's choices; mail goes to the account's email. */
export const AccountMailBody = z.strictObject({ reminders: z.boolean(), news: z.boolean() });
export type AccountMailBody = z.input<typeof AccountMailBody>;

/** POST /api/account/forgot: a reset link by email, if an account has this address. */
export const ForgotBody = z.strictObject({ email: Email });
export type ForgotBody = z.input<typeof ForgotBody>;

/** POST /api/communities/:id/member-invite/email: send the community's invite link to this address. */
export const InviteEmailBody = z.strictObject({
  email: Email,
  /** The language the invitation is written in (the invitee's, as the facilitator knows it). */
  language: LanguageCode.default('en'),
});
export type InviteEmailBody = z.input<typeof InviteEmailBody>;

/** The answer of routes that hand a mail to the outbox: queued, never waited for. */
export const MailQueued = z.object({ queued: z.literal(true) });
export type MailQueued = z.infer<typeof MailQueued>;

/** The signed token of a one-click unsubscribe link (`u1.…`), as it arrives in the path. */
export const UnsubscribeToken = z.string().min(10).max(600).regex(/^u1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'is not an unsubscribe link');
