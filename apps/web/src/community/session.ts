import { useMemo } from 'react';
import type { AccountView } from '@brave/protocol';
import { useAccount } from '../account/useAccount.ts';
import type { Caller } from './api.ts';

export type Session =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; account: AccountView | null; caller: Caller & { kind: 'account' } };

/** Who this browser is signed in as (useAccount), with the caller the community calls take. */
export function useSession(): { session: Session; retry: () => void } {
  const { state, reload } = useAccount();
  const session = useMemo<Session>(
    () => (state.phase === 'ready' ? { phase: 'ready', account: state.account, caller: { kind: 'account', csrf: state.csrf } } : state),
    [state],
  );
  return { session, retry: reload };
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
