import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CollabConnection, type CollabSnapshot } from './collab.ts';
import type { LocalPlace } from './local.ts';

const CONNECTING: CollabSnapshot = { state: { kind: 'connecting' }, loaded: false, unsent: false, unshared: false, notice: null, kept: false };
const noSubscribe = () => () => undefined;
const connecting = () => CONNECTING;

/**
 * A live Yjs document for as long as the calling component is mounted with this name
 * and credential, kept on this device for `local` (its person and, for caucus notes,
 * session). The connection object stays the same for the editor's whole life.
 */
export function useCollab(name: string, token: string | null, checkAccess: () => Promise<string | null>, local: LocalPlace | null) {
  const [conn, setConn] = useState<CollabConnection | null>(null);
  // By value: a new object for the same place must not reconnect.
  const localKey = local ? JSON.stringify(local) : null;
  // The connection asks whichever checkAccess is current: a new closure must not reconnect.
  const latestCheck = useRef(checkAccess);
  useEffect(() => {
    latestCheck.current = checkAccess;
  }, [checkAccess]);

  useEffect(() => {
    const place = localKey ? (JSON.parse(localKey) as LocalPlace) : null;
    const c = new CollabConnection({ origin: window.location.origin, name, token, checkAccess: () => latestCheck.current(), local: place });
    setConn(c);
    void c.start();
    return () => {
      c.destroy();
      setConn((current) => (current === c ? null : current));
    };
  }, [name, token, localKey]);

  const snapshot = useSyncExternalStore(conn?.subscribe ?? noSubscribe, conn?.getSnapshot ?? connecting);
  return { conn, snapshot };
}
