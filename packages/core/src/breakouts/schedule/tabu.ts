// Tabu search over the social-golfer formulation (after Dotú & Van Hentenryck,
// "Scheduling social golfers locally", 2005): every move swaps two people between
// rooms of one round, so room sizes never change. Each step looks only at people in
// conflict (a room-mate who costs), tries every swap partner for them, and takes the
// best swap that is not tabu (or that beats the best schedule seen). Swapping back
// is tabu for a few steps; a long stretch without a new best restarts from the best
// schedule with a few random swaps.
//
// The budget counts matrix cells read, so a run is deterministic by seed and its
// length does not depend on the machine.

import type { Rng } from '../rng.ts';
import type { ScheduleState } from './state.ts';

export interface TabuOptions {
  /** Matrix cells the search may read (about 50–100 million a second on one core). */
  budget: number;
  rng: Rng;
}

export interface TabuResult {
  rounds: Int32Array[];
  cost: number;
  /** Cells read; at most budget plus one step. */
  work: number;
  steps: number;
}

/** Conflicts looked at per step when there are many (all of them when fewer). */
const SAMPLE = 24;
const TENURE_MIN = 4;
const TENURE_SPAN = 10;

interface Move {
  r: number;
  a: number;
  b: number;
  delta: number;
}

export function tabuSearch(state: ScheduleState, { budget, rng }: TabuOptions): TabuResult {
  const { n, roundCount } = state;
  const forbidRoom = new Int32Array(roundCount * n).fill(-1);
  const forbidUntil = new Int32Array(roundCount * n);
  const stable = 200 + 20 * n;
  let best = state.penalty();
  let bestRounds = state.snapshot();
  let work = 0;
  let steps = 0;
  let lastGain = 0;
  while (work < budget) {
    const conflicts = collectConflicts(state);
    work += roundCount * n * 4;
    if (conflicts.length === 0) break;
    const isTabu = (r: number, p: number, room: number): boolean => forbidRoom[r * n + p] === room && forbidUntil[r * n + p]! > steps;
    const move = bestMove(state, pick(conflicts, rng), rng, best, isTabu);
    work += move.work;
    steps++;
    if (move.best !== null) {
      const { r, a, b } = move.best;
      const roomOf = state.roomOf[r]!;
      forbidRoom[r * n + a] = roomOf[a]!;
      forbidRoom[r * n + b] = roomOf[b]!;
      forbidUntil[r * n + a] = steps + TENURE_MIN + rng.int(TENURE_SPAN);
      forbidUntil[r * n + b] = steps + TENURE_MIN + rng.int(TENURE_SPAN);
      state.swap(r, a, b);
    }
    if (state.penalty() < best) {
      best = state.penalty();
      bestRounds = state.snapshot();
      lastGain = steps;
    } else if (steps - lastGain > stable) {
      state.load(bestRounds);
      perturb(state, rng, 1 + rng.int(3));
      forbidRoom.fill(-1);
      lastGain = steps;
      work += roundCount * n * 4;
    }
  }
  return { rounds: bestRounds, cost: best, work, steps };
}

/** Every (round, person) in conflict, as round * n + person. */
function collectConflicts(state: ScheduleState): number[] {
  const out: number[] = [];
  for (let r = 0; r < state.roundCount; r++) {
    for (let p = 0; p < state.n; p++) if (state.inConflict(r, p)) out.push(r * state.n + p);
  }
  return out;
}

function pick(conflicts: number[], rng: Rng): number[] {
  if (conflicts.length <= SAMPLE) return conflicts;
  for (let k = 0; k < SAMPLE; k++) {
    const j = k + rng.int(conflicts.length - k);
    [conflicts[k], conflicts[j]] = [conflicts[j]!, conflicts[k]!];
  }
  return conflicts.slice(0, SAMPLE);
}

/** The best allowed swap for any of `candidates` (ties broken at random). */
function bestMove(
  state: ScheduleState,
  candidates: readonly number[],
  rng: Rng,
  best: number,
  isTabu: (r: number, p: number, room: number) => boolean,
): { best: Move | null; work: number } {
  const { n } = state;
  const cost = state.penalty();
  let found: Move | null = null;
  let ties = 0;
  let work = 0;
  for (const c of candidates) {
    const r = Math.floor(c / n);
    const a = c - r * n;
    const roomOf = state.roomOf[r]!;
    const ra = roomOf[a]!;
    const sizeA = state.members[r]![ra]!.length;
    for (let b = 0; b < n; b++) {
      const rb = roomOf[b]!;
      if (rb < 0 || rb === ra || !state.canSwap(a, b)) continue;
      const delta = state.swapDelta(r, a, b);
      work += sizeA + state.members[r]![rb]!.length;
      if ((isTabu(r, a, rb) || isTabu(r, b, ra)) && cost + delta >= best) continue;
      if (found === null || delta < found.delta) {
        found = { r, a, b, delta };
        ties = 1;
      } else if (delta === found.delta && rng.int(++ties) === 0) {
        found = { r, a, b, delta };
      }
    }
  }
  return { best: found, work };
}

/** A few random swaps in random rounds, to leave a basin the search keeps returning to. */
function perturb(state: ScheduleState, rng: Rng, swaps: number): void {
  for (let k = 0; k < swaps; k++) {
    const r = rng.int(state.roundCount);
    const a = rng.int(state.n);
    const b = rng.int(state.n);
    const roomOf = state.roomOf[r]!;
    if (roomOf[a]! >= 0 && roomOf[b]! >= 0 && roomOf[a] !== roomOf[b] && state.canSwap(a, b)) state.swap(r, a, b);
  }
}
