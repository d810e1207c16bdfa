import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyFromRooms, planBreakouts } from '../../src/breakouts/index.ts';
import type { EngineParticipant, PairHistory, Plan, RoomSpec } from '../../src/breakouts/index.ts';
import { bruteForceHasZero, expectEveryoneOnce, historyArb, ids, roomIndex, seedArb, sizeSpread } from './helpers.ts';

const specArb = (n: number): fc.Arbitrary<RoomSpec> =>
  fc.oneof(
    fc.record({ by: fc.constant('count' as const), rooms: fc.integer({ min: 1, max: Math.max(1, n + 3) }) }),
    fc.record({ by: fc.constant('size' as const), size: fc.integer({ min: 2, max: 12 }) }),
  );

const caseArb = fc.integer({ min: 0, max: 70 }).chain((n) => {
  const list = ids(n);
  return fc.record({
    people: fc.constant(list.map((id): EngineParticipant => ({ id }))),
    spec: specArb(n),
    kind: fc.constantFrom('random' as const, 'mix' as const),
    history: historyArb(list),
    seed: seedArb,
  });
});

/** Runs rounds of `mix`, feeding each plan back as history. Returns repeats per round. */
function runRounds(people: EngineParticipant[], spec: RoomSpec, rounds: number, seed: number, kind: 'mix' | 'random' = 'mix') {
  let history: string[][] = [];
  const repeats: number[] = [];
  const plans: Plan[] = [];
  for (let round = 0; round < rounds; round++) {
    const plan = planBreakouts({ participants: people, history, strategy: { kind, ...spec }, seed: seed + round });
    repeats.push(plan.explanation.repeatPairs);
    plans.push(plan);
    history = [...history, ...historyFromRooms(plan.rooms)];
  }
  return { repeats, plans, history };
}

