import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { deleteDb, forgetLocal, localName, noteLocal, sweepLocal, type LocalPlace } from './localIndex.ts';
import { LOCAL_WORDS } from './words.ts';

export type { LocalPlace } from './localIndex.ts';

/**
 * Copies of documents kept on this device (IndexedDB through y-indexeddb), so edits made
 * on a weak connection survive a reload or a closed tab until the server has them. Named
 * and indexed by localIndex.ts (per document and person; caucus notes per session).
 */

const STORES: [string, IDBObjectStoreParameters?][] = [['updates', { autoIncrement: true }], ['custom']];
type Checked = { kind: 'empty' | 'ok' | 'bad' | 'large' };

/** Read the stored updates into a scratch document first: a bad copy must never touch the editor's. */
async function check(name: string, maxBytes: number): Promise<Checked> {
  const db = await idb.openDB(name, (d) => idb.createStores(d, STORES));
  try {
    const [updates] = idb.transact(db, ['updates'], 'readonly');
    const rows = (await idb.getAll(updates!)) as unknown[];
    if (rows.length === 0) return { kind: 'empty' };
    if (!rows.every((r) => r instanceof Uint8Array)) return { kind: 'bad' };
    const scratch = new Y.Doc();
    try {
      Y.transact(scratch, () => rows.forEach((u) => Y.applyUpdate(scratch, u)));
      return { kind: Y.encodeStateAsUpdate(scratch).length > maxBytes ? 'large' : 'ok' };
    } catch {
      return { kind: 'bad' };
    } finally {
      scratch.destroy();
    }
  } finally {
    db.close();
  }
}

export interface LocalCopy {
  /** Some text was found on this device (the editor can show it before the server answers). */
  had: boolean;
  /** The copy holds edits the server had not confirmed when it was last written. */
  unsent: boolean;
  /** Why an old copy was set aside, in our words; null when nothing went wrong. */
  notice: string | null;
  setUnsent(unsent: boolean): void;
  /** Stop keeping this document here (too large); what is stored stays until wiped. */
  stop(): Promise<void>;
  /** Delete the copy from this device. */
  wipe(): Promise<void>;
}

const UNSENT = 'unsent';
/** A browser that never answers (IndexedDB blocked) must not keep the editor waiting. */
const OPEN_WITHIN_MS = 5_000;

/** Open (or start) this person's copy of `doc`, loading what it holds into `ydoc` first. Null when this browser keeps nothing. */
export async function openLocal(place: LocalPlace, ydoc: Y.Doc, maxBytes: number, now: number): Promise<LocalCopy | null> {
  if (typeof indexedDB === 'undefined') return null;
  void sweepLocal(now);
  const name = localName(place);
  let notice: string | null = null;
  try {
    const checked = await withTimeout(check(name, maxBytes));
    if (checked === null) return null;
    if (checked.kind === 'bad' || checked.kind === 'large') {
      await deleteDb(name);
      notice = checked.kind === 'bad' ? LOCAL_WORDS.discarded : LOCAL_WORDS.tooLargeKept;
    }
  } catch {
    return null; // private mode or storage refused: the editor works without a copy
  }
  const persistence = new IndexeddbPersistence(name, ydoc);
  const opened = await withTimeout(persistence.whenSynced.then(() => persistence.get(UNSENT) as Promise<unknown>)).catch(() => null);
  if (opened === null && !persistence.synced) {
    void persistence.destroy();
    return null;
  }
  noteLocal(name, place, now);
  let stopped = false;
  return {
    had: ydoc.store.clients.size > 0,
    unsent: opened === 1,
    notice,
    setUnsent: (unsent) => {
      if (stopped) return;
      void (unsent ? persistence.set(UNSENT, 1) : persistence.del(UNSENT)).catch(() => undefined);
    },
    stop: async () => {
      stopped = true;
      await persistence.destroy();
    },
    wipe: async () => {
      stopped = true;
      await persistence.destroy();
      await deleteDb(name);
      forgetLocal([name]);
    },
  };
}

function withTimeout<T>(p: Promise<T>): Promise<T | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), OPEN_WITHIN_MS);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error('IndexedDB refused'))),
    );
  });
}
