import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import type { LiveClient } from '@brave/client';
import { COLLAB_CLOSE } from '@brave/protocol';
import { joinAs, ok, openConvening, record, until } from '../support/people.ts';
import {
  brokenEdit,
  closed,
  connectDoc,
  copyOf,
  editOf,
  outcomeOn,
  plain,
  rawConnect,
  sameDoc,
  startCollabServer,
  storedDoc,
  syncFrame,
  synced,
  typeParagraph,
  untilDoc,
  untilPresence,
  nameIn,
} from './collab-helpers.ts';
import { healthy } from './abuse-helpers.ts';

/**
 * Property-based Yjs messages on /collab, shaped like the real protocol so they reach
 * deep: sync step 1 with made-up state vectors, updates cut short or with bytes flipped
 * (from real updates), awareness with odd states, truncated varints, unknown types,
 * oversized frames. Each closes only its own connection (with a COLLAB_CLOSE code) or is
 * harmless; an editor connected throughout stays connected, keeps receiving edits, and
 * agrees with a fresh reader; a participant on the live socket notices nothing.
 * (test/integration/collab-abuse.test.ts covers each refusal code one by one.)
 */
const LIMITS = { messageBytes: 256 * 1024, messagesPerSecond: 500, messageBurst: 2_000 };
let server: Awaited<ReturnType<typeof startCollabServer>>;
let token: string;
let name: string;
let live: LiveClient;
/** Ana edits with her own credential while the garbage comes from the facilitator's. */
let anaToken: string;
let host: LiveClient;
const liveNoticed = { faults: [] as unknown[], statuses: [] as string[], events: [] as unknown[] };

beforeAll(async () => {
  server = await startCollabServer({ limits: LIMITS });
  const opened = await openConvening(server.url, { title: 'Documents under fire' });
  host = opened.host;
  token = opened.made.facilitatorToken;
  name = `notes:${opened.made.id}:plenary`;
  const ana = await joinAs(server.url, opened.made.joinCode, 'Ana');
  live = ana.client;
  anaToken = ana.joined.token;
  live.on('fault', (f) => liveNoticed.faults.push(f));
  live.on('status', (s) => liveNoticed.statuses.push(s));
  liveNoticed.events = record(live);
});
afterAll(async () => {
  host.close();
  live.close();
  await server.close();
});

/** The client id of the editor connected throughout the first property (its presence must never change hands). */
const EDITOR_ID = 4_242_424;

const frame = (type: number, write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
};
/** A real update: a paragraph typed into a fresh document by a client of its own. */
function realUpdate(text: string): Uint8Array {
  const d = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  d.getXmlFragment('default').insert(0, [p]);
  const u = Y.encodeStateAsUpdate(d);
  d.destroy();
  return u;
}
const mutated = fc
  .tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 }), fc.option(fc.nat(), { nil: undefined }))
  .map(([text, flips, cut]) => {
    const u = realUpdate(text);
    for (const [i, b] of flips) u[i % u.length] = b;
    return cut === undefined ? u : u.slice(0, cut % u.length);
  });
const message = fc.oneof(
  // sync step 1 with a made-up state vector (client ids and clocks)
  fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }).map((sv) =>
    frame(0, (e) => {
      encoding.writeVarUint(e, 0);
      const v = encoding.createEncoder();
      encoding.writeVarUint(v, sv.length);
      for (const [client, clock] of sv) {
        encoding.writeVarUint(v, client);
        encoding.writeVarUint(v, clock);
      }
      encoding.writeVarUint8Array(e, encoding.toUint8Array(v));
    }),
  ),
  // sync step 2 / update carrying a damaged real update
  fc.tuple(fc.constantFrom(1, 2), mutated).map(([step, u]) => frame(0, (e) => (encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, u)))),
  // awareness with odd states: random JSON, huge clocks, many clients
  // (some speak for the editor's own client id, with any clock)
  fc.array(fc.tuple(fc.oneof(fc.nat(), fc.constant(EDITOR_ID)), fc.nat(), fc.jsonValue({ maxDepth: 3 })), { maxLength: 4 }).map((states) =>
    frame(1, (e) => {
      const a = encoding.createEncoder();
      encoding.writeVarUint(a, states.length);
      for (const [client, clock, state] of states) {
        encoding.writeVarUint(a, client);
        encoding.writeVarUint(a, clock);
        encoding.writeVarString(a, JSON.stringify(state));
      }
      encoding.writeVarUint8Array(e, encoding.toUint8Array(a));
    }),
  ),
  // truncated varints, unknown types, anything
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Uint8Array.from([...b].map((x) => x | 0x80))),
  fc.tuple(fc.integer({ min: 4, max: 1_000_000 }), fc.uint8Array({ maxLength: 64 })).map(([t, rest]) => frame(t, (e) => encoding.writeUint8Array(e, rest))),
  fc.uint8Array({ maxLength: 512 }),
  fc.integer({ min: LIMITS.messageBytes + 1, max: LIMITS.messageBytes + 4096 }).map((n) => new Uint8Array(n)),
);
const ALLOWED = [null, COLLAB_CLOSE.badMessage, COLLAB_CLOSE.tooLarge];

