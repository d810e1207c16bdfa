import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedEvent, ShowItem } from '@brave/protocol';
import { startTestServer, tempDir } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, record, until, untilAll } from '../support/people.ts';

/**
 * The run of show and pulse checks with real clients: two co-facilitators pressing next
 * together move the show once; nobody but its author hears an anonymous answer; results
 * kept for facilitators reach no participant until shared.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const ITEMS: ShowItem[] = [
  { id: 'arrive', kind: 'welcome', title: 'Arriving', minutes: 5 },
  { id: 'check', kind: 'pulse', title: 'Check-in', minutes: 3, pulse: { question: 'One word for how you arrive', kind: 'word' } },
  { id: 'end', kind: 'closing', title: 'Closing circle', minutes: 10 },
];

async function circle(url = server.url) {
  const { made, host } = await openConvening(url);
  const co = await joinAs(url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
  const ana = await joinAs(url, made.joinCode, 'Ana');
  const bo = await joinAs(url, made.joinCode, 'Bo');
  return { made, host, co: co.client, ana: ana.client, anaId: ana.joined.participantId, bo: bo.client, close: () => closeAll(host, co, ana, bo) };
}

const shown = (events: LoggedEvent[]) => events.filter((e) => e.event.type === 'show.entered');

describe('run of show, live', () => {
  it('two co-facilitators pressing next at once move the show one item, and everyone sees now and next', async () => {
    const c = await circle();
    await ok(c.host, { type: 'show.plan', items: ITEMS, autoAdvance: false });
    await ok(c.host, { type: 'show.advance', fromItemId: null });
    await untilAll([c.co, c.bo], (x) => x.state!.show.currentId === 'arrive');
    const seen = record(c.bo);
    const acks = await Promise.all([c.host.send({ type: 'show.advance', fromItemId: 'arrive' }), c.co.send({ type: 'show.advance', fromItemId: 'arrive' })]);
    expect(acks.map((a) => a.ok)).toEqual([true, true]);
    await untilAll([c.host, c.co, c.ana, c.bo], (x) => x.state!.show.currentId === 'check');
    const stored = (await server.store.events(c.made.id)).filter((e) => e.event.type === 'show.entered');
    expect(stored.map((e) => e.event)).toEqual([
      { type: 'show.entered', itemId: 'arrive', fromItemId: null, endsAt: expect.any(Number) },
      { type: 'show.entered', itemId: 'check', fromItemId: 'arrive', endsAt: expect.any(Number) },
    ]);
    // A later event for everyone: once Bo has it, he had every earlier one too.
    const marker = await ok(c.host, { type: 'spotlight.set', agreementId: c.host.state!.agreements[0]!.id });
    await until(c.bo, (x) => x.state!.seq >= marker.seq!);
    expect(shown(seen)).toHaveLength(1);
    // Entering the pulse item started its check for everyone.
    expect(Object.values(c.bo.state!.pulses).map((p) => p.question)).toEqual(['One word for how you arrive']);
    c.close();
  });

  it('a participant never receives another person’s pulse answer or who gave it, and facilitators-only results reach no participant', async () => {
    const c = await circle();
    const seen = { host: record(c.host), co: record(c.co), bo: record(c.bo) };
    const pulseId = (await ok(c.host, { type: 'pulse.open', pulse: { question: 'How full is your cup?', kind: 'scale' } })).id!;
    await until(c.ana, (x) => x.state!.pulses[pulseId]);
    await ok(c.ana, { type: 'pulse.answer', pulseId, answer: '2' });
    await ok(c.ana, { type: 'pulse.answer', pulseId, answer: '4' });
    await untilAll([c.host, c.co], (x) => x.state!.pulses[pulseId]?.tally?.counts['4'] === 1);
    expect(c.host.state!.pulses[pulseId]!.tally).toEqual({ total: 1, counts: { '4': 1 } });
    const marker = await ok(c.host, { type: 'spotlight.set', agreementId: c.host.state!.agreements[0]!.id });
    await until(c.bo, (x) => x.state!.seq >= marker.seq!);
    // Facilitators only: Bo heard of the check, never of an answer or a count.
    expect(seen.bo.filter((e) => e.event.type.startsWith('pulse.')).map((e) => e.event.type)).toEqual(['pulse.opened']);
    expect(c.bo.state!.pulses[pulseId]!.tally).toBeNull();
    expect(c.ana.state!.pulses[pulseId]!.answers).toEqual({ [c.anaId]: '4' });
    for (const [who, events] of Object.entries(seen)) expect(JSON.stringify(events), who).not.toContain(c.anaId);

    await ok(c.host, { type: 'pulse.share', pulseId, results: 'everyone' });
    await until(c.bo, (x) => x.state!.pulses[pulseId]?.tally?.total === 1);
    await ok(c.bo, { type: 'pulse.answer', pulseId, answer: '4' });
    await until(c.ana, (x) => x.state!.pulses[pulseId]?.tally?.total === 2);
    expect(c.ana.state!.pulses[pulseId]!.tally).toEqual({ total: 2, counts: { '4': 2 } });
    expect(c.ana.state!.pulses[pulseId]!.answers).toEqual({ [c.anaId]: '4' });
    for (const [who, events] of Object.entries(seen)) expect(JSON.stringify(events), who).not.toContain(c.anaId);
    c.close();
  });

  it('an answer that does not fit the check is refused with a typed error', async () => {
    const c = await circle();
    const pulseId = (await ok(c.host, { type: 'pulse.open', pulse: { question: 'One word?', kind: 'word' } })).id!;
    await until(c.ana, (x) => x.state!.pulses[pulseId]);
    const ack = await c.ana.send({ type: 'pulse.answer', pulseId, answer: 'more than one' });
    expect(ack.ok ? null : ack.error).toMatchObject({ code: 'bad_request', field: 'answer' });
    c.close();
  });
});

describe('run of show across a restart', () => {
  it('an item set to move on by itself does so after the server starts again', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    // A "second" of 10 ms: a one-minute item lasts 600 ms.
    const env = { DATA_DIR: dir.path, ROUND_SECOND_MS: '10' };
    let first: Awaited<ReturnType<typeof startTestServer>> | null = await startTestServer(env);
    const { made, host } = await openConvening(first.url);
    await ok(host, { type: 'show.plan', items: [{ id: 'a', kind: 'welcome', title: 'Arriving', minutes: 1 }, { id: 'b', kind: 'closing', title: 'Closing', minutes: 30 }], autoAdvance: true });
    await ok(host, { type: 'show.advance', fromItemId: null });
    host.close();
    await first.close();
    first = null;
    const second = await startTestServer(env);
    try {
      const again = await joinAs(second.url, made.joinCode, 'Ana');
      await until(again.client, (x) => x.state!.show.currentId === 'b', 20_000);
      const entered = (await second.store.events(made.id)).filter((e) => e.event.type === 'show.entered');
      expect(entered.map((e) => (e.event.type === 'show.entered' ? e.event.itemId : null))).toEqual(['a', 'b']);
      again.client.close();
    } finally {
      await second.close();
      dir.remove();
    }
  });
});
