// Shared documents with three server processes on one PostgreSQL and one Redis. What a user
// would notice if this broke: two people typing in the same notes from different processes
// who never see each other's words (or see them only after a reload); words of a caucus
// reaching someone outside it; a sentence seen on screen that is gone after a crash or a
// database restart; a round whose end is announced twice, or never, after a crash.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '@brave/protocol';
import { KyselyDocStore } from '../../apps/server/src/collab/doc-log.ts';
import type { KyselyStore } from '../../apps/server/src/store/kysely-store.ts';
import { available } from '../support/engines.ts';
import { closeAll, joinAs, ok, openConvening, until, untilAll } from '../support/people.ts';
import { probe, startCluster, type TestCluster } from './cluster-helpers.ts';
import { connectDoc, plain, rawConnect, synced, typeAway, typeParagraph, untilDoc } from './collab-helpers.ts';
import { eventually } from './community-helpers.ts';

const engines = available('postgres') && available('redis');
const NODES = ['node-a', 'node-b', 'node-c'];
let cluster: TestCluster;
let store: KyselyStore;

beforeAll(async () => {
  if (!engines) return;
  cluster = await startCluster(NODES, { ROUND_SECOND_MS: '20', COLLAB_MESSAGES_PER_SECOND: '5000', COLLAB_MESSAGE_BURST: '5000', COLLAB_COMPACT_EVERY: '100' });
  ({ store } = cluster);
}, 240_000);
afterAll(async () => cluster?.close(), 60_000);

const url = (id: string) => cluster.url(id);
type Editor = ReturnType<typeof connectDoc>;

/** Every frame a raw document connection receives, as bytes, to search for words that must not be there. */
async function wire(node: string, doc: string, token: string): Promise<{ frames: Buffer[]; ws: WebSocket }> {
  const r = await rawConnect(url(node), doc, token);
  if (!('open' in r)) throw new Error(`could not open ${doc}: ${r.status}`);
  const frames: Buffer[] = [];
  r.open.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
  return { frames, ws: r.open };
}

const health = async (node: string) => ((await (await fetch(new URL('/healthz', url(node)))).json()) as { redis?: string }).redis;

