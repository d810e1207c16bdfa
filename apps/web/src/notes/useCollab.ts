import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CollabConnection, type CollabSnapshot } from './collab.ts';

const CONNECTING: CollabSnapshot = { state: { kind: 'connecting' }, loaded: false, unsent: false };
const noSubscribe = () => () => undefined;
const connecting = () => CONNECTING;

/**
 * A live Yjs document for as long as the calling component is mounted with this name
 * and credential. The connection object stays the same for the editor's whole life.
 */
export function useCollab(name: string, token: string | null, checkAccess: () => Promise<string | null>) {
  const [conn, setConn] = useState<CollabConnection | null>(null);
  // The connection asks whichever checkAccess is current: a new closure must not reconnect.
  const latestCheck = useRef(checkAccess);
  useEffect(() => {
    latestCheck.current = checkAccess;
  }, [checkAccess]);

  useEffect(() => {
    const c = new CollabConnection({ origin: window.location.origin, name, token, checkAccess: () => latestCheck.current() });
    setConn(c);
    c.start();
    return () => {
      c.destroy();
      setConn((current) => (current === c ? null : current));
    };
  }, [name, token]);

  const snapshot = useSyncExternalStore(conn?.subscribe ?? noSubscribe, conn?.getSnapshot ?? connecting);
  return { conn, snapshot };
}
