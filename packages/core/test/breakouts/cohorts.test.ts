import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakouts } from '../../src/breakouts/index.ts';
import type { EngineParticipant, Plan } from '../../src/breakouts/index.ts';
import { expectEveryoneOnce, loadFixture, seedArb } from './helpers.ts';

const REGIONS = ['West', 'Midwest', 'Northeast', 'Southeast', 'Southwest'];
const TYPES = ['rural hospital', 'academic medical center', 'community health center'];

const teamArb = fc.record({
  size: fc.integer({ min: 1, max: 7 }),
  org: fc.integer({ min: 0, max: 14 }),
  region: fc.constantFrom(...REGIONS),
  orgType: fc.constantFrom(...TYPES),
});

const caseArb = fc.record({
  teams: fc.array(teamArb, { minLength: 1, maxLength: 30 }),
  loose: fc.integer({ min: 0, max: 4 }),
  min: fc.integer({ min: 1, max: 5 }),
  extra: fc.integer({ min: 0, max: 2 }),
  balance: fc.constantFrom('mix' as const, 'similar' as const),
  seed: seedArb,
});

type Team = typeof teamArb extends fc.Arbitrary<infer T> ? T : never;

function roster(teams: Team[], loose: number): EngineParticipant[] {
  const people: EngineParticipant[] = teams.flatMap((t, k) =>
    Array.from({ length: t.size }, (_, i) => ({
      id: `t${k}-m${i}`,
      team: `team-${k}`,
      organisation: `org-${t.org}`,
      region: t.region,
      orgType: t.orgType,
    })),
  );
  for (let i = 0; i < loose; i++) people.push({ id: `solo-${i}`, isFacilitator: i % 2 === 0 });
  return people;
}

/** team name → set of cohort keys holding its members. */
function cohortsOfTeams(plan: Plan, people: EngineParticipant[]): Map<string, Set<string>> {
  const teamOf = new Map(people.map((p) => [p.id, p.team]));
  const out = new Map<string, Set<string>>();
  for (const room of plan.rooms) {
    for (const id of room.members) {
      const team = teamOf.get(id);
      if (team) out.set(team, (out.get(team) ?? new Set()).add(room.key));
    }
  }
  return out;
}

describe('cohorts', () => {
  it('never splits a team, keeps team counts in bounds when possible and same-org teams apart when possible', () => {
    fc.assert(
      fc.property(caseArb, ({ teams, loose, min, extra, balance, seed }) => {
        const max = min + extra;
        const people = roster(teams, loose);
        const plan = planBreakouts({
          participants: people,
          history: [],
          strategy: { kind: 'cohorts', teamsPerCohort: { min, max }, balance },
          constraints: { onePerRoom: 'facilitators' },
          seed,
        });
        expectEveryoneOnce(plan, people);
        for (const keys of cohortsOfTeams(plan, people).values()) expect(keys.size).toBe(1);
        const t = teams.length;
        const counts = plan.explanation.balance.map((b) => b.teams.length);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(t);
        expect(Math.max(...counts)).toBeLessThanOrEqual(max);
        if (Math.ceil(t / max) <= Math.floor(t / min)) {
          expect(Math.min(...counts)).toBeGreaterThanOrEqual(min);
          expect(plan.explanation.unsatisfied.filter((u) => u.kind === 'teamsPerCohort')).toEqual([]);
        }
        // With at most one team of each organisation per cohort available, no organisation doubles up.
        const perOrg = new Map<number, number>();
        for (const team of teams) perOrg.set(team.org, (perOrg.get(team.org) ?? 0) + 1);
        if (Math.max(...perOrg.values()) <= plan.rooms.length) {
          expect(plan.explanation.unsatisfied.filter((u) => u.kind === 'sameOrganisation')).toEqual([]);
        }
        for (const room of plan.rooms) expect(room.members.filter((id) => id.startsWith('solo-0') || id.startsWith('solo-2')).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('is deterministic', () => {
    fc.assert(
      fc.property(caseArb, ({ teams, loose, balance, seed }) => {
        const input = { participants: roster(teams, loose), history: [], strategy: { kind: 'cohorts' as const, balance }, seed };
        expect(planBreakouts(input)).toEqual(planBreakouts(structuredClone(input)));
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it('on the learning-network fixture: 4–5 whole teams per cohort, same-org teams apart, mixed regions', () => {
    const network = loadFixture('learning-network');
    const plan = planBreakouts({ participants: network, history: [], strategy: { kind: 'cohorts' }, seed: 12 });
    expectEveryoneOnce(plan, network);
    expect(plan.plenary).toEqual([]);
    for (const keys of cohortsOfTeams(plan, network).values()) expect(keys.size).toBe(1);
    expect(plan.rooms.map((r) => r.name)).toEqual(['Cohort A', 'Cohort B', 'Cohort C', 'Cohort D', 'Cohort E', 'Cohort F', 'Cohort G', 'Cohort H', 'Cohort I']);
    const orgOfTeam = new Map(network.map((p) => [p.team, p.organisation]));
    for (const cohort of plan.explanation.balance) {
      expect(cohort.teams.length).toBeGreaterThanOrEqual(4);
      expect(cohort.teams.length).toBeLessThanOrEqual(5);
      const orgs = cohort.teams.map((t) => orgOfTeam.get(t));
      expect(new Set(orgs).size).toBe(orgs.length);
      expect(Object.keys(cohort.regions).length).toBeGreaterThanOrEqual(3);
      expect(Object.keys(cohort.orgTypes).length).toBeGreaterThanOrEqual(3);
    }
    expect(plan.explanation.unsatisfied).toEqual([]);
    const sizes = plan.explanation.sizes;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(7);
  });

  it("'similar' gathers peers: fewer distinct regions per cohort than 'mix'", () => {
    const network = loadFixture('learning-network');
    const distinct = (balance: 'mix' | 'similar'): number => {
      const plan = planBreakouts({ participants: network, history: [], strategy: { kind: 'cohorts', balance }, seed: 5 });
      return plan.explanation.balance.reduce((sum, c) => sum + Object.keys(c.regions).length, 0);
    };
    expect(distinct('similar')).toBeLessThan(distinct('mix'));
  });

  it('reports when the team count cannot fit the bounds', () => {
    const people = roster(Array.from({ length: 7 }, (_, k) => ({ size: 3, org: k, region: 'West', orgType: 'rural hospital' })), 0);
    const plan = planBreakouts({ participants: people, history: [], strategy: { kind: 'cohorts', teamsPerCohort: { min: 4, max: 5 } }, seed: 1 });
    expect(plan.explanation.balance.map((b) => b.teams.length)).toEqual([4, 3]);
    expect(plan.explanation.unsatisfied.map((u) => u.kind)).toEqual(['teamsPerCohort']);
  });

  it('keeps teamless people in plenary on request, and everyone there when nobody has a team', () => {
    const people = roster([{ size: 3, org: 1, region: 'West', orgType: 'rural hospital' }], 3);
    const plan = planBreakouts({ participants: people, history: [], strategy: { kind: 'cohorts', unteamed: 'plenary' }, seed: 1 });
    expect(plan.plenary).toEqual(['solo-0', 'solo-1', 'solo-2']);
    const none = planBreakouts({ participants: [{ id: 'a' }, { id: 'b' }], history: [], strategy: { kind: 'cohorts' }, seed: 1 });
    expect(none.rooms).toEqual([]);
    expect(none.plenary).toEqual(['a', 'b']);
  });
});
