// Cohorts balance every region and every org type within one team between cohorts
// wherever such a split exists. Small rosters: an exhaustive search in the test decides
// whether one exists. Larger rosters with distinct organisations: one always exists
// (teams are edges between their region and org type; a bipartite multigraph has an
// equitable k-edge-colouring with colour classes of balanced size), so it must be met.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakouts } from '../../src/breakouts/index.ts';
import type { EngineParticipant, Plan } from '../../src/breakouts/index.ts';
import { seedArb } from './helpers.ts';

interface Team {
  size: number;
  org: number;
  region: string;
  orgType: string;
}

const teamArb = (orgs: number) =>
  fc.record({
    size: fc.integer({ min: 1, max: 7 }),
    org: fc.integer({ min: 0, max: orgs }),
    region: fc.constantFrom('West', 'Midwest', 'Northeast', 'Southeast', 'Southwest'),
    orgType: fc.constantFrom('rural hospital', 'academic medical center', 'community health center', 'clinic'),
  });

function roster(teams: readonly Team[]): EngineParticipant[] {
  return teams.flatMap((t, k) =>
    Array.from({ length: t.size }, (_, i) => ({ id: `t${k}-m${i}`, team: `team-${k}`, organisation: `org-${t.org}`, region: t.region, orgType: t.orgType })),
  );
}

/** Teams (indices) per cohort of a plan. */
const cohortsOf = (plan: Plan): number[][] => plan.explanation.balance.map((b) => b.teams.map((name) => Number(name.slice(5))));

/** Largest gap between cohorts in how many teams of one region / org type they hold. */
function unevenness(teams: readonly Team[], cohorts: readonly number[][]): number {
  let worst = 0;
  for (const field of ['region', 'orgType'] as const) {
    for (const value of new Set(teams.map((t) => t[field]))) {
      const counts = cohorts.map((list) => list.filter((t) => teams[t]![field] === value).length);
      worst = Math.max(worst, Math.max(...counts) - Math.min(...counts));
    }
  }
  return worst;
}

/**
 * Pairs of teams of one organisation sharing a cohort, as the planner counts them: three
 * teams of one organisation together are three pairs, so it spreads them 2 + 2 rather than
 * 1 + 3 (both leave two teams with a colleague's team, but 1 + 3 puts three together).
 */
function orgClashes(teams: readonly Team[], cohorts: readonly number[][]): number {
  let pairs = 0;
  for (const list of cohorts) {
    const perOrg = new Map<number, number>();
    for (const t of list) perOrg.set(teams[t]!.org, (perOrg.get(teams[t]!.org) ?? 0) + 1);
    for (const n of perOrg.values()) pairs += (n * (n - 1)) / 2;
  }
  return pairs;
}

/** Over every split into cohorts of these team counts: the fewest organisation clashes, and whether a within-one split has that few. */
function bestSplits(teams: readonly Team[], counts: readonly number[]): { clashes: number; evenWithFewest: boolean } {
  const cohorts: number[][] = counts.map(() => []);
  let clashes = Infinity;
  let evenWithFewest = false;
  const place = (t: number): void => {
    if (t === teams.length) {
      const c = orgClashes(teams, cohorts);
      const even = unevenness(teams, cohorts) <= 1;
      if (c < clashes) [clashes, evenWithFewest] = [c, even];
      else if (c === clashes) evenWithFewest ||= even;
      return;
    }
    const triedEmpty = new Set<number>(); // empty cohorts of one size are interchangeable: try one
    for (let c = 0; c < cohorts.length; c++) {
      if (cohorts[c]!.length >= counts[c]! || (cohorts[c]!.length === 0 && triedEmpty.has(counts[c]!))) continue;
      if (cohorts[c]!.length === 0) triedEmpty.add(counts[c]!);
      cohorts[c]!.push(t);
      place(t + 1);
      cohorts[c]!.pop();
    }
  };
  place(0);
  return { clashes, evenWithFewest };
}

const plan = (teams: readonly Team[], min: number, max: number, seed: number): Plan =>
  planBreakouts({ participants: roster(teams), history: [], strategy: { kind: 'cohorts', teamsPerCohort: { min, max } }, seed });

describe('cohort balance', () => {
  it('small rosters: within one team wherever an exhaustive search finds such a split', () => {
    const arb = fc.record({ teams: fc.array(teamArb(6), { minLength: 2, maxLength: 9 }), min: fc.integer({ min: 2, max: 4 }), extra: fc.integer({ min: 0, max: 1 }), seed: seedArb });
    fc.assert(
      fc.property(arb, ({ teams, min, extra, seed }) => {
        const made = cohortsOf(plan(teams, min, min + extra, seed));
        if (made.length < 2) return;
        const { clashes, evenWithFewest } = bestSplits(teams, made.map((c) => c.length).sort((a, b) => a - b));
        expect(orgClashes(teams, made)).toBe(clashes);
        if (evenWithFewest) expect(unevenness(teams, made)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('larger rosters of distinct organisations: always within one team', () => {
    const arb = fc.record({
      teams: fc.array(teamArb(0), { minLength: 13, maxLength: 60 }).map((list) => list.map((t, i) => ({ ...t, org: i }))),
      min: fc.integer({ min: 2, max: 5 }),
      extra: fc.integer({ min: 0, max: 2 }),
      seed: seedArb,
    });
    fc.assert(
      fc.property(arb, ({ teams, min, extra, seed }) => {
        const made = cohortsOf(plan(teams, min, min + extra, seed));
        expect(made.flat().sort((a, b) => a - b)).toEqual(teams.map((_, i) => i));
        expect(unevenness(teams, made)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
