// Glue between strategies that think in "pools" (who may go to which rooms) and
// the search that fills those rooms.

import type { Context, DraftRoom } from './context.ts';
import { buildWeightGraph } from './graph.ts';
import type { PairGraph, WeightSources } from './graph.ts';
import { balancedSizes } from './sizes.ts';
import { solve } from './solver.ts';
import type { Pool } from './solver.ts';

export interface PoolSpec {
  members: number[];
  /** Empty rooms to fill, in display order. */
  rooms: DraftRoom[];
}

/** A pool of `members` split into `count` balanced rooms named by `nameOf`. */
export function poolOf(
  members: number[],
  count: number,
  nameOf: (r: number) => { key: string; name: string; kind?: 'breakout' | 'caucus'; caucus?: string },
): PoolSpec {
  const rooms = Array.from({ length: count }, (_, r): DraftRoom => {
    const { key, name, kind, caucus } = nameOf(r);
    const room: DraftRoom = { key, name, kind: kind ?? 'breakout', members: [] };
    if (caucus !== undefined) room.caucus = caucus;
    return room;
  });
  return { members, rooms };
}

/** Upper bound on neighbour visits per search, so dense histories stay fast. */
const WORK = 40_000_000;

/**
 * Search effort: more for a real optimisation (mix), a little for constraints
 * only, and fewer iterations when each one is expensive (many past meetings).
 */
export function budgetFor(people: number, optimise: boolean, graph: PairGraph): number {
  const [perPerson, least, most] = optimise ? [150, 60_000, 1_500_000] : [40, 20_000, 400_000];
  const iterations = Math.min(most, Math.max(least, people * perPerson));
  const perIteration = 2 + (2 * graph.nbr.length) / Math.max(1, graph.n);
  return Math.max(1_000, Math.min(iterations, Math.floor(WORK / perIteration)));
}

/** Fills every pool's rooms with balanced sizes; returns the rooms in order. */
export function fillPools(ctx: Context, specs: PoolSpec[], sources: WeightSources, optimise: boolean): DraftRoom[] {
  const rooms: DraftRoom[] = [];
  const pools: Pool[] = specs.map((spec) => {
    const first = rooms.length;
    rooms.push(...spec.rooms);
    const indices = spec.rooms.map((_, r) => first + r);
    return { members: spec.members, rooms: indices, sizes: balancedSizes(spec.members.length, indices.length) };
  });
  const people = specs.reduce((sum, spec) => sum + spec.members.length, 0);
  const graph = buildWeightGraph(ctx, sources);
  const roomOf = solve({
    pools,
    roomTotal: rooms.length,
    graph,
    facilitators: ctx.onePerRoom ? ctx.isFacilitator : null,
    together: ctx.together,
    budget: budgetFor(people, optimise, graph),
    rng: ctx.rng,
  });
  for (let i = 0; i < ctx.n; i++) {
    const r = roomOf[i]!;
    if (r >= 0) rooms[r]!.members.push(i);
  }
  return rooms;
}
