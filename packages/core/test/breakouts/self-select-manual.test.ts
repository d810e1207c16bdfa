import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakouts } from '../../src/breakouts/index.ts';
import type { EngineParticipant } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, ids, roomIndex, seedArb } from './helpers.ts';

const roomsArb = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 }).chain((keys) =>
  fc.tuple(...keys.map((id) => fc.record({ id: fc.constant(id), name: fc.constant(`Room ${id.toUpperCase()}`), cap: fc.integer({ min: 1, max: 8 }) }))),
);

const selfArb = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.record({
    rooms: roomsArb,
    choices: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'zz', null), { minLength: n, maxLength: n }),
    seed: seedArb,
  }),
);

describe('selfSelect', () => {
  it('is first come, first served; the rest go to the least full room and are listed', () => {
    fc.assert(
      fc.property(selfArb, ({ rooms, choices, seed }) => {
        const people: EngineParticipant[] = choices.map((choice, i) => ({ id: ids(choices.length)[i]!, choice }));
        const plan = planBreakouts({ participants: people, history: [], strategy: { kind: 'selfSelect', rooms }, seed });
        expectEveryoneOnce(plan, people);
        expect(plan.plenary).toEqual([]);
        expect(plan.rooms.map((r) => r.key)).toEqual(rooms.map((r) => r.id));
        const at = roomIndex(plan);
        const got = new Set<string>();
        for (const room of rooms) {
          const wanted = people.filter((p) => p.choice === room.id).map((p) => p.id);
          const winners = wanted.slice(0, room.cap);
          for (const id of winners) expect(at.get(id)).toBe(room.id);
          winners.forEach((id) => got.add(id));
        }
        const listed = plan.explanation.reassigned.map((r) => r.id);
        expect(new Set(listed)).toEqual(new Set(people.map((p) => p.id).filter((id) => !got.has(id))));
        const totalCap = rooms.reduce((s, r) => s + r.cap, 0);
        if (people.length <= totalCap) {
          plan.rooms.forEach((room, r) => expect(room.members.length).toBeLessThanOrEqual(rooms[r]!.cap));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('explains why each person was moved', () => {
    const plan = planBreakouts({
      participants: [
        { id: 'p1', choice: 'a' },
        { id: 'p2', choice: 'a' },
        { id: 'p3', choice: 'nope' },
        { id: 'p4' },
      ],
      history: [],
      strategy: { kind: 'selfSelect', rooms: [{ id: 'a', name: 'Art', cap: 1 }, { id: 'b', name: 'Books', cap: 3 }] },
      seed: 1,
    });
    expect(plan.rooms.map((r) => r.members)).toEqual([['p1'], ['p2', 'p3', 'p4']]);
    expect(plan.explanation.reassigned).toEqual([
      { id: 'p2', to: 'b', reason: '"Art" was full' },
      { id: 'p3', to: 'b', reason: 'chose a room that does not exist ("nope")' },
      { id: 'p4', to: 'b', reason: 'made no choice' },
    ]);
  });
});

describe('manual', () => {
  it('places exactly as told; unplaced people stay in plenary and are listed', () => {
    const arb = fc.integer({ min: 0, max: 30 }).chain((n) =>
      fc.record({
        targets: fc.array(fc.constantFrom('r1', 'r2', 'r3', 'gone', undefined), { minLength: n, maxLength: n }),
        seed: seedArb,
      }),
    );
    fc.assert(
      fc.property(arb, ({ targets, seed }) => {
        const list = ids(targets.length);
        const placements: Record<string, string> = {};
        targets.forEach((t, i) => {
          if (t !== undefined) placements[list[i]!] = t;
        });
        placements['someone-else'] = 'r1';
        const people = list.map((id) => ({ id }));
        const rooms = [{ id: 'r1', name: 'One' }, { id: 'r2', name: 'Two' }, { id: 'r3', name: 'Three' }];
        const plan = planBreakouts({ participants: people, history: [], strategy: { kind: 'manual', rooms, placements }, seed });
        expectEveryoneOnce(plan, people);
        const at = roomIndex(plan);
        targets.forEach((t, i) => {
          const id = list[i]!;
          if (t === 'r1' || t === 'r2' || t === 'r3') expect(at.get(id)).toBe(t);
          else {
            expect(plan.plenary).toContain(id);
            expect(plan.explanation.reassigned.map((r) => r.id)).toContain(id);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('does not trip over ids that look like object properties', () => {
    const plan = planBreakouts({
      participants: [{ id: 'constructor' }, { id: '__proto__' }, { id: 'toString' }],
      history: [],
      strategy: { kind: 'manual', rooms: [{ id: 'r', name: 'R' }], placements: { toString: 'r' } },
      seed: 0,
    });
    expect(plan.rooms[0]!.members).toEqual(['toString']);
    expect(plan.plenary).toEqual(['constructor', '__proto__']);
  });

  it('checks constraints and reports those the facilitator broke', () => {
    const plan = planBreakouts({
      participants: [{ id: 'a', isFacilitator: true }, { id: 'b', isFacilitator: true }, { id: 'c' }],
      history: [],
      strategy: { kind: 'manual', rooms: [{ id: 'r', name: 'R' }], placements: { a: 'r', b: 'r', c: 'r' } },
      constraints: { keepApart: [['a', 'c']], onePerRoom: 'facilitators' },
      seed: 0,
    });
    expect(plan.explanation.unsatisfied.map((u) => [u.kind, u.ids])).toEqual([
      ['keepApart', ['a', 'c']],
      ['onePerRoom', ['a', 'b']],
    ]);
  });
});
