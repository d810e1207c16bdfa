import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import type { RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { joinAs, openConvening, until } from '../support/people.ts';

// Agenda rounds started by item: the server plans the later mix rounds with the first.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ PLAN_BUDGET_MS: '200' });
});
afterAll(async () => server.close());

const threes = (name: string): RoundSpec => ({ name, strategy: { kind: 'mix', spec: { by: 'size', size: 3 } }, durationSeconds: 600 });

async function convening(n: number) {
  const { made, host } = await openConvening(server.url);
  const people: LiveClient[] = [];
  for (let i = 0; i < n; i++) people.push((await joinAs(server.url, made.joinCode, `Person ${i}`)).client);
  return { host, people };
}

describe('agenda rounds planned together, over the socket', () => {
  it('tells the facilitator about the whole schedule and opens the rooms it previewed', async () => {
    const { host, people } = await convening(9);
    const agenda = [threes('Threes 1'), threes('Threes 2'), threes('Threes 3'), threes('Threes 4')];
    expect((await host.send({ type: 'agenda.set', agenda })).ok).toBe(true);
    await until(host, (c) => c.state?.agenda.length === 4 || undefined);

    const previewed = await host.send({ type: 'round.preview', spec: agenda[0]!, seed: 21, agendaItem: 0 });
    if (!previewed.ok || !previewed.preview) throw new Error(JSON.stringify(previewed));
    const preview = previewed.preview;
    expect(preview.together).toMatchObject({ rounds: 4, budgetMs: 200 });
    expect(preview.together!.repeatPairs).toBeLessThanOrEqual(preview.together!.roundByRoundRepeatPairs);
    expect(typeof preview.together!.tookMs).toBe('number');
    expect(preview.lines[0]).toMatch(/^Planned 4 rounds of the agenda together in \d+\.\d s \(search budget 0\.2 s\): /);

    const opened = await host.send({ type: 'round.open', spec: agenda[0]!, seed: 21, agendaItem: 0 });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    expect(opened.preview?.rooms.map((r) => r.members)).toEqual(preview.rooms.map((r) => r.members));
    for (const p of people) {
      const room = await until(p, (c) => {
        const round = c.state?.activeRoundId ? c.state.rounds[c.state.activeRoundId] : undefined;
        return round && Object.values(round.rooms).find((r) => r.members.includes(c.self!.participantId));
      });
      expect(room.members).toHaveLength(3);
    }
  });

  it('refuses an agenda item out of range, and the preview to a participant', async () => {
    const { host, people } = await convening(3);
    const tooFar = await host.send({ type: 'round.preview', spec: threes('Threes'), agendaItem: 20 });
    expect(tooFar).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const participant = await people[0]!.send({ type: 'round.preview', spec: threes('Threes'), agendaItem: 0 });
    expect(participant).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
