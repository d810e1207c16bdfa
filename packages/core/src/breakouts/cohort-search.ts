// Assigns whole teams to cohorts. Each cohort gets a fixed number of teams
// (balanced counts); swaps of teams between cohorts then minimise, heaviest
// first: teams of one organisation sharing a cohort, broken keep-apart /
// keep-together links, more than one facilitator in a cohort (if asked), uneven
// head counts, and for 'mix' cohorts dominated by one region or org type (for
// 'similar', cohorts that mix them).

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

const SIZE_WEIGHT = 2;

export function searchCohorts(input: CohortSearchInput): number[][] {
  const { teams, counts, rng } = input;
  const order = shuffleInPlace(teams.map((_, i) => i), rng);
  const cohorts: number[][] = [];
  let next = 0;
  for (const count of counts) {
    cohorts.push(order.slice(next, next + count));
    next += count;
  }
  if (cohorts.length < 2) return cohorts;
  return anneal(cohorts, input);
}

function anneal(cohorts: number[][], input: CohortSearchInput): number[][] {
  const { rng } = input;
  const meanSize = input.teams.reduce((s, t) => s + t.members.length, 0) / Math.max(1, input.teams.length);
  const costOf = (list: readonly number[]): number => cohortCost(list, input, meanSize);
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

function cohortCost(list: readonly number[], input: CohortSearchInput, meanSize: number): number {
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
      if (team.organisation !== '' && team.organisation === teams[b]!.organisation) cost += HARD;
      cost += linkWeight.get(a < b ? a * t + b : b * t + a) ?? 0;
    }
  }
  if (input.spreadFacilitators) cost += HARD * Math.max(0, facilitators - 1);
  const spread = sumOfSquares(regions) + sumOfSquares(types);
  cost += input.balance === 'mix' ? spread : -spread;
  const gap = people - list.length * meanSize;
  return cost + SIZE_WEIGHT * gap * gap;
}

function bump(counts: Map<string, number>, key: string): void {
  if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sumOfSquares(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c * c;
  return sum;
}
