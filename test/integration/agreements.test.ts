import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import type { EventOf, LoggedEvent } from '@brave/protocol';
import { agreementSet } from '@brave/core';
import { startTestServer } from '../support/server.ts';
import { closeAll, crowd, joinAs, ok, openConvening, record, until, untilAll } from '../support/people.ts';

// A reminder "minute" lasts 50 ms here, so rotations can be watched in a test.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ REMINDER_MINUTE_MS: '50' });
});
afterAll(async () => server.close());

/** Resolve with the next `n` reminder spotlights a client is sent. */
function nextReminders(client: LiveClient, n: number): Promise<EventOf<'spotlight.set'>[]> {
  return new Promise((resolve, reject) => {
    const got: EventOf<'spotlight.set'>[] = [];
    const timer = setTimeout(() => (off(), reject(new Error(`only ${got.length} reminders arrived`))), 10_000);
    const off = client.on('event', ({ event }: LoggedEvent) => {
      if (event.type !== 'spotlight.set' || event.source !== 'reminder') return;
      got.push(event);
      if (got.length === n) {
        off();
        clearTimeout(timer);
        resolve(got);
      }
    });
  });
}

describe('agreements', () => {
  it('a newcomer sees the agreements on joining and must affirm them before signalling', async () => {
    const { made, host } = await openConvening(server.url, { agreementSetId: 'race-dialogue' });
    const { client } = await joinAs(server.url, made.joinCode, 'Ana', { affirm: false });
    expect(client.state!.agreements).toEqual(agreementSet('race-dialogue')!.agreements);
    const refused = await client.send({ type: 'signal.raise', kind: 'ouch' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/affirm the agreements/);
    await ok(client, { type: 'agreements.affirm' });
    await until(host, (h) => h.state!.participants[client.self!.participantId]?.affirmedAt);
    expect((await client.send({ type: 'signal.raise', kind: 'ouch' })).ok).toBe(true);
    closeAll(host, client);
  });

  it('a spotlight reaches all fifty participants at once, is replaced, then dismissed for everyone', async () => {
    const { made, host } = await openConvening(server.url);
    const people = (await crowd(server.url, made.joinCode, 50)).map((p) => p.client);
    const [first, second] = host.state!.agreements;
    await ok(host, { type: 'spotlight.set', agreementId: first!.id });
    const seen = await untilAll(people, (c) => c.state!.spotlight);
    expect(new Set(seen.map((s) => s.text))).toEqual(new Set([first!.text]));
    expect(seen.every((s) => s.source === 'facilitator')).toBe(true);
    await ok(host, { type: 'spotlight.set', agreementId: second!.id });
    await untilAll(people, (c) => c.state!.spotlight?.agreementId === second!.id);
    await ok(host, { type: 'spotlight.clear' });
    await untilAll(people, (c) => c.state!.spotlight === null);
    closeAll(host, ...people);
  });

  it('a co-facilitator edits the agreements live: everyone’s pinned list changes, and a removed spotlight goes away', async () => {
    const { made, host } = await openConvening(server.url, { agreementSetId: 'network' });
    const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
    const people = (await crowd(server.url, made.joinCode, 5)).map((p) => p.client);
    const [keep, drop] = host.state!.agreements;
    await ok(host, { type: 'spotlight.set', agreementId: drop!.id });
    await untilAll(people, (c) => c.state!.spotlight);
    await ok(co.client, {
      type: 'agreements.set',
      agreements: [{ id: keep!.id, text: keep!.text }, { text: 'Name it when power shows up in the room.' }],
    });
    const lists = await untilAll([host, ...people], (c) => c.state!.agreements.length === 2 && c.state!.agreements);
    for (const list of lists) expect(list.map((a) => a.text)).toEqual([keep!.text, 'Name it when power shows up in the room.']);
    for (const c of [host, ...people]) {
      expect(c.state!.agreementSetId).toBe('custom');
      expect(c.state!.spotlight).toBeNull();
    }
    closeAll(host, co, ...people);
  });

  it('the spotlight shows an agreement’s new wording as soon as it is edited', async () => {
    const { made, host } = await openConvening(server.url);
    const { client } = await joinAs(server.url, made.joinCode, 'Ana');
    const target = host.state!.agreements[0]!;
    await ok(host, { type: 'spotlight.set', agreementId: target.id });
    await until(client, (c) => c.state!.spotlight);
    const agreements = host.state!.agreements.map((a) => (a.id === target.id ? { id: a.id, text: 'Arrive as you are, and welcome others as they are.' } : a));
    await ok(host, { type: 'agreements.set', agreements });
    const spot = await until(client, (c) => c.state!.agreements[0]!.text !== target.text && c.state!.spotlight);
    expect(spot).toMatchObject({ agreementId: target.id, text: 'Arrive as you are, and welcome others as they are.' });
    closeAll(host, client);
  });

  it('scheduled reminders rotate through the set, in order, on every screen, until stopped', async () => {
    const { made, host } = await openConvening(server.url, { agreementSetId: 'solidarity' });
    const people = (await crowd(server.url, made.joinCode, 3)).map((p) => p.client);
    const list = host.state!.agreements;
    await ok(host, { type: 'spotlight.set', agreementId: list[1]!.id });
    const watching = [host, ...people].map((c) => nextReminders(c, 3));
    await ok(host, { type: 'reminders.schedule', everyMinutes: 1 });
    for (const shown of await Promise.all(watching)) {
      // Rotation starts after the spotlighted item and moves one item per tick.
      expect(shown.map((s) => s.agreementId)).toEqual([list[2]!.id, list[3]!.id, list[4]!.id]);
      expect(shown[0]!.text).toBe(list[2]!.text);
    }
    await ok(host, { type: 'reminders.stop' });
    await untilAll(people, (c) => c.state!.reminders === null);
    closeAll(host, ...people);
  });

  it('asking for a reminder reaches only the facilitators; the room never hears of it', async () => {
    const { made, host } = await openConvening(server.url);
    const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    const bo = await joinAs(server.url, made.joinCode, 'Bo');
    const boSaw = record(bo.client);
    const agreementId = host.state!.agreements[3]!.id;
    const named = (await ok(ana.client, { type: 'reminder.request', agreementId, note: 'We keep speaking for others.' })).id!;
    const quiet = (await ok(ana.client, { type: 'reminder.request', agreementId, anonymous: true })).id!;
    for (const f of [host, co.client]) {
      const requests = await until(f, (c) => Object.keys(c.state!.reminderRequests).length === 2 && c.state!.reminderRequests);
      expect(requests[named]).toMatchObject({ agreementId, by: ana.joined.participantId, note: 'We keep speaking for others.', resolved: false });
      expect(requests[quiet]).toMatchObject({ agreementId, by: null, anonymous: true });
    }
    await ok(co.client, { type: 'reminder.resolve', requestId: quiet });
    await until(ana.client, (c) => c.state!.reminderRequests[quiet]?.resolved);
    await until(host, (c) => c.state!.reminderRequests[quiet]?.resolved);
    // The facilitator answers by spotlighting it: that is all the room sees.
    await ok(host, { type: 'spotlight.set', agreementId });
    await until(bo.client, (c) => c.state!.spotlight);
    expect(boSaw.map((e) => e.event.type)).toEqual(['spotlight.set']);
    expect(bo.client.state!.reminderRequests).toEqual({});
    closeAll(host, co, ana, bo);
  });
});
