// Three server processes on one PostgreSQL and one Redis, people spread across them. What a
// user would notice if this broke: a spotlight or a signal that reaches someone on another
// process late, never, or in a version meant for someone else; an acknowledged action lost
// when the process running the convening is killed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import type { KyselyStore } from '../../apps/server/src/store/kysely-store.ts';
import { available } from '../support/engines.ts';
import { closeAll, joinAs, ok, openConvening, until, untilAll } from '../support/people.ts';
import type { ServerProcess } from '../support/server.ts';
import { probe, startCluster, type TestCluster } from './cluster-helpers.ts';
import { eventually } from './community-helpers.ts';

const engines = available('postgres') && available('redis');
const NODES = ['node-a', 'node-b', 'node-c'];
let cluster: TestCluster;
let store: KyselyStore;
let nodes: Map<string, ServerProcess>;

beforeAll(async () => {
  if (!engines) return;
  cluster = await startCluster(NODES, { ROUND_SECOND_MS: '20' });
  ({ store, nodes } = cluster);
}, 240_000);
afterAll(async () => cluster?.close(), 60_000);

const url = (id: string) => cluster.url(id);

describe.skipIf(!engines)('three processes, one PostgreSQL, one Redis', () => {
  it('/healthz of each says it reaches Redis', async () => {
    for (const id of NODES) {
      const health = (await (await fetch(new URL('/healthz', url(id)))).json()) as { store: string; redis?: string };
      expect(health).toMatchObject({ ok: true, store: 'postgres', redis: 'connected' });
    }
  });

  it('spotlight and signals reach exactly whom they should, whichever process each person is on', async () => {
    const { made, host } = await openConvening(url('node-a'));
    const ana = await joinAs(url('node-b'), made.joinCode, 'Ana');
    const bo = await joinAs(url('node-c'), made.joinCode, 'Bo');
    const cy = await joinAs(url('node-a'), made.joinCode, 'Cy');
    const wires = { host: probe(host), ana: probe(ana.client), bo: probe(bo.client), cy: probe(cy.client) };
    const people = [host, ana.client, bo.client, cy.client];

    const first = host.state!.agreements[0]!;
    await ok(host, { type: 'spotlight.set', agreementId: first.id });
    await untilAll(people, (c) => c.state!.spotlight?.agreementId === first.id);

    // Ana (process b) sends an ouch the room sees without her name; her words are for the facilitators.
    const words = 'The joke about accents landed on me';
    const id = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room', explanation: words })).id!;
    expect(await until(host, (c) => c.state!.signals[id])).toMatchObject({ by: ana.joined.participantId, explanation: words, status: 'raised' });
    for (const r of [bo.client, cy.client]) {
      const notice = await until(r, (c) => c.state!.notices.find((n) => n.id === id));
      expect(notice).toMatchObject({ by: null, explanation: null, kind: 'ouch' });
      expect(r.state!.signals).toEqual({});
    }
    // The host (process a) triages it from another process than Ana's.
    await ok(host, { type: 'signal.triage', signalId: id, status: 'acknowledged', note: 'Pausing to repair this' });
    await until(ana.client, (c) => c.state!.signals[id]?.status === 'acknowledged');
    // A barrier everyone receives: after it, nothing about the signal is still in flight.
    const second = host.state!.agreements[1]!;
    await ok(cy.client, { type: 'agreements.affirm' });
    await ok(host, { type: 'spotlight.set', agreementId: second.id });
    await untilAll(people, (c) => c.state!.spotlight?.agreementId === second.id);

    for (const wire of [wires.bo, wires.cy]) {
      const text = wire.join('\n');
      expect(text).toContain(id);
      expect(text).not.toContain(ana.joined.participantId);
      expect(text).not.toContain(words);
      expect(text).not.toContain('Pausing to repair');
    }
    expect(wires.host.join('\n')).toContain(words);
    // Every view is the one a fresh load gives, on any process.
    for (const [client, node] of [[bo, 'node-a'], [cy, 'node-b'], [ana, 'node-c']] as const) {
      const fresh = new LiveClient({ url: url(node), token: client.joined.token });
      await fresh.connect();
      expect(fresh.state).toEqual(client.client.state);
      fresh.close();
    }
    closeAll(host, ana, bo, cy);
  });

  it('a breakout round across processes: everyone placed, each sees their own room only, the warning and the end fire once', async () => {
    // A round "second" lasts 20 ms here: a 90-second round ends in about two seconds.
    const { made, host } = await openConvening(url('node-a'));
    const people = await Promise.all(NODES.flatMap((node) => [1, 2].map((i) => joinAs(url(node), made.joinCode, `Person ${node} ${i}`))));
    const ids = people.map((p) => p.joined.participantId);
    const wires = people.map((p) => probe(p.client));
    const spec = { name: 'Pairs', strategy: { kind: 'mix' as const, spec: { by: 'size' as const, size: 2 } }, durationSeconds: 90, graceSeconds: 0 };
    const opened = await ok(host, { type: 'round.open', spec, seed: 7 });
    const roundId = opened.id!;
    const rooms = Object.values((await until(host, (c) => c.state!.rounds[roundId])).rooms);
    // Everyone connected to any process is placed, not only those on the owner's.
    expect(rooms.flatMap((r) => r.members).sort()).toEqual([...ids].sort());
    for (const [i, p] of people.entries()) {
      const mine = rooms.find((r) => r.members.includes(ids[i]!))!;
      const round = await until(p.client, (c) => c.state!.rounds[roundId]);
      for (const r of Object.values(round.rooms)) expect(r.members).toEqual(r.id === mine.id ? mine.members : []);
    }
    await untilAll([host, ...people.map((p) => p.client)], (c) => c.state!.rounds[roundId]?.status === 'ended', 60_000);
    const log = await store.events(made.id);
    const about = (type: string) => log.filter((e) => e.event.type === type && (e.event as { roundId?: string }).roundId === roundId);
    expect(about('round.warned')).toHaveLength(1);
    expect(about('round.ended')).toHaveLength(1);
    // No one's wire carried the roster of a room they were not in (arrivals are public; rosters are not).
    for (const [i, wire] of wires.entries()) {
      const rosters = wire.filter((f) => f.includes('"rooms"')).join('\n');
      expect(rosters).toContain(roundId);
      const others = ids.filter((id) => !rooms.find((r) => r.members.includes(ids[i]!))!.members.includes(id));
      for (const other of others) expect(rosters).not.toContain(other);
    }
    closeAll(host, ...people);
  }, 120_000);

  it('kill -9 of the owning process: another takes over, nothing acknowledged is lost, people resume elsewhere', async () => {
    const { made, host } = await openConvening(url('node-a'));
    const bo = await joinAs(url('node-b'), made.joinCode, 'Bo');
    const cy = await joinAs(url('node-c'), made.joinCode, 'Cy');
    const owner = (await eventually(() => store.lease(made.id), (l) => l !== null))!.owner;
    const survivors = NODES.filter((n) => n !== owner);
    // The host also has the page open on a process that will survive, and works from there.
    const desk = new LiveClient({ url: url(survivors[0]!), token: made.facilitatorToken });
    await desk.connect();
    const agreements = desk.state!.agreements;
    const acked: { seq: number; agreementId: string }[] = [];
    for (const a of agreements.slice(0, 3)) acked.push({ seq: (await ok(desk, { type: 'spotlight.set', agreementId: a.id })).seq!, agreementId: a.id });

    await nodes.get(owner)!.crash();
    nodes.delete(owner);

    // A survivor takes the lease once the dead one's runs out; until then a write is refused,
    // typed, and the same key is safe to send again.
    const next = agreements[3]!;
    const deadline = Date.now() + 60_000;
    let ack = await desk.send({ type: 'spotlight.set', agreementId: next.id }, 'after-the-kill');
    while (!ack.ok && ack.error.code === 'store_unavailable' && Date.now() < deadline) {
      ack = await desk.send({ type: 'spotlight.set', agreementId: next.id }, 'after-the-kill');
    }
    expect(ack).toMatchObject({ ok: true });
    const lease = await store.lease(made.id);
    expect(survivors).toContain(lease!.owner);
    expect(lease!.epoch).toBeGreaterThan(1);

    // Nothing acknowledged was lost, each under the number its ack gave; no gaps, nothing twice.
    const log = await store.events(made.id);
    for (const a of acked) expect(log.find((e) => e.seq === a.seq)?.event).toMatchObject({ type: 'spotlight.set', agreementId: a.agreementId });
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.filter((e) => e.event.type === 'spotlight.set' && e.event.agreementId === next.id)).toHaveLength(1);

    // Everyone comes back on a surviving process with the whole story.
    const tokens = [made.facilitatorToken, bo.joined.token, cy.joined.token];
    const back = await Promise.all(
      tokens.map(async (token, i) => {
        const c = new LiveClient({ url: url(survivors[i % survivors.length]!), token });
        await c.connect();
        return c;
      }),
    );
    await untilAll([desk, ...back], (c) => c.state!.spotlight?.agreementId === next.id);
    for (const c of back) expect(c.state!.seq).toBe(log.at(-1)!.seq);
    closeAll(host, bo, cy, desk, ...back);
  }, 180_000);
});
