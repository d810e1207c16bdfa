// 'affinity': caucus rooms by self-identification only. A person joins a caucus
// exactly when their own answer matches one of the options; anyone else (no
// answer, "prefer not to say", any other answer) goes where `undecided` says.
// No constraint, facilitator rule or balancing step ever moves someone into or
// out of a caucus. The explanation gives counts, never who answered what, and
// broken constraints are reported without names.

import { resolveAlone } from './alone.ts';
import { openPool } from './choice.ts';
import { emptyDraft } from './context.ts';
import type { ConstraintKind, Context, Draft } from './context.ts';
import { PlanError } from './errors.ts';
import { fillPools, poolOf } from './pools.ts';
import type { PoolSpec } from './pools.ts';
import { normaliseAnswer, roomCountForMax } from './sizes.ts';
import type { AffinityStrategy } from './types.ts';
import { byCount, countOf } from '../plural.ts';

export const DEFAULT_CAUCUS_OPTIONS: readonly string[] = ['person of color', 'white'];

/** Answers that mean "I decline"; they can never form a caucus. */
const DECLINED = new Set(['prefer not to say', 'skip', 'skipped', 'decline', 'declined', 'no answer', 'none']);

export function planAffinity(ctx: Context, strategy: AffinityStrategy): Draft {
  const options = (strategy.options ?? DEFAULT_CAUCUS_OPTIONS).map((o) => o.trim());
  const optionIndex = indexOptions(options);
  const caucuses: number[][] = options.map(() => []);
  const undecided: number[] = [];
  ctx.people.forEach((person, i) => {
    const slot = optionIndex.get(normaliseAnswer(person.affinity));
    if (slot === undefined) undecided.push(i);
    else caucuses[slot]!.push(i);
  });
  const specs = caucuses.flatMap((members, o) => caucusPool(members, options[o]!, o, strategy.maxRoomSize));
  const draft = emptyDraft(reasonForAffinity);
  draft.withholdIds = true;
  if (undecided.length > 0 && strategy.undecided === 'open-room') specs.push(openPool(undecided, strategy.maxRoomSize));
  else draft.plenary.push(...undecided);
  draft.rooms = fillPools(ctx, specs, { history: false, sameTeam: false }, false);
  describeAffinity(ctx, draft, undecided.length, strategy.undecided);
  resolveAlone(draft, { choices: strategy.alone, openRoom: strategy.undecided === 'open-room' });
  return draft;
}

function indexOptions(options: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  options.forEach((option, o) => {
    const key = normaliseAnswer(option);
    if (DECLINED.has(key)) {
      throw new PlanError('INVALID_OPTION', `"${option}" means declining to answer and cannot be a caucus.`);
    }
    index.set(key, o);
  });
  return index;
}

function caucusPool(members: number[], option: string, o: number, maxSize: number | undefined): PoolSpec[] {
  if (members.length === 0) return [];
  const count = maxSize === undefined ? 1 : roomCountForMax(members.length, maxSize);
  return [
    poolOf(members, count, (r) => ({
      key: `caucus-${o}-${r + 1}`,
      name: count === 1 ? option : `${option} ${r + 1}`,
      kind: 'caucus',
      caucus: option,
    })),
  ];
}

function describeAffinity(ctx: Context, draft: Draft, undecided: number, where: AffinityStrategy['undecided']): void {
  const caucusRooms = draft.rooms.filter((room) => room.kind === 'caucus');
  draft.lines.push(`${countOf(caucusRooms.length, 'caucus room')}, formed only from each person's own answer.`);
  if (undecided > 0) {
    const place = where === 'open-room' ? 'the open room' : 'plenary';
    draft.lines.push(`${countOf(undecided, 'person', 'people')} did not choose a caucus and go to ${place}.`);
  }
  if (!ctx.onePerRoom) return;
  const without = caucusRooms.filter((room) => !room.members.some((m) => ctx.isFacilitator[m] === 1)).length;
  if (without > 0) {
    draft.lines.push(`${countOf(without, 'caucus room')} ${byCount(without, 'has', 'have')} no facilitator: facilitators join a caucus only by their own answer.`);
  }
}

function reasonForAffinity(kind: ConstraintKind): string {
  const lead =
    kind === 'onePerRoom'
      ? 'Facilitators are in caucus rooms by their own answer; that comes first.'
      : "Caucus membership follows each person's own answer; the constraint gives way.";
  return `${lead} Names are left out so nobody's answer can be inferred.`;
}
