import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';
import { now } from '../lib/clock.ts';
import type { DocProtocol } from '../lib/messages.ts';

const MESSAGE_SYNC = 0;
const HOCUS_AUTH = 2;
const HOCUS_SYNC_REPLY = 4;
const HOCUS_AUTHENTICATED = 2;
const HOCUS_PERMISSION_DENIED = 1;

/**
 * A light editor: speaks the document server's wire protocol (y-websocket's, or
 * Hocuspocus's with its document-name prefix and token message), answers the sync
 * handshake, and sends one Yjs update per keystroke. It never applies what others
 * type: hundreds of full editors would need more CPU than the server under test, on
 * the same two cores. Arrival is measured by a few full editors (observers) instead.
 */
export class Typist {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('bench');
  /** Send time of each keystroke, indexed by its Yjs clock. */
  readonly sent: number[] = [];
  messages = 0;
  bytes = 0;
  private ws!: WebSocket;

  constructor(
    private readonly protocol: DocProtocol,
    private readonly docName: string,
  ) {
    this.doc.on('update', (update: Uint8Array) => {
      const enc = this.start();
      sync.writeUpdate(enc, update);
      this.send(enc);
    });
  }

  get client(): number {
    return this.doc.clientID;
  }

  /** Resolves once the server has spoken first (sync step 1, or Hocuspocus's auth answer). */
  open(url: string, token: string): Promise<void> {
    const target = this.protocol === 'yws' ? `${url}/${encodeURIComponent(this.docName)}?token=${encodeURIComponent(token)}` : url;
    this.ws = new WebSocket(target, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('document server did not answer in 20 s')), 20_000);
      const done = (err?: Error) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      this.ws.once('error', (e) => done(e));
      this.ws.once('close', (code, reason) => done(new Error(`closed ${code} ${reason.toString()}`)));
      this.ws.once('open', () => {
        if (this.protocol === 'hocus') {
          const enc = encoding.createEncoder();
          encoding.writeVarString(enc, this.docName);
          encoding.writeVarUint(enc, HOCUS_AUTH);
          encoding.writeVarUint(enc, 0);
          encoding.writeVarString(enc, token);
          this.ws.send(encoding.toUint8Array(enc));
        }
        const enc = this.start();
        sync.writeSyncStep1(enc, this.doc);
        this.send(enc);
      });
      let first = true;
      this.ws.on('message', (data: Buffer) => {
        this.messages++;
        this.bytes += data.length;
        const answer = this.onMessage(data);
        if (answer instanceof Error) done(answer);
        else if (first && answer) {
          first = false;
          done();
        }
      });
    });
  }

  /** One keystroke: a one-character insert at the end of this editor's own text. */
  type(char = 'x'): void {
    this.sent[Y.getState(this.doc.store, this.doc.clientID)] = now();
    this.text.insert(this.text.length, char);
  }

  close(): void {
    this.ws?.terminate();
  }

  /** True when the message marks the connection usable; an Error when refused. */
  private onMessage(data: Buffer): boolean | Error {
    const dec = decoding.createDecoder(data);
    if (this.protocol === 'hocus') {
      decoding.readVarString(dec);
      const type = decoding.readVarUint(dec);
      if (type === HOCUS_AUTH) {
        const sub = decoding.readVarUint(dec);
        if (sub === HOCUS_PERMISSION_DENIED) return new Error('permission denied');
        return sub === HOCUS_AUTHENTICATED;
      }
      if (type !== MESSAGE_SYNC && type !== HOCUS_SYNC_REPLY) return false;
    } else if (decoding.readVarUint(dec) !== MESSAGE_SYNC) {
      return false;
    }
    if (decoding.readVarUint(dec) === sync.messageYjsSyncStep1) {
      const sv = decoding.readVarUint8Array(dec);
      const enc = this.start();
      encoding.writeVarUint(enc, sync.messageYjsSyncStep2);
      encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(this.doc, sv));
      this.send(enc);
      return true;
    }
    return this.protocol === 'yws';
  }

  private start(): encoding.Encoder {
    const enc = encoding.createEncoder();
    if (this.protocol === 'hocus') encoding.writeVarString(enc, this.docName);
    encoding.writeVarUint(enc, MESSAGE_SYNC);
    return enc;
  }

  private send(enc: encoding.Encoder): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(encoding.toUint8Array(enc));
  }
}
