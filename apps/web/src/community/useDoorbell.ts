import { useEffect, useRef, useState } from 'react';
import { CommunityDoorbell } from '@brave/client';
import type { Caller } from './api.ts';

/** Rings closer together than this are answered with one fetch. */
const COALESCE_MS = 250;

/**
 * Listen at the community's doorbell (docs/communities.md, "The home stays current") while
 * the home is open: each ring fetches the home again, bursts of rings at most once per
 * 250 ms, and each time the connection opens it fetches once too (rings may have been
 * missed before it did). `live` says whether the doorbell is connected, so the page can keep
 * its slow poll for when it is not. `caller` null: nothing to listen for yet.
 */
export function useDoorbell(communityId: string, caller: Caller | null, reload: () => Promise<void>): { live: boolean } {
  const [live, setLive] = useState(false);
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  }, [reload]);
  const token = caller?.kind === 'member' ? caller.token : caller ? '' : null;

  useEffect(() => {
    if (token === null) return undefined;
    const bell = new CommunityDoorbell({ url: window.location.origin, communityId, ...(token ? { token } : {}) });
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const fetchSoon = () => {
      if (timer) return;
      const wait = Math.max(0, last + COALESCE_MS - performance.now());
      timer = setTimeout(() => {
        timer = null;
        last = performance.now();
        void reloadRef.current();
      }, wait);
    };
    const offRing = bell.on('ring', fetchSoon);
    const offStatus = bell.on('status', (s) => {
      setLive(s === 'live');
      // Connected, first or again: what changed while it was not is fetched once.
      if (s === 'live') fetchSoon();
    });
    bell.connect();
    return () => {
      offRing();
      offStatus();
      if (timer) clearTimeout(timer);
      bell.close();
      setLive(false);
    };
  }, [communityId, token]);

  return { live };
}
