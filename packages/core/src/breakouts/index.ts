/**
 * Breakout assignment engine: `planBreakouts(input)` decides who goes to which
 * room. Pure and deterministic: no I/O, no clock, no Math.random. The same
 * input and seed always give the same plan.
 *
 * Strategies (`input.strategy.kind`):
 * - `random`  – balanced rooms ({ by: 'count', rooms } or { by: 'size', size });
 *               sizes differ by at most one. A size gives rooms as close to it as
 *               the head count allows (a few one larger or one smaller); a count
 *               is capped so nobody sits alone. The rule lives in sizes.ts.
 * - `mix`     – like random, but a local search (sampled greedy, then simulated
 *               annealing on swaps and whole-group moves, bounded by a budget
 *               that grows with n and shrinks with history density) avoids
 *               pairs who met in `history` (weighted by how often), and
 *               teammates when `avoidSameTeam` is set. Problems of up to 64
 *               people restart several times; tests check exhaustively that a
 *               repeat-free round is found whenever one exists (≤ 9 people) and
 *               on known schedules (8 in pairs, 9 in threes × 4 rounds, AG(2,4)).
 * - `byChoice`– rooms by each person's own channel or role, split into balanced
 *               rooms of at most `maxRoomSize`; no answer → open room or plenary.
 * - `affinity`– caucus rooms (`kind: 'caucus'`) from self-identification ONLY:
 *               a person is in a caucus iff their own answer matches an option.
 *               Anything else (no answer, "prefer not to say", other answers)
 *               goes where `undecided` says. No constraint overrides this.
 * - `cohorts` – whole teams grouped `teamsPerCohort` (default 4–5) at a time;
 *               head counts even, teams of one organisation in different
 *               cohorts when possible, and by default each cohort MIXES regions
 *               and org types (`balance: 'similar'` groups peers instead).
 * - `selfSelect` – people get their chosen room while it has space, in input
 *               order; the rest go to the least full room and are listed.
 * - `manual`  – placements as given; unplaced people stay in plenary, listed.
 *
 * Constraints (keepTogether, keepApart, onePerRoom: 'facilitators') are honoured
 * by the search for random/mix/byChoice/affinity (only moving people between
 * rooms of the same group, so choices and caucuses never change) and lifted to
 * teams for cohorts. selfSelect and manual only check them. Whatever is not met
 * is listed in `explanation.unsatisfied` with a reason.
 *
 * `planSchedule(input)` plans several mix rounds for the same people as a whole:
 * today's round-by-round plan, then a tabu search over all rounds at once (swaps
 * within a round, budgeted in work so it is deterministic by seed), keeping the
 * better schedule (fewer unmet wishes, then fewer repeat pairs). See schedule/.
 *
 * Guarantees: everyone appears exactly once (a room or `plenary`); invalid input
 * throws `PlanError` with a stable `code`. The explanation counts caucus
 * repeats but never lists caucus members or anyone's answer; in caucus rounds
 * broken constraints are reported without names. `historyFromRooms` leaves
 * caucus rooms out of stored history unless asked.
 */

export { planBreakouts } from './plan.ts';
export { PlanError } from './errors.ts';
export type { PlanErrorCode } from './errors.ts';
export { pairKey, countRepeatPairs, historyFromRooms, MAX_HISTORY_ROOM } from './pairs.ts';
export type { RoomLike } from './pairs.ts';
export { DEFAULT_CAUCUS_OPTIONS } from './affinity.ts';
export { createRng } from './rng.ts';
export type { Rng } from './rng.ts';
export type {
  AffinityStrategy,
  AloneChoice,
  AloneChoices,
  AloneRoom,
  ByChoiceStrategy,
  CohortBalance,
  CohortStrategy,
  Constraints,
  EngineParticipant,
  Explanation,
  ManualStrategy,
  MixStrategy,
  PairHistory,
  Plan,
  PlanInput,
  PlannedRoom,
  RandomStrategy,
  Reassignment,
  RoomSpec,
  SelectableRoom,
  SelfSelectStrategy,
  Strategy,
  Unanswered,
  UnsatisfiedConstraint,
  UnsatisfiedKind,
} from './types.ts';
export { planSchedule, MAX_SCHEDULE_PEOPLE, MAX_SCHEDULE_ROUNDS } from './schedule/plan.ts';
export type { ScheduleInput, SchedulePlan } from './schedule/plan.ts';
