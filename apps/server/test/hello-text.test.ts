// The cached snapshot hello (shared part serialised once per sequence number, the
// reader's own part per connection) must say exactly what the uncached one says, to every
// kind of reader: facilitators, a participant in a caucus, one outside it, the sender of
// an anonymous signal, across a run of events (property-style, bounded).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Command, type RoundSpec } from '@brave/protocol';
import { foldAll, viewFor, type Viewer } from '@brave/core';
import { HOST, Sim } from '../../../packages/core/test/fixture.ts';
import { SnapshotText } from '../src/convening/hello-text.ts';

const CAUCUSES = ['person of color', 'white'];
const caucus: RoundSpec = { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } };
const pairs: RoundSpec = { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'mix', spec: { by: 'size', size: 2 } } };

const words = fc.constantFrom('Ouch.', 'That landed hard.', 'Please pause.');
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('ouch' as const, 'whoops' as const),
    visibility: fc.constantFrom('named' as const, 'anonymous_to_room' as const, 'anonymous' as const),
    explanation: words,
  }).map((r): Command => ({ type: 'signal.raise', ...r })),
  fc.boolean().map((anonymous): Command => ({ type: 'reminder.request', agreementId: 'missing', anonymous })),
  fc.constantFrom<Command>({ type: 'affinity.answer', answer: 'person of color' }, { type: 'affinity.answer', answer: 'white' }, { type: 'affinity.answer', answer: null }),
  fc.constantFrom<Command>({ type: 'round.open', seed: 3, spec: caucus }, { type: 'round.open', seed: 5, spec: pairs }, { type: 'round.close' }),
  fc.constantFrom<Command>({ type: 'hand.raise' }, { type: 'spotlight.clear' }),
  fc.constantFrom<Command>(
    { type: 'pulse.open', pulse: { question: 'How are you arriving?', kind: 'word', anonymous: true, results: 'facilitators' } },
    { type: 'pulse.answer', pulseId: 'missing', answer: 'hopeful' },
  ),
);
const step = fc.record({ actor: fc.nat(), command, late: fc.boolean() });

const viewers = (sim: Sim): Viewer[] => Object.values(sim.full.participants).map((p) => ({ participantId: p.id, role: p.role }));

function uncached(sim: Sim, v: Viewer) {
  const self = { participantId: v.participantId, role: v.role, conveningId: sim.full.id };
  return { mode: 'snapshot', protocolVersion: PROTOCOL_VERSION, self, snapshot: viewFor(sim.full, v) };
}

function expectSame(cache: SnapshotText, sim: Sim): void {
  for (const v of viewers(sim)) {
    const expected = uncached(sim, v);
    expect(JSON.parse(cache.of(sim.full, v, expected.self)), `${v.participantId} at seq ${sim.full.seq}`).toEqual(expected);
  }
}

describe('cached snapshot hello', () => {
  it('equals the uncached hello for every reader after every event', () => {
    // Bounded: 25 runs of up to 30 events, every reader compared after each.
    fc.assert(
      fc.property(fc.array(step, { minLength: 3, maxLength: 30 }), (steps) => {
        const sim = new Sim();
        sim.ok(HOST, { type: 'caucus.options.set', options: CAUCUSES });
        sim.join('Co', 'cofacilitator');
        const [ana, bo] = ['Ana', 'Bo', 'Cy', 'Di'].map((name) => sim.join(name));
        // Two caucuses from the start, so an opened caucus round has members and outsiders.
        sim.ok(ana!, { type: 'affinity.answer', answer: 'person of color' });
        sim.ok(bo!, { type: 'affinity.answer', answer: 'white' });
        const cache = new SnapshotText();
        let late = 0;
        expectSame(cache, sim);
        for (const s of steps) {
          if (s.late && sim.full.status === 'open') sim.join(`Late${++late}`);
          const list = viewers(sim);
          const actor = list[s.actor % list.length]!;
          // Pulse answers name the pulse that is open, when there is one.
          const open = Object.values(sim.full.pulses).find((p) => p.status === 'open');
          const c = s.command.type === 'pulse.answer' && open ? { ...s.command, pulseId: open.id } : s.command;
          sim.run(actor, c);
          expectSame(cache, sim);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('is rebuilt when the state is refolded at the same sequence number (a rewrite)', () => {
    const sim = new Sim();
    sim.join('Ana');
    const cache = new SnapshotText();
    expectSame(cache, sim);
    // A rewrite (retention) refolds the log into a new state object with the same seq.
    const renamed = sim.sent.map((s) => structuredClone(s.logged));
    for (const l of renamed) if (l.event.type === 'participant.joined' && l.event.participantId === 'p_ana') l.event.name = 'Ana R.';
    sim.full = foldAll(sim.full.id, renamed);
    expectSame(cache, sim);
    expect(cache.of(sim.full, HOST, uncached(sim, HOST).self)).toContain('Ana R.');
  });

  it('never carries an anonymous sender in the part everyone shares', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    sim.join('Bo');
    sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'That landed hard.' });
    const cache = new SnapshotText();
    const bo = JSON.parse(cache.of(sim.full, { participantId: 'p_bo', role: 'participant' }, { participantId: 'p_bo', role: 'participant', conveningId: sim.full.id })) as { snapshot: { signals: object; notices: { by: string | null }[] } };
    expect(bo.snapshot.signals).toEqual({});
    expect(bo.snapshot.notices.map((n) => n.by)).toEqual([null]);
    const host = JSON.parse(cache.of(sim.full, HOST, uncached(sim, HOST).self)) as { snapshot: { signals: Record<string, { by: string | null }> } };
    expect(Object.values(host.snapshot.signals).map((s) => s.by)).toEqual([null]);
  });
});
