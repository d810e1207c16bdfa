// Property: whatever happens in a convening, every reader who folds the events it was
// sent ends up with exactly the snapshot the server would hand it (same rules, same
// redactions), and nothing it was sent names the sender of an anonymous signal.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, Role, SignalStatus, Visibility } from '@brave/protocol';
import { deliveries, foldAll, inAudience, nextReminderAt, reminderSpotlight, removalEvents, viewFor, type Viewer } from '../src/index.ts';
import { HOST, Sim, withoutSeq } from './fixture.ts';

const CLOCK = { minuteMs: 1_000 };

/** Commands refer to things by index; the index is resolved against the state at run time. */
type Step =
  | { do: 'cmd'; actor: number; make: (sim: Sim) => Command }
  | { do: 'tick'; ms: number }
  | { do: 'reminder' }
  | { do: 'join'; role: Role; affirm: boolean }
  | { do: 'leave'; who: number };

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const agreementId = (sim: Sim, i: number) => pick(sim.full.agreements, i)?.id ?? 'missing';
const signalId = (sim: Sim, i: number) => pick(Object.keys(sim.full.signals), i) ?? 'missing';
const requestId = (sim: Sim, i: number) => pick(Object.keys(sim.full.reminderRequests), i) ?? 'missing';
const inLine = (sim: Sim, i: number) => pick(sim.full.floor.queues.plenary?.order ?? [], i) ?? 'p_nobody';
const pulseId = (sim: Sim, i: number) => pick(Object.keys(sim.full.pulses), i) ?? 'missing';
const words = fc.constantFrom('Ouch.', 'That stung.', 'I misspoke.', 'Please pause.', 'Naming harm here.');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

