// Assigns whole teams to cohorts. Each cohort gets a fixed number of teams
// (balanced counts); the search then minimises, in strict order of priority:
// 1. teams of one organisation sharing a cohort, broken keep-apart / keep-together
//    links, more than one facilitator in a cohort (if asked);
// 2. for 'mix': a region or org type more than one team apart between cohorts;
// 3. uneven head counts;
// 4. for 'mix' cohorts dominated by one region or org type (for 'similar', cohorts
//    that mix them).
// 'mix' starts from a split that meets 2 by construction (cohort-balance.ts) and only
// ever keeps a better one, so 2 holds whenever 1 allows it. Up to EXACT teams the
// search is exhaustive instead, so there it holds wherever such a split exists at all.

import { balancedCohorts } from './cohort-balance.ts';
import { HARD } from './graph.ts';
import type { Rng } from './rng.ts';
import { shuffleInPlace } from './rng.ts';

export interface TeamProfile {
  name: string;
  members: number[];
  organisation: string;
  region: string;
  orgType: string;
  /** Facilitators on the team (spread one per cohort when asked). */
  facilitators: number;
}

export interface CohortSearchInput {
  teams: TeamProfile[];
  /** Number of teams in each cohort. */
  counts: number[];
  /** Extra cost when two teams (key a * t + b, a < b) share a cohort. */
  linkWeight: ReadonlyMap<number, number>;
  balance: 'mix' | 'similar';
  spreadFacilitators: boolean;
  rng: Rng;
}

/** Weights of the priorities above: each outweighs everything below it. */
const RULE = 1e9;
const UNEVEN = 1e6;
const SIZE_WEIGHT = 2;
/** Up to this many teams every split is tried. */
const EXACT = 12;

type CostOf = (list: readonly number[]) => number;

export function searchCohorts(input: CohortSearchInput): number[][] {
  const { teams, counts, rng } = input;
  const order = shuffleInPlace(teams.map((_, i) => i), rng);
  if (counts.length < 2) return [order];
  const costOf = costFunction(input);
  if (teams.length <= EXACT) return exhaustive(order, counts, costOf);
  const start = input.balance === 'mix' ? balancedCohorts(teams, counts, order) : dealt(order, counts);
  return anneal(start, input, costOf);
}

function dealt(order: readonly number[], counts: readonly number[]): number[][] {
  let next = 0;
  return counts.map((count) => order.slice(next, (next += count)));
}

/** Every split of `order` into cohorts of `counts` teams (equal empty cohorts tried once); the cheapest. */
function exhaustive(order: readonly number[], counts: readonly number[], costOf: CostOf): number[][] {
  const cohorts: number[][] = counts.map(() => []);
  let best: number[][] = dealt(order, counts);
  let bestCost = sumCost(best, costOf);
  const place = (i: number): void => {
    if (i === order.length) {
      const cost = sumCost(cohorts, costOf);
      if (cost < bestCost) {
        bestCost = cost;
        best = cohorts.map((c) => c.slice());
      }
      return;
    }
    const tried = new Set<number>();
    for (let c = 0; c < cohorts.length; c++) {
      const cohort = cohorts[c]!;
      if (cohort.length >= counts[c]! || (cohort.length === 0 && tried.has(counts[c]!))) continue;
      if (cohort.length === 0) tried.add(counts[c]!);
      cohort.push(order[i]!);
      place(i + 1);
      cohort.pop();
    }
  };
  place(0);
  return best;
}

const sumCost = (cohorts: readonly number[][], costOf: CostOf): number => cohorts.reduce((sum, c) => sum + costOf(c), 0);

function anneal(cohorts: number[][], input: CohortSearchInput, costOf: CostOf): number[][] {
  const { rng } = input;
  const costs = cohorts.map(costOf);
  let total = costs.reduce((s, c) => s + c, 0);
  let best = cohorts.map((c) => c.slice());
  let bestTotal = total;
  const budget = Math.min(200_000, Math.max(5_000, input.teams.length * 1_000));
  for (let it = 0; it < budget; it++) {
    const x = rng.int(cohorts.length);
    const y = rng.int(cohorts.length);
    if (x === y) continue;
    const cx = cohorts[x]!;
    const cy = cohorts[y]!;
    const i = rng.int(cx.length);
    const j = rng.int(cy.length);
    swapAt(cx, i, cy, j);
    const nx = costOf(cx);
    const ny = costOf(cy);
    const delta = nx + ny - costs[x]! - costs[y]!;
    const temp = 4 * Math.pow(0.005, it / budget);
    if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
      costs[x] = nx;
      costs[y] = ny;
      total += delta;
      if (total < bestTotal) {
        bestTotal = total;
        best = cohorts.map((c) => c.slice());
      }
    } else {
      swapAt(cx, i, cy, j);
    }
  }
  return best;
}

function swapAt(a: number[], i: number, b: number[], j: number): void {
  const tmp = a[i]!;
  a[i] = b[j]!;
  b[j] = tmp;
}

/**
 * The cost of one cohort. A region or org type is within one team between cohorts
 * exactly when every cohort holds floor(d/k) or ceil(d/k) of its d teams; each team
 * outside that range counts as one step of unevenness.
 */
function costFunction(input: CohortSearchInput): CostOf {
  const { teams, counts } = input;
  const meanSize = teams.reduce((s, t) => s + t.members.length, 0) / Math.max(1, teams.length);
  const regionTotals = new Map<string, number>();
  const typeTotals = new Map<string, number>();
  for (const team of teams) {
    bump(regionTotals, team.region);
    bump(typeTotals, team.orgType);
  }
  const k = counts.length;
  return (list) => {
    const { cost, regions, types } = cohortCost(list, input, meanSize);
    if (input.balance !== 'mix') return cost;
    return cost + UNEVEN * (outside(regions, regionTotals, k) + outside(types, typeTotals, k));
  };
}

function outside(counts: ReadonlyMap<string, number>, totals: ReadonlyMap<string, number>, k: number): number {
  let steps = 0;
  for (const [value, d] of totals) {
    const c = counts.get(value) ?? 0;
    steps += Math.max(0, Math.floor(d / k) - c, c - Math.ceil(d / k));
  }
  return steps;
}

function cohortCost(list: readonly number[], input: CohortSearchInput, meanSize: number) {
  const { teams, linkWeight } = input;
  const t = teams.length;
  let cost = 0;
  let people = 0;
  let facilitators = 0;
  const regions = new Map<string, number>();
  const types = new Map<string, number>();
  for (let x = 0; x < list.length; x++) {
    const a = list[x]!;
    const team = teams[a]!;
    people += team.members.length;
    facilitators += team.facilitators;
    bump(regions, team.region);
    bump(types, team.orgType);
    for (let y = x + 1; y < list.length; y++) {
      const b = list[y]!;
      if (team.organisation !== '' && team.organisation === teams[b]!.organisation) cost += RULE;
      cost += ((linkWeight.get(a < b ? a * t + b : b * t + a) ?? 0) / HARD) * RULE;
    }
  }
  if (input.spreadFacilitators) cost += RULE * Math.max(0, facilitators - 1);
  const spread = sumOfSquares(regions) + sumOfSquares(types);
  cost += input.balance === 'mix' ? spread : -spread;
  const gap = people - list.length * meanSize;
  return { cost: cost + SIZE_WEIGHT * gap * gap, regions, types };
}

function bump(counts: Map<string, number>, key: string): void {
  if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sumOfSquares(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c * c;
  return sum;
}
