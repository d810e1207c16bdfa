import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening } from '../support/people.ts';

/**
 * Who answered an anonymous pulse check is kept only while the check can still be
 * answered: once the convening closes, the stored log (and who sent each answer) no
 * longer says, while the counts facilitators look back on stay the same.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('pulse answers at close', () => {
  it('an anonymous check loses who answered from the store; a named check keeps its names; the debrief names nobody', async () => {
    const { made, host } = await openConvening(server.url);
    const [ana, bo] = await Promise.all([joinAs(server.url, made.joinCode, 'Ana'), joinAs(server.url, made.joinCode, 'Bo')]);
    const people = [ana.joined.participantId, bo.joined.participantId];
    try {
      const quiet = (await ok(host, { type: 'pulse.open', pulse: { question: 'How is your energy?', kind: 'scale' } })).id!;
      const named = (await ok(host, { type: 'pulse.open', pulse: { question: 'Ready to move on?', kind: 'choice', options: ['Yes', 'Not yet'], anonymous: false } })).id!;
      await ok(ana.client, { type: 'pulse.answer', pulseId: quiet, answer: '2' });
      await ok(bo.client, { type: 'pulse.answer', pulseId: quiet, answer: '5' });
      await ok(ana.client, { type: 'pulse.answer', pulseId: named, answer: 'Yes' });

      const stored = async (pulseId: string) =>
        (await server.store.events(made.id)).filter((e) => e.event.type === 'pulse.answered' && e.event.pulseId === pulseId);
      // While open, the log must know who answered (one answer per person).
      expect((await stored(quiet)).map((e) => e.actor)).toEqual(people);

      await ok(host, { type: 'convening.close' });
      const after = await stored(quiet);
      expect(after).toHaveLength(2);
      expect(after.map((e) => e.actor)).toEqual([null, null]);
      expect(after.map((e) => (e.event.type === 'pulse.answered' ? [e.event.participantId, e.event.answer] : null))).toEqual([[null, '2'], [null, '5']]);
      expect(JSON.stringify(after)).not.toMatch(new RegExp(people.join('|')));
      expect((await stored(named)).map((e) => e.event)).toEqual([expect.objectContaining({ participantId: ana.joined.participantId, answer: 'Yes' })]);

      const res = await fetch(`${server.url}/api/convenings/${made.id}/debrief`, { headers: { authorization: `Bearer ${made.facilitatorToken}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { pulses: unknown[] };
      // Counts only, and with two answers not even those: each could read the other's off them.
      expect(body.pulses).toEqual([
        { question: 'How is your energy?', kind: 'scale', anonymous: true, total: 2, counts: null },
        { question: 'Ready to move on?', kind: 'choice', anonymous: false, total: 1, counts: null },
      ]);
      expect(JSON.stringify(body)).not.toMatch(new RegExp(people.join('|')));
    } finally {
      closeAll(host, ana, bo);
    }
  });
});