// Signals are weighted up: they are where the redactions live.
const command: fc.Arbitrary<(sim: Sim) => Command> = fc.oneof(
  fc.constant(() => ({ type: 'agreements.affirm' }) as const),
  fc.array(fc.record({ keep: maybe(fc.nat()), text: words }), { minLength: 1, maxLength: 4 }).map(
    (items) => (sim: Sim) => ({
      type: 'agreements.set' as const,
      agreements: items.map((it) => (it.keep === undefined ? { text: it.text } : { id: agreementId(sim, it.keep), text: it.text })),
    }),
  ),
  fc.nat().map((i) => (sim: Sim) => ({ type: 'spotlight.set' as const, agreementId: agreementId(sim, i) })),
  fc.constant(() => ({ type: 'spotlight.clear' }) as const),
  fc.integer({ min: 1, max: 3 }).map((everyMinutes) => () => ({ type: 'reminders.schedule' as const, everyMinutes })),
  fc.constant(() => ({ type: 'reminders.stop' }) as const),
  w(2, fc.record({ i: fc.nat(), anonymous: maybe(fc.boolean()), note: maybe(words) }).map(({ i, anonymous, note }) => (sim: Sim) => ({
    type: 'reminder.request' as const,
    agreementId: agreementId(sim, i),
    ...(anonymous === undefined ? {} : { anonymous }),
    ...(note === undefined ? {} : { note }),
  }))),
  fc.nat().map((i) => (sim: Sim) => ({ type: 'reminder.resolve' as const, requestId: requestId(sim, i) })),
  w(
    6,
    fc.record({
      kind: fc.constantFrom('ouch' as const, 'whoops' as const),
      visibility: maybe(fc.constantFrom<Visibility>('named', 'anonymous_to_room', 'anonymous')),
      explanation: maybe(words),
      explanationFor: maybe(fc.constantFrom('facilitators' as const, 'room' as const)),
    })
    .map((r) => () => {
      const c: Command = { type: 'signal.raise', kind: r.kind };
      if (r.visibility) c.visibility = r.visibility;
      if (r.explanation) c.explanation = r.explanation;
      if (r.explanationFor !== undefined) c.explanationFor = r.explanationFor;
      return c;
    }),
  ),
  w(2, fc.record({ i: fc.nat(), text: words }).map(({ i, text }) => (sim: Sim) => ({ type: 'signal.explain' as const, signalId: signalId(sim, i), explanation: text }))),
  w(
    3,
    fc
      .record({ i: fc.nat(), status: fc.constantFrom<Exclude<SignalStatus, 'raised'>>('acknowledged', 'addressed', 'parked'), note: maybe(words) })
      .map(({ i, status, note }) => (sim: Sim) => ({ type: 'signal.triage' as const, signalId: signalId(sim, i), status, ...(note ? { note } : {}) })),
  ),
  // The speaking line (silence has its own agreement tests in floor.test.ts).
  w(3, fc.constant(() => ({ type: 'hand.raise' }) as const)),
  fc.constant(() => ({ type: 'hand.lower' }) as const),
  w(2, fc.option(fc.nat(), { nil: undefined }).map((i) => (sim: Sim) => ({ type: 'floor.call' as const, scope: 'plenary', ...(i === undefined ? {} : { participantId: inLine(sim, i) }) }))),
  fc.constant(() => ({ type: 'floor.done' as const, scope: 'plenary' })),
  fc.record({ i: fc.nat(), to: fc.nat(5) }).map(({ i, to }) => (sim: Sim) => ({ type: 'floor.reorder' as const, scope: 'plenary', participantId: inLine(sim, i), toIndex: to })),
  fc.boolean().map((on) => () => ({ type: 'floor.progressive' as const, on })),
  // Pulse checks: answers are as private as anonymous senders, tallies follow who may see results.
  fc.record({ kind: fc.constantFrom('scale' as const, 'word' as const, 'choice' as const), results: maybe(fc.constantFrom('everyone' as const, 'facilitators' as const)), anonymous: maybe(fc.boolean()) })
    .map(({ kind, results, anonymous }) => () => ({
      type: 'pulse.open' as const,
      pulse: { question: 'How are you arriving?', kind, ...(kind === 'choice' ? { options: ['Yes', 'No'] } : {}), ...(results ? { results } : {}), ...(anonymous === undefined ? {} : { anonymous }) },
    })),
  w(4, fc.record({ i: fc.nat(), answer: fc.constantFrom('1', '3', '5', 'Hopeful', 'tired', 'Yes', 'No') }).map(({ i, answer }) => (sim: Sim) => ({ type: 'pulse.answer' as const, pulseId: pulseId(sim, i), answer }))),
  fc.record({ i: fc.nat(), results: fc.constantFrom('everyone' as const, 'facilitators' as const) }).map(({ i, results }) => (sim: Sim) => ({ type: 'pulse.share' as const, pulseId: pulseId(sim, i), results })),
  fc.nat().map((i) => (sim: Sim) => ({ type: 'pulse.close' as const, pulseId: pulseId(sim, i) })),
  // Run of show: a plan whose second item starts a pulse check, moved through from the current item.
  fc.boolean().map((autoAdvance) => () => ({
    type: 'show.plan' as const,
    autoAdvance,
    items: [
      { id: 'arrive', kind: 'welcome' as const, title: 'Arriving', minutes: 1 },
      { id: 'check', kind: 'pulse' as const, title: 'Check-in', minutes: 1, pulse: { question: 'One word?', kind: 'word' as const, results: 'everyone' as const } },
      { id: 'end', kind: 'closing' as const, title: 'Closing', minutes: 1 },
    ],
  })),
  w(2, fc.constant((sim: Sim) => ({ type: 'show.advance' as const, fromItemId: sim.full.show.currentId }))),
  fc.constant((sim: Sim) => ({ type: 'show.extend' as const, itemId: sim.full.show.currentId ?? 'none', minutes: 5 })),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 60, arbitrary: fc.record({ do: fc.constant('cmd' as const), actor: fc.nat(), make: command }) },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 40_000 }) }) },
  { weight: 4, arbitrary: fc.constant({ do: 'reminder' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('join' as const),
      role: fc.constantFrom<Role>('participant', 'participant', 'cofacilitator', 'observer'),
      affirm: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('cmd' as const), actor: fc.constant(0), make: fc.constant(() => ({ type: 'convening.close' }) as const) }) },
  // Someone let out (they left the community): their signals and requests stay behind.
  { weight: 1, arbitrary: fc.record({ do: fc.constant('leave' as const), who: fc.nat() }) },
);

const steps = fc.array(step, { minLength: 5, maxLength: 80, size: 'medium' });

const viewers = (sim: Sim): Viewer[] => Object.values(sim.full.participants).map((p) => ({ participantId: p.id, role: p.role }));

