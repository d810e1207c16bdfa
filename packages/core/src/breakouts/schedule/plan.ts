// Several mix rounds for the same people, planned as a whole. Start from what
// planning round by round gives (each round avoids everyone met so far), then let a
// tabu search rearrange all rounds at once, and keep whichever schedule is better:
// fewer unmet wishes, then fewer repeat pairs, then a lower cost. Never worse.

import { createContext } from '../context.ts';
import type { DraftRoom } from '../context.ts';
import { PlanError } from '../errors.ts';
import { finishPlan } from '../explain.ts';
import { buildWeightGraph } from '../graph.ts';
import type { PairGraph } from '../graph.ts';
import { historyFromRooms } from '../pairs.ts';
import { planBreakouts } from '../plan.ts';
import { planMixed } from '../random.ts';
import { createRng, normaliseSeed } from '../rng.ts';
import type { Constraints, EngineParticipant, MixStrategy, PairHistory, Plan, PlanInput, RoomSpec } from '../types.ts';
import { ScheduleState } from './state.ts';
import { tabuSearch } from './tabu.ts';

/** Rounds one schedule may hold (an agenda holds at most 20). */
export const MAX_SCHEDULE_ROUNDS = 20;
/** Beyond this many people the search's n × n matrix gets large: plan round by round. */
export const MAX_SCHEDULE_PEOPLE = 1000;

export interface ScheduleInput {
  participants: EngineParticipant[];
  history: PairHistory;
  /** How the rooms of each round are made (sizes may differ from round to round). */
  rounds: RoomSpec[];
  avoidSameTeam?: boolean;
  constraints?: Constraints;
  seed: number;
  /** Matrix cells the whole-schedule search may read (deterministic); 0 = round by round only. */
  budget: number;
}

export interface SchedulePlan {
  /** One plan per round; each counts repeats against history and the rounds before it. */
  plans: Plan[];
  repeatPairs: number;
  /** What planning one round at a time gave (the search's starting point). */
  roundByRound: { repeatPairs: number; plans: Plan[] };
  /** True when the whole-schedule search found something better than round by round. */
  improved: boolean;
  /** Matrix cells the search read. */
  work: number;
}

export function planSchedule(input: ScheduleInput): SchedulePlan {
  if (!Array.isArray(input.rounds) || input.rounds.length === 0 || input.rounds.length > MAX_SCHEDULE_ROUNDS) {
    throw new PlanError('INVALID_OPTION', `A schedule holds 1 to ${MAX_SCHEDULE_ROUNDS} rounds.`);
  }
  if (!Number.isFinite(input.budget) || input.budget < 0) {
    throw new PlanError('INVALID_OPTION', 'The search budget must be a number of at least 0.');
  }
  const warm = roundByRound(input);
  const warmRepeats = totalRepeats(warm);
  const n = input.participants.length;
  if (input.budget === 0 || n > MAX_SCHEDULE_PEOPLE || n < 2) return keep(warm, warmRepeats, 0);
  const ctx = createContext(roundInput(input, 0, input.history));
  const indexOf = ctx.indexOf;
  const state = new ScheduleState({
    n,
    base: dense(buildWeightGraph(ctx, { history: true, sameTeam: input.avoidSameTeam === true })),
    rounds: warm.map((plan) => roomsOf(plan, indexOf, n)),
    classOf: ctx.onePerRoom ? ctx.isFacilitator : new Uint8Array(n),
    partners: partnersOf(ctx.together, n),
  });
  const warmCost = state.penalty();
  const found = tabuSearch(state, { budget: input.budget, rng: createRng(normaliseSeed(input.seed) ^ 0x5eed) });
  if (found.cost >= warmCost) return keep(warm, warmRepeats, found.work);
  const plans = fixedPlans(input, warm, found.rounds);
  const repeats = totalRepeats(plans);
  const better = unmet(plans) < unmet(warm) || (unmet(plans) === unmet(warm) && repeats <= warmRepeats);
  if (!better) return keep(warm, warmRepeats, found.work);
  return { plans, repeatPairs: repeats, roundByRound: { repeatPairs: warmRepeats, plans: warm }, improved: true, work: found.work };
}

function keep(warm: Plan[], repeats: number, work: number): SchedulePlan {
  return { plans: warm, repeatPairs: repeats, roundByRound: { repeatPairs: repeats, plans: warm }, improved: false, work };
}

function roundInput(input: ScheduleInput, r: number, history: PairHistory): PlanInput {
  const strategy: MixStrategy = { kind: 'mix', ...input.rounds[r]!, ...(input.avoidSameTeam ? { avoidSameTeam: true } : {}) };
  return {
    participants: input.participants,
    history,
    strategy,
    ...(input.constraints ? { constraints: input.constraints } : {}),
    seed: normaliseSeed(input.seed) + r,
  };
}

/** Today's engine: each round in turn, everything planned before it as history. */
function roundByRound(input: ScheduleInput): Plan[] {
  const plans: Plan[] = [];
  let history: PairHistory = input.history;
  input.rounds.forEach((_, r) => {
    const plan = planBreakouts(roundInput(input, r, history));
    plans.push(plan);
    history = [...history, ...historyFromRooms(plan.rooms)];
  });
  return plans;
}

/** The same rounds with the search's seating, each explained as the mix explains a round. */
function fixedPlans(input: ScheduleInput, warm: Plan[], rounds: readonly Int32Array[]): Plan[] {
  const plans: Plan[] = [];
  let history: PairHistory = input.history;
  rounds.forEach((roomOf, r) => {
    const roundIn = roundInput(input, r, history);
    const ctx = createContext(roundIn);
    const seat = (): DraftRoom[] => {
      const rooms = warm[r]!.rooms.map((room): DraftRoom => ({ key: room.key, name: room.name, kind: room.kind, members: [] }));
      roomOf.forEach((room, p) => rooms[room]?.members.push(p));
      return rooms;
    };
    const plan = finishPlan(ctx, planMixed(ctx, roundIn.strategy as MixStrategy, seat));
    plans.push(plan);
    history = [...history, ...historyFromRooms(plan.rooms)];
  });
  return plans;
}

function roomsOf(plan: Plan, indexOf: ReadonlyMap<string, number>, n: number): Int32Array {
  const roomOf = new Int32Array(n).fill(-1);
  plan.rooms.forEach((room, r) => room.members.forEach((id) => (roomOf[indexOf.get(id)!] = r)));
  return roomOf;
}

function dense(graph: PairGraph): Int32Array {
  const n = graph.n;
  const out = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let e = graph.start[i]!; e < graph.start[i + 1]!; e++) out[i * n + graph.nbr[e]!] = graph.weight[e]!;
  }
  return out;
}

function partnersOf(groups: readonly number[][], n: number): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const group of groups) for (const p of group) out[p] = group.filter((q) => q !== p);
  return out;
}

const totalRepeats = (plans: readonly Plan[]): number => plans.reduce((sum, p) => sum + p.explanation.repeatPairs, 0);
const unmet = (plans: readonly Plan[]): number => plans.reduce((sum, p) => sum + p.explanation.unsatisfied.length, 0);
