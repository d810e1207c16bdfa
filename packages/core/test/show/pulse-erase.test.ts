import { describe, expect, it } from 'vitest';
import type { ConveningView, DomainEvent, LoggedEvent } from '@brave/protocol';
import { deliveries, emptyState, redactForRetention, reduce, withoutAnonymousAuthors } from '../../src/index.ts';
import { HOST, Sim } from '../fixture.ts';

/** A convening with an anonymous and a named check, both answered (Ana changed her mind once). */
function answered() {
  const sim = new Sim();
  const [ana, bo] = [sim.join('Ana'), sim.join('Bo')];
  const quiet = sim.ok(HOST, { type: 'pulse.open', pulse: { question: 'How is your energy?', kind: 'scale' } })!;
  const named = sim.ok(HOST, { type: 'pulse.open', pulse: { question: 'Ready to move on?', kind: 'choice', options: ['Yes', 'Not yet'], anonymous: false } })!;
  for (const [who, pulseId, answer] of [[ana, quiet, '2'], [bo, quiet, '4'], [ana, quiet, '3'], [ana, named, 'Yes'], [bo, named, 'Not yet']] as const) {
    sim.ok(who, { type: 'pulse.answer', pulseId, answer });
  }
  sim.ok(HOST, { type: 'convening.close' });
  return { sim, ana, bo, quiet, named };
}

const refold = (log: LoggedEvent[], fn: (e: DomainEvent) => DomainEvent): ConveningView =>
  log.reduce<ConveningView>((s, e) => reduce(s, { ...e, event: fn(e.event) }), emptyState('c_test'));
const answersIn = (log: LoggedEvent[]) => log.map((e) => e.event).filter((e) => e.type === 'pulse.answered');

describe('pulse answers after the convening', () => {
  it('an anonymous check forgets who answered at close; its counts stay the same', () => {
    const { sim, ana, bo, quiet, named } = answered();
    const log = sim.sent.map((s) => s.logged);
    const erase = withoutAnonymousAuthors(sim.full.pulses);
    const after = refold(log, erase);

    const stored = answersIn(log.map((e) => ({ ...e, event: erase(e.event) })));
    expect(stored.filter((e) => e.pulseId === quiet).map((e) => e.participantId)).toEqual([null, null, null]);
    expect(JSON.stringify(stored.filter((e) => e.pulseId === quiet))).not.toMatch(new RegExp(`${ana.participantId}|${bo.participantId}`));
    expect(after.pulses[quiet]!.tally).toEqual(sim.full.pulses[quiet]!.tally);
    expect(after.pulses[quiet]!.tally).toEqual({ total: 2, counts: { '3': 1, '4': 1 } });
    expect(after.pulses[quiet]!.answers).toEqual({});

    // A named check keeps its names until retention says signal details go.
    expect(after.pulses[named]!.answers).toEqual({ [ana.participantId]: 'Yes', [bo.participantId]: 'Not yet' });
    expect(erase(erase(log.at(-1)!.event))).toEqual(erase(log.at(-1)!.event));
  });

  it('retention forgets who answered every check, named ones too, and keeps the counts', () => {
    const { sim, named, quiet } = answered();
    const log = sim.sent.map((s) => s.logged);
    const after = refold(log, redactForRetention);
    expect(answersIn(log.map((e) => ({ ...e, event: redactForRetention(e.event) }))).every((e) => e.participantId === null)).toBe(true);
    expect(after.pulses[named]!.answers).toEqual({});
    expect(after.pulses[named]!.tally).toEqual({ total: 2, counts: { Yes: 1, 'Not yet': 1 } });
    expect(after.pulses[quiet]!.tally).toEqual(sim.full.pulses[quiet]!.tally);
  });

  it('an erased answer replayed to a late reader names nobody and is sent to no one as theirs', () => {
    const { sim, quiet } = answered();
    const state = refold(sim.sent.map((s) => s.logged), withoutAnonymousAuthors(sim.full.pulses));
    const erased: DomainEvent = { type: 'pulse.answered', pulseId: quiet, participantId: null, answer: '3', previous: null, shown: 'facilitators' };
    const out = deliveries(erased, state);
    expect(out.map((d) => d.audience.to)).toEqual(['facilitators']);
    expect(out[0]!.event).toEqual({ type: 'pulse.tallied', pulseId: quiet, answer: '3', previous: null });
  });
});
