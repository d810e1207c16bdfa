import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { LIMITS, type LoggedEvent, type Visibility } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, crowd, joinAs, ok, openConvening, record, until, untilAll, untilStatus } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** A host, a co-facilitator, the person who signals (Ana) and two others in the room. */
async function circle() {
  const { made, host } = await openConvening(server.url);
  const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
  const ana = await joinAs(server.url, made.joinCode, 'Ana');
  const bo = await joinAs(server.url, made.joinCode, 'Bo');
  const cy = await joinAs(server.url, made.joinCode, 'Cy');
  const seen = { bo: record(bo.client), cy: record(cy.client), host: record(host), co: record(co.client) };
  const close = () => closeAll(host, co, ana, bo, cy);
  return { made, host, co: co.client, ana: ana.client, anaId: ana.joined.participantId, bo: bo.client, cy: cy.client, boToken: bo.joined.token, seen, close };
}

const about = (events: LoggedEvent[], signalId: string) => events.filter((e) => 'signalId' in e.event && e.event.signalId === signalId);

describe('ouch and whoops in each visibility', () => {
  const cases: { visibility: Visibility; roomSeesWho: boolean; facilitatorsSeeWho: boolean }[] = [
    { visibility: 'named', roomSeesWho: true, facilitatorsSeeWho: true },
    { visibility: 'anonymous_to_room', roomSeesWho: false, facilitatorsSeeWho: true },
    { visibility: 'anonymous', roomSeesWho: false, facilitatorsSeeWho: false },
  ];

  for (const { visibility, roomSeesWho, facilitatorsSeeWho } of cases) {
    it(`${visibility}: what the room, the sender and each co-facilitator see`, async () => {
      const c = await circle();
      const explanation = `Explaining a ${visibility} ouch.`;
      // Words offered to the room: only a named sender's actually reach it.
      const id = (await ok(c.ana, { type: 'signal.raise', kind: 'ouch', visibility, explanation, explanationFor: 'room' })).id!;

      // Both facilitators: the signal in the queue, named only when the sender allowed it.
      for (const f of [c.host, c.co]) {
        const s = await until(f, (x) => x.state!.signals[id]);
        expect(s).toMatchObject({ kind: 'ouch', visibility, status: 'raised', explanation, by: facilitatorsSeeWho ? c.anaId : null });
      }
      // The sender follows their own signal, named to themselves.
      expect(c.ana.state!.signals[id]).toMatchObject({ by: c.anaId, explanation, visibility });
      // The room: a calm notice, with who and why only for a named signal.
      for (const r of [c.bo, c.cy]) {
        const notice = await until(r, (x) => x.state!.notices.find((n) => n.id === id));
        expect(notice).toEqual({ id, kind: 'ouch', scope: 'plenary', by: roomSeesWho ? c.anaId : null, explanation: roomSeesWho ? explanation : null, at: notice.at });
        expect(r.state!.signals).toEqual({});
      }
      if (!roomSeesWho) {
        for (const events of [c.seen.bo, c.seen.cy]) expect(JSON.stringify(about(events, id))).not.toContain(c.anaId);
      }
      if (!facilitatorsSeeWho) {
        for (const events of [c.seen.host, c.seen.co]) expect(JSON.stringify(about(events, id))).not.toContain(c.anaId);
      }
      c.close();
    });
  }

  it('the room never learns who sent an anonymous signal: not live, not after explaining, triage or a reload', async () => {
    const c = await circle();
    const quiet = (await ok(c.ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room', explanation: 'It is about me.' })).id!;
    const hidden = (await ok(c.ana, { type: 'signal.raise', kind: 'whoops', visibility: 'anonymous' })).id!;
    await ok(c.ana, { type: 'signal.explain', signalId: quiet, explanation: 'And about my team.' });
    await ok(c.ana, { type: 'signal.explain', signalId: hidden, explanation: 'I used an old word.' });
    await ok(c.host, { type: 'signal.triage', signalId: quiet, status: 'acknowledged', note: 'Pausing now.' });
    await ok(c.co, { type: 'signal.triage', signalId: hidden, status: 'parked', note: 'After the break.' });
    // A barrier everyone receives: after it, nothing else about those signals is in flight.
    await ok(c.host, { type: 'spotlight.set', agreementId: c.host.state!.agreements[4]!.id });
    await untilAll([c.bo, c.cy, c.co], (x) => x.state!.spotlight);
    for (const events of [c.seen.bo, c.seen.cy]) {
      expect(events.map((e) => e.event.type)).toEqual(['signal.noticed', 'signal.noticed', 'spotlight.set']);
      expect(JSON.stringify(events)).not.toContain(c.anaId);
      expect(JSON.stringify(events)).not.toMatch(/about me|my team|old word|Pausing|break/);
    }
    expect(JSON.stringify(about(c.seen.co, hidden))).not.toContain(c.anaId);
    expect(c.co.state!.signals[hidden]).toMatchObject({ by: null, explanation: 'I used an old word.', status: 'parked' });
    expect(c.co.state!.signals[quiet]).toMatchObject({ by: c.anaId, explanation: 'And about my team.', status: 'acknowledged' });
    // A reload gets a snapshot: still nothing that points at Ana.
    const reloaded = new LiveClient({ url: server.url, token: c.boToken });
    await reloaded.connect();
    expect(JSON.stringify({ n: reloaded.state!.notices, s: reloaded.state!.signals, r: reloaded.state!.reminderRequests })).not.toContain(c.anaId);
    expect(reloaded.state!.notices.map((n) => n.id)).toEqual([quiet, hidden]);
    reloaded.close();
    c.close();
  });

  it('a named signal with words for the facilitators shows the room who, never why', async () => {
    const c = await circle();
    const id = (await ok(c.ana, { type: 'signal.raise', kind: 'whoops', visibility: 'named', explanation: 'I misspoke about the caucus.', explanationFor: 'facilitators' })).id!;
    const notice = await until(c.bo, (x) => x.state!.notices.find((n) => n.id === id));
    expect(notice).toMatchObject({ by: c.anaId, explanation: null });
    expect((await until(c.co, (x) => x.state!.signals[id])).explanation).toBe('I misspoke about the caucus.');
    expect(JSON.stringify(c.seen.bo)).not.toContain('misspoke');
    c.close();
  });

  it('a named signal whose words are for the room, explained later: the words reach the room’s notice', async () => {
    const c = await circle();
    const id = (await ok(c.ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanationFor: 'room' })).id!;
    await until(c.bo, (x) => x.state!.notices.find((n) => n.id === id));
    await ok(c.ana, { type: 'signal.explain', signalId: id, explanation: 'We skipped the history.' });
    await untilAll([c.bo, c.cy], (x) => x.state!.notices.find((n) => n.id === id)?.explanation === 'We skipped the history.');
    c.close();
  });
});

describe('the facilitators’ shared queue', () => {
  it('two co-facilitators see every triage step of each other live, and the sender sees their own', async () => {
    const c = await circle();
    const id = (await ok(c.ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room', explanation: 'That landed badly.' })).id!;
    await ok(c.host, { type: 'signal.triage', signalId: id, status: 'acknowledged', note: 'Seen. Making space now.' });
    await until(c.co, (x) => x.state!.signals[id]?.status === 'acknowledged');
    await ok(c.co, { type: 'signal.triage', signalId: id, status: 'parked', note: 'Returning to it after the break.' });
    await until(c.host, (x) => x.state!.signals[id]?.status === 'parked');
    await ok(c.host, { type: 'signal.triage', signalId: id, status: 'addressed', note: 'Talked it through with the group.' });
    const views = await untilAll([c.host, c.co, c.ana], (x) => x.state!.signals[id]?.status === 'addressed' && x.state!.signals[id]);
    for (const s of views) {
      expect(s.history.map((h) => [h.status, h.note])).toEqual([
        ['acknowledged', 'Seen. Making space now.'],
        ['parked', 'Returning to it after the break.'],
        ['addressed', 'Talked it through with the group.'],
      ]);
    }
    expect(views[0]!.history.map((h) => h.by)).toEqual([c.host.self!.participantId, c.co.self!.participantId, c.host.self!.participantId]);
    // An impossible move is refused with a reason, not applied.
    const refused = await c.co.send({ type: 'signal.triage', signalId: id, status: 'parked' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status' } });
    expect(c.seen.bo.filter((e) => e.event.type === 'signal.triaged')).toEqual([]);
    c.close();
  });

  it('with many signals triaged by both at once, both facilitators end with the same queue', async () => {
    const { made, host } = await openConvening(server.url);
    const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
    const people = await crowd(server.url, made.joinCode, 12);
    const ids = (await Promise.all(people.map((p, i) => ok(p.client, { type: 'signal.raise', kind: i % 2 ? 'ouch' : 'whoops' })))).map((a) => a.id!);
    await untilAll([host, co.client], (x) => Object.keys(x.state!.signals).length === ids.length);
    await Promise.all(ids.map((id, i) => ok(i % 2 ? host : co.client, { type: 'signal.triage', signalId: id, status: i % 3 ? 'acknowledged' : 'parked', note: `note ${i}` })));
    await untilAll([host, co.client], (x) => Object.values(x.state!.signals).every((s) => s.status !== 'raised'));
    expect(co.client.state!.signals).toEqual(host.state!.signals);
    await untilAll(people.map((p) => p.client), (x) => Object.values(x.state!.signals)[0]?.status !== 'raised');
    closeAll(host, co, ...people);
  });
});

describe('fifty people signalling at once', () => {
  it('every signal reaches both facilitators; everyone sees their own and calm, bounded notices', async () => {
    const { made, host } = await openConvening(server.url);
    const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
    const people = (await crowd(server.url, made.joinCode, 50)).map((p) => p.client);
    const visibilities: Visibility[] = ['named', 'anonymous_to_room', 'anonymous'];
    const acks = await Promise.all(people.map((p, i) => ok(p, { type: 'signal.raise', kind: 'ouch', visibility: visibilities[i % 3] })));
    expect(new Set(acks.map((a) => a.id)).size).toBe(50);
    await untilAll([host, co.client], (x) => Object.keys(x.state!.signals).length === 50);
    const everyoneElse = await untilAll(people, (x) => x.state!.notices.length === 20 && x.state!.notices);
    people.forEach((p, i) => {
      expect(Object.keys(p.state!.signals)).toEqual([acks[i]!.id]);
      expect(everyoneElse[i]!.map((n) => n.id)).not.toContain(acks[i]!.id);
    });
    closeAll(host, co, ...people);
  });
});

describe('rate limit and retries', () => {
  it(`the ${LIMITS.signalsPerMinute + 1}th signal in a minute gets a clear message and a wait, never a silent drop`, async () => {
    const c = await circle();
    for (let i = 0; i < LIMITS.signalsPerMinute; i++) await ok(c.ana, { type: 'signal.raise', kind: 'ouch' });
    const ack = await c.ana.send({ type: 'signal.raise', kind: 'ouch', explanation: 'one more' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    if (ack.ok) return;
    expect(ack.error.retryAfterMs).toBeGreaterThan(0);
    expect(ack.error.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(ack.error.message).toMatch(/can send another in \d+ s/);
    await until(c.host, (x) => Object.keys(x.state!.signals).length === LIMITS.signalsPerMinute);
    expect((await c.bo.send({ type: 'signal.raise', kind: 'whoops' })).ok).toBe(true);
    c.close();
  });

  it('a burst of commands from one connection is answered every time, the excess with rate_limited', async () => {
    const c = await circle();
    const acks = await Promise.all(Array.from({ length: LIMITS.commandBurst + 20 }, () => c.bo.send({ type: 'agreements.affirm' })));
    expect(acks).toHaveLength(LIMITS.commandBurst + 20);
    const limited = acks.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThan(0);
    for (const a of limited) expect(a).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
    c.close();
  });

  it('the same idempotency key twice (in turn, at once, after a reconnect) gives one signal and the same answer', async () => {
    const c = await circle();
    const raise = { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'once' } as const;
    const first = await c.ana.send(raise, 'key-in-turn-0001');
    const again = await c.ana.send(raise, 'key-in-turn-0001');
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    const [x, y] = await Promise.all([c.ana.send(raise, 'key-at-once-0002'), c.ana.send(raise, 'key-at-once-0002')]);
    expect(x.ok).toBe(true);
    expect(y).toEqual(x);
    c.ana.simulateDrop();
    await untilStatus(c.ana, 'reconnecting');
    await untilStatus(c.ana, 'live');
    expect(await c.ana.send(raise, 'key-in-turn-0001')).toEqual(first);
    await until(c.host, (h) => Object.keys(h.state!.signals).length === 2);
    // Another person's identical key is their own command.
    expect((await c.bo.send(raise, 'key-in-turn-0001')).ok).toBe(true);
    await until(c.host, (h) => Object.keys(h.state!.signals).length === 3);
    c.close();
  });
});
