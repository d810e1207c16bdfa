import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRepeatPairs, historyFromRooms, planSchedule, PlanError } from '../../src/breakouts/index.ts';
import type { Constraints, EngineParticipant, Plan, RoomSpec, ScheduleInput } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, historyArb, ids, seedArb } from './helpers.ts';

const people = (n: number): EngineParticipant[] => ids(n, 'g').map((id) => ({ id }));
const rounds = (count: number, size: number): RoomSpec[] => Array.from({ length: count }, () => ({ by: 'size', size }));
const sizes = (plan: Plan): number[] => plan.rooms.map((r) => r.members.length);
const unmet = (plans: readonly Plan[]): number => plans.reduce((sum, p) => sum + p.explanation.unsatisfied.length, 0);

/** Repeat pairs counted from scratch: each round against history and the rounds before it. */
function recount(input: ScheduleInput, plans: readonly Plan[]): number {
  let history = input.history.map((room) => [...room]);
  let total = 0;
  for (const plan of plans) {
    total += countRepeatPairs(plan.rooms, history);
    history = [...history, ...historyFromRooms(plan.rooms)];
  }
  return total;
}

describe('planning several mix rounds together', () => {
  it("seats Kirkman's 15 people in threes for 7 rounds with nobody meeting twice", () => {
    const input: ScheduleInput = { participants: people(15), history: [], rounds: rounds(7, 3), seed: 4, budget: 20_000_000 };
    const schedule = planSchedule(input);
    expect(schedule.repeatPairs).toBe(0);
    expect(recount(input, schedule.plans)).toBe(0);
    for (const plan of schedule.plans) {
      expectEveryoneOnce(plan, input.participants);
      expect(sizes(plan)).toEqual([3, 3, 3, 3, 3]);
      expect(plan.explanation.lines).toContain('Nobody shares a room with someone they met before.');
    }
  }, 30_000);

  it('with no budget, gives exactly the round-by-round plan', () => {
    const input: ScheduleInput = { participants: people(12), history: [], rounds: rounds(4, 3), seed: 9, budget: 0 };
    const schedule = planSchedule(input);
    expect(schedule.improved).toBe(false);
    expect(schedule.work).toBe(0);
    expect(schedule.plans).toEqual(schedule.roundByRound.plans);
  });

  it('refuses an empty or oversized schedule and a negative budget with a PlanError', () => {
    const base = { participants: people(6), history: [], seed: 1, budget: 1000 };
    expect(() => planSchedule({ ...base, rounds: [] })).toThrow(PlanError);
    expect(() => planSchedule({ ...base, rounds: rounds(21, 2) })).toThrow(PlanError);
    expect(() => planSchedule({ ...base, rounds: rounds(2, 2), budget: -1 })).toThrow(PlanError);
    expect(() => planSchedule({ ...base, rounds: [{ by: 'size', size: 1 }] })).toThrow(PlanError);
  });

  it('keeps facilitators one per room in every round when asked', () => {
    const participants = people(16).map((p, i) => ({ ...p, isFacilitator: i < 4 }));
    const schedule = planSchedule({ participants, history: [], rounds: rounds(5, 4), constraints: { onePerRoom: 'facilitators' }, seed: 2, budget: 5_000_000 });
    for (const plan of schedule.plans) {
      for (const room of plan.rooms) expect(room.members.filter((id) => participants.find((p) => p.id === id)!.isFacilitator).length).toBe(1);
    }
    expect(schedule.repeatPairs).toBeLessThanOrEqual(schedule.roundByRound.repeatPairs);
  }, 30_000);
});

/** Small rosters, 2–5 rounds, random history, sometimes constraints and facilitators. */
const caseArb = fc
  .record({ n: fc.integer({ min: 4, max: 12 }), count: fc.integer({ min: 2, max: 4 }), seed: seedArb, withConstraints: fc.boolean(), facs: fc.integer({ min: 0, max: 3 }) })
  .chain(({ n, count, seed, withConstraints, facs }) => {
    const list = ids(n, 'q');
    return fc.record({
      n: fc.constant(n),
      seed: fc.constant(seed),
      specs: fc.array(fc.oneof(fc.integer({ min: 2, max: 4 }).map((size): RoomSpec => ({ by: 'size', size })), fc.integer({ min: 1, max: 4 }).map((r): RoomSpec => ({ by: 'count', rooms: r }))), { minLength: count, maxLength: count }),
      history: historyArb(list, 5),
      apart: withConstraints ? fc.uniqueArray(fc.constantFrom(...list), { minLength: 2, maxLength: 2 }) : fc.constant<string[]>([]),
      together: withConstraints ? fc.uniqueArray(fc.constantFrom(...list), { minLength: 2, maxLength: 2 }) : fc.constant<string[]>([]),
      facs: fc.constant(facs),
    });
  });

function inputOf(c: { n: number; seed: number; specs: RoomSpec[]; history: string[][]; apart: string[]; together: string[]; facs: number }): ScheduleInput {
  const list = ids(c.n, 'q');
  const participants = list.map((id, i) => ({ id, isFacilitator: i < c.facs }));
  const constraints: Constraints = {
    ...(c.apart.length === 2 ? { keepApart: [c.apart] } : {}),
    ...(c.together.length === 2 && c.together.some((id) => !c.apart.includes(id)) ? { keepTogether: [c.together] } : {}),
    ...(c.facs > 0 ? { onePerRoom: 'facilitators' as const } : {}),
  };
  return { participants, history: c.history, rounds: c.specs, constraints, seed: c.seed, budget: 200_000 };
}

describe('whole-schedule planning, properties', () => {
  // One property, several checks: each case plans a whole schedule twice, which is the slow part.
  it('is deterministic, never worse than round by round, keeps sizes and wishes, and counts truly', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = inputOf(c);
        const schedule = planSchedule(input);
        expect(planSchedule(structuredClone(input))).toEqual(schedule);
        const warm = schedule.roundByRound;
        // Wishes (keep apart/together, facilitators one per room) first, then repeat pairs.
        expect(unmet(schedule.plans)).toBeLessThanOrEqual(unmet(warm.plans));
        if (unmet(schedule.plans) === unmet(warm.plans)) expect(schedule.repeatPairs).toBeLessThanOrEqual(warm.repeatPairs);
        expect(recount(input, schedule.plans)).toBe(schedule.repeatPairs);
        expect(recount(input, warm.plans)).toBe(warm.repeatPairs);
        expect(schedule.plans).toHaveLength(input.rounds.length);
        schedule.plans.forEach((plan, r) => {
          expectEveryoneOnce(plan, input.participants);
          expect(plan.rooms.map((room) => room.key)).toEqual(warm.plans[r]!.rooms.map((room) => room.key));
          expect(sizes(plan)).toEqual(sizes(warm.plans[r]!));
        });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
