// Rooms of one: always reported (without naming anyone), with the choices that fit, and
// the facilitator's choice applied.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakouts } from '../../src/breakouts/index.ts';
import type { AloneChoices, EngineParticipant, Plan, Strategy } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, ids, seedArb } from './helpers.ts';

const person = (id: string, fields: Partial<EngineParticipant>): EngineParticipant => ({ id, ...fields });
const channels = (money: number, narrative: number, none: number): EngineParticipant[] => [
  ...ids(money, 'money').map((id) => person(id, { channel: 'money' })),
  ...ids(narrative, 'narr').map((id) => person(id, { channel: 'narrative' })),
  ...ids(none, 'none').map((id) => person(id, {})),
];
const caucuses = (poc: number, white: number, skipped: number): EngineParticipant[] => [
  ...ids(poc, 'poc').map((id) => person(id, { affinity: 'person of color' })),
  ...ids(white, 'w').map((id) => person(id, { affinity: 'white' })),
  ...ids(skipped, 'skip').map((id) => person(id, { affinity: 'prefer not to say' })),
];
const run = (participants: EngineParticipant[], strategy: Strategy, seed = 4): Plan => planBreakouts({ participants, history: [], strategy, seed });
const byChoice = (alone?: AloneChoices): Strategy => ({ kind: 'byChoice', field: 'channel', maxRoomSize: 4, unanswered: 'open-room', ...(alone ? { alone } : {}) });
const roomOf = (plan: Plan, id: string) => plan.rooms.find((r) => r.members.includes(id));

describe('rooms of one', () => {
  it('by choice: the only person who chose Money is reported, with keep, merge and open room', () => {
    const plan = run(channels(1, 6, 2), byChoice());
    expect(plan.explanation.alone).toEqual([{ room: 'money-1', name: 'Money 1', kind: 'breakout', options: ['keep', 'merge', 'open-room'], choice: 'keep' }]);
    expect(roomOf(plan, 'money-0-x')?.members).toEqual(['money-0-x']);
    expect(plan.explanation.lines.join(' ')).toMatch(/Money 1 would hold one person alone/);
  });

  it('by choice: merge sends them to the smallest other room, open-room to the open room', () => {
    const merged = run(channels(1, 6, 4), byChoice({ 'money-1': 'merge' }));
    expect(merged.rooms.map((r) => r.key)).not.toContain('money-1');
    const target = roomOf(merged, 'money-0-x')!;
    expect(target.kind).toBe('breakout');
    expect(merged.explanation.alone[0]).toMatchObject({ room: 'money-1', choice: 'merge', to: target.key });
    const others = merged.rooms.filter((r) => r !== target).map((r) => r.members.length);
    expect(target.members.length - 1).toBeLessThanOrEqual(Math.min(...others));
    const open = run(channels(1, 6, 2), byChoice({ 'money-1': 'open-room' }));
    expect(roomOf(open, 'money-0-x')?.key).toBe('open-1');
    expect(open.explanation.alone[0]).toMatchObject({ choice: 'open-room', to: 'open-1' });
  });

  it('by choice: a choice that does not fit is not applied (no open room when unanswered stay in plenary)', () => {
    const plan = run(channels(1, 6, 2), { kind: 'byChoice', field: 'channel', maxRoomSize: 4, unanswered: 'plenary', alone: { 'money-1': 'open-room' } });
    expect(plan.explanation.alone[0]).toMatchObject({ options: ['keep', 'merge'], choice: 'keep' });
    expect(roomOf(plan, 'money-0-x')?.key).toBe('money-1');
  });

  it('a caucus of one: reported without a name, offered keep or the main room, never another caucus or the open room', () => {
    const people = caucuses(5, 1, 3);
    const plan = run(people, { kind: 'affinity', undecided: 'open-room' });
    expect(plan.explanation.alone).toEqual([{ room: 'caucus-1-1', name: 'white', kind: 'caucus', options: ['keep', 'plenary'], choice: 'keep' }]);
    expect(JSON.stringify(plan.explanation.alone)).not.toMatch(/w-0-x/);
    expect(plan.explanation.lines.join(' ')).not.toMatch(/w-0-x/);
    expect(plan.explanation.lines).toContain('One caucus room has a single member; they keep it to themselves unless you choose otherwise.');
    const main = run(people, { kind: 'affinity', undecided: 'open-room', alone: { 'caucus-1-1': 'plenary' } });
    expect(main.plenary).toEqual(['w-0-x']);
    expect(main.rooms.map((r) => r.key)).toEqual(['caucus-0-1', 'open-1']);
    for (const refused of ['open-room', 'merge'] as const) {
      const kept = run(people, { kind: 'affinity', undecided: 'open-room', alone: { 'caucus-1-1': refused } });
      expect(roomOf(kept, 'w-0-x')?.key).toBe('caucus-1-1');
    }
  });

  it('five people in caucus rooms of at most 2 get rooms of 3 and 2, nobody alone', () => {
    const plan = run(caucuses(5, 0, 0), { kind: 'affinity', undecided: 'plenary', maxRoomSize: 2 });
    expect(plan.explanation.sizes).toEqual([3, 2]);
    expect(plan.explanation.alone).toEqual([]);
  });

  it('every room of one in any plan is reported, names nobody, and chosen options are ones offered', () => {
    const arb = fc.record({
      money: fc.integer({ min: 0, max: 3 }),
      narrative: fc.integer({ min: 0, max: 9 }),
      none: fc.integer({ min: 0, max: 3 }),
      affinity: fc.boolean(),
      unanswered: fc.constantFrom('open-room' as const, 'plenary' as const),
      choice: fc.constantFrom('keep' as const, 'merge' as const, 'open-room' as const, 'plenary' as const),
      seed: seedArb,
    });
    fc.assert(
      fc.property(arb, (c) => {
        const people = c.affinity ? caucuses(c.narrative, c.money, c.none) : channels(c.money, c.narrative, c.none);
        const alone = { 'money-1': c.choice, 'caucus-1-1': c.choice, 'caucus-0-1': c.choice, 'open-1': c.choice };
        const strategy: Strategy = c.affinity
          ? { kind: 'affinity', undecided: c.unanswered, maxRoomSize: 4, alone }
          : { kind: 'byChoice', field: 'channel', maxRoomSize: 4, unanswered: c.unanswered, alone };
        const plan = run(people, strategy, c.seed);
        expectEveryoneOnce(plan, people);
        const reported = new Set(plan.explanation.alone.map((a) => a.room));
        for (const room of plan.rooms.filter((r) => r.members.length === 1)) expect(reported).toContain(room.key);
        for (const a of plan.explanation.alone) {
          expect(a.options).toContain(a.choice);
          expect(a.choice === c.choice || a.choice === 'keep').toBe(true);
          if (a.kind === 'caucus') expect(a.options).toEqual(['keep', 'plenary']);
        }
        const told = JSON.stringify(plan.explanation.alone) + plan.explanation.lines.join(' ');
        for (const p of people) expect(told.includes(p.id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
