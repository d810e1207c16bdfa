import * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import { COLLAB_CLOSE, type DocAccess } from '@brave/protocol';
import type { DocRef } from '@brave/core';
import type { StoredDoc, StoredTail } from './doc-store.ts';
import type { CollabOrigin } from './origins.ts';
import { NOTHING, Rehearsal, mayIntegrate, takeWaiting, type Waiting } from './rehearsal.ts';
import { awarenessMessage, updateMessage } from './wire.ts';

/** One open connection to a document, as the document sees it. */
export interface Peer {
  readonly participantId: string;
  readonly access: DocAccess;
  /** Awareness client ids this connection claimed (presence.ts); their states are removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** Has this connection sent presence yet (its first awareness message claims its ids)? */
  presenceClaimed: boolean;
  /** Asked for receipts (COLLAB_MESSAGE.stored): told what is stored after each write of its edits. */
  readonly receipts: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface ApplyOutcome {
  /** What the batch adds to the document, ready to store, then `commit` and relay (empty: nothing new). */
  updates: Uint8Array[];
  /** Peers whose updates added something. */
  contributors: Set<Peer>;
  /** Peers to close: their update failed to integrate, or too much of theirs waits. Nothing of it was kept. */
  refused: { peer: Peer; code: number; reason: string }[];
}

const CLIENTS: CollabOrigin = { kind: 'clients' };
const STORED: CollabOrigin = { kind: 'stored' };
const UNUSABLE = { code: COLLAB_CLOSE.badMessage, reason: 'That document update could not be applied; nothing of it was kept.' };
const TOO_MUCH_WAITING = { code: COLLAB_CLOSE.tooLarge, reason: 'Too many of your changes wait for edits this server never received; reconnect to send them again.' };

/**
 * A document held in memory: the Y.Doc, its awareness (who is here, carets), its peers
 * and the client updates received since the last flush. Invariants: the Y.Doc only ever
 * holds what is already in the store, because the registry's flush tries client updates
 * on the scratch copy, stores what they add, and only once that committed applies it to
 * the Y.Doc (`commit`), so a reader's sync never carries unstored content; and it only
 * ever takes what integrated cleanly on its scratch copy (rehearsal.ts), never a refused
 * update or parts still waiting for edits it lacks.
 */
export class LiveDoc {
  readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new Awareness(this.ydoc);
  readonly peers = new Set<Peer>();
  /** Which connection speaks for each awareness client id. */
  readonly presenceOwners = new Map<number, Peer>();
  pending: { peer: Peer; update: Uint8Array }[] = [];
  /** Parts of a peer's updates that wait for edits this document lacks (see Waiting). */
  readonly waiting = new Map<Peer, Waiting>();
  private readonly rehearsal = new Rehearsal(this.ydoc);
  /** The copy's discards when the last batch began: one during the batch means the rebuilt copy lacks that batch's earlier parts. */
  private batchDiscards = 0;
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
    // Older servers stored parts that waited for missing edits; they belong to nobody now
    // (their authors re-send them on reconnecting), so they are not served to readers.
    if (takeWaiting(doc.ydoc)) log(`collab: ${name}: set aside stored parts that wait for edits never received`);
    doc.lastSeq = stored.lastSeq;
    doc.bytes = stored.bytes;
    doc.sinceSnapshot = stored.updates.length;
    return doc;
  }

  get isEmpty(): boolean {
    return this.ydoc.store.clients.size === 0;
  }

