import { useEffect, useState, useSyncExternalStore } from 'react';
import { IDLE, openStore, type LiveSnapshot, type LiveStore } from './store.ts';

const noSubscribe = () => () => undefined;
const idle = () => IDLE;

/**
 * A live connection for as long as the calling screen is mounted with this token.
 * Returns a snapshot that changes identity whenever the convening or connection does.
 */
export function useLive(token: string | null): LiveSnapshot {
  const [store, setStore] = useState<LiveStore | null>(null);

  useEffect(() => {
    if (!token) return undefined;
    const s = openStore(token);
    setStore(s);
    s.start();
    return () => {
      s.stop();
      setStore((current) => (current === s ? null : current));
    };
  }, [token]);

  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.getSnapshot ?? idle);
}
