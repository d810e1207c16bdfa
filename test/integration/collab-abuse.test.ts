import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '@brave/protocol';
import { openConvening } from '../support/people.ts';
import {
  closed,
  connectDoc,
  copyOf,
  plain,
  rawConnect,
  sameDoc,
  startCollabServer,
  storedDoc,
  syncFrame,
  synced,
  typeParagraph,
  untilDoc,
} from './collab-helpers.ts';

/**
 * Bad input on /collab: garbage, truncated varints, oversized and too-fast messages close
 * only the sender's connection, with the matching code; the document and everyone else
 * carry on. Limits are small here so the test stays quick.
 */
const LIMITS = { messageBytes: 64 * 1024, docBytes: 256 * 1024, messagesPerSecond: 20, messageBurst: 60 };
let server: Awaited<ReturnType<typeof startCollabServer>>;
let token: string;
let name: string;

beforeAll(async () => {
  server = await startCollabServer({ limits: LIMITS });
  const { made, host } = await openConvening(server.url);
  host.close();
  token = made.facilitatorToken;
  name = `notes:${made.id}:plenary`;
});
afterAll(async () => server.close());

/** Open a raw socket, send one message, and report how the server closed it (or null if it stayed open). */
async function sendRaw(data: Uint8Array | string, waitMs = 400): Promise<number | null> {
  const r = await rawConnect(server.url, name, token);
  if (!('open' in r)) throw new Error(`refused: ${r.status}`);
  const ws = r.open;
  const done = closed(ws);
  ws.send(data);
  // A probe after the message: if the server still answers it, the connection survived.
  const probe = new Promise<null>((resolve) => {
    ws.on('message', (m: Buffer) => m[0] === 1 && resolve(null));
    setTimeout(() => ws.readyState === ws.OPEN && ws.send(Uint8Array.of(3)), 50);
    setTimeout(() => resolve(null), waitMs);
  });
  const result = await Promise.race([done.then((c) => c.code), probe]);
  if (result === null) ws.close();
  return result;
}

async function withBystander<T>(fn: () => Promise<T>): Promise<T> {
  const a = connectDoc(server.url, name, token);
  const b = connectDoc(server.url, name, token);
  await Promise.all([synced(a.provider), synced(b.provider)]);
  const drops: string[] = [];
  for (const d of [a, b]) d.provider.on('status', (e: { status: string }) => e.status !== 'connected' && drops.push(e.status));
  const before = plain(b.doc);
  const out = await fn();
  // Nobody else noticed: both stayed connected, an edit still flows, nothing else changed.
  const marker = `still here ${Math.random()}`;
  typeParagraph(a.doc, marker);
  await untilDoc(b.doc, () => plain(b.doc).includes(marker));
  expect(plain(b.doc)).toBe(before ? `${before}\n${marker}` : marker);
  expect(drops, 'a bystander was disconnected').toEqual([]);
  a.destroy();
  b.destroy();
  return out;
}

