import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAUCUS_OPTIONS, PlanError, planBreakouts } from '../../src/breakouts/index.ts';
import type { AffinityStrategy, EngineParticipant, Plan } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, ids, largestRoomFor, loadFixture, seedArb } from './helpers.ts';

const ANSWERS = ['person of color', 'white', 'Person of Color ', ' WHITE', 'prefer not to say', 'skip', 'Latine', 'Black', '', null, undefined];
const norm = (s: string | null | undefined): string => (s ?? '').trim().toLowerCase();

const caseArb = fc.integer({ min: 0, max: 50 }).chain((n) => {
  const list = ids(n);
  const group = list.length >= 2 ? fc.uniqueArray(fc.constantFrom(...list), { minLength: 2, maxLength: 4 }) : fc.constant<string[]>([]);
  return fc.record({
    people: fc.tuple(
      ...list.map((id) =>
        fc.record({ id: fc.constant(id), affinity: fc.constantFrom(...ANSWERS), isFacilitator: fc.boolean() }),
      ),
    ),
    options: fc.option(fc.constantFrom<string[]>(['person of color', 'white'], ['Black', 'Latine', 'white', 'person of color'], ['white']), {
      nil: undefined,
    }),
    maxRoomSize: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
    undecided: fc.constantFrom('open-room' as const, 'plenary' as const),
    keepTogether: fc.array(group, { maxLength: 4 }),
    keepApart: fc.array(group, { maxLength: 4 }),
    facilitators: fc.boolean(),
    seed: seedArb,
  });
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function plan(c: Case): Plan {
  const strategy: AffinityStrategy = { kind: 'affinity', undecided: c.undecided };
  if (c.options !== undefined) strategy.options = c.options;
  if (c.maxRoomSize !== undefined) strategy.maxRoomSize = c.maxRoomSize;
  return planBreakouts({
    participants: c.people,
    history: [],
    strategy,
    constraints: { keepTogether: c.keepTogether, keepApart: c.keepApart, onePerRoom: c.facilitators ? 'facilitators' : null },
    seed: c.seed,
  });
}

describe('affinity caucuses', () => {
  it('puts people in a caucus only by their own answer, whatever the constraints', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = plan(c);
        expectEveryoneOnce(result, c.people);
        const options = (c.options ?? DEFAULT_CAUCUS_OPTIONS).map(norm);
        const answerOf = new Map(c.people.map((p) => [p.id, norm(p.affinity)]));
        const caucusOf = new Map<string, string>();
        for (const room of result.rooms) {
          if (room.kind !== 'caucus') {
            expect(room.caucus).toBeUndefined();
            continue;
          }
          expect(options).toContain(norm(room.caucus));
          for (const id of room.members) {
            expect(answerOf.get(id)).toBe(norm(room.caucus));
            caucusOf.set(id, norm(room.caucus));
          }
          if (c.maxRoomSize !== undefined) expect(room.members.length).toBeLessThanOrEqual(largestRoomFor(c.maxRoomSize));
        }
        // And everyone whose own answer is an option is in that caucus.
        for (const person of c.people) {
          const answer = norm(person.affinity);
          if (options.includes(answer)) expect(caucusOf.get(person.id)).toBe(answer);
          else expect(caucusOf.has(person.id)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('sends undecided people to the open room or to plenary, as configured', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = plan(c);
        const options = (c.options ?? DEFAULT_CAUCUS_OPTIONS).map(norm);
        const undecided = c.people.filter((p) => !options.includes(norm(p.affinity))).map((p) => p.id);
        const open = result.rooms.filter((r) => r.kind === 'breakout').flatMap((r) => r.members);
        if (c.undecided === 'plenary') {
          expect(new Set(result.plenary)).toEqual(new Set(undecided));
          expect(open).toEqual([]);
        } else {
          expect(new Set(open)).toEqual(new Set(undecided));
          expect(result.plenary).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('never names anyone or their answer in the explanation, nor lists caucus repeats', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const people = c.people as EngineParticipant[];
        const history = [people.map((p) => p.id)];
        const strategy: AffinityStrategy = { kind: 'affinity', undecided: c.undecided };
        const constraints = { keepTogether: c.keepTogether, keepApart: c.keepApart, onePerRoom: 'facilitators' as const };
        const result = planBreakouts({ participants: people, history, strategy, constraints, seed: c.seed });
        for (const unmet of result.explanation.unsatisfied) expect(unmet.ids).toEqual([]);
        const text = [...result.explanation.lines, ...result.explanation.unsatisfied.map((u) => u.reason)].join('\n');
        for (const p of people) expect(text).not.toContain(p.id);
        expect(text.toLowerCase()).not.toMatch(/prefer not to say|latine|black/);
        const caucusMembers = new Set(result.rooms.filter((r) => r.kind === 'caucus').flatMap((r) => r.members));
        for (const [a, b] of result.explanation.repeatPairList) {
          expect(caucusMembers.has(a) && caucusMembers.has(b)).toBe(false);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('lets a constraint lose to self-identification, and says so without names', () => {
    const people: EngineParticipant[] = [
      { id: 'a', affinity: 'white' },
      { id: 'b', affinity: 'person of color' },
      { id: 'c', affinity: null, isFacilitator: true },
      { id: 'd', affinity: 'white' },
    ];
    const result = planBreakouts({
      participants: people,
      history: [],
      strategy: { kind: 'affinity', undecided: 'plenary' },
      constraints: { keepTogether: [['a', 'b', 'c']], onePerRoom: 'facilitators' },
      seed: 1,
    });
    expect(result.rooms.map((r) => [r.name, r.caucus, r.members])).toEqual([
      ['person of color', 'person of color', ['b']],
      ['white', 'white', ['a', 'd']],
    ]);
    expect(result.plenary).toEqual(['c']);
    expect(result.explanation.unsatisfied).toEqual([
      { kind: 'keepTogether', ids: [], reason: expect.stringMatching(/own answer/) },
    ]);
  });

  it('splits caucuses by maxRoomSize into balanced, friendly-named rooms on the fixture', () => {
    const network = loadFixture('learning-network');
    const result = planBreakouts({
      participants: network,
      history: [],
      strategy: { kind: 'affinity', undecided: 'open-room', maxRoomSize: 10 },
      seed: 4,
    });
    expectEveryoneOnce(result, network);
    const poc = result.rooms.filter((r) => r.caucus === 'person of color');
    expect(poc.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `person of color ${i + 1}`));
    expect(poc.map((r) => r.members.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 9, 9, 9]);
    const open = result.rooms.filter((r) => r.kind === 'breakout');
    expect(open.flatMap((r) => r.members).length).toBe(network.filter((p) => !['white', 'person of color'].includes(p.affinity ?? '')).length);
  });

  it('refuses a caucus option that means declining to answer', () => {
    expect(() =>
      planBreakouts({
        participants: [{ id: 'a' }],
        history: [],
        strategy: { kind: 'affinity', options: ['white', 'Prefer not to say'], undecided: 'plenary' },
        seed: 1,
      }),
    ).toThrow(PlanError);
  });
});
