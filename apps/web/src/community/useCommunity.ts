import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '@brave/client';
import type { AccountView, CommunityHome } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import { communityApi, type Caller } from './api.ts';
import { loadMember } from './credentials.ts';

export type CommunityLoad =
  | { phase: 'loading' }
  /** Neither a facilitator's session nor a member credential opens it. */
  | { phase: 'outside'; account: AccountView | null; memberRefused: boolean }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; home: CommunityHome; caller: Caller };

const refused = (err: unknown) => err instanceof ApiRequestError && [401, 403, 404].includes(err.status);

/** The home as `caller` may see it, or null when the server says they may not. */
async function homeAs(caller: Caller, id: string): Promise<CommunityHome | null> {
  try {
    return await communityApi.home(caller, id);
  } catch (err) {
    if (refused(err)) return null;
    throw err;
  }
}

/**
 * Open a community as whoever this browser is: a facilitator of it (the session cookie),
 * else a member (the stored credential). `reload` fetches the home again without the
 * loading state, so lists update in place.
 */
export function useCommunity(id: string): { load: CommunityLoad; reload: () => Promise<void> } {
  const [load, setLoad] = useState<CommunityLoad>({ phase: 'loading' });
  const caller = useRef<Caller | null>(null);
  const live = useRef(true);

  const open = useCallback(async () => {
    try {
      const session = await communityApi.session();
      const seat = loadMember(id);
      // As a facilitator first (the session cookie), else as a member (the stored key).
      const callers: Caller[] = [];
      if (session.account) callers.push({ kind: 'account', csrf: session.csrfToken });
      if (seat) callers.push({ kind: 'member', token: seat.token });
      for (const c of callers) {
        const home = await homeAs(c, id);
        if (!home) continue;
        caller.current = c;
        if (live.current) setLoad({ phase: 'ready', home, caller: c });
        return;
      }
      if (live.current) setLoad({ phase: 'outside', account: session.account, memberRefused: seat !== null });
    } catch (err) {
      if (live.current) setLoad({ phase: 'failed', message: describeError(err) });
    }
  }, [id]);

  const reload = useCallback(async () => {
    const c = caller.current;
    if (!c) return open();
    // Removed, signed out or deleted meanwhile: start over to show why. A dropped
    // connection keeps what is on screen; the next reload catches up.
    const home = await homeAs(c, id).catch(() => undefined);
    if (home === null) return open();
    if (home && live.current) setLoad({ phase: 'ready', home, caller: c });
  }, [id, open]);

  useEffect(() => {
    live.current = true;
    void open();
    return () => {
      live.current = false;
    };
  }, [open]);

  return { load, reload };
}
