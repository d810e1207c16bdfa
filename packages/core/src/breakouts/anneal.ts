// Simulated annealing over a filled SearchState. Two kinds of move, both
// keeping every room's size: swap two people of one pool between rooms, or
// move a whole keep-together group across by swapping its members with as many
// people from the target room (so a group never has to break up to make way). A hot phase accepts some worse moves; then only improvements.

import type { SearchState } from './search-state.ts';
import type { Rng } from './rng.ts';

/**
 * Runs at most `budget` moves. A long stretch without a new best ends the hot
 * phase early, and then the search.
 */
export function anneal(state: SearchState, rng: Rng, budget: number): void {
  const movers = state.movable;
  if (movers.length === 0) return;
  const total = Math.max(1, budget);
  const patience = Math.max(10_000, 3 * movers.length);
  // Rebuilding the troubled list costs about one sweep of the graph; do it about
  // as often as the moves in between cost the same.
  const refresh = Math.max(64, movers.length);
  const schedule = Math.floor(total * 0.8);
  let hot = schedule;
  let best = state.penalty();
  let lastGain = 0;
  let bad: number[] = [];
  for (let it = 0; it < total && best > 0; it++) {
    if (it - lastGain > patience) {
      if (it >= hot) return;
      hot = it;
      lastGain = it;
    }
    if (it % refresh === 0) bad = state.troubled();
    const a = bad.length > 0 && rng.next() < 0.8 ? bad[rng.int(bad.length)]! : movers[rng.int(movers.length)]!;
    const mates = state.poolMembers(a);
    const b = mates[rng.int(mates.length)]!;
    if (state.roomOf[a] === state.roomOf[b]) continue;
    const temp = it < hot ? temperature(it, schedule) : 0;
    const grouped = state.groupOf[a]! >= 0 && rng.next() < 0.5;
    if (grouped) moveGroup(state, a, state.roomOf[b]!, temp, rng);
    else swapPair(state, a, b, temp, rng);
    if (state.penalty() < best) {
      best = state.penalty();
      lastGain = it;
    }
  }
}

/** Metropolis rule; temp 0 means "improvements only". */
function accept(delta: number, temp: number, rng: Rng): boolean {
  if (delta < 0) return true;
  if (temp <= 0) return false;
  return delta === 0 || rng.next() < Math.exp(-delta / temp);
}

function swapPair(state: SearchState, a: number, b: number, temp: number, rng: Rng): void {
  const delta = state.swapDelta(a, b);
  if (accept(delta, temp, rng)) state.swap(a, b, delta);
}

/** Moves a's keep-together group (its members in a's room) into room `to`. */
function moveGroup(state: SearchState, a: number, to: number, temp: number, rng: Rng): void {
  const from = state.roomOf[a]!;
  const g = state.groupOf[a]!;
  const moving = (state.groups[g] ?? []).filter((m) => state.roomOf[m] === from);
  const free: number[] = [];
  for (const m of state.membersOf(to)) if (state.groupOf[m] !== g) free.push(m);
  if (free.length < moving.length) return;
  const partners: number[] = [];
  for (let k = 0; k < moving.length; k++) {
    const pick = k + rng.int(free.length - k);
    [free[k], free[pick]] = [free[pick]!, free[k]!];
    partners.push(free[k]!);
  }
  let total = 0;
  moving.forEach((m, k) => {
    const delta = state.swapDelta(m, partners[k]!);
    state.swap(m, partners[k]!, delta);
    total += delta;
  });
  if (accept(total, temp, rng)) return;
  for (let k = moving.length - 1; k >= 0; k--) {
    state.swap(moving[k]!, partners[k]!, state.swapDelta(moving[k]!, partners[k]!));
  }
}

/** Geometric cooling from 2 to 0.02 over the planned hot phase. */
function temperature(it: number, schedule: number): number {
  return 2 * Math.pow(0.01, it / Math.max(1, schedule));
}
