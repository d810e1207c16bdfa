import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
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

/**
 * Keep typing letters into a new first paragraph, as fast as a person holding a key, until
 * `stop` (which resolves once the last letter is in). At most `max` letters.
 */
export function typeAway(doc: Y.Doc, max = Infinity): { stop: () => Promise<void> } {
  const line = new Y.XmlText();
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [line]);
    doc.getXmlFragment('default').insert(0, [p]);
  });
  let typing = true;
  const typed = (async () => {
    for (let i = 0; typing && i < max; i++) {
      line.insert(line.length, 'abcdefghijklmnopqrstuvwxyz'[i % 26]!);
      if (i % 4 === 3) await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return {
    stop: () => {
      typing = false;
      return typed;
    },
  };
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

/** Frame a y-websocket sync message carrying `update` (type 0; sub-type 1 = sync step 2, 2 = update). */
export function syncFrame(update: Uint8Array, step = 2): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A copy of a document's current state, as a fresh reader would build it. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * A real edit of `doc` as a writer who synced it would send it: a paragraph inserted
 * before the last one and words typed into the first. Edits reference existing items,
 * so damaged ones reach deep into Yjs's integration.
 */
export function editOf(doc: Y.Doc, text: string): Uint8Array {
  const w = copyOf(doc);
  const sv = Y.encodeStateVector(w);
  const f = w.getXmlFragment('default');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  f.insert(Math.max(0, f.length - 1), [p]);
  const first = f
    .toArray()
    .map((n) => (n instanceof Y.XmlElement ? n.get(0) : null))
    .find((n): n is Y.XmlText => n instanceof Y.XmlText);
  first?.insert(Math.min(1, first.length), ` ${text} `);
  const u = Y.encodeStateAsUpdate(w, sv);
  w.destroy();
  return u;
}

/**
 * What Yjs does with `update` on a copy of `doc`: 'unreadable' (does not decode), 'throws'
 * (decodes, then fails while integrating: the kind that once left half of itself behind),
 * 'adds' (integrates something) or 'nothing' (adds nothing now: a duplicate, or parts
 * waiting for edits the document never received).
 */
export function outcomeOn(doc: Y.Doc, update: Uint8Array): 'unreadable' | 'throws' | 'adds' | 'nothing' {
  try {
    Y.decodeUpdate(update);
  } catch {
    return 'unreadable';
  }
  const copy = copyOf(doc);
  const before = Y.encodeStateVector(copy);
  let deleted = false;
  copy.on('afterTransaction', (t: Y.Transaction) => (deleted ||= t.deleteSet.clients.size > 0));
  try {
    Y.applyUpdate(copy, update);
  } catch {
    return 'throws';
  } finally {
    copy.destroy();
  }
  return deleted || !sameState(before, Y.encodeStateVector(copy)) ? 'adds' : 'nothing';
}

const sameState = (a: Uint8Array, b: Uint8Array): boolean => {
  const x = Y.decodeStateVector(a);
  const y = Y.decodeStateVector(b);
  return x.size === y.size && [...x].every(([client, clock]) => y.get(client) === clock);
};

/** An edit of `doc` with one byte changed so that it decodes but Yjs fails half-way through integrating it. */
export function brokenEdit(doc: Y.Doc, text = 'refused words'): Uint8Array {
  const edit = editOf(doc, text);
  // Value outside, position inside: struct info bytes break for most values, found early.
  for (let v = 0; v < 256; v++) {
    for (let i = 0; i < edit.length; i++) {
      const u = edit.slice();
      u[i] = v;
      if (outcomeOn(doc, u) === 'throws') return u;
    }
  }
  throw new Error('no single-byte change of this edit breaks Yjs half-way');
}

/** The document as stored (snapshot, then the logged updates), read straight from the SQLite file. */
export function storedDoc(dataDir: string, name: string): Y.Doc {
  const db = new Database(join(dataDir, 'brave-space.db'), { readonly: true });
  try {
    const snap = db.prepare('SELECT upto, data FROM doc_snapshots WHERE doc = ?').get(name) as { upto: number; data: Buffer } | undefined;
    const rows = db.prepare('SELECT data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq').all(name, snap?.upto ?? 0) as { data: Buffer }[];
    const doc = new Y.Doc();
    for (const u of [...(snap ? [snap.data] : []), ...rows.map((r) => r.data)]) Y.applyUpdate(doc, u);
    return doc;
  } finally {
    db.close();
  }
}

/** Do two documents hold the same content and the same edits (state vectors)? */
export const sameDoc = (a: Y.Doc, b: Y.Doc): boolean => plain(a) === plain(b) && sameState(Y.encodeStateVector(a), Y.encodeStateVector(b));

/** Resolve when `predicate` holds for what an awareness instance knows, re-checked on every change. */
export const untilPresence = (awareness: Awareness, predicate: () => boolean, timeoutMs = 10_000): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      awareness.off('change', check);
      reject(new Error('presence condition not reached in time'));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      awareness.off('change', check);
      clearTimeout(timer);
      resolve();
    };
    awareness.on('change', check);
    check();
  });

/** The name in a presence state, if any. */
export const nameIn = (state: unknown): unknown => (state as { user?: { name?: unknown } } | null | undefined)?.user?.name;
