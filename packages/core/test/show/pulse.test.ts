import { describe, expect, it } from 'vitest';
import type { Command, PulseSpec } from '@brave/protocol';
import { normaliseAnswer, tallyOf, topWords } from '../../src/index.ts';
import { HOST, Sim } from '../fixture.ts';

function open(sim: Sim, pulse: PulseSpec): string {
  return sim.ok(HOST, { type: 'pulse.open', pulse })!;
}
const answer = (pulseId: string, a: string): Command => ({ type: 'pulse.answer', pulseId, answer: a });

describe('pulse checks', () => {
  it('count one answer per person, changeable, and the folded tally equals a recount', () => {
    const sim = new Sim();
    const [ana, bo] = [sim.join('Ana'), sim.join('Bo')];
    const id = open(sim, { question: 'How are you arriving?', kind: 'scale' });
    sim.ok(ana, answer(id, '4'));
    sim.ok(bo, answer(id, '2'));
    sim.ok(ana, answer(id, '5'));
    sim.ok(ana, answer(id, '5'));
    expect(sim.full.pulses[id]!.tally).toEqual({ total: 2, counts: { '5': 1, '2': 1 } });
    expect(sim.full.pulses[id]!.tally).toEqual(tallyOf(sim.full.pulses[id]!));
  });

  it('an anonymous check sends nobody but its author who answered what, facilitators included', () => {
    const sim = new Sim();
    const co = sim.join('Co', 'cofacilitator');
    const [ana, bo] = [sim.join('Ana'), sim.join('Bo')];
    const id = open(sim, { question: 'One word for today', kind: 'word', results: 'everyone' });
    const from = sim.full.seq;
    sim.ok(ana, answer(id, 'Hopeful'));
    for (const reader of [HOST, co, bo]) {
      const got = sim.receivedBy(reader, from);
      expect(JSON.stringify(got)).not.toContain(ana.participantId);
      expect(got.map((e) => e.event)).toEqual([{ type: 'pulse.tallied', pulseId: id, answer: 'hopeful', previous: null }]);
      expect(sim.snapshotFor(reader).pulses[id]!.answers).toEqual({});
      expect(sim.snapshotFor(reader).pulses[id]!.tally).toEqual({ total: 1, counts: { hopeful: 1 } });
    }
    expect(sim.snapshotFor(ana).pulses[id]!.answers).toEqual({ [ana.participantId]: 'hopeful' });
  });

  it('results for facilitators only reach no participant until shared, then reach everyone', () => {
    const sim = new Sim();
    const [ana, bo] = [sim.join('Ana'), sim.join('Bo')];
    const id = open(sim, { question: 'Ready to move on?', kind: 'choice', options: ['Yes', 'Not yet'] });
    const from = sim.full.seq;
    sim.ok(ana, answer(id, 'Not yet'));
    expect(sim.receivedBy(bo, from)).toEqual([]);
    expect(sim.snapshotFor(bo).pulses[id]!.tally).toBeNull();
    expect(sim.snapshotFor(ana).pulses[id]!.tally).toBeNull();
    expect(sim.snapshotFor(HOST).pulses[id]!.tally).toEqual({ total: 1, counts: { 'Not yet': 1 } });
    sim.ok(HOST, { type: 'pulse.share', pulseId: id, results: 'everyone' });
    expect(sim.foldedBy(bo).pulses[id]!.tally).toEqual({ total: 1, counts: { 'Not yet': 1 } });
  });

  it('a named check shows facilitators who answered what, and still not the other participants', () => {
    const sim = new Sim();
    const [ana, bo] = [sim.join('Ana'), sim.join('Bo')];
    const id = open(sim, { question: 'Staying for the second half?', kind: 'choice', options: ['Yes', 'No'], anonymous: false, results: 'everyone' });
    sim.ok(ana, answer(id, 'Yes'));
    expect(sim.snapshotFor(HOST).pulses[id]!.answers).toEqual({ [ana.participantId]: 'Yes' });
    expect(sim.snapshotFor(bo).pulses[id]!.answers).toEqual({});
    expect(JSON.stringify(sim.receivedBy(bo))).not.toContain(`"participantId":"${ana.participantId}","answer"`);
  });

  it('refuses answers that do not fit, after closing, and too many changes in a minute', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const scale = open(sim, { question: 'How is your energy?', kind: 'scale' });
    const code = (c: Command) => {
      const d = sim.run(ana, c);
      return d.ok ? 'ok' : d.error.code;
    };
    expect(code(answer(scale, '6'))).toBe('bad_request');
    for (const a of ['1', '2', '3', '4', '5', '1']) expect(code(answer(scale, a))).toBe('ok');
    expect(code(answer(scale, '2'))).toBe('rate_limited');
    sim.tick(60_000);
    expect(code(answer(scale, '2'))).toBe('ok');
    sim.ok(HOST, { type: 'pulse.close', pulseId: scale });
    expect(code(answer(scale, '3'))).toBe('conflict');
    expect(code(answer('nope', '3'))).toBe('not_found');
  });

  it('takes one word, lower-cased, and nothing longer or spaced', () => {
    const word = { kind: 'word' as const, options: [] };
    expect(normaliseAnswer(word, ' Grounded ')).toEqual({ ok: true, answer: 'grounded' });
    expect(normaliseAnswer(word, 'two words').ok).toBe(false);
    expect(normaliseAnswer(word, 'x'.repeat(25)).ok).toBe(false);
    expect(normaliseAnswer(word, '<b>').ok).toBe(false);
    expect(topWords({ total: 4, counts: { tired: 1, hope: 2, calm: 1 } }, 2)).toEqual([['hope', 2], ['calm', 1]]);
  });
});
