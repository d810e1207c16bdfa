import * as Y from 'yjs';
import { COLLAB_CLOSE, type CollabLimits } from '@brave/protocol';
import type { DocRef } from '@brave/core';
import { StoreUnavailableError } from '../store/types.ts';
import type { Appended, DocBatch, DocStore } from './doc-store.ts';
import { LiveDoc, type Peer } from './live-doc.ts';
import type { ServerWriteOrigin } from './origins.ts';
import { mergeSafely, stillOpen } from './batches.ts';
import { templateUpdate } from './template.ts';
import { awarenessMessage, storedMessage, syncStep1 } from './wire.ts';

export class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RegistryOptions {
  limits: CollabLimits;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  /** Several processes (collab/shared-docs.ts): told of every document opened, stored to and forgotten here. */
  shared?: SharedHooks;
}

export interface SharedHooks {
  opened(doc: LiveDoc): void;
  /** Stored (committed) and relayed here: now for the other processes. */
  stored(doc: LiveDoc, seq: number, update: Uint8Array): void;
  forgotten(doc: LiveDoc): void;
}

/**
 * The documents open on this server (one registry per server, never a module global).
 * Client updates are checked on arrival, queued, and flushed once per event-loop turn:
 * each is tried on the document's scratch copy, what integrated cleanly goes into the
 * document, every document's new content is written in ONE transaction, and only once it
 * committed is it relayed, merged into one update per document. A write the store refuses
 * is never relayed; an update Yjs refuses closes only its sender and is neither stored nor
 * relayed. Writes run one at a time (`turn`): flushes, server writes and compactions. The
 * Y.Doc takes a change only once it is stored (LiveDoc.commit), so a reader's sync, served
 * from it at any moment, never carries what a failed write would lose.
 */
export class DocRegistry {
  private readonly docs = new Map<string, LiveDoc>();
  private readonly dirty = new Set<LiveDoc>();
  private flushQueued: NodeJS.Immediate | null = null;
  private readonly templates = new Map<string, Uint8Array>();
  private readonly loading = new Map<string, Promise<LiveDoc>>();
  /** The write under way (or the last one): every write starts after it. Never rejects. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocStore,
    private readonly options: RegistryOptions,
  ) {}

  get openCount(): number {
    return this.docs.size;
  }

  /**
   * The live document, loaded from the store (and seeded from its template) if needed.
   * `channelName` heads a new toolkit draft's template (the community's name for it).
   */
  async open(name: string, ref: DocRef, channelName?: string): Promise<LiveDoc> {
    let doc = this.docs.get(name);
    if (!doc) {
      let loading = this.loading.get(name);
      if (!loading) {
        loading = this.load(name, ref, channelName).finally(() => this.loading.delete(name));
        this.loading.set(name, loading);
      }
      doc = await loading;
    }
    this.scheduleUnload(doc);
    return doc;
  }

  private async load(name: string, ref: DocRef, channelName: string | undefined): Promise<LiveDoc> {
    const doc = LiveDoc.load(name, ref, await this.store.load(name), this.options.log);
    this.docs.set(name, doc);
    this.options.shared?.opened(doc);
    if (ref.kind === 'toolkit' && doc.isEmpty) await this.seed(doc, ref.channel, channelName);
    return doc;
  }

  /** A new connection: it receives our state vector (so it sends what we lack) and who is here. */
  attach(doc: LiveDoc, peer: Peer): void {
    if (doc.unloadTimer) clearTimeout(doc.unloadTimer);
    doc.unloadTimer = null;
    doc.peers.add(peer);
    peer.send(syncStep1(doc.ydoc));
    const here = [...doc.awareness.getStates().keys()];
    if (here.length > 0) peer.send(awarenessMessage(doc.awareness, here));
  }

  detach(doc: LiveDoc, peer: Peer): void {
    doc.removePeer(peer);
    this.scheduleUnload(doc);
  }