describe('random and mix: invariants', () => {
  it('places everyone exactly once in rooms whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(caseArb, ({ people, spec, kind, history, seed }) => {
        const plan = planBreakouts({ participants: people, history, strategy: { kind, ...spec }, seed });
        expectEveryoneOnce(plan, people);
        expect(plan.plenary).toEqual([]);
        expect(sizeSpread(plan.rooms)).toBeLessThanOrEqual(1);
        expect(plan.explanation.sizes).toEqual(plan.rooms.map((r) => r.members.length));
        if (people.length >= 2) expect(Math.min(...plan.explanation.sizes)).toBeGreaterThanOrEqual(2);
        if (spec.by === 'count' && spec.rooms * 2 <= people.length) expect(plan.rooms.length).toBe(spec.rooms);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('is deterministic: the same seed gives the same plan', () => {
    fc.assert(
      fc.property(caseArb, ({ people, spec, kind, history, seed }) => {
        const input = { participants: people, history, strategy: { kind, ...spec }, seed };
        expect(planBreakouts(input)).toEqual(planBreakouts(structuredClone(input)));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('honours keepTogether, keepApart and one facilitator per room whenever they can be met', () => {
    // Constraints are read off a hidden valid plan, so a plan meeting all of them exists.
    const arb = fc
      .record({ n: fc.integer({ min: 4, max: 60 }), roomsWanted: fc.integer({ min: 2, max: 12 }), seed: seedArb })
      .chain(({ n, roomsWanted, seed }) => {
        const k = Math.min(roomsWanted, Math.floor(n / 2));
        return fc.record({
          n: fc.constant(n),
          k: fc.constant(k),
          seed: fc.constant(seed),
          order: fc.shuffledSubarray(ids(n), { minLength: n, maxLength: n }),
          facRooms: fc.uniqueArray(fc.integer({ min: 0, max: k - 1 }), { maxLength: k }),
          together: fc.array(fc.record({ room: fc.nat(k - 1), take: fc.integer({ min: 2, max: 6 }) }), { maxLength: 5 }),
          apart: fc.array(fc.uniqueArray(fc.nat(k - 1), { minLength: 2, maxLength: Math.min(k, 4) }), { maxLength: 4 }),
          kind: fc.constantFrom('random' as const, 'mix' as const),
        });
      });
    fc.assert(
      fc.property(arb, ({ n, k, seed, order, facRooms, together, apart, kind }) => {
        const hidden = Array.from({ length: k }, (_, r) => order.filter((_, i) => i % k === r));
        const facs = new Set(facRooms.map((r) => hidden[r]![0]!));
        const keepTogether = together.map(({ room, take }) => hidden[room]!.slice(0, take)).filter((g) => g.length >= 2);
        const used = new Set<string>(keepTogether.flat());
        const keepApart = apart.map((rooms, g) => rooms.map((r) => hidden[r]!.at(-1 - (g % 2))!)).filter((g) => g.every((id) => !used.has(id)));
        const people = ids(n).map((id): EngineParticipant => ({ id, isFacilitator: facs.has(id) }));
        const plan = planBreakouts({
          participants: people,
          history: [],
          strategy: { kind, by: 'count', rooms: k },
          constraints: { keepTogether, keepApart, onePerRoom: 'facilitators' },
          seed,
        });
        expectEveryoneOnce(plan, people);
        expect(plan.explanation.unsatisfied).toEqual([]);
        const at = roomIndex(plan);
        for (const group of keepTogether) expect(new Set(group.map((id) => at.get(id))).size).toBe(1);
        for (const group of keepApart) expect(new Set(group.map((id) => at.get(id))).size).toBe(group.length);
        for (const room of plan.rooms) expect(room.members.filter((id) => facs.has(id)).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 120 },
    );
  });

  it('spreads facilitators evenly: each room gets floor(F/k) or ceil(F/k)', () => {
    const arb = fc.integer({ min: 2, max: 80 }).chain((n) =>
      fc.record({
        flags: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        rooms: fc.integer({ min: 1, max: Math.floor(n / 2) }),
        kind: fc.constantFrom('random' as const, 'mix' as const),
        seed: seedArb,
      }),
    );
    fc.assert(
      fc.property(arb, ({ flags, rooms, kind, seed }) => {
        const people = flags.map((f, i): EngineParticipant => ({ id: `f${i}`, isFacilitator: f }));
        const plan = planBreakouts({
          participants: people,
          history: [],
          strategy: { kind, by: 'count', rooms },
          constraints: { onePerRoom: 'facilitators' },
          seed,
        });
        const total = flags.filter(Boolean).length;
        const isFac = new Set(people.filter((p) => p.isFacilitator).map((p) => p.id));
        for (const room of plan.rooms) {
          const count = room.members.filter((id) => isFac.has(id)).length;
          expect(count).toBeGreaterThanOrEqual(Math.floor(total / rooms));
          expect(count).toBeLessThanOrEqual(Math.ceil(total / rooms));
        }
      }),
      { numRuns: 120 },
    );
  });

  it('mix finds a repeat-free plan whenever one exists (checked exhaustively for up to 9 people)', () => {
    const arb = fc.integer({ min: 4, max: 9 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        rooms: fc.integer({ min: 2, max: Math.min(4, Math.floor(n / 2)) }),
        history: historyArb(ids(n), 6),
        seed: seedArb,
      }),
    );
    fc.assert(
      fc.property(arb, ({ n, rooms, history, seed }) => {
        const people = ids(n).map((id) => ({ id }));
        const plan = planBreakouts({ participants: people, history, strategy: { kind: 'mix', by: 'count', rooms }, seed });
        const possible = bruteForceHasZero(ids(n), plan.explanation.sizes, history);
        expect(plan.explanation.repeatPairs === 0).toBe(possible);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('mix: known repeat-free schedules', () => {
  const nine = ids(9).map((id) => ({ id }));
  const eight = ids(8).map((id) => ({ id }));

  it('9 people in 3 groups of 3 over 4 rounds (Kirkman-style) never repeat a pair', () => {
    for (const seed of [1, 2, 3, 42, 2024, 99_999]) {
      const { repeats, history } = runRounds(nine, { by: 'count', rooms: 3 }, 4, seed);
      expect(repeats).toEqual([0, 0, 0, 0]);
      // Four rounds of three triples cover all 36 pairs exactly once.
      const pairs = new Set(history.flatMap((room) => room.flatMap((a) => room.filter((b) => a < b).map((b) => `${a}|${b}`))));
      expect(pairs.size).toBe(36);
    }
  });

  it('8 people in pairs: 5 rounds always repeat-free; later rounds whenever possible', () => {
    for (const seed of [1, 7, 13, 21, 1000]) {
      const { repeats, plans } = runRounds(eight, { by: 'size', size: 2 }, 7, seed);
      expect(repeats.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
      for (let round = 5; round < 7; round++) {
        const before = historyFromRoundPlans(plans.slice(0, round));
        if (bruteForceHasZero(ids(8), [2, 2, 2, 2], before)) expect(repeats[round]).toBe(0);
      }
    }
  });

  it('completes the affine plane of order 4: 16 people, 4 known rounds, the 5th is found', () => {
    const classes = affinePlaneOrder4();
    const people = ids(16).map((id) => ({ id }));
    const history: PairHistory = classes.slice(0, 4).flat().map((line) => line.map((p) => ids(16)[p]!));
    const plan = planBreakouts({ participants: people, history, strategy: { kind: 'mix', by: 'size', size: 4 }, seed: 5 });
    expect(plan.explanation.repeatPairs).toBe(0);
    const expected = classes[4]!.map((line) => line.map((p) => ids(16)[p]!).sort().join(',')).sort();
    expect(plan.rooms.map((r) => [...r.members].sort().join(',')).sort()).toEqual(expected);
  });
});

function historyFromRoundPlans(plans: Plan[]): string[][] {
  return plans.flatMap((plan) => historyFromRooms(plan.rooms));
}

/** The five parallel classes of AG(2,4): lines y = m·x + b over GF(4), plus verticals. */
function affinePlaneOrder4(): number[][][] {
  const mul = (a: number, b: number): number => {
    let result = 0;
    for (let x = a, y = b; y > 0; y >>= 1) {
      if (y & 1) result ^= x;
      x <<= 1;
      if (x & 4) x ^= 0b111;
    }
    return result;
  };
  const point = (x: number, y: number): number => x * 4 + y;
  const classes: number[][][] = [];
  for (let m = 0; m < 4; m++) {
    classes.push([0, 1, 2, 3].map((b) => [0, 1, 2, 3].map((x) => point(x, mul(m, x) ^ b))));
  }
  classes.push([0, 1, 2, 3].map((x) => [0, 1, 2, 3].map((y) => point(x, y))));
  return classes;
}