/** Play the steps the way a ConveningRoom would, refusals included. */
function play(steps: Step[]): Sim {
  const sim = new Sim();
  sim.join('Co', 'cofacilitator');
  sim.join('Ana');
  sim.join('Bo');
  let joined = 0;
  for (const s of steps) {
    if (s.do === 'tick') sim.tick(s.ms);
    else if (s.do === 'join') {
      // The server admits nobody once the convening has closed.
      if (sim.full.status === 'open') sim.join(`Late${++joined}`, s.role, s.affirm);
    }
    else if (s.do === 'leave') {
      const others = viewers(sim).filter((v) => v.participantId !== HOST.participantId);
      const who = pick(others, s.who);
      if (who) sim.append(removalEvents(sim.full, who.participantId));
    }
    else if (s.do === 'reminder') {
      const due = nextReminderAt(sim.full, sim.now, CLOCK);
      if (due === null) continue;
      sim.now = due;
      const spotlight = reminderSpotlight(sim.full, due, CLOCK);
      if (spotlight) sim.append([spotlight]);
    } else {
      const actor = viewers(sim)[s.actor % viewers(sim).length]!;
      sim.run(actor, s.make(sim));
    }
  }
  return sim;
}

/** Ids of people who sent anonymous signals, by signal id (from the full state). */
function anonymousSenders(sim: Sim): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of Object.values(sim.full.signals)) if (s.visibility === 'anonymous' && s.by) out.set(s.id, s.by);
  return out;
}

const RUNS = { numRuns: 100 };

describe('every reader’s folded events agree with the snapshot it would be given', () => {
  it('folding from the start equals viewFor of the final state, for every reader', () => {
    fc.assert(
      fc.property(steps, (steps) => {
        const sim = play(steps);
        for (const v of viewers(sim)) {
          const folded = sim.foldedBy(v);
          expect(withoutSeq(folded)).toEqual(withoutSeq(viewFor(sim.full, v)));
          expect(folded.seq).toBeLessThanOrEqual(sim.full.seq);
        }
      }),
      RUNS,
    );
  });

  it('a snapshot taken part-way plus the events after it equals the final snapshot (reconnects, late joins)', () => {
    fc.assert(
      fc.property(steps, fc.nat(), (steps, cutAt) => {
        const sim = play(steps);
        const cut = cutAt % (sim.sent.length + 1);
        const earlier = foldAll('c_test', sim.sent.slice(0, cut).map((s) => structuredClone(s.logged)));
        for (const v of viewers(sim)) {
          const resumed = sim.foldedBy(v, viewFor(earlier, v));
          expect(withoutSeq(resumed)).toEqual(withoutSeq(viewFor(sim.full, v)));
        }
      }),
      RUNS,
    );
  });

  it('a replay computed later (hello after reconnect) sends each reader the same version as the live fan-out', () => {
    fc.assert(
      fc.property(steps, (steps) => {
        const sim = play(steps);
        for (const { logged, deliveries: live } of sim.sent) {
          const later = deliveries(logged.event, sim.full);
          for (const v of viewers(sim)) {
            const a = live.filter((d) => inAudience(d.audience, v)).map((d) => d.event);
            const b = later.filter((d) => inAudience(d.audience, v)).map((d) => d.event);
            expect(b, `${logged.event.type} for ${v.participantId}`).toEqual(a);
            expect(a.length).toBeLessThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it('nothing a facilitator or another participant receives names the sender of an anonymous signal', () => {
    fc.assert(
      fc.property(steps, (steps) => {
        const sim = play(steps);
        const senders = anonymousSenders(sim);
        for (const v of viewers(sim)) {
          for (const { event } of sim.receivedBy(v)) {
            if (!('signalId' in event) || event.type === 'signal.triaged') continue;
            const sender = senders.get(event.signalId);
            if (sender && sender !== v.participantId) expect(JSON.stringify(event)).not.toContain(sender);
          }
          const snap = viewFor(sim.full, v);
          for (const [id, sender] of senders) {
            if (sender === v.participantId) continue;
            expect(snap.signals[id]?.by ?? null).toBeNull();
            expect(snap.notices.find((n) => n.id === id)?.by ?? null).toBeNull();
          }
        }
      }),
      RUNS,
    );
  });
});

it('the host is always part of the generated convenings', () => {
  expect(play([]).full.participants[HOST.participantId]?.role).toBe('facilitator');
});