/** Open, send one message, then ask who is here: an answer means the connection survived. */
async function attempt(data: Uint8Array): Promise<number | null> {
  const r = await rawConnect(server.url, name, token);
  if (!('open' in r)) throw new Error(`refused: ${r.status}`);
  const ws: WebSocket = r.open;
  const done = closed(ws);
  ws.send(data);
  ws.send(Uint8Array.of(3));
  const answered = new Promise<null>((resolve) => ws.on('message', (m: Buffer) => m[0] === 1 && resolve(null)));
  const result = await Promise.race([done.then((c) => c.code), answered]);
  if (result === null) ws.close();
  return result;
}

/** An editor and a writer on the document, agreeing on `opening`; `drops` records any disconnection of either. */
async function twoEditors(opening: string, editorDoc?: Y.Doc) {
  const editor = connectDoc(server.url, name, anaToken, editorDoc ? { doc: editorDoc } : {});
  const writer = connectDoc(server.url, name, token);
  await Promise.all([synced(editor.provider), synced(writer.provider)]);
  typeParagraph(writer.doc, opening);
  await untilDoc(editor.doc, () => plain(editor.doc).endsWith(opening));
  const drops: string[] = [];
  for (const d of [editor, writer]) d.provider.on('status', (e: { status: string }) => e.status !== 'connected' && drops.push(e.status));
  return { editor, writer, drops };
}

