import {
  AccountsList,
  ApiError,
  CSRF_HEADER,
  MailChoices,
  MailQueued,
  ResetLinkResult,
  SessionResult,
  SignedInResult,
  type AccountMailBody,
  type ChangePasswordBody,
  type ResetBody,
  type SignInBody,
  type SignUpBody,
} from '@brave/protocol';
import type { z } from 'zod';
import { ApiRequestError } from './http.ts';

/** The csrf token of the signed-in session, per server; unsafe calls must send it back. */
const csrfTokens = new Map<string, string>();

const remember = (base: string, token: string | null) => {
  if (token) csrfTokens.set(base, token);
  else csrfTokens.delete(base);
};

async function send(base: string, method: string, path: string, body?: unknown): Promise<Response> {
  const csrf = csrfTokens.get(base);
  return fetch(new URL(path, base), {
    method,
    // The session is an http-only cookie: the browser sends it, scripts never see it.
    credentials: 'same-origin',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method !== 'GET' && csrf ? { [CSRF_HEADER]: csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function call<T>(base: string, method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
  let res = await send(base, method, path, body);
  if (res.status === 403 && method !== 'GET') {
    // The token may be unknown after a reload: ask for it once and try again.
    const refused = await errorOf(res);
    if (refused.field !== 'csrf') throw new ApiRequestError(403, refused);
    await accounts.session(base);
    res = await send(base, method, path, body);
  }
  if (!res.ok) throw new ApiRequestError(res.status, await errorOf(res));
  if (res.status === 204 || schema === null) return undefined as T;
  return schema.parse(await res.json());
}

async function errorOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const parsed = ApiError.safeParse((body as { error?: unknown } | null)?.error);
  return parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` };
}

const signedIn = async (base: string, p: Promise<SignedInResult>) => {
  const result = await p;
  remember(base, result.csrfToken);
  return result;
};

/** Facilitator accounts (docs/accounts.md). `base` is the server's URL (the page's origin in the browser). */
export const accounts = {
  session: async (base: string): Promise<SessionResult> => {
    const result = await call(base, 'GET', '/api/account/session', SessionResult);
    remember(base, result.csrfToken);
    return result;
  },
  signUp: (base: string, body: SignUpBody) => signedIn(base, call(base, 'POST', '/api/account/signup', SignedInResult, body)),
  signIn: (base: string, body: SignInBody) => signedIn(base, call(base, 'POST', '/api/account/signin', SignedInResult, body)),
  reset: (base: string, body: ResetBody) => signedIn(base, call(base, 'POST', '/api/account/reset', SignedInResult, body)),
  signOut: async (base: string): Promise<void> => {
    await call(base, 'POST', '/api/account/signout', null);
    remember(base, null);
  },
  signOutEverywhere: async (base: string): Promise<void> => {
    await call(base, 'POST', '/api/account/signout-everywhere', null);
    remember(base, null);
  },
  changePassword: (base: string, body: ChangePasswordBody): Promise<void> => call(base, 'POST', '/api/account/password', null, body),
  listAccounts: async (base: string) => (await call(base, 'GET', '/api/admin/accounts', AccountsList)).accounts,
  makeResetLink: (base: string, accountId: string) =>
    call(base, 'POST', `/api/admin/accounts/${encodeURIComponent(accountId)}/reset-link`, ResetLinkResult),
  /** A reset link by email (202 whether or not the address has an account; 409 when the server sends no email). */
  forgot: (base: string, email: string) => call(base, 'POST', '/api/account/forgot', MailQueued, { email }),
  mail: (base: string) => call(base, 'GET', '/api/account/mail', MailChoices),
  setMail: (base: string, body: AccountMailBody) => call(base, 'PUT', '/api/account/mail', MailChoices, body),
  /** The csrf token this client holds for `base`, for other cookie-authenticated calls (communities). */
  csrfToken: (base: string): string | undefined => csrfTokens.get(base),
};