describe('malformed messages', () => {
  it('closes the sender with 4400 for garbage, truncated varints, unknown types and text frames', async () => {
    await withBystander(async () => {
      expect(await sendRaw(Uint8Array.of(0xff))).toBe(COLLAB_CLOSE.badMessage); // truncated varint (type)
      expect(await sendRaw(Uint8Array.of(0, 2, 0xff, 0xff))).toBe(COLLAB_CLOSE.badMessage); // truncated length
      expect(await sendRaw(Uint8Array.of(0, 2, 10, 1, 2))).toBe(COLLAB_CLOSE.badMessage); // length past the end
      expect(await sendRaw(syncFrame(Uint8Array.of(5, 200, 1, 2, 3, 4, 5, 6)))).toBe(COLLAB_CLOSE.badMessage); // not an update
      expect(await sendRaw(Uint8Array.of(0, 0, 3, 250, 250, 250))).toBe(COLLAB_CLOSE.badMessage); // broken state vector
      expect(await sendRaw(Uint8Array.of(0, 9, 0))).toBe(COLLAB_CLOSE.badMessage); // unknown sync step
      expect(await sendRaw(Uint8Array.of(42))).toBe(COLLAB_CLOSE.badMessage); // unknown message type
      expect(await sendRaw(Uint8Array.of(1, 3, 1, 2, 3))).toBe(COLLAB_CLOSE.badMessage); // broken awareness
      expect(await sendRaw('hello')).toBe(COLLAB_CLOSE.badMessage); // text frame
    });
  });

  it('survives random bytes (property-based): refused or harmless, never a crash', async () => {
    await withBystander(async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(0, 1, 2, 3), fc.uint8Array({ minLength: 0, maxLength: 300 }), async (type, body) => {
          const code = await sendRaw(Uint8Array.of(type, ...body), 150);
          expect([null, COLLAB_CLOSE.badMessage]).toContain(code);
        }),
        { numRuns: 40, seed: 4242 },
      );
    });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('updates that build on edits the server never received', () => {
  it('wait with their sender, unstored and unrelayed, and integrate once what they build on arrives', async () => {
    const seen = connectDoc(server.url, name, token);
    await synced(seen.provider);
    // A writer typed offline, then one more word; the word arrives first (as after a reconnect).
    const offline = copyOf(seen.doc);
    const sv = Y.encodeStateVector(offline);
    typeParagraph(offline, 'Typed while offline.');
    const first = Y.encodeStateAsUpdate(offline, sv);
    const svMid = Y.encodeStateVector(offline);
    const p = offline.getXmlFragment('default').get(offline.getXmlFragment('default').length - 1) as Y.XmlElement;
    (p.get(0) as Y.XmlText).insert(0, 'Later: ');
    const word = Y.encodeStateAsUpdate(offline, svMid);
    const r = await rawConnect(server.url, name, token);
    if (!('open' in r)) throw new Error('refused');
    r.open.send(syncFrame(word));
    // Not relayed and not stored while it waits: an edit sent after it arrives alone.
    const watch = connectDoc(server.url, name, token);
    await synced(watch.provider);
    typeParagraph(seen.doc, 'Meanwhile.');
    await untilDoc(watch.doc, () => plain(watch.doc).endsWith('Meanwhile.'));
    const stored = storedDoc(server.dataDir, name);
    expect(sameDoc(stored, watch.doc)).toBe(true);
    // Nobody holds any of it, not even as parts waiting: the store, the editors, a fresh reader.
    for (const d of [stored, watch.doc, seen.doc]) expect(d.store.pendingStructs).toBeNull();
    r.open.send(syncFrame(first, 1));
    await untilDoc(watch.doc, () => plain(watch.doc).includes('Later: Typed while offline.'));
    expect(sameDoc(storedDoc(server.dataDir, name), watch.doc)).toBe(true);
    r.open.close();
    for (const d of [seen, watch]) d.destroy();
  });
});

describe('size and rate limits', () => {
  it('closes an oversized message with 4413 (and a huge one at the websocket layer)', async () => {
    await withBystander(async () => {
      expect(await sendRaw(new Uint8Array(LIMITS.messageBytes + 1))).toBe(COLLAB_CLOSE.tooLarge);
      expect(await sendRaw(new Uint8Array(LIMITS.messageBytes * 2 + 1))).toBe(1009); // ws maxPayload
    });
  });

  it('refuses valid updates past the document size limit, keeping every accepted one whole', async () => {
    const full = name.replace(/^notes:([^:]+):plenary$/, 'toolkit:$1:narrative'); // a document of its own
    const r = await rawConnect(server.url, full, token);
    if (!('open' in r)) throw new Error('refused');
    const done = closed(r.open);
    const local = new Y.Doc();
    local.on('update', (u: Uint8Array) => r.open.readyState === r.open.OPEN && r.open.send(syncFrame(u)));
    const chunk = 40 * 1024;
    for (let i = 0; i < 10; i++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`part ${i} `.padEnd(chunk, '.'))]);
      const f = local.getXmlFragment('default');
      f.insert(f.length, [p]);
    }
    expect((await done).code).toBe(COLLAB_CLOSE.tooLarge);

    const reader = connectDoc(server.url, full, token);
    await synced(reader.provider);
    const parts = plain(reader.doc).split('\n').filter((l) => l.startsWith('part '));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.length).toBeLessThan(10);
    parts.forEach((l, i) => expect(l).toBe(`part ${i} `.padEnd(chunk, '.')));
    reader.destroy();
  });

  it('closes a connection that sends too fast with 4429', async () => {
    await withBystander(async () => {
      const r = await rawConnect(server.url, name, token);
      if (!('open' in r)) throw new Error('refused');
      const done = closed(r.open);
      for (let i = 0; i < LIMITS.messageBurst + 20; i++) r.open.send(Uint8Array.of(3));
      expect((await done).code).toBe(COLLAB_CLOSE.rateLimited);
    });
  });
});
