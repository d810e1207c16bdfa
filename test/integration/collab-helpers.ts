import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CollabLimits } from '@brave/protocol';
import { loadConfig, startServer } from '../../apps/server/src/index.ts';
import { TokenService, type Credential } from '../../apps/server/src/auth/tokens.ts';
import { TEST_SECRET, tempDir } from '../support/server.ts';

/**
 * Helpers for the collaborative document suites (test/integration/collab*.test.ts):
 * a server with adjustable document limits, stock y-websocket providers in Node, raw
 * websockets for refusals and abuse, and event-driven waits on Y.Docs.
 */
export async function startCollabServer(
  opts: { limits?: Partial<CollabLimits>; beforeAuthorise?: (req: IncomingMessage) => Promise<void>; dataDir?: string; accessRecheckMs?: number } = {},
) {
  const dir = opts.dataDir ? null : tempDir();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: opts.dataDir ?? dir!.path, SECRET: TEST_SECRET, LOG: 'silent' });
  const { dataDir: _d, ...collab } = opts;
  const server = await startServer(config, { collab });
  return {
    ...server,
    dataDir: config.dataDir,
    async close() {
      await server.close();
      dir?.remove();
    },
  };
}

// Each y-websocket provider adds a process 'exit' listener; tests open a few dozen at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

export const wsBase = (url: string) => `${url.replace(/^http/, 'ws')}/collab`;

/** A stock WebsocketProvider, as the web editor will use it (no BroadcastChannel shortcut between tests' docs). */
export function connectDoc(url: string, name: string, token: string, opts: { connect?: boolean; doc?: Y.Doc } = {}) {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsBase(url), name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 300,
  });
  return { doc, provider, text: () => plain(doc), destroy: () => (provider.destroy(), doc.destroy()) };
}

/** Resolves once the provider has completed its first sync with the server. */
export function synced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync in time')), timeoutMs);
    const on = (s: boolean) => {
      if (!s) return;
      provider.off('sync', on);
      clearTimeout(timer);
      resolve();
    };
    provider.on('sync', on);
  });
}

/** Resolve when `predicate` holds for the doc, re-checked on every update it receives. */
export function untilDoc(doc: Y.Doc, predicate: () => boolean, timeoutMs = 10_000, what = 'document condition'): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', on);
      reject(new Error(`${what} not reached in time`));
    }, timeoutMs);
    const on = () => {
      if (!predicate()) return;
      doc.off('update', on);
      clearTimeout(timer);
      resolve();
    };
    doc.on('update', on);
  });
}

/** The document's text, block by block (what a reader would see, without formatting). */
export function plain(doc: Y.Doc): string {
  const walk = (n: unknown): string => {
    if (n instanceof Y.XmlText) return (n.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
    if (n instanceof Y.XmlElement) return n.toArray().map(walk).join('');
    return '';
  };
  return doc.getXmlFragment('default').toArray().map(walk).join('\n');
}

/** Type a paragraph at the end of the document, as an editor would. */
export function typeParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    const f = doc.getXmlFragment('default');
    f.insert(f.length, [p]);
  });
}

/** The result of a raw upgrade: open socket, or the HTTP refusal with its body. */
export type RawResult = { open: WebSocket } | { status: number; body: { error?: { code: string; message: string } } };

export function rawConnect(url: string, name: string, token?: string, headers: Record<string, string> = {}): Promise<RawResult> {
  const q = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${wsBase(url)}/${name}${q}`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ open: ws }));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Resolves with the close code and reason of a raw socket. */
export const closed = (ws: WebSocket): Promise<{ code: number; reason: string }> =>
  new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

/** Credentials for roles no public route hands out (observers) or that are meant to fail. */
export const minter = (ttlMs = 3_600_000, now: () => number = Date.now) => new TokenService(TEST_SECRET, ttlMs, now);
export const mint = (cred: Credential) => minter().issue(cred);
