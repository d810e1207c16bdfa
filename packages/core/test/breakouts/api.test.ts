import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRepeatPairs, createRng, historyFromRooms, pairKey, PlanError, planBreakouts } from '../../src/breakouts/index.ts';
import type { PlanInput, Strategy } from '../../src/breakouts/index.ts';

function codeOf(input: PlanInput): string | undefined {
  try {
    planBreakouts(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return (error as PlanError).code;
  }
}

const base = (strategy: Strategy, participants = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]): PlanInput => ({
  participants,
  history: [],
  strategy,
  seed: 1,
});

describe('invalid input throws a typed PlanError', () => {
  it.each([
    ['duplicate ids', base({ kind: 'random', by: 'count', rooms: 1 }, [{ id: 'a' }, { id: 'a' }]), 'DUPLICATE_ID'],
    ['empty id', base({ kind: 'random', by: 'count', rooms: 1 }, [{ id: '' }]), 'INVALID_PARTICIPANT'],
    ['zero rooms', base({ kind: 'random', by: 'count', rooms: 0 }), 'INVALID_ROOM_COUNT'],
    ['fractional rooms', base({ kind: 'mix', by: 'count', rooms: 1.5 }), 'INVALID_ROOM_COUNT'],
    ['size one', base({ kind: 'mix', by: 'size', size: 1 }), 'INVALID_ROOM_SIZE'],
    ['byChoice size one', base({ kind: 'byChoice', field: 'channel', maxRoomSize: 1 }), 'INVALID_ROOM_SIZE'],
    ['affinity no options', base({ kind: 'affinity', options: [], undecided: 'plenary' }), 'INVALID_OPTION'],
    ['affinity same option twice', base({ kind: 'affinity', options: ['white', ' White'], undecided: 'plenary' }), 'INVALID_OPTION'],
    ['cohort min above max', base({ kind: 'cohorts', teamsPerCohort: { min: 5, max: 4 } }), 'INVALID_OPTION'],
    ['selfSelect no rooms', base({ kind: 'selfSelect', rooms: [] }), 'INVALID_ROOM_COUNT'],
    ['selfSelect zero cap', base({ kind: 'selfSelect', rooms: [{ id: 'r', name: 'R', cap: 0 }] }), 'INVALID_ROOM_SIZE'],
    ['manual duplicate rooms', base({ kind: 'manual', rooms: [{ id: 'r', name: 'R' }, { id: 'r', name: 'S' }], placements: {} }), 'INVALID_OPTION'],
    ['unknown strategy', base({ kind: 'lottery' } as unknown as Strategy), 'UNKNOWN_STRATEGY'],
    ['NaN seed', { ...base({ kind: 'random', by: 'count', rooms: 1 }), seed: Number.NaN }, 'INVALID_SEED'],
  ])('%s', (_label, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('tolerates unknown ids in constraints and history, and says so', () => {
    const plan = planBreakouts({
      ...base({ kind: 'random', by: 'count', rooms: 1 }),
      history: [['a', 'ghost']],
      constraints: { keepApart: [['a', 'ghost']], keepTogether: [['b', 'nobody', 'c']] },
    });
    expect(plan.explanation.unsatisfied).toEqual([]);
    expect(plan.explanation.lines.join(' ')).toMatch(/not in this roster/);
  });

  it('handles an empty roster', () => {
    const plan = planBreakouts(base({ kind: 'mix', by: 'size', size: 2 }, []));
    expect(plan).toMatchObject({ rooms: [], plenary: [], explanation: { sizes: [], repeatPairs: 0 } });
  });
});

describe('pair helpers', () => {
  it('pairKey ignores order and separates distinct pairs', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(pairKey(a, b)).toBe(pairKey(b, a));
        if (b !== c) expect(pairKey(a, b)).not.toBe(pairKey(a, c));
      }),
    );
  });

  it('countRepeatPairs counts distinct pairs that met before', () => {
    const rooms = [{ members: ['a', 'b', 'c'] }, ['d', 'e']];
    expect(countRepeatPairs(rooms, [['a', 'b'], ['a', 'b', 'x'], ['d', 'c'], ['e', 'd']])).toBe(2);
    expect(countRepeatPairs(rooms, [])).toBe(0);
  });

  it('historyFromRooms leaves caucus rooms out unless asked', () => {
    const rooms = [
      { key: 'k1', name: 'Room 1', kind: 'breakout' as const, members: ['a', 'b'] },
      { key: 'k2', name: 'white', kind: 'caucus' as const, caucus: 'white', members: ['c', 'd'] },
      { key: 'k3', name: 'Room 3', kind: 'breakout' as const, members: ['e'] },
    ];
    expect(historyFromRooms(rooms)).toEqual([['a', 'b']]);
    expect(historyFromRooms(rooms, { includeCaucus: true })).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

describe('seeded rng', () => {
  it('repeats for a seed, stays in [0, 1) and differs across seeds', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const xs = Array.from({ length: 20 }, () => a.next());
        expect(xs).toEqual(Array.from({ length: 20 }, () => b.next()));
        for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
    const first = new Set(Array.from({ length: 100 }, (_, s) => createRng(s).next()));
    expect(first.size).toBe(100);
  });

  it('different seeds usually give different plans', () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}` }));
    const plans = new Set(
      [1, 2, 3, 4, 5].map((seed) => JSON.stringify(planBreakouts({ participants: people, history: [], strategy: { kind: 'random', by: 'size', size: 3 }, seed }).rooms)),
    );
    expect(plans.size).toBe(5);
  });
});
