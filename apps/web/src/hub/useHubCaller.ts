import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../app/errors.ts';
import type { Caller } from '../community/api.ts';
import { useCommunity } from '../community/useCommunity.ts';
import { useDoorbell } from '../community/useDoorbell.ts';

export type HubLoad<T> = { phase: 'loading' } | { phase: 'outside' } | { phase: 'failed'; message: string } | { phase: 'ready'; data: T; caller: Caller; communityName: string };

/**
 * What a hub screen shows, fetched as whoever this browser is in the community (a
 * facilitator's session, else the member key: useCommunity), again each time the
 * community's doorbell rings, and when the page is shown again. `reload` never throws:
 * a failed refresh keeps what is on screen.
 */
export function useHubData<T>(communityId: string, fetch: (caller: Caller) => Promise<T>): { load: HubLoad<T>; reload: () => Promise<void> } {
  const { load: community } = useCommunity(communityId);
  const caller = community.phase === 'ready' ? community.caller : null;
  const communityName = community.phase === 'ready' ? community.home.community.name : '';
  const [state, setState] = useState<HubLoad<T>>({ phase: 'loading' });
  const fetchRef = useRef(fetch);
  useEffect(() => {
    fetchRef.current = fetch;
  }, [fetch]);

  const reload = useCallback(async () => {
    if (!caller) return;
    try {
      const data = await fetchRef.current(caller);
      setState({ phase: 'ready', data, caller, communityName });
    } catch (err) {
      setState((s) => (s.phase === 'ready' ? s : { phase: 'failed', message: describeError(err) }));
    }
  }, [caller, communityName]);

  useEffect(() => {
    void reload();
  }, [reload, fetch]);
  useDoorbell(communityId, caller, reload);
  useEffect(() => {
    const onShow = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onShow);
    return () => document.removeEventListener('visibilitychange', onShow);
  }, [reload]);

  if (community.phase === 'outside') return { load: { phase: 'outside' }, reload };
  if (community.phase === 'failed') return { load: { phase: 'failed', message: community.message }, reload };
  return { load: state, reload };
}
