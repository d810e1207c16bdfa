// Redis stopped and started again under two server processes: each keeps serving its own
// people, says so in /healthz, refuses what it cannot hand to the owner (typed, nothing
// stored), and when Redis is back its people catch up from the log.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { available } from '../support/engines.ts';
import { closeAll, joinAs, ok, openConvening, until } from '../support/people.ts';
import { startCluster, type TestCluster } from './cluster-helpers.ts';
import { eventually } from './community-helpers.ts';

const engines = available('postgres') && available('redis');
const NODES = ['node-a', 'node-b'];
let cluster: TestCluster;

beforeAll(async () => {
  if (engines) cluster = await startCluster(NODES);
}, 240_000);
afterAll(async () => cluster?.close(), 60_000);

const url = (id: string) => cluster.url(id);
const health = async (id: string) => ((await (await fetch(new URL('/healthz', url(id)))).json()) as { redis?: string }).redis;

describe.skipIf(!engines)('Redis stopped and started again', () => {
  it('each process serves its own people meanwhile, refuses forwarding typed, and catches its readers up after', async () => {
    const { store, redis } = cluster;
    const { made } = await openConvening(url('node-a'));
    const owner = (await eventually(() => store.lease(made.id), (l) => l !== null))!.owner;
    const other = NODES.find((n) => n !== owner)!;
    // The host works on the owner's process; Ana is on the other one, Bo beside the host.
    const host = new LiveClient({ url: url(owner), token: made.facilitatorToken });
    await host.connect();
    const ana = await joinAs(url(other), made.joinCode, 'Ana');
    const bo = await joinAs(url(owner), made.joinCode, 'Bo');
    const [first, second] = host.state!.agreements;

    await redis.stop();
    for (const n of NODES) await eventually(() => health(n), (h) => h === 'disconnected');

    // The owner still decides and tells its own people.
    await ok(host, { type: 'spotlight.set', agreementId: first!.id });
    await until(bo.client, (c) => c.state!.spotlight?.agreementId === first!.id);
    // Ana's ouch cannot reach the owner: refused, typed, and nothing is stored.
    const refused = await ana.client.send({ type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Sent while Redis was away' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(JSON.stringify(await store.events(made.id))).not.toContain('Sent while Redis was away');

    await cluster.restartRedis();
    for (const n of NODES) await eventually(() => health(n), (h) => h === 'connected', 30_000);

    // Ana's screen catches up on what she missed, from the log, by itself.
    await until(ana.client, (c) => c.state!.spotlight?.agreementId === first!.id, 30_000);
    // And traffic crosses processes again, both ways.
    const id = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Sent after Redis came back' })).id!;
    await until(host, (c) => c.state!.signals[id]);
    await ok(host, { type: 'spotlight.set', agreementId: second!.id });
    await until(ana.client, (c) => c.state!.spotlight?.agreementId === second!.id);
    closeAll(host, ana, bo);
  }, 120_000);
});

describe.skipIf(!engines)('an owner paused past its lease', () => {
  it('wakes up fenced: whatever it was told is true, nothing is written twice, and it forwards from then on', async () => {
    const { store } = cluster;
    const { made } = await openConvening(url('node-a'));
    const owner = (await eventually(() => store.lease(made.id), (l) => l !== null))!.owner;
    const other = NODES.find((n) => n !== owner)!;
    const paused = new LiveClient({ url: url(owner), token: made.facilitatorToken, ackTimeoutMs: 20_000, attempts: 1 });
    const awake = new LiveClient({ url: url(other), token: made.facilitatorToken });
    await Promise.all([paused.connect(), awake.connect()]);
    const [first, second, third] = awake.state!.agreements;
    const before = (await store.lease(made.id))!;

    // The owner stops (as a long GC pause or a frozen VM would); the other process takes over.
    const pid = cluster.nodes.get(owner)!.child.pid!;
    process.kill(pid, 'SIGSTOP');
    let ack;
    try {
      await eventually(() => store.lease(made.id), (l) => l?.owner === other, 30_000);
      await ok(awake, { type: 'spotlight.set', agreementId: first!.id });
      // A command reaches the paused owner, which still believes it owns the convening.
      ack = paused.send({ type: 'spotlight.set', agreementId: second!.id }, 'sent-to-the-paused-owner');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const answer = await ack;
    const log = await store.events(made.id);
    const stored = log.filter((e) => e.event.type === 'spotlight.set' && e.event.agreementId === second!.id);
    // Refused (fenced), or forwarded to the new owner: either way the answer tells the truth.
    if (answer.ok) expect(stored.map((e) => e.seq)).toEqual([answer.seq]);
    else expect([answer.error.code, stored.length]).toEqual(['store_unavailable', 0]);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const now = (await store.lease(made.id))!;
    expect(now.owner).toBe(other);
    expect(now.epoch).toBeGreaterThan(before.epoch);

    // From now on the woken process forwards to the new owner, and both screens agree.
    await ok(paused, { type: 'spotlight.set', agreementId: third!.id });
    for (const c of [paused, awake]) await until(c, (x) => x.state!.spotlight?.agreementId === third!.id);
    expect((await store.events(made.id)).at(-1)!.event).toMatchObject({ type: 'spotlight.set', agreementId: third!.id });
    closeAll(paused, awake);
  }, 120_000);
});
