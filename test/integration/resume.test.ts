import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { LiveClient } from '@brave/client';
import { Hello, PROTOCOL_VERSION, SOCKET_EVENTS, type ConveningView, type LoggedEvent } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, record, until, untilStatus } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const withoutSeq = (v: ConveningView) => ({ ...v, seq: 0 });

/** The first message a raw socket gets when it resumes from `lastSeq`. */
async function helloFor(token: string, lastSeq: number): Promise<Hello> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, auth: { token, protocolVersion: PROTOCOL_VERSION, lastSeq } });
  try {
    return Hello.parse(await new Promise((resolve, reject) => {
      socket.once(SOCKET_EVENTS.hello, resolve);
      socket.once('connect_error', reject);
    }));
  } finally {
    socket.close();
  }
}

/** Things the others do while someone is away: some of it is theirs to see, some not. */
async function meanwhile(host: LiveClient, ana: LiveClient) {
  const agreements = host.state!.agreements;
  await ok(host, { type: 'spotlight.set', agreementId: agreements[2]!.id });
  const named = (await ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Please slow down.' })).id!;
  await ok(ana, { type: 'signal.raise', kind: 'whoops', visibility: 'anonymous', explanation: 'I interrupted.' });
  await ok(host, { type: 'signal.triage', signalId: named, status: 'acknowledged', note: 'Slowing down.' });
  await ok(ana, { type: 'reminder.request', agreementId: agreements[0]!.id });
  await ok(host, { type: 'agreements.set', agreements: [...agreements.slice(0, 3), { text: 'Leave space for quieter voices.' }] });
}

describe('staying live', () => {
  it('a client that drops and reconnects gets exactly what it missed, and ends where a connected twin is', async () => {
    const { made, host } = await openConvening(server.url);
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    const bo = await joinAs(server.url, made.joinCode, 'Bo');
    // Bo's twin: the same person on a second device that stays connected throughout.
    const twin = new LiveClient({ url: server.url, token: bo.joined.token });
    await twin.connect();
    const twinSaw = record(twin);
    const lastSeen = bo.client.state!.seq;

    bo.client.simulateDrop();
    await untilStatus(bo.client, 'reconnecting');
    await meanwhile(host, ana.client);
    await untilStatus(bo.client, 'live');
    await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id });
    await until(twin, (c) => c.state!.spotlight?.agreementId === host.state!.agreements[0]!.id);
    await until(bo.client, (c) => c.state!.seq === twin.state!.seq);
    expect(withoutSeq(bo.client.state!)).toEqual(withoutSeq(twin.state!));

    // What a resuming reader is sent: the events after its last one, as that reader may see them.
    const hello = await helloFor(bo.joined.token, lastSeen);
    expect(hello.mode).toBe('replay');
    const replayed = hello.mode === 'replay' ? hello.events : [];
    expect(replayed).toEqual(twinSaw);
    expect(replayed.map((e) => e.event.type)).toEqual(['spotlight.set', 'signal.noticed', 'signal.noticed', 'agreements.set', 'spotlight.set']);
    expect(JSON.stringify(replayed)).not.toMatch(/I interrupted|Slowing down/);
    closeAll(host, ana, bo, twin);
  });

  it('a facilitator who drops catches up on the queue, triage notes included', async () => {
    const { made, host } = await openConvening(server.url);
    const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    const lastSeen = co.client.state!.seq;
    const live: LoggedEvent[] = record(host);
    co.client.simulateDrop();
    await untilStatus(co.client, 'reconnecting');
    await meanwhile(host, ana.client);
    await untilStatus(co.client, 'live');
    await until(co.client, (c) => Object.keys(c.state!.reminderRequests).length === 1 && c.state!.agreements.length === 4);
    expect(co.client.state!.signals).toEqual(host.state!.signals);
    const hello = await helloFor(co.joined.token, lastSeen);
    expect(hello.mode === 'replay' && hello.events.map((e) => e.seq)).toEqual(live.map((e) => e.seq));
    closeAll(host, co, ana);
  });

  it('reloading the page with the same token: same person, own signals (anonymous too) and requests, no need to affirm again', async () => {
    const { made, host } = await openConvening(server.url);
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    const anon = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'Not ready to say.' })).id!;
    const named = (await ok(ana.client, { type: 'signal.raise', kind: 'whoops', visibility: 'named' })).id!;
    const request = (await ok(ana.client, { type: 'reminder.request', agreementId: host.state!.agreements[1]!.id, anonymous: true })).id!;
    await ok(host, { type: 'signal.triage', signalId: anon, status: 'acknowledged', note: 'Thank you; pausing.' });
    await until(ana.client, (c) => c.state!.signals[anon]?.status === 'acknowledged');
    const before = ana.client.state!;
    ana.client.close();

    const reloaded = new LiveClient({ url: server.url, token: ana.joined.token });
    await reloaded.connect();
    expect(reloaded.self!.participantId).toBe(ana.joined.participantId);
    expect(reloaded.state!.participants[ana.joined.participantId]?.affirmedAt).not.toBeNull();
    expect(Object.keys(reloaded.state!.signals).sort()).toEqual([anon, named].sort());
    expect(reloaded.state!.signals[anon]).toMatchObject({ by: ana.joined.participantId, explanation: 'Not ready to say.', status: 'acknowledged' });
    expect(reloaded.state!.signals).toEqual(before.signals);
    expect(reloaded.state!.reminderRequests[request]).toMatchObject({ by: ana.joined.participantId, anonymous: true });
    expect((await reloaded.send({ type: 'signal.explain', signalId: named, explanation: 'I said it wrong.' })).ok).toBe(true);
    expect((await reloaded.send({ type: 'signal.raise', kind: 'ouch' })).ok).toBe(true);
    closeAll(host, reloaded);
  });
});
