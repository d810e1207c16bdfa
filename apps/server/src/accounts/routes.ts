import type { IncomingMessage } from 'node:http';
import { Router, type Request, type Response } from 'express';
import {
  ChangePasswordBody,
  ResetBody,
  SignInBody,
  SignUpBody,
  type AccountsList,
  type AccountView,
  type ResetLinkResult,
  type SessionResult,
  type SignedInResult,
} from '@brave/protocol';
import { newId } from '../convening/ids.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import type { createAccountAuth, SignedIn } from './auth.ts';
import { clearedSessionCookie, sessionCookie } from './cookies.ts';
import { FailureWindow } from './limits.ts';
import { checkAgainstDummy, checkPassword, hashPassword } from './passwords.ts';
import { randomToken, sha256 } from './secrets.ts';
import type { AccountRow, AccountStore, NewSession } from './store.ts';

export const RESET_LINK_TTL_MS = 24 * 3_600_000;
const FAILURE_WINDOW_MS = 15 * 60_000;

export interface AccountRoutesDeps {
  store: AccountStore;
  auth: ReturnType<typeof createAccountAuth>;
  originAllowed: (req: IncomingMessage) => boolean;
  publicUrl: string | undefined;
  sessionTtlMs: number;
  rate: { burst: number; perSecond: number };
  signinFailuresMax: number;
  /** Accounts this instance holds at most (MAX_ACCOUNTS); sign-up is refused beyond. */
  maxAccounts: number;
  now: () => number;
}

const view = (a: AccountRow): AccountView => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin, createdAt: a.createdAt });