  /**
   * Try the pending client updates one by one on the scratch copy (so one bad update is
   * pinned on its sender) and collect what each adds, for the registry to store and then
   * `commit`. A refused sender's later updates in the batch are skipped. Then retry other
   * peers' waiting parts that may now integrate. Nothing is sent or applied from here.
   */
  applyPending(maxWaitingBytes: number): ApplyOutcome {
    const batch = this.pending;
    this.batchDiscards = this.rehearsal.discarded;
    this.pending = [];
    this.pendingBytes = 0;
    const out: ApplyOutcome = { updates: [], contributors: new Set(), refused: [] };
    const refused = new Set<Peer>();
    const integrate = (peer: Peer, update: Uint8Array) => {
      const tried = this.rehearsal.try(update, this.waiting.get(peer) ?? null);
      if (!tried.ok || (tried.waiting?.bytes ?? 0) > maxWaitingBytes) {
        refused.add(peer);
        this.waiting.delete(peer);
        out.refused.push(tried.ok ? { peer, ...TOO_MUCH_WAITING } : { peer, ...UNUSABLE });
        if (tried.ok) this.rehearsal.discard(); // the copy holds what we just refused
        return;
      }
      if (tried.waiting && this.peers.has(peer)) this.waiting.set(peer, tried.waiting);
      else this.waiting.delete(peer);
      if (!tried.added) return;
      out.updates.push(tried.added);
      out.contributors.add(peer);
    };
    for (const { peer, update } of batch) if (!refused.has(peer)) integrate(peer, update);
    if (out.updates.length > 0) {
      for (const [peer, w] of this.waiting) if (mayIntegrate(this.rehearsal.state, w)) integrate(peer, NOTHING);
    }
    return out;
  }

  /**
   * Stored: the shared Y.Doc takes what the scratch copy took. False when it failed to
   * (a Yjs bug: the two diverged), and the document must be reloaded from the store.
   */
  commit(updates: Uint8Array[]): boolean {
    try {
      for (const u of updates) Y.applyUpdate(this.ydoc, u, CLIENTS);
      // Rebuilt mid-batch from a document that lacked what the batch added before: rebuild again.
      if (this.rehearsal.discarded !== this.batchDiscards) this.rehearsal.discard();
      return true;
    } catch {
      this.rehearsal.discard();
      return false;
    }
  }

  /** A change of the server's own, already in the Y.Doc and stored: the scratch copy takes it too. */
  mirror(update: Uint8Array): void {
    this.rehearsal.mirror(update);
  }

  /**
   * What another writer stored after our `lastSeq` (relayed, or read back from the log):
   * the Y.Doc and its scratch copy take it, every peer receives it.
   */
  takeStored(tail: StoredTail, log: (msg: string, err?: unknown) => void): void {
    const parts = tail.snapshot ? [tail.snapshot, ...tail.updates] : tail.updates;
    for (const u of parts) {
      try {
        Y.applyUpdate(this.ydoc, u, STORED);
        this.mirror(u);
        this.relay(u);
      } catch (err) {
        log(`collab: ${this.name}: skipped an unreadable stored update`, err);
      }
      this.bytes += u.length;
    }
    this.sinceSnapshot += tail.updates.length;
    this.lastSeq = Math.max(this.lastSeq, tail.lastSeq);
  }

  /** Send a stored update to every peer, except the one it came from when there was only one. */
  relay(update: Uint8Array, except?: Peer): void {
    const msg = updateMessage(update);
    for (const p of this.peers) if (p !== except) p.send(msg);
  }

  removePeer(peer: Peer): void {
    this.waiting.delete(peer);
    if (!this.peers.delete(peer)) return;
    for (const id of peer.awarenessIds) if (this.presenceOwners.get(id) === peer) this.presenceOwners.delete(id);
    if (peer.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  destroy(): void {
    this.gone = true;
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.awarenessQueued) clearImmediate(this.awarenessQueued);
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.rehearsal.discard();
    this.ydoc.destroy();
  }

  /**
   * Awareness changes go to everyone, the sender included (its renewals keep its link
   * alive), batched per event-loop turn: with many editors moving carets at once each
   * peer gets one presence message per turn instead of one per caret move.
   */
  private readonly onAwareness = (changes: { added: number[]; updated: number[]; removed: number[] }): void => {
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
