import { createHash } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { now, sleep, within } from '../lib/clock.ts';
import type { DocProtocol, ObserverReport } from '../lib/messages.ts';

/**
 * A full editor on the stock provider of each server (y-websocket's WebsocketProvider
 * for ours and the y-websocket reference, HocuspocusProvider for Hocuspocus). It
 * applies every update and notes when each (client, clock) arrived, read from each
 * transaction's before/after state vectors: no re-decoding of updates.
 */
export class Observer {
  readonly doc = new Y.Doc();
  private arrivals: Record<string, Record<number, number>> = {};
  private destroy: () => void = () => undefined;

  constructor() {
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      const t = now();
      for (const [client, after] of tr.afterState) {
        const before = tr.beforeState.get(client) ?? 0;
        if (after <= before) continue;
        const row = (this.arrivals[client] ??= {});
        for (let c = before; c < after; c++) row[c] = t;
      }
    });
  }

  async open(protocol: DocProtocol, url: string, docName: string, token: string): Promise<void> {
    if (protocol === 'yws') {
      const provider = new WebsocketProvider(url, docName, this.doc, {
        WebSocketPolyfill: WebSocket as never,
        params: { token },
        disableBc: true,
      });
      this.destroy = () => provider.destroy();
      await within(new Promise<void>((resolve) => provider.once('sync', () => resolve())), 20_000, 'observer sync');
    } else {
      const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: this.doc, token });
      provider.attach();
      this.destroy = () => {
        provider.destroy();
        socket.destroy();
      };
      await within(new Promise<void>((resolve) => provider.on('synced', () => resolve())), 20_000, 'observer sync');
    }
  }

  /** Resolves when this editor holds at least `expected` (clientID → next clock). */
  async reach(expected: Record<string, number>, deadline: number): Promise<boolean> {
    for (;;) {
      if (this.missing(expected) === 0) return true;
      if (now() > deadline) return false;
      await sleep(20);
    }
  }

  missing(expected: Record<string, number>): number {
    let missing = 0;
    for (const [client, clock] of Object.entries(expected)) {
      missing += Math.max(0, clock - Y.getState(this.doc.store, Number(client)));
    }
    return missing;
  }

  report(): ObserverReport {
    const arrivals = this.arrivals;
    this.arrivals = {};
    const text = this.doc.getText('bench').toJSON();
    return { arrivals, textLength: text.length, digest: createHash('sha1').update(text).digest('hex').slice(0, 12) };
  }

  close(): void {
    this.destroy();
  }
}
