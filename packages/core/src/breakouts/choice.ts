// 'byChoice': rooms by each person's own answer (channel or role). Large groups
// split into balanced rooms; people without an answer go to an open room or stay
// in plenary. With one-facilitator-per-room, facilitators who gave no answer
// float to rooms that still lack one.

import { resolveAlone } from './alone.ts';
import { emptyDraft } from './context.ts';
import type { ConstraintKind, Context, Draft, DraftRoom } from './context.ts';
import { fillPools, poolOf } from './pools.ts';
import type { PoolSpec } from './pools.ts';
import { capitalise, normaliseAnswer, roomCountForMax, slug } from './sizes.ts';
import type { ByChoiceStrategy, Unanswered } from './types.ts';
import { countOf } from '../plural.ts';

interface AnswerGroup {
  label: string;
  members: number[];
}

export function planByChoice(ctx: Context, strategy: ByChoiceStrategy): Draft {
  const field = strategy.field;
  const unanswered: Unanswered = strategy.unanswered ?? 'open-room';
  const groups = new Map<string, AnswerGroup>();
  const open: number[] = [];
  const floaters: number[] = [];
  ctx.people.forEach((person, i) => {
    const answer = normaliseAnswer(person[field]);
    if (answer === '') {
      (ctx.onePerRoom && ctx.isFacilitator[i] === 1 ? floaters : open).push(i);
      return;
    }
    const group = groups.get(answer) ?? { label: (person[field] ?? '').trim(), members: [] };
    group.members.push(i);
    groups.set(answer, group);
  });
  const specs = answerPools(groups, strategy.maxRoomSize);
  const draft = emptyDraft(reasonForChoice(field, strategy.maxRoomSize));
  if (open.length > 0 && unanswered === 'open-room') specs.push(openPool(open, strategy.maxRoomSize));
  else draft.plenary.push(...open);
  draft.rooms = fillPools(ctx, specs, { history: false, sameTeam: false }, false);
  placeFloaters(draft, floaters, ctx);
  describeChoice(draft, groups.size, open.length, unanswered, field);
  resolveAlone(draft, { choices: strategy.alone, openRoom: unanswered === 'open-room' });
  return draft;
}

function answerPools(groups: Map<string, AnswerGroup>, maxSize: number): PoolSpec[] {
  const used = new Set<string>();
  const sorted = [...groups.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return sorted.map((group) => {
    const base = uniqueSlug(slug(group.label), used);
    const count = roomCountForMax(group.members.length, maxSize);
    const title = capitalise(group.label);
    return poolOf(group.members, count, (r) => ({ key: `${base}-${r + 1}`, name: `${title} ${r + 1}` }));
  });
}

function uniqueSlug(base: string, used: Set<string>): string {
  let candidate = base === 'open' ? 'answer-open' : base;
  for (let k = 2; used.has(candidate); k++) candidate = `${base}-${k}`;
  used.add(candidate);
  return candidate;
}

/** The room(s) for people who gave no answer (or whose answer is not a caucus). */
export function openPool(members: number[], maxSize: number | undefined): PoolSpec {
  const count = maxSize === undefined ? 1 : roomCountForMax(members.length, maxSize);
  return poolOf(members, count, (r) => ({
    key: `open-${r + 1}`,
    name: count === 1 ? 'Open room' : `Open room ${r + 1}`,
  }));
}

/** Floating facilitators fill rooms without one, in room order; the rest stay in plenary. */
function placeFloaters(draft: Draft, floaters: number[], ctx: Context): void {
  let next = 0;
  for (const room of draft.rooms) {
    if (next >= floaters.length) break;
    if (room.kind === 'breakout' && !hasFacilitator(room, ctx)) {
      room.members.push(floaters[next++]!);
      room.members.sort((a, b) => a - b);
    }
  }
  const left = floaters.slice(next);
  draft.plenary.push(...left);
  if (floaters.length > 0) {
    draft.lines.push(`${countOf(next, 'facilitator')} without an answer joined rooms that had none; ${left.length} stay in plenary.`);
  }
}

function hasFacilitator(room: DraftRoom, ctx: Context): boolean {
  return room.members.some((m) => ctx.isFacilitator[m] === 1);
}

function describeChoice(draft: Draft, groups: number, open: number, unanswered: Unanswered, field: string): void {
  draft.lines.push(`${countOf(groups, `${field} group`)} in ${countOf(draft.rooms.length, 'room')}.`);
  if (open === 0) return;
  const where = unanswered === 'open-room' ? 'an open room' : 'plenary';
  draft.lines.push(`${countOf(open, 'person', 'people')} gave no ${field} and go to ${where}.`);
}

function reasonForChoice(field: string, maxSize: number) {
  return (kind: ConstraintKind, group: readonly number[]): string => {
    if (kind === 'keepTogether' && group.length > maxSize) return `The group is larger than a room (${maxSize}).`;
    if (kind === 'onePerRoom') return `Facilitators chose the same ${field}; their own choice comes first.`;
    return `Rooms follow each person's own ${field}; their choice comes first.`;
  };
}
