import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { COLLAB_MESSAGE } from '@brave/protocol';
import { madeBy as edit } from '../../apps/web/test/support/yjs.ts';
import { joinAs, openConvening } from '../support/people.ts';
import { connectDoc, mint, plain, rawConnect, startCollabServer, synced, typeParagraph, untilDoc } from './collab-helpers.ts';

/**
 * Receipts (COLLAB_MESSAGE.stored): the editor says "shared" only when the server says
 * what it has stored, so these check that a receipt never runs ahead of the store, that
 * it covers a person's edits once stored, and that only connections that ask get one.
 */
let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => server.close());

/** A stock provider that asks for receipts and keeps the snapshots it is sent. */
function withReceipts(provider: WebsocketProvider) {
  const snapshots: Y.Snapshot[] = [];
  const waiters = new Set<() => void>();
  provider.messageHandlers[COLLAB_MESSAGE.stored] = (_encoder, decoder) => {
    snapshots.push(Y.decodeSnapshot(decoding.readVarUint8Array(decoder)));
    for (const w of [...waiters]) w();
  };
  const ask = ({ status }: { status: string }) => {
    if (status === 'connected') provider.ws?.send(Uint8Array.of(COLLAB_MESSAGE.stored));
  };
  provider.on('status', ask);
  if (provider.wsconnected) ask({ status: 'connected' });
  /** Resolves with the first receipt (already here or still to come) that contains `update`. */
  const covering = (update: Uint8Array, timeoutMs = 15_000) =>
    new Promise<Y.Snapshot>((resolve, reject) => {
      const check = () => {
        const hit = snapshots.find((s) => Y.snapshotContainsUpdate(s, update));
        if (!hit) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => (waiters.delete(check), reject(new Error('no receipt covered the edit in time'))), timeoutMs);
      waiters.add(check);
      check();
    });
  return { snapshots, covering };
}

async function convening() {
  const { made, host } = await openConvening(server.url);
  const ana = await joinAs(server.url, made.joinCode, 'Ana');
  host.close();
  ana.client.close();
  return { made, ana: ana.joined };
}

describe('receipts: what the server has stored', () => {
  it('an edit is covered by a receipt, and by then a fresh reader already finds it (typing and deleting)', async () => {
    const { made, ana } = await convening();
    const name = `notes:${made.id}:plenary`;
    const a = connectDoc(server.url, name, ana.token);
    const receipts = withReceipts(a.provider);
    await synced(a.provider);

    const typed = edit(a.doc, () => typeParagraph(a.doc, 'Who holds the keys to the community room?'));
    await receipts.covering(typed);
    // The receipt came after the store: a reader connecting now is served it.
    const reader = connectDoc(server.url, name, made.facilitatorToken);
    await synced(reader.provider);
    expect(plain(reader.doc)).toContain('Who holds the keys to the community room?');

    // A deletion adds no new clock: the receipt's deletions must cover it too.
    const deleted = edit(a.doc, () => a.doc.getXmlFragment('default').delete(0, 1));
    expect(receipts.snapshots.some((s) => Y.snapshotContainsUpdate(s, deleted))).toBe(false);
    await receipts.covering(deleted);
    await untilDoc(reader.doc, () => !plain(reader.doc).includes('Who holds the keys'));
    a.destroy();
    reader.destroy();
  });

  it('edits sent on reconnecting are covered once stored, even when the server already had them', async () => {
    const { made, ana } = await convening();
    const name = `notes:${made.id}:plenary`;
    const a = connectDoc(server.url, name, ana.token, { connect: false });
    const offline = edit(a.doc, () => typeParagraph(a.doc, 'Written before the connection came.'));
    const receipts = withReceipts(a.provider);
    a.provider.connect();
    await receipts.covering(offline);
    // Connecting again with nothing new: the first receipt (sent on asking) covers it at once.
    a.provider.disconnect();
    const before = receipts.snapshots.length;
    a.provider.connect();
    await receipts.covering(offline);
    await expect.poll(() => receipts.snapshots.length, { timeout: 15_000 }).toBeGreaterThan(before);
    a.destroy();
  });

  it('a reader who may not write is never told its edit is stored', async () => {
    const { made, ana } = await convening();
    const name = `toolkit:${made.id}:money`;
    const observer = mint({ conveningId: made.id, participantId: ana.participantId, role: 'observer' });
    const o = connectDoc(server.url, name, observer);
    const receipts = withReceipts(o.provider);
    await synced(o.provider);
    await expect.poll(() => receipts.snapshots.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const refused = edit(o.doc, () => typeParagraph(o.doc, 'An observer tries to write.'));
    // A writer's edit after it is stored and receipted: the observer's was refused before it.
    const w = connectDoc(server.url, name, made.facilitatorToken);
    const writer = withReceipts(w.provider);
    await synced(w.provider);
    const written = edit(w.doc, () => typeParagraph(w.doc, 'The facilitator writes.'));
    const after = await writer.covering(written);
    expect(Y.snapshotContainsUpdate(after, refused)).toBe(false);
    expect(receipts.snapshots.every((s) => !Y.snapshotContainsUpdate(s, refused))).toBe(true);
    o.destroy();
    w.destroy();
  });

  it('a stock provider that does not ask is sent no receipts', async () => {
    const { made, ana } = await convening();
    const name = `notes:${made.id}:plenary`;
    const a = connectDoc(server.url, name, ana.token);
    let unknown = 0;
    a.provider.messageHandlers[COLLAB_MESSAGE.stored] = () => void (unknown += 1);
    await synced(a.provider);
    const b = connectDoc(server.url, name, made.facilitatorToken);
    await synced(b.provider);
    typeParagraph(a.doc, 'Nobody asked for a receipt here.');
    await untilDoc(b.doc, () => plain(b.doc).includes('Nobody asked'));
    // b received the relay, so a's write was stored and its receipts (had it asked) sent.
    typeParagraph(b.doc, 'An answer that a receives after any receipt would have come.');
    await untilDoc(a.doc, () => plain(a.doc).includes('An answer'));
    expect(unknown).toBe(0);
    a.destroy();
    b.destroy();
  });

  it('asking with extra bytes is harmless: the raw asker gets a readable receipt and stays connected', async () => {
    const { made, ana } = await convening();
    const raw = await rawConnect(server.url, `notes:${made.id}:plenary`, ana.token);
    if (!('open' in raw)) throw new Error(`refused: ${raw.status}`);
    const ws = raw.open;
    const receipt = new Promise<Y.Snapshot>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(d) === COLLAB_MESSAGE.stored) resolve(Y.decodeSnapshot(decoding.readVarUint8Array(d)));
      }),
    );
    ws.send(Uint8Array.of(COLLAB_MESSAGE.stored, 1, 2, 3, 255));
    expect((await receipt).sv).toBeInstanceOf(Map);
    expect(ws.readyState).toBe(ws.OPEN);
    ws.close();
  });
});
