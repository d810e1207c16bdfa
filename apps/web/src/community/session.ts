import { useCallback, useEffect, useState } from 'react';
import type { AccountView } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { communityApi, type Caller } from './api.ts';

export type Session =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; account: AccountView | null; caller: Caller & { kind: 'account' } };

/** Who this browser is signed in as (the facilitator's account), asked once per screen. */
export function useSession(): { session: Session; retry: () => void } {
  const [session, setSession] = useState<Session>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    communityApi.session().then(
      (s) => live && setSession({ phase: 'ready', account: s.account, caller: { kind: 'account', csrf: s.csrfToken } }),
      (err: unknown) => live && setSession({ phase: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { session, retry };
}

/** Where to sign in, coming back to this very address (fragment included) afterwards. */
export function signInHref(): string {
  const back = window.location.pathname + window.location.hash;
  return `/account?next=${encodeURIComponent(back)}`;
}

const RETURN_KEY = 'brave-space:after-sign-in';

/** Remember a page to finish after signing in (the co-facilitator invite), for this tab only. */
export function rememberReturn(path: string): void {
  try {
    window.sessionStorage.setItem(RETURN_KEY, path);
  } catch {
    // Without storage the person opens the invite link again; nothing breaks.
  }
}

/** The remembered page, if it is one of ours. */
export function pendingReturn(): string | null {
  try {
    const path = window.sessionStorage.getItem(RETURN_KEY);
    return path && /^\/c\/[A-Za-z0-9_-]{1,64}\/cohost#code=[A-Za-z0-9_-]{1,128}$/.test(path) ? path : null;
  } catch {
    return null;
  }
}

export function clearReturn(): void {
  try {
    window.sessionStorage.removeItem(RETURN_KEY);
  } catch {
    // Nothing to clear.
  }
}
