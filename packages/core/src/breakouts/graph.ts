// The "who should (not) share a room" graph the search minimises. A positive
// weight is a cost paid when the two share a room (met before, teammates, keep
// apart); a negative weight is a cost avoided when they do (keep together).

import type { Context } from './context.ts';
import { EdgeList } from './edges.ts';
import type { PairGraph } from './edges.ts';

export type { PairGraph } from './edges.ts';

/** Cost of breaking a hard rule (keep apart/together, facilitator spread). */
export const HARD = 1000;
/** Cost of seating two teammates together when the mix asks to avoid it. */
export const TEAMMATE = 3;

export interface WeightSources {
  history: boolean;
  sameTeam: boolean;
}

export function buildWeightGraph(ctx: Context, sources: WeightSources): PairGraph {
  const edges = new EdgeList();
  if (sources.history) addGraph(edges, ctx.history);
  if (sources.sameTeam) for (const members of teamsOf(ctx)) edges.addClique(members, TEAMMATE);
  for (const group of ctx.apart) edges.addClique(group, HARD);
  for (const group of ctx.together) edges.addClique(group, -HARD);
  return edges.toGraph(ctx.n);
}

/** Copies each pair of `graph` once (weight = times met). */
function addGraph(edges: EdgeList, graph: PairGraph): void {
  for (let i = 0; i < graph.n; i++) {
    for (let e = graph.start[i]!; e < graph.start[i + 1]!; e++) {
      const j = graph.nbr[e]!;
      if (j > i) edges.add(i, j, graph.weight[e]!);
    }
  }
}

/** Members of each named team (trimmed names; people without a team are skipped). */
export function teamsOf(ctx: Context): number[][] {
  const teams = new Map<string, number[]>();
  ctx.people.forEach((p, i) => {
    const team = typeof p.team === 'string' ? p.team.trim() : '';
    if (team === '') return;
    const list = teams.get(team) ?? [];
    list.push(i);
    teams.set(team, list);
  });
  return [...teams.values()];
}

export function forPairs(list: readonly number[], visit: (i: number, j: number) => void): void {
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) visit(list[x]!, list[y]!);
  }
}
