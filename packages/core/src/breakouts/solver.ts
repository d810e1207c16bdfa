// Fills rooms of fixed sizes from pools of people, minimising the pair-graph cost
// plus an uneven spread of facilitators. A pool is a set of people and the rooms
// they may go to (one pool for random/mix, one per channel or caucus otherwise).
// People only ever swap within their pool, so sizes and pool rules never break.
//
// Method: a sampled greedy construction, then simulated annealing (see
// anneal.ts) with a bounded number of iterations.
// Tiny problems restart a few times, which makes known repeat-free schedules
// (social-golfer style) reliably reachable.

import type { Rng } from './rng.ts';
import { shuffleInPlace } from './rng.ts';
import { anneal } from './anneal.ts';
import { SearchState, type Pool, type SolveInput } from './search-state.ts';

// The solver's input shapes live with the search state, which both this file and
// anneal.ts build on; re-exported here for the callers that build a SolveInput.
export type { Pool, SolveInput } from './search-state.ts';

const SAMPLE = 12;
const SMALL = 64;
const RESTARTS = 8;

/** Returns the room of every person (-1 for people in no pool). */
export function solve(input: SolveInput): Int32Array {
  const state = new SearchState(input);
  const small = state.movable.length <= SMALL;
  // Small problems split the budget over several fresh starts and keep the best.
  const attempts = small ? RESTARTS : 1;
  const budget = Math.ceil(input.budget / attempts);
  let best = state.roomOf;
  let bestPenalty = Infinity;
  for (let attempt = 0; attempt < attempts && bestPenalty > 0; attempt++) {
    construct(state, input);
    if (state.penalty() > 0) anneal(state, input.rng, budget);
    if (state.penalty() < bestPenalty) {
      bestPenalty = state.penalty();
      best = attempts === 1 ? state.roomOf : state.roomOf.slice();
    }
  }
  return best;
}

function construct(state: SearchState, input: SolveInput): void {
  state.reset();
  input.pools.forEach((pool, p) => {
    const open = pool.rooms.slice();
    const slot = new Map(open.map((room, i) => [room, i]));
    for (const person of placementOrder(pool, input)) {
      const room = chooseRoom(state, person, open, p, input.rng);
      state.place(person, room);
      if (state.isFull(room)) removeOpen(open, slot, room);
    }
  });
}

/** O(1) removal: move the last open room into the freed slot. */
function removeOpen(open: number[], slot: Map<number, number>, room: number): void {
  const at = slot.get(room)!;
  const last = open.pop()!;
  if (last !== room) {
    open[at] = last;
    slot.set(last, at);
  }
  slot.delete(room);
}

/** Facilitators first, then keep-together groups side by side, then everyone else. */
function placementOrder(pool: Pool, input: SolveInput): number[] {
  const inPool = new Set(pool.members);
  const seen = new Set<number>();
  const order: number[] = [];
  const push = (person: number): void => {
    if (!seen.has(person) && inPool.has(person)) {
      seen.add(person);
      order.push(person);
    }
  };
  const facs = input.facilitators;
  const shuffled = shuffleInPlace(pool.members.slice(), input.rng);
  if (facs !== null) for (const person of shuffled) if (facs[person] === 1) push(person);
  for (const group of shuffleInPlace(input.together.slice(), input.rng)) group.forEach(push);
  shuffled.forEach(push);
  return order;
}

/**
 * Cheapest room among the rooms of placed neighbours and a random sample of open
 * rooms; ties go to the room with most free seats, which keeps later choices open
 * (and stops keep-together groups piling into the same room).
 */
function chooseRoom(state: SearchState, person: number, open: number[], pool: number, rng: Rng): number {
  const touched = state.neighbourRoomCosts(person);
  let best = -1;
  let bestCost = Infinity;
  let bestFree = -1;
  const consider = (room: number): void => {
    if (state.poolOfRoom[room] !== pool || state.isFull(room)) return;
    const cost = state.scratch[room]! + state.placeFacilitatorCost(person, room);
    const free = state.freeSeats(room);
    if (cost < bestCost || (cost === bestCost && free > bestFree)) {
      bestCost = cost;
      bestFree = free;
      best = room;
    }
  };
  const tries = Math.min(open.length, SAMPLE);
  const shift = rng.int(open.length);
  for (let t = 0; t < tries; t++) {
    consider(open.length <= SAMPLE ? open[(t + shift) % open.length]! : open[rng.int(open.length)]!);
  }
  for (const room of touched) consider(room);
  state.clearScratch(touched);
  return best >= 0 ? best : open[0]!;
}
