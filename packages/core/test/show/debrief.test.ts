import { describe, expect, it } from 'vitest';
import { conveningReport, debrief, reportMarkdown } from '../../src/index.ts';
import { HOST, Sim } from '../fixture.ts';

const MIN = 60_000;

/** A small convening: a two-item show, two checks, hands in the main room, a caucus round and an open round. */
function convening() {
  const sim = new Sim();
  const [ana, bo, cy, dee] = ['Ana', 'Bo', 'Cy', 'Dee'].map((n) => sim.join(n)) as [ReturnType<Sim['join']>, ReturnType<Sim['join']>, ReturnType<Sim['join']>, ReturnType<Sim['join']>];
  sim.ok(HOST, {
    type: 'show.plan',
    autoAdvance: false,
    items: [
      { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 5 },
      { id: 'words', kind: 'pulse', title: 'One word', minutes: 3, pulse: { question: 'One word for today?', kind: 'word', results: 'everyone' } },
    ],
  });
  sim.ok(HOST, { type: 'show.advance', fromItemId: null });
  sim.tick(7 * MIN);
  sim.ok(HOST, { type: 'show.advance', fromItemId: 'welcome' });
  for (const [who, word] of [[ana, 'Hopeful '], [bo, 'tired'], [cy, 'hopeful']] as const) sim.ok(who, { type: 'pulse.answer', pulseId: 'show_words', answer: word });
  const energy = sim.ok(HOST, { type: 'pulse.open', pulse: { question: 'Energy?', kind: 'scale', anonymous: false } })!;
  sim.ok(ana, { type: 'pulse.answer', pulseId: energy, answer: '2' });
  sim.ok(dee, { type: 'pulse.answer', pulseId: energy, answer: '5' });
  sim.tick(2 * MIN);
  sim.ok(HOST, { type: 'show.advance', fromItemId: 'words' });

  sim.ok(ana, { type: 'hand.raise' });
  sim.ok(bo, { type: 'hand.raise' });
  sim.ok(HOST, { type: 'floor.call', scope: 'plenary' });
  sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'It stung when that was said' });

  sim.ok(ana, { type: 'affinity.answer', answer: 'person of color' });
  sim.ok(bo, { type: 'affinity.answer', answer: 'person of color' });
  sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
  sim.ok(ana, { type: 'hand.raise' });
  sim.ok(bo, { type: 'hand.raise' });
  sim.ok(HOST, { type: 'round.close' });
  sim.ok(HOST, { type: 'round.open', seed: 2, spec: { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'random', spec: { by: 'count', rooms: 2 } } } });
  sim.ok(cy, { type: 'hand.raise' });
  sim.ok(HOST, { type: 'round.close' });
  sim.ok(HOST, { type: 'convening.close' });
  return { sim, people: [ana, bo, cy, dee] };
}

const log = (sim: Sim) => sim.sent.map((s) => s.logged);

describe('debrief', () => {
  it('draws the run of show planned against actual, from the moment the first item began', () => {
    const { sim } = convening();
    expect(debrief(sim.full, HOST, log(sim)).show).toEqual([
      { title: 'Welcome', kind: 'welcome', plannedMinutes: 5, plannedStartMs: 0, actualStartMs: 0, actualMs: 7 * MIN, running: false, extendedMinutes: 0 },
      { title: 'One word', kind: 'pulse', plannedMinutes: 3, plannedStartMs: 5 * MIN, actualStartMs: 7 * MIN, actualMs: 2 * MIN, running: false, extendedMinutes: 0 },
    ]);
  });

  it('counts pulse answers without names, words met across case and spaces; too few answers keep only the total', () => {
    const { sim, people } = convening();
    const d = debrief(sim.full, HOST, log(sim));
    expect(d.pulses).toEqual([
      { question: 'One word for today?', kind: 'word', anonymous: true, total: 3, counts: [{ answer: 'hopeful', count: 2 }, { answer: 'tired', count: 1 }] },
      // Named, yet two answers: each of the two could read the other's off a breakdown.
      { question: 'Energy?', kind: 'scale', anonymous: false, total: 2, counts: null },
    ]);
    expect(JSON.stringify(d.pulses)).not.toMatch(new RegExp(people.map((p) => p.participantId).join('|')));
  });

  it('counts hands and turns per room, never per person, and leaves out a caucus the facilitator could not see into', () => {
    const { sim } = convening();
    const hands = debrief(sim.full, HOST, log(sim)).hands;
    expect(hands.find((h) => h.room === null)).toEqual({ room: null, round: null, raises: 2, turns: 1 });
    expect(hands.filter((h) => h.round === 'Caucuses')).toEqual([]);
    const pairs = hands.filter((h) => h.round === 'Pairs');
    expect(pairs).toHaveLength(2);
    expect(pairs.reduce((n, h) => n + h.raises, 0)).toBe(1);
    expect(hands.every((h) => Object.keys(h).sort().join() === 'raises,room,round,turns')).toBe(true);
  });
});

describe('convening report', () => {
  it('names nobody: no sender, no words of a signal, no roster, no per-person count', () => {
    const { sim, people } = convening();
    const report = conveningReport(debrief(sim.full, HOST, log(sim)));
    expect(report.signals).toEqual({ ouch: 1, whoops: 0, followedUp: 0 });
    expect(report.rounds.map((r) => r.rooms.map((room) => Object.keys(room).sort().join()))).toEqual([['kind,name,size'], ['kind,name,size', 'kind,name,size']]);
    const md = reportMarkdown(report);
    for (const text of [JSON.stringify(report), md]) {
      expect(text).not.toMatch(/Ana|Bo\b|Cy\b|Dee|Fran|stung/);
      expect(text).not.toMatch(new RegExp(people.map((p) => p.participantId).join('|')));
    }
  });

  it('reads as a short Markdown page with the timeline, the checks and the hands', () => {
    const { sim } = convening();
    const md = reportMarkdown(conveningReport(debrief(sim.full, HOST, log(sim))));
    expect(md).toContain('# Practice circle');
    expect(md).toContain('| Welcome | 5 min from 0:00 | 7 min from 0:00 |');
    expect(md).toContain('| One word | 3 min from 5:00 | 2 min from 7:00 |');
    expect(md).toContain('- hopeful: 2');
    expect(md).toContain('Fewer than 3 people answered, so the answers are left out');
    expect(md).toContain('| Main room | 2 | 1 |');
    expect(md).toContain('1 ouch, 0 whoops; 0 followed up.');
  });

  it('keeps Markdown characters of facilitators’ titles from turning into markup', () => {
    const sim = new Sim({ title: 'Money | *Narrative*\n# Policy' });
    expect(reportMarkdown(conveningReport(debrief(sim.full, HOST)))).toContain('# Money \\| \\*Narrative\\* \\# Policy\n');
  });
});
