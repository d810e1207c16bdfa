// Everything a strategy needs about the input, computed once: numeric indices,
// cleaned-up constraint groups, facilitator flags and the history pair counts.

import { countHistoryPairs } from './pairs.ts';
import type { PairGraph } from './edges.ts';
import { createRng, normaliseSeed } from './rng.ts';
import type { Rng } from './rng.ts';
import type { AloneRoom, CohortBalance, EngineParticipant, PlanInput, Reassignment, UnsatisfiedConstraint } from './types.ts';
import { byCount, countOf } from '../plural.ts';

export interface Context {
  people: readonly EngineParticipant[];
  n: number;
  indexOf: ReadonlyMap<string, number>;
  rng: Rng;
  /** Past meetings: weight = number of past rooms shared. */
  history: PairGraph;
  /** keepTogether groups, overlapping ones merged, unknown ids dropped. */
  together: number[][];
  /** keepApart groups, unknown ids dropped. */
  apart: number[][];
  onePerRoom: boolean;
  isFacilitator: Uint8Array;
  notes: string[];
}

/** A room as a strategy proposes it, members as indices. */
export interface DraftRoom {
  key: string;
  name: string;
  kind: 'breakout' | 'caucus';
  caucus?: string;
  members: number[];
}

export type ConstraintKind = 'keepTogether' | 'keepApart' | 'onePerRoom';

/** What a strategy hands back before the shared explanation is written. */
export interface Draft {
  rooms: DraftRoom[];
  plenary: number[];
  lines: string[];
  unsatisfied: UnsatisfiedConstraint[];
  reassigned: Reassignment[];
  balance: CohortBalance[];
  /** Rooms of one the strategy resolved (see alone.ts); others are found when the plan is finished. */
  alone: AloneRoom[];
  /** Why a broken constraint group could not be honoured (for the explanation). */
  reasonFor: (kind: ConstraintKind, group: readonly number[]) => string;
  /**
   * Leave names out of broken-constraint reports. Set for caucus rounds: saying
   * who could not be kept together would hint at who answered what.
   */
  withholdIds: boolean;
}

export function emptyDraft(reasonFor: Draft['reasonFor']): Draft {
  return { rooms: [], plenary: [], lines: [], unsatisfied: [], reassigned: [], balance: [], alone: [], reasonFor, withholdIds: false };
}

export function createContext(input: PlanInput): Context {
  const people = input.participants;
  const n = people.length;
  const indexOf = new Map<string, number>();
  people.forEach((p, i) => indexOf.set(p.id, i));
  const notes: string[] = [];
  const constraints = input.constraints ?? {};
  const apart = cleanGroups(constraints.keepApart, indexOf, notes, 'keep-apart');
  const together = mergeGroups(cleanGroups(constraints.keepTogether, indexOf, notes, 'keep-together'), n);
  const isFacilitator = Uint8Array.from(people, (p) => (p.isFacilitator === true ? 1 : 0));
  return {
    people,
    n,
    indexOf,
    rng: createRng(normaliseSeed(input.seed)),
    history: countHistoryPairs(input.history ?? [], indexOf, n),
    together,
    apart,
    onePerRoom: constraints.onePerRoom === 'facilitators',
    isFacilitator,
    notes,
  };
}

function cleanGroups(
  groups: string[][] | undefined,
  indexOf: ReadonlyMap<string, number>,
  notes: string[],
  label: string,
): number[][] {
  const out: number[][] = [];
  let unknown = 0;
  for (const group of groups ?? []) {
    const members: number[] = [];
    for (const id of group) {
      const idx = indexOf.get(id);
      if (idx === undefined) unknown++;
      else if (!members.includes(idx)) members.push(idx);
    }
    if (members.length >= 2) out.push(members);
  }
  if (unknown > 0) notes.push(`${countOf(unknown, 'id')} in ${label} constraints ${byCount(unknown, 'is', 'are')} not in this roster and ${byCount(unknown, 'was', 'were')} ignored.`);
  return out;
}

/** Union-find merge: if A–B and B–C must be together, so must A–C. */
function mergeGroups(groups: number[][], n: number): number[][] {
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    parent[x] = root;
    return root;
  };
  for (const group of groups) {
    const first = group[0] as number;
    for (const other of group) parent[find(other)] = find(first);
  }
  const byRoot = new Map<number, number[]>();
  for (const group of groups) {
    for (const member of group) {
      const root = find(member);
      const list = byRoot.get(root) ?? [];
      if (!list.includes(member)) list.push(member);
      byRoot.set(root, list);
    }
  }
  return [...byRoot.values()].map((list) => list.sort((a, b) => a - b));
}
