// A sparse, weighted "who should (not) share a room" graph in compressed form.
// A positive weight is a cost paid when the two share a room (met before,
// teammates, keep apart); a negative weight is a cost avoided when they share
// one (keep together).

import type { Context } from './context.ts';
import { encodePair, decodePair } from './pairs.ts';

/** Cost of breaking a hard rule (keep apart/together, facilitator spread). */
export const HARD = 1000;
/** Cost of seating two teammates together when the mix asks to avoid it. */
export const TEAMMATE = 3;

export interface PairGraph {
  n: number;
  /** Neighbours of i are nbr[start[i]] .. nbr[start[i + 1] - 1]. */
  start: Int32Array;
  nbr: Int32Array;
  weight: Float64Array;
  /** Sum of |negative weights|: the cost floor is zero once this is added. */
  offset: number;
}

export interface WeightSources {
  history: boolean;
  sameTeam: boolean;
}

export function buildWeights(ctx: Context, sources: WeightSources): Map<number, number> {
  const n = Math.max(ctx.n, 1);
  const weights = new Map<number, number>();
  const add = (i: number, j: number, w: number): void => {
    const key = encodePair(i, j, n);
    weights.set(key, (weights.get(key) ?? 0) + w);
  };
  if (sources.history) for (const [key, times] of ctx.history) weights.set(key, times);
  if (sources.sameTeam) addTeammates(ctx, add);
  for (const group of ctx.apart) forPairs(group, (i, j) => add(i, j, HARD));
  for (const group of ctx.together) forPairs(group, (i, j) => add(i, j, -HARD));
  return weights;
}

function addTeammates(ctx: Context, add: (i: number, j: number, w: number) => void): void {
  const teams = new Map<string, number[]>();
  ctx.people.forEach((p, i) => {
    const team = typeof p.team === 'string' ? p.team.trim() : '';
    if (team === '') return;
    const list = teams.get(team) ?? [];
    list.push(i);
    teams.set(team, list);
  });
  for (const members of teams.values()) forPairs(members, (i, j) => add(i, j, TEAMMATE));
}

export function forPairs(list: readonly number[], visit: (i: number, j: number) => void): void {
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) visit(list[x] as number, list[y] as number);
  }
}

export function buildGraph(weights: ReadonlyMap<number, number>, n: number): PairGraph {
  const size = Math.max(n, 1);
  const degree = new Int32Array(n + 1);
  let offset = 0;
  for (const [key, w] of weights) {
    if (w === 0) continue;
    const [i, j] = decodePair(key, size);
    degree[i + 1]!++;
    degree[j + 1]!++;
    if (w < 0) offset -= w;
  }
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const start = degree;
  const fill = start.slice(0, n);
  const nbr = new Int32Array(start[n] ?? 0);
  const weight = new Float64Array(nbr.length);
  for (const [key, w] of weights) {
    if (w === 0) continue;
    const [i, j] = decodePair(key, size);
    place(fill, nbr, weight, i, j, w);
    place(fill, nbr, weight, j, i, w);
  }
  return { n, start, nbr, weight, offset };
}

function place(fill: Int32Array, nbr: Int32Array, weight: Float64Array, from: number, to: number, w: number): void {
  const at = fill[from] as number;
  nbr[at] = to;
  weight[at] = w;
  fill[from] = at + 1;
}
