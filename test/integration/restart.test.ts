// kill -9 right after acknowledgements, start again on the same data and port: everything
// acknowledged is there, and the clients that were connected come back by themselves.

import { afterAll, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { LIMITS, type ConveningView } from '@brave/protocol';
import { freePort, spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { closeAll, crowd, joinAs, ok, openConvening, until, untilAll, untilStatus } from '../support/people.ts';

const dir = tempDir();
let proc: ServerProcess | undefined;
const clients: LiveClient[] = [];
afterAll(async () => {
  closeAll(...clients);
  await proc?.stop();
  dir.remove();
});

const withoutSeq = (v: ConveningView) => ({ ...v, seq: 0 });

it('every acknowledged event survives kill -9, and connected clients resync on their own', { timeout: 90_000 }, async () => {
  const env = { DATA_DIR: dir.path, PORT: String(await freePort()), LOG: 'silent' };
  proc = await spawnServer(env);
  const url = proc.url;

  // A convening with its own agreements and policy, two facilitators and a room.
  const { made, host } = await openConvening(url, {
    title: 'Health equity learning network',
    agreements: [{ text: 'Speak from your own experience.' }, { text: 'Intent and impact both matter.' }, { text: 'Sharing is by invitation.' }],
    signalVisibility: { allowed: ['named', 'anonymous_to_room', 'anonymous'], default: 'anonymous_to_room' },
  });
  const co = await joinAs(url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
  const ana = await joinAs(url, made.joinCode, 'Ana');
  const bo = await joinAs(url, made.joinCode, 'Bo');
  const quiet = await joinAs(url, made.joinCode, 'Quiet', { affirm: false });
  const room = await crowd(url, made.joinCode, 8, 'Team member');
  const everyone = [host, co.client, ana.client, bo.client, quiet.client, ...room.map((p) => p.client)];
  clients.push(...everyone);

  // Mixed actions, each acknowledged.
  const edited = [...host.state!.agreements, { text: 'Care for yourself; step out when you need to.' }];
  await ok(co.client, { type: 'agreements.set', agreements: edited });
  await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[1]!.id });
  await ok(host, { type: 'reminders.schedule', everyMinutes: 60 });
  const named = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That example stung.' })).id!;
  const hidden = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'Not ready to say who.' })).id!;
  const whoops = (await ok(bo.client, { type: 'signal.raise', kind: 'whoops', visibility: 'named', explanation: 'I spoke over someone.' })).id!;
  await ok(host, { type: 'signal.triage', signalId: named, status: 'acknowledged', note: 'Pausing for a moment.' });
  await ok(co.client, { type: 'signal.triage', signalId: hidden, status: 'parked', note: 'Following up at the break.' });
  await ok(host, { type: 'signal.triage', signalId: whoops, status: 'addressed', note: 'Bo named it and moved on.' });
  const request = (await ok(bo.client, { type: 'reminder.request', agreementId: host.state!.agreements[2]!.id, anonymous: true })).id!;
  await ok(co.client, { type: 'reminder.resolve', requestId: request });
  for (let i = 0; i < LIMITS.signalsPerMinute - 2; i++) await ok(ana.client, { type: 'signal.raise', kind: 'whoops' });
  // A burst from the whole room, and one keyed command whose answer we keep.
  const burst = await Promise.all(room.map((p) => ok(p.client, { type: 'signal.raise', kind: 'ouch' })));
  const keyed = await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[3]!.id }, 'last-before-crash');

  // What each reader had folded at the moment of the crash.
  await untilAll(everyone, (c) => c.state!.spotlight?.agreementId === host.state!.agreements[3]!.id);
  await untilAll([host, co.client], (c) => Object.keys(c.state!.signals).length === 3 + (LIMITS.signalsPerMinute - 2) + room.length);
  const before = everyone.map((c) => structuredClone(c.state!));

  await proc.crash();
  await Promise.all(everyone.map((c) => untilStatus(c, 'reconnecting')));
  proc = await spawnServer(env);
  await Promise.all(everyone.map((c) => untilStatus(c, 'live', 30_000)));

  // Every reconnected reader still has exactly what it had, and a fresh load agrees with it.
  everyone.forEach((c, i) => expect(c.state, `reader ${i}`).toEqual(before[i]));
  const tokens = [made.facilitatorToken, co.joined.token, ana.joined.token, bo.joined.token, quiet.joined.token, ...room.map((p) => p.joined.token)];
  for (const [i, token] of tokens.entries()) {
    const fresh = new LiveClient({ url, token });
    clients.push(fresh);
    await fresh.connect();
    expect(withoutSeq(fresh.state!), `reader ${i}`).toEqual(withoutSeq(before[i]!));
    fresh.close();
  }
  const after = host.state!;
  expect(after).toMatchObject({ title: 'Health equity learning network', status: 'open', reminders: { everyMinutes: 60 } });
  expect(after.agreements.map((a) => a.text)).toEqual(edited.map((a) => a.text));
  expect(after.spotlight?.agreementId).toBe(after.agreements[3]!.id);
  expect(after.signals[named]?.history).toMatchObject([{ status: 'acknowledged', note: 'Pausing for a moment.' }]);
  expect(after.signals[hidden]).toMatchObject({ by: null, status: 'parked', history: [{ note: 'Following up at the break.' }] });
  expect(after.reminderRequests[request]).toMatchObject({ by: null, resolved: true });
  for (const b of burst) expect(after.signals[b.id!]?.status).toBe('raised');
  expect(after.participants[quiet.joined.participantId]?.affirmedAt).toBeNull();

  // The rules still hold from the log: Ana's rate limit, the same answer for a retried key.
  expect(await ana.client.send({ type: 'signal.raise', kind: 'ouch' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  expect(await host.send({ type: 'spotlight.set', agreementId: after.agreements[0]!.id }, 'last-before-crash')).toEqual(keyed);
  expect(await quiet.client.send({ type: 'signal.raise', kind: 'ouch' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

  // And the convening carries on live for everyone.
  await ok(co.client, { type: 'signal.triage', signalId: hidden, status: 'addressed', note: 'Resolved after the restart.' });
  await until(ana.client, (c) => c.state!.signals[hidden]?.status === 'addressed');
  await until(host, (c) => c.state!.signals[hidden]?.status === 'addressed');
  await ok(host, { type: 'spotlight.set', agreementId: after.agreements[2]!.id });
  await untilAll(everyone, (c) => c.state!.spotlight?.agreementId === after.agreements[2]!.id);
});
