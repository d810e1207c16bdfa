// Public shapes of the breakout assignment engine. Kept free of logic so every
// other file (and other packages) can import them with `import type`.

/** One person as the engine sees them. Only `id` is required. */
export interface EngineParticipant {
  id: string;
  isFacilitator?: boolean;
  channel?: string | null;
  role?: string | null;
  team?: string | null;
  organisation?: string | null;
  region?: string | null;
  orgType?: string | null;
  /** Private self-identification. null/undefined means the person did not answer. */
  affinity?: string | null;
  /** Room id the person picked themselves (selfSelect strategy). */
  choice?: string | null;
}

/**
 * Past rooms, each a list of participant ids who shared it (earlier rounds of this
 * convening, or earlier convenings). Ids that are not in the current roster are ignored.
 */
export type PairHistory = ReadonlyArray<ReadonlyArray<string>>;

/** How many rooms to make: a fixed count, or a target size (rooms never go below it). */
export type RoomSpec = { by: 'count'; rooms: number } | { by: 'size'; size: number };

export type Unanswered = 'open-room' | 'plenary';

export type RandomStrategy = { kind: 'random' } & RoomSpec;

export type MixStrategy = { kind: 'mix'; avoidSameTeam?: boolean } & RoomSpec;

/**
 * What to do with a room that would hold one person: keep it, merge them into the nearest
 * room (the smallest other room), send them to the open room, or to plenary.
 */
export type AloneChoice = 'keep' | 'merge' | 'open-room' | 'plenary';

/** The facilitator's choice per room of one, by room key. Unlisted rooms are kept. */
export type AloneChoices = Record<string, AloneChoice>;

export interface ByChoiceStrategy {
  kind: 'byChoice';
  field: 'channel' | 'role';
  maxRoomSize: number;
  /** Where people without an answer go. Default 'open-room'. */
  unanswered?: Unanswered;
  /** Rooms of one: 'keep', 'merge' or 'open-room' (when there is one). */
  alone?: AloneChoices;
}

export interface AffinityStrategy {
  kind: 'affinity';
  /** Caucus options. Default ['person of color', 'white']. */
  options?: string[];
  maxRoomSize?: number;
  /** Where people go whose answer is not one of the options (or who skipped). */
  undecided: Unanswered;
  /**
   * A caucus of one: 'keep' or 'plenary'. Never another caucus, and never the open room,
   * whose roster facilitators see: that would tell them who it is.
   */
  alone?: AloneChoices;
}

export interface CohortStrategy {
  kind: 'cohorts';
  /** Default { min: 4, max: 5 }. */
  teamsPerCohort?: { min: number; max: number };
  /** 'mix' (default): each cohort holds a spread of regions and org types. 'similar': peers together. */
  balance?: 'mix' | 'similar';
  /** People without a team: join the smallest cohort ('spread', default) or stay in plenary. */
  unteamed?: 'spread' | 'plenary';
}

export interface SelectableRoom {
  id: string;
  name: string;
  cap: number;
}

export interface SelfSelectStrategy {
  kind: 'selfSelect';
  rooms: SelectableRoom[];
}

export interface ManualStrategy {
  kind: 'manual';
  rooms: { id: string; name: string }[];
  placements: Record<string, string>;
}

export type Strategy =
  | RandomStrategy
  | MixStrategy
  | ByChoiceStrategy
  | AffinityStrategy
  | CohortStrategy
  | SelfSelectStrategy
  | ManualStrategy;

export interface Constraints {
  /** Each list: these people should share a room. */
  keepTogether?: string[][];
  /** Each list: no two of these people should share a room. */
  keepApart?: string[][];
  /** 'facilitators': at most one facilitator per room, ideally exactly one. */
  onePerRoom?: 'facilitators' | null;
}

export interface PlanInput {
  participants: EngineParticipant[];
  history: PairHistory;
  strategy: Strategy;
  constraints?: Constraints;
  seed: number;
}

export interface PlannedRoom {
  /** Stable machine key, e.g. 'room-1', 'money-2', 'cohort-a', 'caucus-0-1'. */
  key: string;
  name: string;
  kind: 'breakout' | 'caucus';
  /** The caucus option, for caucus rooms only. */
  caucus?: string;
  members: string[];
}

export type UnsatisfiedKind =
  | 'keepTogether'
  | 'keepApart'
  | 'onePerRoom'
  | 'avoidSameTeam'
  | 'sameOrganisation'
  | 'teamsPerCohort';

export interface UnsatisfiedConstraint {
  kind: UnsatisfiedKind;
  /** Participant ids, or team names for the team-level kinds. */
  ids: string[];
  reason: string;
}

/** Someone who did not land where they asked (selfSelect) or was not placed (manual). */
export interface Reassignment {
  id: string;
  /** Room key, or null for plenary. */
  to: string | null;
  reason: string;
}

export interface CohortBalance {
  key: string;
  name: string;
  teams: string[];
  people: number;
  regions: Record<string, number>;
  orgTypes: Record<string, number>;
}

/**
 * A room that holds (or would hold) one person, and what became of it. Never names the
 * person: for a caucus that would tell their answer.
 */
export interface AloneRoom {
  /** The room's key (it may be gone from the plan if the person went elsewhere). */
  room: string;
  name: string;
  kind: 'breakout' | 'caucus';
  /** What the facilitator may choose for it; the first is what happens unless chosen. */
  options: AloneChoice[];
  choice: AloneChoice;
  /** Where the person went: a room key, null for plenary; absent when kept. */
  to?: string | null;
}

export interface Explanation {
  sizes: number[];
  /** Rooms of one, with the choices for each. */
  alone: AloneRoom[];
  repeatPairs: number;
  /** Up to 20 repeated pairs, outside caucus rooms only. */
  repeatPairList: [string, string][];
  balance: CohortBalance[];
  unsatisfied: UnsatisfiedConstraint[];
  reassigned: Reassignment[];
  lines: string[];
}

export interface Plan {
  rooms: PlannedRoom[];
  plenary: string[];
  explanation: Explanation;
}