describe('fuzzing document messages', () => {
  it('each message closes only its sender (with a code) or is harmless; the editor connected throughout notices nothing', async () => {
    const editorDoc = new Y.Doc();
    editorDoc.clientID = EDITOR_ID;
    const { editor, writer, drops } = await twoEditors('Before the storm of bytes.', editorDoc);
    editor.provider.awareness.setLocalStateField('user', { id: 'me', name: 'Ana', color: '#2d6a65' });
    await untilPresence(writer.provider.awareness, () => nameIn(writer.provider.awareness.getStates().get(EDITOR_ID)) === 'Ana');
    const codes = new Map<number | null, number>();

    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const code = await attempt(m);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        expect(ALLOWED, `closed with ${code}`).toContain(code);
      }),
      { numRuns: 120, seed: 8_642, endOnFailure: true },
    );
    expect(codes.get(COLLAB_CLOSE.badMessage)).toBeGreaterThan(10);

    // The editor stayed connected, still receives edits, and agrees with a fresh reader.
    typeParagraph(writer.doc, 'After the storm.');
    await untilDoc(editor.doc, () => plain(editor.doc).includes('After the storm.'));
    expect(drops, 'the editor connected throughout was disconnected').toEqual([]);
    // Nobody else spoke for the editor: its next presence arrives, under its credential's name.
    editor.provider.awareness.setLocalStateField('after', true);
    const seenByWriter = () => writer.provider.awareness.getStates().get(EDITOR_ID) as { after?: boolean } | undefined;
    await untilPresence(writer.provider.awareness, () => seenByWriter()?.after === true);
    expect(nameIn(seenByWriter())).toBe('Ana');
    expect(nameIn(editor.provider.awareness.getLocalState())).toBe('Ana');
    const fresh = connectDoc(server.url, name, token);
    await synced(fresh.provider);
    await untilDoc(fresh.doc, () => plain(fresh.doc) === plain(editor.doc));
    for (const d of [editor, writer, fresh]) d.destroy();
    expect(await healthy(server.url)).toBe(true);
  });

  it('damaged real edits of the document are refused whole (4400) or taken whole; nobody else notices, the store never holds a refused part', async () => {
    const { editor, writer, drops } = await twoEditors('A paragraph to damage edits of.');
    const seen = new Map<string, number>();
    const damage = fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }).map((text) => ({ broken: text })),
      fc.string({ minLength: 1, maxLength: 20 }).map((text) => ({ waits: text })),
      fc.tuple(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.array(fc.tuple(fc.noBias(fc.nat()), fc.noBias(fc.nat(255))), { minLength: 1, maxLength: 3 }),
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.noBias(fc.nat()), weight: 1 }),
      ),
    );

    await fc.assert(
      fc.asyncProperty(damage, fc.constantFrom(1, 2), async (recipe, step) => {
        const before = copyOf(editor.doc);
        let update: Uint8Array;
        if ('broken' in recipe) update = brokenEdit(before, recipe.broken);
        else if ('waits' in recipe) {
          // Builds on an edit never sent: it waits with its sender and goes with it.
          const unsent = copyOf(before);
          Y.applyUpdate(unsent, editOf(before, recipe.waits));
          update = editOf(unsent, recipe.waits);
        } else {
          const [text, flips, cut] = recipe;
          update = editOf(before, text);
          for (const [i, b] of flips) update[i % update.length] = b;
          if (cut !== undefined) update = update.slice(0, cut % update.length);
        }
        const expected = outcomeOn(before, update);
        seen.set(expected, (seen.get(expected) ?? 0) + 1);
        // After the damaged edit the same connection sends a sound one: refused, it closes
        // before that one is read; taken, the editor receives both (once they are stored).
        const probe = copyOf(before);
        typeParagraph(probe, `probe ${seen.size}-${Math.random()}`);
        const sound = Y.encodeStateAsUpdate(probe, Y.encodeStateVector(before));
        const after = copyOf(before);
        if (expected === 'adds') Y.applyUpdate(after, update);
        Y.applyUpdate(after, sound);
        const r = await rawConnect(server.url, name, token);
        if (!('open' in r)) throw new Error(`refused: ${r.status}`);
        const done = closed(r.open);
        r.open.send(syncFrame(update, step));
        r.open.send(syncFrame(sound));
        if (expected === 'unreadable' || expected === 'throws') {
          expect((await done).code, expected).toBe(COLLAB_CLOSE.badMessage);
          expect(sameDoc(storedDoc(server.dataDir, name), before), 'the store holds part of a refused update').toBe(true);
        } else {
          const taken = untilDoc(editor.doc, () => sameDoc(editor.doc, after), 15_000, 'the edits relayed').then(() => null);
          expect(await Promise.race([done.then((c) => c.code), taken]), expected).toBe(null);
          expect(sameDoc(storedDoc(server.dataDir, name), after)).toBe(true);
          r.open.close();
        }
        // Any refused part reached neither the store nor the editor connected throughout.
        expect(sameDoc(editor.doc, storedDoc(server.dataDir, name))).toBe(true);
      }),
      { numRuns: 80, seed: 15_005, endOnFailure: true },
    );
    expect(seen.get('throws'), JSON.stringify([...seen])).toBeGreaterThan(10);
    expect(seen.get('nothing'), JSON.stringify([...seen])).toBeGreaterThan(0);
    expect(drops, 'an editor connected throughout was disconnected').toEqual([]);
    for (const d of [editor, writer]) d.destroy();
  });

  it('the participant on the live socket noticed nothing, and still gets the next spotlight', async () => {
    expect(liveNoticed).toEqual({ faults: [], statuses: [], events: [] });
    const agreementId = host.state!.agreements[1]!.id;
    await ok(host, { type: 'spotlight.set', agreementId });
    await until(live, (c) => c.state!.spotlight?.agreementId === agreementId);
  });
});