  /** A client's update (sync step 2 or update). Throws a Refusal to close that connection. */
  receive(doc: LiveDoc, peer: Peer, update: Uint8Array): 'queued' | 'ignored' | 'denied' {
    if (peer.access !== 'write') return addsNothing(doc, update) ? 'ignored' : 'denied';
    try {
      Y.decodeUpdate(update);
    } catch {
      throw new Refusal(COLLAB_CLOSE.badMessage, 'That document update could not be read.');
    }
    if (doc.bytes + doc.pendingBytes + update.length > this.options.limits.docBytes) {
      if (addsNothing(doc, update)) return 'ignored';
      throw new Refusal(COLLAB_CLOSE.tooLarge, 'This document has reached its size limit; that change was not saved.');
    }
    doc.pending.push({ peer, update });
    doc.pendingBytes += update.length;
    this.dirty.add(doc);
    this.flushQueued ??= setImmediate(() => void this.flush().catch((err: unknown) => this.options.log('collab: a flush failed', err)));
    return 'queued';
  }

  /** Store and relay everything queued, now (also awaited before versions and shutdown). */
  flush(): Promise<void> {
    return this.inTurn(() => this.flushNow());
  }

  /** One write at a time, in order; a failing one does not stop the next. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async flushNow(): Promise<void> {
    if (this.flushQueued) clearImmediate(this.flushQueued);
    this.flushQueued = null;
    const docs = [...this.dirty].filter((d) => !d.gone);
    this.dirty.clear();
    if (docs.length === 0) return;
    const at = this.options.now();
    const outcomes = docs.map((doc) => ({ doc, senders: receiptTakers(doc), ...doc.applyPending(this.options.limits.messageBytes) }));
    const batches: DocBatch[] = [];
    for (const o of outcomes) {
      o.updates = mergeSafely(o.updates);
      batches.push({ doc: o.doc.name, after: o.doc.lastSeq, at, updates: o.updates });
      // Counted at once, so updates arriving meanwhile meet the size limit with these in it.
      for (const u of o.updates) o.doc.bytes += u.length;
    }
    let appended: Map<string, Appended>;
    try {
      appended = await this.store.appendAfter(batches, stillOpen(docs));
    } catch (err) {
      this.options.log(`collab: storing the updates of ${batches.length} document(s) failed; nothing was relayed`, err);
      for (const doc of docs) this.drop(doc, COLLAB_CLOSE.unavailable, 'Saving failed, so nothing was shared. Reconnect to try again.');
      return;
    }
    for (const { doc, updates, contributors, refused, senders } of outcomes) {
      if (doc.gone) continue; // deleted while it was being written: its rows were left out
      const where = appended.get(doc.name);
      if (!where && updates.length > 0) {
        // Deleted (on some process) since it loaded here: nothing was stored, nothing is relayed.
        this.drop(doc, COLLAB_CLOSE.forbidden, 'This document was deleted.');
        continue;
      }
      // Another process stored edits we had not received yet: they come first, as in the log.
      if (where?.missed) doc.takeStored(where.missed, this.options.log);
      const took = doc.commit(updates);
      const only = contributors.size === 1 ? [...contributors][0] : undefined;
      updates.forEach((u, i) => this.stored(doc, u, where!.first + i, only));
      // A refused update was tried on a scratch copy only: the document and everyone else carry on.
      for (const { peer, code, reason } of refused) peer.close(code, reason);
      if (!took) {
        this.options.log(`collab: ${doc.name}: the document refused a change its copy took; reloading it from the store`);
        this.drop(doc, COLLAB_CLOSE.goingAway, 'The document is reloading; reconnect.');
        continue;
      }
      sendReceipts(doc, senders);
    }
  }

  /**
   * A change made by the server itself (template, restore, share-back): applied with a
   * typed origin, stored, then relayed to everyone. If the store refuses, the document is
   * dropped from memory (so nobody sees the unsaved change) and the error is rethrown.
   */
  serverWrite(doc: LiveDoc, origin: ServerWriteOrigin, change: (ydoc: Y.Doc) => void): Promise<void> {
    return this.inTurn(async () => {
      await this.flushNow();
      await this.writeOwn(doc, origin, change);
    });
  }

