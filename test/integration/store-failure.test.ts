// A locked database (another process holding a write lock, as a backup tool or a stuck
// migration would) must turn writes into a typed refusal: never an ack for something
// that was not saved, and nothing half-written once the lock is gone.

import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import type { Command } from '@brave/protocol';
import { SqliteStore } from '../../apps/server/src/store/sqlite.ts';
import { startTestServer } from '../support/server.ts';
import { apiError, closeAll, joinAs, ok, openConvening, postJson, record, until } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ STORE_BUSY_TIMEOUT_MS: '100' });
});
afterAll(async () => server.close());

it('while the database is locked every write is refused as store_unavailable; afterwards all is whole', async () => {
  const { made, host } = await openConvening(server.url);
  const ana = await joinAs(server.url, made.joinCode, 'Ana');
  const bo = await joinAs(server.url, made.joinCode, 'Bo');
  const boSaw = record(bo.client);
  const first = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })).id!;
  await until(host, (c) => c.state!.signals[first]);
  const agreements = host.state!.agreements;
  const seqBefore = host.state!.seq;
  const peopleBefore = Object.keys(host.state!.participants).length;

  // A second connection to the same file takes the write lock.
  const locker = await SqliteStore.open(join(server.dataDir, 'brave-space.db'), { busyTimeoutMs: 0 });
  locker.db.exec('BEGIN EXCLUSIVE');
  try {
    const refused = await ana.client.send({ type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'during the lock' }, 'raised-during-lock');
    expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(!refused.ok && refused.error.message).toMatch(/could not save/i);
    const writes: Command[] = [
      { type: 'signal.triage', signalId: first, status: 'acknowledged', note: 'lost?' },
      { type: 'spotlight.set', agreementId: agreements[1]!.id },
      { type: 'agreements.set', agreements: [{ text: 'Half-written?' }] },
    ];
    for (const command of writes) {
      expect(await host.send(command), command.type).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    }
    const join = await postJson(server.url, '/api/join', { joinCode: made.joinCode, name: 'Late' });
    expect(join.status).toBe(503);
    expect(apiError(join.body).code).toBe('store_unavailable');
    const create = await postJson(server.url, '/api/convenings', { title: 'During the lock' });
    expect(create.status).toBe(503);
    expect(apiError(create.body).code).toBe('store_unavailable');
    expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
  } finally {
    locker.db.exec('ROLLBACK');
    await locker.close();
  }

  // Nothing from the locked minute was folded or sent.
  expect(host.state!.seq).toBe(seqBefore);
  expect(Object.keys(host.state!.participants)).toHaveLength(peopleBefore);

  // The same key again is a fresh attempt (nothing was recorded), and now it works.
  const retried = await ana.client.send({ type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'during the lock' }, 'raised-during-lock');
  expect(retried.ok).toBe(true);
  await ok(host, { type: 'spotlight.set', agreementId: agreements[2]!.id });
  await until(bo.client, (c) => c.state!.spotlight);
  // Bo heard of the first signal, the retried one and the spotlight: nothing else.
  expect(boSaw.map((e) => e.event.type)).toEqual(['signal.noticed', 'signal.noticed', 'spotlight.set']);
  expect(boSaw.map((e) => ('signalId' in e.event ? e.event.signalId : null))).toEqual([first, retried.ok && retried.id, null]);
  await until(host, (c) => Object.keys(c.state!.signals).length === 2);
  expect(host.state!.signals[first]?.status).toBe('raised');
  expect(host.state!.agreements).toEqual(agreements);

  // The log itself: consecutive sequence numbers, and a fresh load agrees with the live view.
  const log = await server.store.events(made.id);
  expect(log.map((e) => e.seq)).toEqual(log.map((_e, i) => i + 1));
  expect(log.at(-1)?.seq).toBe(host.state!.seq);
  expect(log.filter((e) => e.event.type === 'signal.raised')).toHaveLength(2);
  const fresh = new LiveClient({ url: server.url, token: made.facilitatorToken });
  await fresh.connect();
  expect(fresh.state).toEqual(host.state);
  closeAll(host, ana, bo, fresh);
});
