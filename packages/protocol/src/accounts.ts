import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { Id, text } from './model.ts';

/** Facilitator accounts: bodies and answers of /api/account/… and /api/admin/… (docs/accounts.md). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Emails compare trimmed and lower-cased, so "Ana@Example.org " and "ana@example.org" are one account. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'));

/** Passwords are taken exactly as typed (no trimming): spaces are allowed anywhere. */
export const Password = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const AccountView = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.number().int(),
});
export type AccountView = z.infer<typeof AccountView>;

export const SignUpBody = z.strictObject({ email: Email, password: Password, name: text(LIMITS.nameMax) });
export type SignUpBody = z.input<typeof SignUpBody>;

/** Sign-in does not check the password's length: a refusal must not say why. */
export const SignInBody = z.strictObject({ email: Email, password: z.string().min(1).max(PASSWORD_MAX) });
export type SignInBody = z.input<typeof SignInBody>;

export const ChangePasswordBody = z.strictObject({ current: z.string().min(1).max(PASSWORD_MAX), next: Password });
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;

export const ResetToken = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, 'is not a reset link token');

export const ResetBody = z.strictObject({ token: ResetToken, password: Password });
export type ResetBody = z.input<typeof ResetBody>;

/** GET /api/account/session: who this browser is signed in as, if anyone. */
export const SessionResult = z.object({ account: AccountView.nullable(), csrfToken: z.string().nullable() });
export type SessionResult = z.infer<typeof SessionResult>;

/** Sign-up, sign-in and reset: the account and the token unsafe calls must send as X-CSRF-Token. */
export const SignedInResult = z.object({ account: AccountView, csrfToken: z.string() });
export type SignedInResult = z.infer<typeof SignedInResult>;

export const AccountsList = z.object({ accounts: z.array(AccountView) });
export type AccountsList = z.infer<typeof AccountsList>;

export const ResetLinkResult = z.object({ url: z.string(), expiresAt: z.number().int() });
export type ResetLinkResult = z.infer<typeof ResetLinkResult>;

/** The header carrying the csrf token on POST/PUT/PATCH/DELETE made with the session cookie. */
export const CSRF_HEADER = 'X-CSRF-Token';
