import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { CSRF_HEADER } from '@brave/protocol';
import { HttpError } from '../http/respond.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { safeEqual, sha256 } from './secrets.ts';
import type { Account } from './account.ts';
import type { AccountRow, AccountStore, SessionRow } from './store.ts';

export type { Account } from './account.ts';

export interface AccountAuth {
  /** The signed-in account of this request, or null (no/expired/unknown cookie). Never throws. */
  current(req: Request): Promise<Account | null>;
  /** The signed-in account; throws HttpError 'unauthorized' without one, and 'forbidden'
   *  (field 'csrf') for an unsafe method without the matching X-CSRF-Token header. */
  require(req: Request): Promise<Account>;
  /** For websocket upgrades: the account of a raw Cookie header (no CSRF: upgrades are GETs
   *  and the origin allowlist guards them). */
  fromCookieHeader(cookie: string | undefined): Promise<Account | null>;
}

export interface AccountAuthDeps {
  store: AccountStore;
  /** The server's origin allowlist (server.ts makeOriginCheck): a present, foreign Origin is refused. */
  originAllowed: (req: IncomingMessage) => boolean;
  now: () => number;
}

/** The session behind a request, for the account routes (which also need the csrf token). */
export interface SignedIn {
  account: AccountRow;
  session: SessionRow;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createAccountAuth(deps: AccountAuthDeps): AccountAuth & {
  /** Like `current`, with the session row (id hash, csrf token). */
  session(cookie: string | undefined): Promise<SignedIn | null>;
  /** Like `require`, with the session row. */
  requireSession(req: Request): Promise<SignedIn>;
} {
  const { store, originAllowed, now } = deps;

  async function session(cookie: string | undefined): Promise<SignedIn | null> {
    try {
      const token = readCookie(cookie, SESSION_COOKIE);
      if (!token || token.length > 128) return null;
      const found = await store.session(sha256(token), now());
      return found ? { account: found.account, session: found.session } : null;
    } catch {
      // A database hiccup reads as "not signed in" rather than failing the request here.
      return null;
    }
  }

  async function requireSession(req: Request): Promise<SignedIn> {
    const unsafe = !SAFE_METHODS.has(req.method.toUpperCase());
    // A cross-site page may not drive a signed-in browser, whatever the token says.
    if (unsafe && !originAllowed(req)) {
      throw new HttpError({ code: 'forbidden', message: 'This request came from a site we do not trust.', field: 'origin' });
    }
    const signedIn = await session(req.headers.cookie);
    if (!signedIn) throw new HttpError({ code: 'unauthorized', message: 'Please sign in first.' });
    if (unsafe) {
      const sent = req.get(CSRF_HEADER);
      if (!sent || !safeEqual(sent, signedIn.session.csrf)) {
        throw new HttpError({ code: 'forbidden', message: 'This request is missing its security token; reload the page and try again.', field: 'csrf' });
      }
    }
    return signedIn;
  }

  return {
    session,
    requireSession,
    // session() never rejects; requireSession() rejects with HttpError.
    current: async (req) => (await session(req.headers.cookie))?.account ?? null,
    require: async (req) => (await requireSession(req)).account,
    fromCookieHeader: async (cookie) => (await session(cookie))?.account ?? null,
  };
}