  private async writeOwn(doc: LiveDoc, origin: ServerWriteOrigin, change: (ydoc: Y.Doc) => void): Promise<void> {
    if (doc.gone) throw new StoreUnavailableError('The document was reloaded; try again.');
    // Made on a copy, so the live Y.Doc takes it only once stored.
    const copy = new Y.Doc({ gc: true });
    const made: Uint8Array[] = [];
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
      copy.on('update', (u: Uint8Array, o: unknown) => {
        if (o === origin) made.push(u);
      });
      copy.transact(() => change(copy), origin);
    } finally {
      copy.destroy();
    }
    if (made.length === 0) return;
    const updates = mergeSafely(made);
    const at = this.options.now();
    for (const u of updates) doc.bytes += u.length;
    let where: Appended | undefined;
    try {
      where = (await this.store.appendAfter([{ doc: doc.name, after: doc.lastSeq, at, updates }], stillOpen([doc]))).get(doc.name);
    } catch (err) {
      this.drop(doc, COLLAB_CLOSE.unavailable, 'Saving failed, so nothing was shared. Reconnect to try again.');
      throw err;
    }
    if (!where && !doc.gone) this.drop(doc, COLLAB_CLOSE.forbidden, 'This document was deleted.');
    if (doc.gone || !where) throw new StoreUnavailableError('The document was deleted meanwhile.');
    if (where.missed) doc.takeStored(where.missed, this.options.log);
    updates.forEach((u, i) => {
      Y.applyUpdate(doc.ydoc, u, origin);
      doc.mirror(u);
      this.stored(doc, u, where.first + i);
    });
  }

  /**
   * Another process stored `update` as `seq` of a document (its Redis message): the next
   * one in order is taken as it is; after a gap (messages lost while Redis was away) the
   * missing part is read from the log. Without `update`, just catch up from the log.
   */
  fromElsewhere(name: string, seq?: number, update?: Uint8Array): Promise<void> {
    const doc = this.docs.get(name);
    if (!doc) return Promise.resolve();
    return this.inTurn(async () => {
      if (doc.gone || (seq !== undefined && seq <= doc.lastSeq)) return;
      const next = seq === doc.lastSeq + 1 && update;
      const tail = next ? { snapshot: null, updates: [update], lastSeq: seq } : await this.store.since(name, doc.lastSeq);
      if (!doc.gone) this.took(doc, tail);
    }).catch((err: unknown) => this.options.log(`collab: ${name}: could not read what other processes stored (next message retries)`, err));
  }

  /** Every open document reads what other processes stored meanwhile (Redis is back). */
  catchUpAll(): Promise<void> {
    return Promise.all([...this.docs.keys()].map((name) => this.fromElsewhere(name))).then(() => undefined);
  }

  private took(doc: LiveDoc, tail: Parameters<LiveDoc['takeStored']>[0]): void {
    doc.takeStored(tail, this.options.log);
    this.maybeCompact(doc);
  }

  /** Fold the log into a snapshot. The Y.Doc equals the stored state, so this is exact. */
  compact(doc: LiveDoc): Promise<void> {
    return this.inTurn(() => this.compactNow(doc));
  }

  private async compactNow(doc: LiveDoc): Promise<void> {
    doc.compactQueued = false;
    if (doc.gone || doc.sinceSnapshot === 0) return;
    try {
      const data = Y.encodeStateAsUpdate(doc.ydoc);
      await this.store.compact(doc.name, doc.lastSeq, this.options.now(), data);
      doc.bytes = data.length;
      doc.sinceSnapshot = 0;
    } catch (err) {
      this.options.log(`collab: compacting ${doc.name} failed (the log is intact)`, err);
    }
  }

  /**
   * Documents deleted from the store (a community or convening deleted): close their
   * connections and forget them without writing anything back, queued edits included.
   */
  deleted(names: readonly string[]): void {
    for (const name of names) {
      const doc = this.docs.get(name);
      if (doc) this.drop(doc, COLLAB_CLOSE.forbidden, 'This document was deleted.');
    }
  }

  /** Shut down: store what is queued, say goodbye, free memory. */
  async closeAll(): Promise<void> {
    await this.flush();
    for (const doc of [...this.docs.values()]) {
      await this.compact(doc);
      this.drop(doc, COLLAB_CLOSE.goingAway, 'The server is restarting; reconnect in a moment.');
    }
  }

  private stored(doc: LiveDoc, update: Uint8Array, seq: number, except?: Peer): void {
    doc.lastSeq = seq;
    doc.sinceSnapshot += 1;
    doc.relay(update, except);
    this.options.shared?.stored(doc, seq, update);
    this.maybeCompact(doc);
  }

  private maybeCompact(doc: LiveDoc): void {
    if (doc.sinceSnapshot >= this.options.limits.compactEvery && !doc.compactQueued) {
      doc.compactQueued = true;
      setTimeout(() => void this.compact(doc), 0).unref();
    }
  }

  private seed(doc: LiveDoc, channel: string, channelName: string | undefined): Promise<void> {
    const key = `${channel}\n${channelName ?? ''}`;
    let update = this.templates.get(key);
    if (!update) this.templates.set(key, (update = templateUpdate(channel, channelName)));
    const origin: ServerWriteOrigin = { kind: 'template' };
    return this.serverWrite(doc, origin, (ydoc) => Y.applyUpdate(ydoc, update, origin));
  }

  private scheduleUnload(doc: LiveDoc): void {
    if (doc.peers.size > 0 || doc.gone) return;
    if (doc.unloadTimer) clearTimeout(doc.unloadTimer);
    doc.unloadTimer = setTimeout(() => void this.unload(doc), this.options.limits.unloadAfterMs);
    doc.unloadTimer.unref();
  }

  private async unload(doc: LiveDoc): Promise<void> {
    if (doc.peers.size > 0 || doc.gone) return;
    if (doc.pending.length > 0) await this.flush();
    await this.compact(doc);
    // Someone may have come back while it was being written.
    if (doc.peers.size === 0 && !doc.gone) this.forget(doc);
  }

  /** Close every connection to a document and forget it; the next open reloads it from the store. */
  private drop(doc: LiveDoc, code: number, reason: string): void {
    for (const peer of [...doc.peers]) peer.close(code, reason);
    this.forget(doc);
  }

  private forget(doc: LiveDoc): void {
    if (this.docs.get(doc.name) === doc) {
      this.docs.delete(doc.name);
      this.options.shared?.forgotten(doc);
    }
    this.dirty.delete(doc);
    doc.destroy();
  }
}

/** The peers in this batch that asked for receipts (taken before the batch is consumed). */
function receiptTakers(doc: LiveDoc): Set<Peer> {
  return new Set(doc.pending.filter((p) => p.peer.receipts).map((p) => p.peer));
}

/** After the commit: each sender that asked learns what is stored now (closed peers send nothing). */
function sendReceipts(doc: LiveDoc, senders: Set<Peer>): void {
  if (senders.size === 0) return;
  const receipt = storedMessage(doc.ydoc);
  for (const peer of senders) peer.send(receipt);
}

/** True when the update brings nothing the document lacks (e.g. a reconnecting reader's sync). */
function addsNothing(doc: LiveDoc, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(Y.snapshot(doc.ydoc), update);
  } catch {
    throw new Refusal(COLLAB_CLOSE.badMessage, 'That document update could not be read.');
  }
}