/** The document's text as stored (snapshot and log), read straight from PostgreSQL. */
async function storedText(docs: KyselyDocStore, name: string): Promise<string> {
  const stored = await docs.load(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  const text = plain(doc);
  doc.destroy();
  return text;
}

const names = (e: Editor) => [...e.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name);

describe.skipIf(!engines)('shared documents across three processes', () => {
  it('editors on different processes converge, see who is here, and caucus notes reach only the caucus', async () => {
    const { made, host } = await openConvening(url('node-a'));
    const carla = await joinAs(url('node-b'), made.joinCode, 'Carla');
    const ana = await joinAs(url('node-c'), made.joinCode, 'Ana');
    const plenary = `notes:${made.id}:plenary`;
    const editors = [connectDoc(url('node-a'), plenary, made.facilitatorToken), connectDoc(url('node-b'), plenary, carla.joined.token), connectDoc(url('node-c'), plenary, ana.joined.token)];
    await Promise.all(editors.map((e) => synced(e.provider, 30_000)));
    // All three type at once, each on their own process.
    editors.forEach((e, i) => typeParagraph(e.doc, `Line from process ${NODES[i]}`));
    const all = (e: Editor) => NODES.every((n) => plain(e.doc).includes(`Line from process ${n}`));
    for (const e of editors) await untilDoc(e.doc, () => all(e), 30_000, 'all three lines');
    await untilDoc(editors[0]!.doc, () => editors.every((e) => plain(e.doc) === plain(editors[0]!.doc)), 30_000, 'one text');

    // Presence crosses too, under the name the credential gives (not the one a client claims).
    editors[2]!.provider.awareness.setLocalStateField('user', { name: 'Someone else' });
    editors[2]!.provider.awareness.setLocalStateField('cursor', { at: 3 });
    await eventually(() => Promise.resolve(names(editors[0]!)), (n) => n.includes('Ana'), 30_000);
    expect(names(editors[0]!)).not.toContain('Someone else');

    // A caucus with Carla alone; she writes from process b and from process c. Every
    // person's socket.io wire is probed, each on another process than the owner's or Carla's.
    const sockets = { host: probe(host), carla: probe(carla.client), ana: probe(ana.client) };
    await ok(carla.client, { type: 'affinity.answer', answer: 'person of color' });
    const round = await ok(host, { type: 'round.open', seed: 2, spec: { name: 'Caucus', durationSeconds: 6000, strategy: { kind: 'affinity', undecided: 'plenary' } } });
    const room = await until(host, (h) => Object.values(h.state!.rounds[round.id!]?.rooms ?? {}).find((r) => r.kind === 'caucus'), 30_000);
    const caucus = `notes:${made.id}:${round.id}:${room.id}`;
    // Ana (not in it) listens to the plenary on process c, the host on process a.
    const listeners = [await wire('node-c', plenary, ana.joined.token), await wire('node-a', plenary, made.facilitatorToken)];
    const refused = await rawConnect(url('node-c'), caucus, ana.joined.token);
    expect(refused).toMatchObject({ status: 403 });

    const [onB, onC] = [connectDoc(url('node-b'), caucus, carla.joined.token), connectDoc(url('node-c'), caucus, carla.joined.token)];
    await Promise.all([synced(onB.provider, 30_000), synced(onC.provider, 30_000)]);
    const secret = 'What we said in our caucus stays here';
    typeParagraph(onB.doc, secret);
    await untilDoc(onC.doc, () => plain(onC.doc).includes(secret), 30_000, 'the caucus words on process c');
    // A plenary line after it: once the listeners have it, anything sent before reached them too.
    typeParagraph(editors[1]!.doc, 'Back in the plenary');
    for (const l of listeners) await eventually(() => Promise.resolve(Buffer.concat(l.frames).includes('Back in the plenary')), Boolean, 30_000);
    for (const l of listeners) expect(Buffer.concat(l.frames).includes(secret)).toBe(false);
    expect(plain(editors[2]!.doc)).not.toContain(secret);
    // Nobody outside the caucus was told who is in it, or who answered what, on any process.
    const carlaId = carla.joined.participantId;
    const about = (frames: string[], marker: string) => frames.filter((f) => f.includes(marker) && f.includes(carlaId));
    expect(about(sockets.carla, '"rooms"').length).toBeGreaterThan(0);
    expect(about(sockets.ana, '"rooms"')).toEqual([]);
    expect(about(sockets.ana, 'affinity')).toEqual([]);
    expect(sockets.ana.join('\n')).toContain(round.id!);

    for (const l of listeners) l.ws.close();
    for (const e of [...editors, onB, onC]) e.destroy();
    closeAll(host, carla, ana);
  }, 180_000);

  it('PostgreSQL stopped under traffic: nothing relayed or acknowledged that was not stored, nothing lost, service resumes', async () => {
    const { made, host } = await openConvening(url('node-a'));
    const doc = `notes:${made.id}:plenary`;
    const writer = connectDoc(url('node-a'), doc, made.facilitatorToken);
    const reader = connectDoc(url('node-b'), doc, made.facilitatorToken);
    await Promise.all([synced(writer.provider, 30_000), synced(reader.provider, 30_000)]);
    typeParagraph(writer.doc, 'Said before the outage');
    await untilDoc(reader.doc, () => plain(reader.doc).includes('Said before the outage'), 30_000);
    const agreements = host.state!.agreements;

    const cut = new Promise<number>((resolve) => writer.provider.on('connection-close', (e) => resolve(e?.code ?? 0)));
    cluster.pg.stop();
    try {
      typeParagraph(writer.doc, 'Typed while the database was away');
      // The writer's process could not store it: it closes the connection instead of relaying.
      expect(await cut).toBe(COLLAB_CLOSE.unavailable);
      expect(plain(reader.doc)).not.toContain('Typed while the database was away');
      const refused = await host.send({ type: 'spotlight.set', agreementId: agreements[0]!.id }, 'during-outage');
      expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    } finally {
      cluster.pg.start();
    }

    // Back: the same command (same key) goes through once; the writer's words, kept on its device, arrive.
    const deadline = Date.now() + 60_000;
    let ack = await host.send({ type: 'spotlight.set', agreementId: agreements[0]!.id }, 'during-outage');
    while (!ack.ok && Date.now() < deadline) ack = await host.send({ type: 'spotlight.set', agreementId: agreements[0]!.id }, 'during-outage');
    expect(ack).toMatchObject({ ok: true });
    await untilDoc(reader.doc, () => plain(reader.doc).includes('Typed while the database was away'), 60_000, 'the words typed during the outage');
    expect(plain(reader.doc)).toContain('Said before the outage');
    const fresh = connectDoc(url('node-c'), doc, made.facilitatorToken);
    await synced(fresh.provider, 30_000);
    expect(plain(fresh.doc)).toBe(plain(reader.doc));
    for (const e of [writer, reader, fresh]) e.destroy();
    closeAll(host);
  }, 180_000);

  it('Redis stopped and started under editing: each process keeps its own editors going, and the others catch up from the log', async () => {
    const { made, host } = await openConvening(url('node-a'));
    const carla = await joinAs(url('node-a'), made.joinCode, 'Carla');
    const doc = `notes:${made.id}:plenary`;
    const [onA, besideA, onB] = [
      connectDoc(url('node-a'), doc, made.facilitatorToken),
      connectDoc(url('node-a'), doc, carla.joined.token),
      connectDoc(url('node-b'), doc, made.facilitatorToken),
    ];
    await Promise.all([onA, besideA, onB].map((e) => synced(e.provider, 30_000)));
    typeParagraph(onA.doc, 'Said before Redis went away');
    await untilDoc(onB.doc, () => plain(onB.doc).includes('Said before Redis went away'), 30_000);

    await cluster.redis.stop();
    for (const n of ['node-a', 'node-b']) await eventually(() => health(n), (h) => h === 'disconnected', 30_000);
    // Each process still stores and relays for its own editors.
    typeParagraph(onA.doc, 'Typed on a while Redis was away');
    await untilDoc(besideA.doc, () => plain(besideA.doc).includes('Typed on a while Redis was away'), 30_000, 'a neighbour on the same process');
    typeParagraph(onB.doc, 'Typed on b while Redis was away');
    // Both are in the log, which is what the others will read.
    const docs = new KyselyDocStore(store.database);
    await eventually(() => storedText(docs, doc), (t) => t.includes('Typed on a while Redis was away') && t.includes('Typed on b while Redis was away'), 30_000);

    await cluster.restartRedis();
    for (const n of ['node-a', 'node-b']) await eventually(() => health(n), (h) => h === 'connected', 30_000);
    // Nobody reloads: what the other process stored meanwhile arrives by itself.
    await untilDoc(onB.doc, () => plain(onB.doc).includes('Typed on a while Redis was away'), 30_000, 'process b catching up');
    for (const e of [onA, besideA]) await untilDoc(e.doc, () => plain(e.doc).includes('Typed on b while Redis was away'), 30_000, 'process a catching up');
    // And edits cross live again.
    typeParagraph(onB.doc, 'Said after Redis came back');
    for (const e of [onA, besideA]) await untilDoc(e.doc, () => plain(e.doc).includes('Said after Redis came back'), 30_000);
    await untilDoc(onA.doc, () => [besideA, onB].every((e) => plain(e.doc) === plain(onA.doc)), 30_000, 'one text');
    expect(await storedText(docs, doc)).toBe(plain(onA.doc));
    for (const e of [onA, besideA, onB]) e.destroy();
    closeAll(host, carla);
  }, 180_000);

  it('kill -9 of a process while someone types: everything another editor saw is kept, the rest merges on reconnecting elsewhere', async () => {
    const { made, host } = await openConvening(url('node-a'));
    const doc = `notes:${made.id}:plenary`;
    let typist = connectDoc(url('node-c'), doc, made.facilitatorToken);
    const watcher = connectDoc(url('node-b'), doc, made.facilitatorToken);
    await Promise.all([synced(typist.provider, 30_000), synced(watcher.provider, 30_000)]);
    const typing = typeAway(typist.doc, 20_000);
    await untilDoc(watcher.doc, () => plain(watcher.doc).length >= 300, 60_000, 'the watcher seeing 300 characters');
    await cluster.nodes.get('node-c')!.crash();
    cluster.nodes.delete('node-c');
    await typing.stop();
    // Everything the watcher (on a surviving process) has was stored before it was sent.
    const seen = Y.decodeStateVector(Y.encodeStateVector(watcher.doc));

    const reader = connectDoc(url('node-a'), doc, made.facilitatorToken);
    await synced(reader.provider, 30_000);
    const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
    for (const [client, clock] of seen) expect(stored.get(client) ?? 0).toBeGreaterThanOrEqual(clock);

    // The typist reconnects to another process; what it typed after the crash merges everywhere.
    typist.provider.destroy();
    typist = connectDoc(url('node-a'), doc, made.facilitatorToken, { doc: typist.doc });
    for (const e of [watcher, reader]) await untilDoc(e.doc, () => plain(e.doc) === plain(typist.doc), 60_000, 'the typist’s whole line');
    expect(plain(watcher.doc).length).toBeGreaterThanOrEqual(300);
    for (const e of [typist, watcher, reader]) e.destroy();
    closeAll(host);
  }, 180_000);

  it('kill -9 of the owner between a round’s warning and its end: the survivor ends it, each announced once', async () => {
    const live = [...cluster.nodes.keys()];
    const { made, host } = await openConvening(url(live[0]!));
    const people = await Promise.all(live.flatMap((n) => [1, 2].map((i) => joinAs(url(n), made.joinCode, `Person ${n} ${i}`))));
    const owner = (await eventually(() => store.lease(made.id), (l) => l !== null, 30_000))!.owner;
    const survivor = live.find((n) => n !== owner)!;
    const watchers = people.filter((_, i) => live[Math.floor(i / 2)] === survivor).map((p) => p.client);
    // 150 round seconds of 20 ms: 3 s, warned 1.2 s before the end.
    const spec = { name: 'Pairs', strategy: { kind: 'mix' as const, spec: { by: 'size' as const, size: 2 } }, durationSeconds: 150, graceSeconds: 0 };
    const roundId = (await ok(host, { type: 'round.open', spec, seed: 3 })).id!;
    await until(watchers[0]!, (c) => c.state!.rounds[roundId]?.warnedAt != null, 60_000);
    await cluster.nodes.get(owner)!.crash();
    cluster.nodes.delete(owner);

    await untilAll(watchers, (c) => c.state!.rounds[roundId]?.status === 'ended', 60_000);
    const lease = await store.lease(made.id);
    expect(lease!.owner).toBe(survivor);
    const log = await store.events(made.id);
    const about = (type: string) => log.filter((e) => e.event.type === type && (e.event as { roundId?: string }).roundId === roundId);
    expect(about('round.warned')).toHaveLength(1);
    expect(about('round.ended')).toHaveLength(1);
    closeAll(host, ...people);
  }, 180_000);
});
