import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import { COLLAB_CLOSE, type CollabLimits, type DocAccess } from '@brave/protocol';
import { presenceOf, type DocRef, type PresenceIdentity } from '@brave/core';
import type { DocCaller } from './gate.ts';
import { TokenBucket } from './limits.ts';
import type { LiveDoc, Peer } from './live-doc.ts';
import { Refusal, type DocRegistry } from './registry.ts';
import { admitPresence } from './presence.ts';
import { MSG, SYNC, awarenessMessage, permissionDenied, storedMessage, syncStep2 } from './wire.ts';

/** Awareness states (name, colour, caret) are small; a big one is abuse. */
const AWARENESS_MAX_BYTES = 64 * 1024;
/** How often a read-only connection is reminded that its edits are not saved. */
const DENIED_NOTICE_MS = 10_000;

/**
 * One websocket speaking y-websocket to one document. Reads each message step by step;
 * anything it cannot read, too big or too fast closes THIS connection with a code from
 * COLLAB_CLOSE and a reason, and touches nothing else.
 */
export class Connection implements Peer {
  readonly awarenessIds = new Set<number>();
  presenceClaimed = false;
  receipts = false;
  alive = true;
  /** Who this is in presence, from the credential (asked again when the caller is renewed). */
  private named: { caller: DocCaller; identity: PresenceIdentity } | null = null;
  private closed = false;
  private lastDenied = -Infinity;
  private readonly bucket: TokenBucket;

  readonly participantId: string;

  constructor(
    private readonly ws: WebSocket,
    private readonly doc: LiveDoc,
    /** Who connected (through which gate), to which document: re-checked (and the caller renewed) while connected. */
    readonly who: { caller: DocCaller; readonly ref: DocRef },
    readonly access: DocAccess,
    private readonly registry: DocRegistry,
    private readonly limits: CollabLimits,
    private readonly now: () => number,
  ) {
    this.participantId = who.caller.actorId;
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.gone());
    ws.on('error', () => ws.terminate());
    ws.on('pong', () => (this.alive = true));
    registry.attach(doc, this);
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    // Room for a whole document (a first sync) on top of the normal bound.
    if (this.ws.bufferedAmount > Math.max(this.limits.sendBufferBytes, 2 * this.limits.docBytes)) {
      this.close(COLLAB_CLOSE.tooSlow, 'Your connection fell too far behind; reconnect to catch up.');
      return;
    }
    this.ws.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.ws.close(code, shortReason(reason));
    this.gone();
  }

  /** Keep-alive: a connection that did not answer the last ping is cut. */
  ping(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  private identity(): PresenceIdentity {
    const { caller } = this.who;
    if (this.named?.caller !== caller) this.named = { caller, identity: presenceOf(caller.actorId, caller.nameOf(caller.actorId) ?? 'Someone') };
    return this.named.identity;
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    this.registry.detach(this.doc, this);
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    const buf = Array.isArray(data) ? Buffer.concat(data as Buffer[]) : data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Buffer);
    if (!isBinary) return this.close(COLLAB_CLOSE.badMessage, 'Only binary y-websocket messages are understood here.');
    if (buf.length > this.limits.messageBytes) return this.close(COLLAB_CLOSE.tooLarge, 'That message is larger than this server accepts.');
    if (!this.bucket.take()) return this.close(COLLAB_CLOSE.rateLimited, 'Too many messages too quickly; reconnect in a moment.');
    try {
      this.dispatch(decoding.createDecoder(buf));
    } catch (err) {
      if (err instanceof Refusal) this.close(err.code, err.message);
      else this.close(COLLAB_CLOSE.badMessage, 'That message could not be read.');
    }
  }

  private dispatch(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MSG.sync:
        return this.onSync(decoder);
      case MSG.awareness: {
        const update = decoding.readVarUint8Array(decoder);
        if (update.length > AWARENESS_MAX_BYTES) throw new Refusal(COLLAB_CLOSE.tooLarge, 'That presence update is too large.');
        const admitted = admitPresence(this.doc, this, update, this.identity());
        if (admitted) applyAwarenessUpdate(this.doc.awareness, admitted, this);
        return;
      }
      case MSG.queryAwareness:
        this.send(awarenessMessage(this.doc.awareness, [...this.doc.awareness.getStates().keys()]));
        return;
      case MSG.auth:
        return; // nothing a client says here changes what it may do
      case MSG.stored:
        // Receipts asked for: what is stored now, and again after each write of this peer's edits.
        this.receipts = true;
        this.send(storedMessage(this.doc.ydoc));
        return;
      default:
        throw new Refusal(COLLAB_CLOSE.badMessage, 'Unknown message type.');
    }
  }

  private onSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === SYNC.step1) {
      this.send(syncStep2(this.doc.ydoc, decoding.readVarUint8Array(decoder)));
      return;
    }
    if (step !== SYNC.step2 && step !== SYNC.update) throw new Refusal(COLLAB_CLOSE.badMessage, 'Unknown sync message.');
    const outcome = this.registry.receive(this.doc, this, decoding.readVarUint8Array(decoder));
    if (outcome === 'denied' && this.now() - this.lastDenied >= DENIED_NOTICE_MS) {
      this.lastDenied = this.now();
      this.send(permissionDenied('You can read this document but not change it; your edit was not saved.'));
    }
  }
}

/** Close reasons travel in a control frame: at most 123 bytes of UTF-8. */
export function shortReason(reason: string): string {
  let r = reason;
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
  return r;
}
