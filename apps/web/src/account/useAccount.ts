import { useCallback, useEffect, useState } from 'react';
import { accounts } from '@brave/client';
import type { AccountView } from '@brave/protocol';
import { describeError } from '../app/errors.ts';

export type AccountState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  /** `csrf` guards the session's changes; null until the server hands one out. */
  | { phase: 'ready'; account: AccountView | null; csrf: string | null };

/** The server this page came from: the session cookie belongs to it. */
export const origin = (): string => window.location.origin;

/** Who this browser is signed in as; asked once per screen, and again on `reload`. */
export function useAccount(): { state: AccountState; reload: () => void; signedIn: (account: AccountView | null) => void } {
  const [state, setState] = useState<AccountState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    accounts.session(origin()).then(
      (s) => live && setState({ phase: 'ready', account: s.account, csrf: s.csrfToken }),
      (err: unknown) => live && setState({ phase: 'failed', message: describeError(err) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // The accounts client keeps the new session's csrf token for its own calls.
  const signedIn = useCallback((account: AccountView | null) => setState({ phase: 'ready', account, csrf: null }), []);
  return { state, reload, signedIn };
}

/** Only paths on this site may be a place to return to after signing in. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : null;
}
