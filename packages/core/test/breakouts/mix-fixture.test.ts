import { describe, expect, it } from 'vitest';
import { countRepeatPairs, historyFromRooms, planBreakouts } from '../../src/breakouts/index.ts';
import type { EngineParticipant, RoomSpec } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, loadFixture, sizeSpread } from './helpers.ts';

const network = loadFixture('learning-network');

function totalRepeats(kind: 'random' | 'mix', spec: RoomSpec, rounds: number, seed: number): number {
  let history: string[][] = [];
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    const plan = planBreakouts({ participants: network, history, strategy: { kind, ...spec }, seed: seed + round });
    expect(countRepeatPairs(plan.rooms, history)).toBe(plan.explanation.repeatPairs);
    total += plan.explanation.repeatPairs;
    history = [...history, ...historyFromRooms(plan.rooms)];
  }
  return total;
}

describe('mix on the learning-network fixture (197 people, 40 teams)', () => {
  it('yields far fewer repeat pairs than plain random over several rounds', () => {
    const spec: RoomSpec = { by: 'size', size: 5 };
    const random = totalRepeats('random', spec, 6, 11);
    const mixed = totalRepeats('mix', spec, 6, 11);
    expect(random).toBeGreaterThan(20);
    expect(mixed).toBeLessThanOrEqual(random / 10);
  });

  it('pairs nobody with a teammate or with someone met at last month\'s convening', () => {
    // Last month: three rounds in groups of six, team-blind.
    let lastMonth: string[][] = [];
    for (let round = 0; round < 3; round++) {
      const plan = planBreakouts({ participants: network, history: lastMonth, strategy: { kind: 'random', by: 'size', size: 6 }, seed: 500 + round });
      lastMonth = [...lastMonth, ...historyFromRooms(plan.rooms)];
    }
    const plan = planBreakouts({
      participants: network,
      history: lastMonth,
      strategy: { kind: 'mix', by: 'size', size: 2, avoidSameTeam: true },
      seed: 9,
    });
    expectEveryoneOnce(plan, network);
    expect(sizeSpread(plan.rooms)).toBeLessThanOrEqual(1);
    expect(plan.explanation.repeatPairs).toBe(0);
    expect(plan.explanation.unsatisfied).toEqual([]);
    const teamOf = new Map(network.map((p) => [p.id, p.team]));
    for (const room of plan.rooms) {
      const teams = room.members.map((id) => teamOf.get(id));
      expect(new Set(teams).size).toBe(teams.length);
    }
  });

  it('lists at most 20 repeat pairs and counts them all', () => {
    const history = [network.map((p) => p.id).slice(0, 150)];
    const plan = planBreakouts({ participants: network, history, strategy: { kind: 'random', by: 'count', rooms: 2 }, seed: 3 });
    expect(plan.explanation.repeatPairs).toBeGreaterThan(20);
    expect(plan.explanation.repeatPairList).toHaveLength(20);
    expect(plan.explanation.repeatPairs).toBe(countRepeatPairs(plan.rooms, history));
  });
});

describe('explanations of what could not be met', () => {
  it('says why a keep-together group or a teammate split failed', () => {
    const people: EngineParticipant[] = Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, team: 'same' }));
    const plan = planBreakouts({
      participants: people,
      history: [],
      strategy: { kind: 'mix', by: 'size', size: 3, avoidSameTeam: true },
      constraints: { keepTogether: [['m0', 'm1', 'm2', 'm3']] },
      seed: 1,
    });
    const kinds = plan.explanation.unsatisfied.map((u) => u.kind);
    expect(kinds[0]).toBe('avoidSameTeam');
    expect(kinds.filter((k) => k === 'avoidSameTeam')).toHaveLength(6);
    const together = plan.explanation.unsatisfied.find((u) => u.kind === 'keepTogether');
    expect(together).toEqual({ kind: 'keepTogether', ids: ['m0', 'm1', 'm2', 'm3'], reason: expect.stringMatching(/larger than a room/) });
    expect(plan.explanation.lines.join(' ')).toMatch(/\b(1 teammate pair shares|([02-9]|\d\d+) teammate pairs share) a room/);
  });
});

describe('scale', () => {
  const big: EngineParticipant[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `n${i}`,
    team: `t${i % 2_000}`,
    isFacilitator: i % 250 === 0,
  }));

  it('plans 10,000 people with random and mix in well under the time limit', () => {
    let history: string[][] = [];
    for (const [round, kind] of (['random', 'mix', 'mix'] as const).entries()) {
      const started = performance.now();
      const plan = planBreakouts({
        participants: big,
        history,
        strategy: kind === 'mix' ? { kind, by: 'size', size: 4, avoidSameTeam: true } : { kind, by: 'size', size: 4 },
        constraints: { onePerRoom: 'facilitators' },
        seed: round,
      });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(2_500);
      expect(plan.rooms).toHaveLength(2_500);
      expect(sizeSpread(plan.rooms)).toBe(0);
      if (kind === 'mix') expect(plan.explanation.repeatPairs).toBe(0);
      history = [...history, ...historyFromRooms(plan.rooms)];
    }
  });
});
