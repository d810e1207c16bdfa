// Strategies where people or the facilitator decide: 'selfSelect' and 'manual'.
// The engine only fills gaps here; constraints are checked and reported, never
// used to overrule a choice. Room keys are the room ids given in the strategy.

import { emptyDraft } from './context.ts';
import type { ConstraintKind, Context, Draft, DraftRoom } from './context.ts';
import type { ManualStrategy, SelfSelectStrategy } from './types.ts';
import { byCount, countOf } from '../plural.ts';

export function planSelfSelect(ctx: Context, strategy: SelfSelectStrategy): Draft {
  const draft = emptyDraft(reasonFor('People chose their own rooms'));
  draft.rooms = strategy.rooms.map((r): DraftRoom => ({ key: r.id, name: r.name, kind: 'breakout', members: [] }));
  const caps = strategy.rooms.map((r) => r.cap);
  const byId = new Map(strategy.rooms.map((r, i) => [r.id, i]));
  const overflow: { person: number; reason: string }[] = [];
  ctx.people.forEach((person, i) => {
    const choice = person.choice ?? '';
    const r = byId.get(choice);
    if (r !== undefined && draft.rooms[r]!.members.length < caps[r]!) draft.rooms[r]!.members.push(i);
    else overflow.push({ person: i, reason: overflowReason(choice, r, strategy) });
  });
  // Facilitators who need a room go first, to rooms that have no facilitator yet.
  const facFirst = ctx.onePerRoom ? [...overflow].sort((a, b) => facRank(ctx, b.person) - facRank(ctx, a.person)) : overflow;
  for (const { person, reason } of facFirst) {
    const r = leastFull(draft.rooms, caps, ctx.onePerRoom && ctx.isFacilitator[person] === 1 ? ctx : null);
    draft.rooms[r]!.members.push(person);
    const overCap = draft.rooms[r]!.members.length > caps[r]! ? ' (over its capacity: every room was full)' : '';
    draft.reassigned.push({ id: ctx.people[person]!.id, to: draft.rooms[r]!.key, reason: reason + overCap });
  }
  for (const room of draft.rooms) room.members.sort((a, b) => a - b);
  draft.reassigned.sort((a, b) => ctx.indexOf.get(a.id)! - ctx.indexOf.get(b.id)!);
  const got = ctx.n - overflow.length;
  draft.lines.push(`${got} of ${countOf(ctx.n, 'person', 'people')} got the room they chose; ${overflow.length} ${byCount(overflow.length, 'was', 'were')} placed in the least full room.`);
  return draft;
}

function overflowReason(choice: string, r: number | undefined, strategy: SelfSelectStrategy): string {
  if (choice === '') return 'made no choice';
  if (r === undefined) return `chose a room that does not exist ("${choice}")`;
  return `"${strategy.rooms[r]!.name}" was full`;
}

function facRank(ctx: Context, person: number): number {
  return ctx.isFacilitator[person] === 1 ? 1 : 0;
}

/** Least full room with space (ties: earliest); a facilitator prefers rooms without one. */
function leastFull(rooms: readonly DraftRoom[], caps: readonly number[], facCtx: Context | null): number {
  let best = -1;
  let bestScore = Infinity;
  rooms.forEach((room, r) => {
    const full = room.members.length >= caps[r]! ? 1 : 0;
    const hasFac = facCtx !== null && room.members.some((m) => facCtx.isFacilitator[m] === 1) ? 1 : 0;
    const score = (full * 2 + hasFac) * 1e9 + room.members.length;
    if (score < bestScore) {
      bestScore = score;
      best = r;
    }
  });
  return best;
}

export function planManual(ctx: Context, strategy: ManualStrategy): Draft {
  const draft = emptyDraft(reasonFor('Rooms were placed by hand'));
  draft.rooms = strategy.rooms.map((r): DraftRoom => ({ key: r.id, name: r.name, kind: 'breakout', members: [] }));
  const byId = new Map(strategy.rooms.map((r, i) => [r.id, i]));
  const placements = strategy.placements ?? {};
  ctx.people.forEach((person, i) => {
    const target = Object.hasOwn(placements, person.id) ? placements[person.id] : undefined;
    const r = target === undefined ? undefined : byId.get(target);
    if (r !== undefined) {
      draft.rooms[r]!.members.push(i);
      return;
    }
    draft.plenary.push(i);
    const reason = target === undefined ? 'not placed in a room' : `placed in a room that does not exist ("${target}")`;
    draft.reassigned.push({ id: person.id, to: null, reason });
  });
  const strangers = Object.keys(placements).filter((id) => !ctx.indexOf.has(id)).length;
  if (strangers > 0) draft.lines.push(`${countOf(strangers, 'placement')} ${byCount(strangers, 'names', 'name')} people who are not here and ${byCount(strangers, 'was', 'were')} ignored.`);
  draft.lines.push(`${ctx.n - draft.plenary.length} placed by hand; ${draft.plenary.length} stay in plenary.`);
  return draft;
}

function reasonFor(lead: string) {
  return (kind: ConstraintKind): string =>
    kind === 'onePerRoom'
      ? `${lead}; facilitators are only checked, not moved.`
      : `${lead}; constraints are checked, not enforced.`;
}