/** /api/account/… and /api/admin/… (docs/accounts.md). Passwords, tokens and cookies are never logged. */
export function accountRouter(deps: AccountRoutesDeps): Router {
  const { store, auth, originAllowed, publicUrl, sessionTtlMs, now } = deps;
  const r = Router();
  const perIp = new RateLimiter(deps.rate.perSecond, deps.rate.burst, now);
  const failures = new FailureWindow(deps.signinFailuresMax, FAILURE_WINDOW_MS, now);

  const limit = (req: Request) => {
    const wait = perIp.take(req.ip ?? 'unknown');
    if (wait > 0) throw new HttpError({ code: 'rate_limited', message: 'Too many attempts from this address; please wait a little.', retryAfterMs: wait });
  };
  // Sign-in and sign-up are not cookie-authenticated, but a foreign page must not drive them either.
  const sameSite = (req: Request) => {
    if (!originAllowed(req)) throw new HttpError({ code: 'forbidden', message: 'This request came from a site we do not trust.', field: 'origin' });
  };
  const secure = (req: Request) => req.secure || (publicUrl?.startsWith('https:') ?? false);
  const base = (req: Request) => publicUrl ?? `${req.protocol}://${req.get('host')}`;

  /** A fresh session: the token goes to the browser as a cookie, only its digest to the database. */
  const newSession = (): { token: string; row: NewSession } => {
    const token = randomToken();
    const at = now();
    return { token, row: { idHash: sha256(token), csrf: randomToken(), createdAt: at, expiresAt: at + sessionTtlMs } };
  };
  const setCookie = (req: Request, res: Response, token: string) =>
    res.append('Set-Cookie', sessionCookie(token, { maxAgeSeconds: sessionTtlMs / 1000, secure: secure(req) }));
  const signedIn = (account: AccountRow, s: NewSession): SignedInResult => ({ account: view(account), csrfToken: s.csrf });

  const tooManyFailures = (email: string) => {
    const wait = failures.blocked(email);
    if (wait > 0) {
      throw new HttpError({ code: 'rate_limited', message: 'Too many wrong passwords for this account; please wait before trying again.', retryAfterMs: wait });
    }
  };

  r.get('/account/session', async (req, res) => {
    const found = await auth.session(req.headers.cookie);
    // A stale cookie is dropped so the browser stops sending it.
    if (!found && req.headers.cookie?.includes('bs_session=')) res.append('Set-Cookie', clearedSessionCookie(secure(req)));
    res.setHeader('Cache-Control', 'no-store');
    const result: SessionResult = found ? { account: view(found.account), csrfToken: found.session.csrf } : { account: null, csrfToken: null };
    res.json(result);
  });

  r.post('/account/signup', async (req, res) => {
    sameSite(req);
    limit(req);
    const body = parseBody(SignUpBody, req.body);
    const passwordHash = await hashPassword(body.password);
    const { token, row } = newSession();
    const made = await store.createWithSession({ id: newId('a'), email: body.email, name: body.name, passwordHash, createdAt: row.createdAt }, row, deps.maxAccounts);
    if (made === 'taken') {
      throw new HttpError({ code: 'conflict', message: 'An account with this email exists already. Try signing in.', field: 'email' });
    }
    if (made === 'full') {
      throw new HttpError({
        code: 'conflict',
        message: `This server already has ${deps.maxAccounts.toLocaleString('en')} accounts, the most it is set up for, so no new ones can be made. Ask whoever runs it to raise the limit.`,
      });
    }
    setCookie(req, res, token);
    res.status(201).json(signedIn(made, row));
  });

  r.post('/account/signin', async (req, res) => {
    sameSite(req);
    limit(req);
    const body = parseBody(SignInBody, req.body);
    tooManyFailures(body.email);
    const found = await store.byEmail(body.email);
    const ok = found ? await checkPassword(found.passwordHash, body.password) : await checkAgainstDummy(body.password);
    if (!found || !ok) {
      failures.fail(body.email);
      throw new HttpError({ code: 'unauthorized', message: 'That email and password do not match an account.' });
    }
    failures.clear(body.email);
    const { token, row } = newSession();
    await store.createSession(found.account.id, row);
    setCookie(req, res, token);
    res.json(signedIn(found.account, row));
  });

  r.post('/account/signout', async (req, res) => {
    const { session } = await auth.requireSession(req);
    await store.endSession(session.idHash);
    res.append('Set-Cookie', clearedSessionCookie(secure(req)));
    res.status(204).end();
  });

  r.post('/account/signout-everywhere', async (req, res) => {
    const { account } = await auth.requireSession(req);
    await store.endSessions(account.id);
    res.append('Set-Cookie', clearedSessionCookie(secure(req)));
    res.status(204).end();
  });

  r.post('/account/password', async (req, res) => {
    const { account, session } = await auth.requireSession(req);
    const body = parseBody(ChangePasswordBody, req.body);
    tooManyFailures(account.email);
    const current = await store.passwordHash(account.id);
    if (!current || !(await checkPassword(current, body.current))) {
      failures.fail(account.email);
      throw new HttpError({ code: 'unauthorized', message: 'Your current password is not right.', field: 'current' });
    }
    await store.changePassword(account.id, await hashPassword(body.next), session.idHash);
    res.status(204).end();
  });

  r.post('/account/reset', async (req, res) => {
    sameSite(req);
    limit(req);
    const body = parseBody(ResetBody, req.body);
    const tokenHash = sha256(body.token);
    if (!(await store.resetLinkAccount(tokenHash, now()))) throw deadLink();
    const passwordHash = await hashPassword(body.password);
    const { token, row } = newSession();
    const account = await store.useResetLink(tokenHash, passwordHash, row);
    if (!account) throw deadLink();
    setCookie(req, res, token);
    failures.clear(account.email);
    res.json(signedIn(account, row));
  });

  r.get('/admin/accounts', async (req, res) => {
    admin(await auth.requireSession(req));
    const result: AccountsList = { accounts: (await store.list()).map(view) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });

  r.post('/admin/accounts/:id/reset-link', async (req, res) => {
    const me = admin(await auth.requireSession(req));
    const target = await store.byId(String(req.params.id));
    if (!target) throw new HttpError({ code: 'not_found', message: 'There is no account with that id.' });
    const token = randomToken();
    const at = now();
    const expiresAt = at + RESET_LINK_TTL_MS;
    await store.createResetLink({ tokenHash: sha256(token), accountId: target.id, createdBy: me.id, createdAt: at, expiresAt });
    const result: ResetLinkResult = { url: `${base(req)}/account/reset#token=${token}`, expiresAt };
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(result);
  });

  return r;
}

function admin({ account }: SignedIn) {
  if (!account.isAdmin) throw new HttpError({ code: 'forbidden', message: 'Only the instance admin can do this.' });
  return account;
}

const deadLink = () =>
  new HttpError({ code: 'not_found', message: 'This reset link has been used, replaced or has expired. Ask your admin for a new one.', field: 'token' });
