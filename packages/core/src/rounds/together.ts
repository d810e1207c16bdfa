import type { RoundPreview, RoundSpec } from '@brave/protocol';
import { MAX_SCHEDULE_PEOPLE, planSchedule, type Constraints, type EngineParticipant, type Plan, type RoomSpec } from '../breakouts/index.ts';

/** How long the whole-schedule search may run, as the server translated it into work. */
export interface PlanBudget {
  /** Matrix cells the search may read (the search stops there: same input, same plan). */
  work: number;
  /** The time that work stands for, shown to the facilitator. */
  ms: number;
}

/**
 * The agenda's later rounds that can be planned together with `spec` when it starts
 * agenda item `agendaItem`: mix rounds for the same people with the same wishes (team
 * rule and constraints). Room sizes may differ. Other rounds in between are planned
 * when they open, and the rounds after them are planned again then, with what happened.
 */
export function laterMixRounds(agenda: readonly RoundSpec[], spec: RoundSpec, agendaItem: number | undefined): RoundSpec[] {
  if (agendaItem === undefined || spec.strategy.kind !== 'mix') return [];
  const wishes = wishesOf(spec);
  return agenda.slice(agendaItem + 1).filter((later) => later.strategy.kind === 'mix' && wishesOf(later) === wishes);
}

function wishesOf(spec: RoundSpec): string {
  const team = spec.strategy.kind === 'mix' && spec.strategy.avoidSameTeam === true;
  const c = spec.constraints;
  return JSON.stringify([team, c?.keepTogether ?? [], c?.keepApart ?? [], c?.onePerRoom ?? null]);
}

export interface TogetherInput {
  participants: EngineParticipant[];
  history: string[][];
  spec: RoundSpec;
  later: readonly RoundSpec[];
  constraints: Constraints | undefined;
  seed: number;
  budget: PlanBudget;
  clock: (() => number) | undefined;
}

/**
 * Plans this round and the later ones as a whole; returns this round's plan and what to
 * tell, or null when there are too many people to plan more than one round at a time.
 */
export function planTogether(input: TogetherInput): { plan: Plan; together: NonNullable<RoundPreview['together']>; line: string } | null {
  if (input.participants.length > MAX_SCHEDULE_PEOPLE) return null;
  const rooms = [input.spec, ...input.later].map((s) => (s.strategy.kind === 'mix' ? s.strategy.spec : null)).filter((r): r is RoomSpec => r !== null);
  const started = input.clock?.();
  const schedule = planSchedule({
    participants: input.participants,
    history: input.history,
    rounds: rooms,
    ...(input.spec.strategy.kind === 'mix' && input.spec.strategy.avoidSameTeam ? { avoidSameTeam: true } : {}),
    ...(input.constraints ? { constraints: input.constraints } : {}),
    seed: input.seed,
    budget: input.budget.work,
  });
  const took = started === undefined || !input.clock ? null : Math.max(0, Math.round(input.clock() - started));
  const together = {
    rounds: rooms.length,
    repeatPairs: schedule.repeatPairs,
    roundByRoundRepeatPairs: schedule.roundByRound.repeatPairs,
    budgetMs: Math.round(input.budget.ms),
    tookMs: took,
  };
  return { plan: schedule.plans[0]!, together, line: describe(together) };
}

function describe(t: NonNullable<RoundPreview['together']>): string {
  const meet = (n: number): string => (n === 0 ? 'no pair meets again' : n === 1 ? '1 pair meets again' : `${n} pairs meet again`);
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const time = t.tookMs === null ? `within ${seconds(t.budgetMs)}` : `in ${seconds(t.tookMs)} (search budget ${seconds(t.budgetMs)})`;
  return `Planned ${t.rounds} rounds of the agenda together ${time}: ${meet(t.repeatPairs)} across them; one round at a time, ${meet(t.roundByRoundRepeatPairs)}.`;
}
