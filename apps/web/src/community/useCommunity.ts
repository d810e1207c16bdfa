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
      if (session.account) {
        const asAccount: Caller = { kind: 'account', csrf: session.csrfToken };
        try {
          const home = await communityApi.home(asAccount, id);
          caller.current = asAccount;
          if (live.current) setLoad({ phase: 'ready', home, caller: asAccount });
          return;
        } catch (err) {
          if (!refused(err)) throw err;
        }
      }
      const seat = loadMember(id);
      if (seat) {
        const asMember: Caller = { kind: 'member', token: seat.token };
        try {
          const home = await communityApi.home(asMember, id);
          caller.current = asMember;
          if (live.current) setLoad({ phase: 'ready', home, caller: asMember });
          return;
        } catch (err) {
          if (!refused(err)) throw err;
        }
      }
      if (live.current) setLoad({ phase: 'outside', account: session.account, memberRefused: seat !== null });
    } catch (err) {
      if (live.current) setLoad({ phase: 'failed', message: describeError(err) });
    }
  }, [id]);

  const reload = useCallback(async () => {
    const c = caller.current;
    if (!c) return open();
    try {
      const home = await communityApi.home(c, id);
      if (live.current) setLoad({ phase: 'ready', home, caller: c });
    } catch (err) {
      // Removed, signed out or deleted meanwhile: start over to show why. A dropped
      // connection keeps what is on screen; the next reload catches up.
      if (refused(err)) return open();
    }
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
