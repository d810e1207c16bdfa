import * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import type { DocAccess } from '@brave/protocol';
import type { DocRef } from '@brave/core';
import type { StoredDoc } from './doc-store.ts';
import type { CollabOrigin } from './origins.ts';
import { awarenessMessage, updateMessage } from './wire.ts';

/** One open connection to a document, as the document sees it. */
export interface Peer {
  readonly participantId: string;
  readonly access: DocAccess;
  /** Awareness client ids this connection has announced (removed when it leaves). */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface ApplyOutcome {
  /** What the batch added to the document, ready to store and relay (empty: nothing new). */
  updates: Uint8Array[];
  /** Peers whose updates added something. */
  contributors: Set<Peer>;
  /** Peers whose update Yjs refused while integrating it. */
  bad: Peer[];
}

/**
 * A document held in memory: the Y.Doc, its awareness (who is here, carets), its peers
 * and the client updates received since the last flush. Invariant: the Y.Doc only ever
 * holds what is already in the store, because client updates are applied by the
 * registry's flush in the same synchronous step that stores them.
 */
export class LiveDoc {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.ydoc);
  readonly peers = new Set<Peer>();
  pending: { peer: Peer; update: Uint8Array }[] = [];
  pendingBytes = 0;
  lastSeq = 0;
  /** Stored size (snapshot plus update log), the measure of the document size limit. */
  bytes = 0;
  sinceSnapshot = 0;
  unloadTimer: NodeJS.Timeout | null = null;
  compactQueued = false;
  /** Awareness client ids changed this event-loop turn, sent together as one message. */
  private readonly awarenessChanged = new Set<number>();
  private awarenessQueued: NodeJS.Immediate | null = null;
  /** Set once the document was unloaded or dropped; late callbacks then do nothing. */
  gone = false;

  constructor(
    readonly name: string,
    readonly ref: DocRef,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwareness);
  }

  /** Build from the store: snapshot, then the logged tail merged into one update. */
  static load(name: string, ref: DocRef, stored: StoredDoc, log: (msg: string, err?: unknown) => void): LiveDoc {
    const doc = new LiveDoc(name, ref);
    const origin: CollabOrigin = { kind: 'load' };
    if (stored.snapshot) Y.applyUpdate(doc.ydoc, stored.snapshot, origin);
    if (stored.updates.length > 0) {
      try {
        Y.applyUpdate(doc.ydoc, Y.mergeUpdates(stored.updates), origin);
      } catch (err) {
        log(`collab: ${name}: merged tail unreadable, applying one by one`, err);
        for (const u of stored.updates) {
          try {
            Y.applyUpdate(doc.ydoc, u, origin);
          } catch (e) {
            log(`collab: ${name}: skipped an unreadable stored update`, e);
          }
        }
      }
    }
    doc.lastSeq = stored.lastSeq;
    doc.bytes = stored.bytes;
    doc.sinceSnapshot = stored.updates.length;
    return doc;
  }

  get isEmpty(): boolean {
    return this.ydoc.store.clients.size === 0;
  }

  /**
   * Integrate the pending client updates one by one (so one bad update is pinned on its
   * sender), collecting what Yjs reports as new. Nothing is sent from here.
   */
  applyPending(): ApplyOutcome {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const out: ApplyOutcome = { updates: [], contributors: new Set(), bad: [] };
    const origin: CollabOrigin = { kind: 'clients' };
    const onUpdate = (u: Uint8Array, o: unknown) => {
      if (o === origin) out.updates.push(u);
    };
    this.ydoc.on('update', onUpdate);
    try {
      for (const { peer, update } of batch) {
        const before = out.updates.length;
        const waiting = this.ydoc.store.pendingStructs;
        const waitingDs = this.ydoc.store.pendingDs;
        try {
          Y.applyUpdate(this.ydoc, update, origin);
        } catch {
          out.bad.push(peer);
          continue;
        }
        // Parts that wait for something missing are not reported by Yjs: keep them as sent.
        if (this.ydoc.store.pendingStructs !== waiting || this.ydoc.store.pendingDs !== waitingDs) out.updates.push(update);
        if (out.updates.length > before) out.contributors.add(peer);
      }
    } finally {
      this.ydoc.off('update', onUpdate);
    }
    return out;
  }

  /** Send a stored update to every peer, except the one it came from when there was only one. */
  relay(update: Uint8Array, except?: Peer): void {
    const msg = updateMessage(update);
    for (const p of this.peers) if (p !== except) p.send(msg);
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    if (peer.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  destroy(): void {
    this.gone = true;
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.awarenessQueued) clearImmediate(this.awarenessQueued);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /**
   * Awareness changes go to everyone, the sender included (its renewals keep its link
   * alive), batched per event-loop turn: with many editors moving carets at once each
   * peer gets one presence message per turn instead of one per caret move.
   */
  private readonly onAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (this.peers.has(origin as Peer)) {
      const ids = (origin as Peer).awarenessIds;
      for (const id of changes.added) ids.add(id);
      for (const id of changes.updated) ids.add(id);
      for (const id of changes.removed) ids.delete(id);
    }
    for (const id of changes.added) this.awarenessChanged.add(id);
    for (const id of changes.updated) this.awarenessChanged.add(id);
    for (const id of changes.removed) this.awarenessChanged.add(id);
    this.awarenessQueued ??= setImmediate(this.sendAwareness);
  };

  private readonly sendAwareness = (): void => {
    this.awarenessQueued = null;
    const changed = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    if (changed.length === 0 || this.peers.size === 0 || this.gone) return;
    const msg = awarenessMessage(this.awareness, changed);
    for (const p of this.peers) p.send(msg);
  };
}
