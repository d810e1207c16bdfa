import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakouts } from '../../src/breakouts/index.ts';
import type { ByChoiceStrategy, EngineParticipant } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, ids, largestRoomFor, loadFixture, roomIndex, seedArb, sizeSpread } from './helpers.ts';

const CHANNELS = ['money', 'Money', 'narrative', 'policy ', '', null, undefined];
const norm = (s: string | null | undefined): string => (s ?? '').trim().toLowerCase();

const caseArb = fc.integer({ min: 0, max: 60 }).chain((n) =>
  fc.record({
    people: fc.tuple(
      ...ids(n).map((id) =>
        fc.record({ id: fc.constant(id), channel: fc.constantFrom(...CHANNELS), isFacilitator: fc.boolean() }),
      ),
    ),
    maxRoomSize: fc.integer({ min: 2, max: 10 }),
    unanswered: fc.constantFrom('open-room' as const, 'plenary' as const),
    facilitators: fc.boolean(),
    seed: seedArb,
  }),
);

describe('byChoice', () => {
  it('groups only by each person\'s own answer, in balanced rooms no larger than asked', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const strategy: ByChoiceStrategy = { kind: 'byChoice', field: 'channel', maxRoomSize: c.maxRoomSize, unanswered: c.unanswered };
        const people = c.people as EngineParticipant[];
        const plan = planBreakouts({
          participants: people,
          history: [],
          strategy,
          constraints: { onePerRoom: c.facilitators ? 'facilitators' : null },
          seed: c.seed,
        });
        expectEveryoneOnce(plan, people);
        const byId = new Map(people.map((p) => [p.id, p]));
        // Facilitators without an answer may float into rooms when one-per-room is on.
        const floats = (id: string): boolean => c.facilitators && byId.get(id)?.isFacilitator === true && norm(byId.get(id)?.channel) === '';
        const groups = new Map<string, number[]>();
        for (const room of plan.rooms) {
          const answers = new Set(room.members.filter((id) => !floats(id)).map((id) => norm(byId.get(id)?.channel)));
          expect(answers.size).toBeLessThanOrEqual(1);
          const answer = [...answers][0] ?? '';
          const core = room.members.filter((id) => !floats(id)).length;
          // The sizing rule: within the largest size, except one more so nobody is left alone.
          expect(core).toBeLessThanOrEqual(largestRoomFor(c.maxRoomSize));
          groups.set(answer, [...(groups.get(answer) ?? []), core]);
          if (answer === '') expect(room.name).toMatch(/^Open room/);
          else expect(room.name.toLowerCase().startsWith(answer)).toBe(true);
        }
        for (const sizes of groups.values()) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        const unanswered = people.filter((p) => norm(p.channel) === '' && !floats(p.id)).map((p) => p.id);
        if (c.unanswered === 'plenary') for (const id of unanswered) expect(plan.plenary).toContain(id);
        else expect(plan.plenary.every((id) => floats(id))).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('keeps people apart inside their own channel when the channel has several rooms', () => {
    const people: EngineParticipant[] = ids(12).map((id, i) => ({ id, channel: i < 8 ? 'money' : 'policy' }));
    const plan = planBreakouts({
      participants: people,
      history: [],
      strategy: { kind: 'byChoice', field: 'channel', maxRoomSize: 4 },
      constraints: { keepApart: [[ids(12)[0]!, ids(12)[1]!]], keepTogether: [[ids(12)[2]!, ids(12)[9]!]] },
      seed: 3,
    });
    const at = roomIndex(plan);
    expect(at.get(ids(12)[0]!)).not.toBe(at.get(ids(12)[1]!));
    expect(plan.explanation.unsatisfied).toEqual([
      { kind: 'keepTogether', ids: [ids(12)[2]!, ids(12)[9]!], reason: expect.stringMatching(/own channel/) },
    ]);
  });

  it('builds Money / Narrative / Policy rooms for the city-wide collaborative', () => {
    const people = loadFixture('citywide-collaborative');
    const plan = planBreakouts({ participants: people, history: [], strategy: { kind: 'byChoice', field: 'channel', maxRoomSize: 15 }, seed: 8 });
    expectEveryoneOnce(plan, people);
    expect(plan.rooms.map((r) => r.name)).toEqual([
      'Money 1', 'Money 2', 'Money 3',
      'Narrative 1', 'Narrative 2', 'Narrative 3', 'Narrative 4',
      'Policy 1', 'Policy 2',
    ]);
    expect(sizeSpread(plan.rooms.filter((r) => r.key.startsWith('narrative')))).toBeLessThanOrEqual(1);
    const roles = planBreakouts({ participants: people, history: [], strategy: { kind: 'byChoice', field: 'role', maxRoomSize: 30 }, seed: 8 });
    expect(roles.rooms.map((r) => r.name)).toEqual([
      'Community organizer 1', 'Cultural worker 1', 'Political educator 1', 'Political educator 2', 'Spiritual leader 1',
    ]);
  });

  it('sends floating facilitators to rooms that lack one', () => {
    const people: EngineParticipant[] = [
      ...ids(9).map((id, i) => ({ id, channel: ['money', 'narrative', 'policy'][i % 3]! })),
      { id: 'host-1', isFacilitator: true },
      { id: 'host-2', isFacilitator: true },
      { id: 'host-3', isFacilitator: true },
      { id: 'host-4', isFacilitator: true },
    ];
    const plan = planBreakouts({
      participants: people,
      history: [],
      strategy: { kind: 'byChoice', field: 'channel', maxRoomSize: 5 },
      constraints: { onePerRoom: 'facilitators' },
      seed: 2,
    });
    for (const room of plan.rooms) expect(room.members.filter((id) => id.startsWith('host')).length).toBe(1);
    expect(plan.plenary).toEqual(['host-4']);
  });
});
