// Turns a strategy's draft into the public Plan: ids instead of indices, room
// sizes, repeated pairs, every constraint checked against the final rooms, and
// plain-language lines for the facilitator. Caucus rosters are never spelled
// out here (repeat pairs inside caucus rooms are counted but not listed).

import { otherAlone } from './alone.ts';
import type { Context, Draft, DraftRoom } from './context.ts';
import { repeatedPairs } from './pairs.ts';
import type { Plan, PlannedRoom, UnsatisfiedConstraint } from './types.ts';
import { byCount, countOf } from '../plural.ts';

const LISTED = 20;

export function finishPlan(ctx: Context, draft: Draft): Plan {
  const roomOf = locate(ctx, draft);
  const idOf = (i: number): string => ctx.people[i]!.id;
  const rooms = draft.rooms.map((room) => toPlanned(room, idOf));
  const repeats = repeatedPairs(ctx.history, roomOf);
  const listed = repeats
    .filter(([i]) => draft.rooms[roomOf[i]!]?.kind !== 'caucus')
    .slice(0, LISTED)
    .map(([i, j]): [string, string] => [idOf(i), idOf(j)]);
  const unsatisfied = [...draft.unsatisfied, ...checkConstraints(ctx, draft, roomOf)];
  const sizes = rooms.map((room) => room.members.length);
  const alone = [...draft.alone, ...otherAlone(draft.rooms, draft.alone)];
  return {
    rooms,
    plenary: [...draft.plenary].sort((a, b) => a - b).map(idOf),
    explanation: {
      sizes,
      alone,
      repeatPairs: repeats.length,
      repeatPairList: listed,
      balance: draft.balance,
      unsatisfied,
      reassigned: draft.reassigned,
      lines: [...summary(sizes, draft.plenary.length, repeats.length, unsatisfied.length), ...draft.lines, ...ctx.notes],
    },
  };
}

/** Room index per person (-1 = plenary); fails loudly if anyone is placed twice or not at all. */
function locate(ctx: Context, draft: Draft): Int32Array {
  const roomOf = new Int32Array(ctx.n).fill(-2);
  const put = (i: number, r: number): void => {
    if (roomOf[i] !== -2) throw new Error(`breakouts: participant ${ctx.people[i]?.id} placed twice`);
    roomOf[i] = r;
  };
  draft.rooms.forEach((room, r) => room.members.forEach((m) => put(m, r)));
  draft.plenary.forEach((m) => put(m, -1));
  const missing = roomOf.indexOf(-2);
  if (missing >= 0) throw new Error(`breakouts: participant ${ctx.people[missing]?.id} not placed`);
  return roomOf;
}

function toPlanned(room: DraftRoom, idOf: (i: number) => string): PlannedRoom {
  const planned: PlannedRoom = { key: room.key, name: room.name, kind: room.kind, members: room.members.map(idOf) };
  if (room.caucus !== undefined) planned.caucus = room.caucus;
  return planned;
}

function summary(sizes: number[], plenary: number, repeats: number, unmet: number): string[] {
  const lines: string[] = [];
  if (sizes.length === 0) lines.push('No breakout rooms.');
  else {
    const least = Math.min(...sizes);
    const most = Math.max(...sizes);
    const range = least === most ? `${least}` : `${least}–${most}`;
    lines.push(`${countOf(sizes.length, 'room')} of ${range} people; ${plenary} in plenary.`);
  }
  lines.push(repeats === 0 ? 'Nobody shares a room with someone they met before.' : `${countOf(repeats, 'pair')} ${byCount(repeats, 'meets', 'meet')} again.`);
  if (unmet > 0) lines.push(`${unmet} wish(es) could not be met; see the list.`);
  return lines;
}

function checkConstraints(ctx: Context, draft: Draft, roomOf: Int32Array): UnsatisfiedConstraint[] {
  const out: UnsatisfiedConstraint[] = [];
  const ids = (group: readonly number[]): string[] => (draft.withholdIds ? [] : group.map((m) => ctx.people[m]!.id));
  for (const group of ctx.together) {
    const first = roomOf[group[0]!];
    if (group.some((m) => roomOf[m] !== first)) {
      out.push({ kind: 'keepTogether', ids: ids(group), reason: draft.reasonFor('keepTogether', group) });
    }
  }
  for (const group of ctx.apart) {
    const rooms = group.map((m) => roomOf[m]!).filter((r) => r >= 0);
    if (new Set(rooms).size < rooms.length) {
      out.push({ kind: 'keepApart', ids: ids(group), reason: draft.reasonFor('keepApart', group) });
    }
  }
  if (ctx.onePerRoom) out.push(...checkFacilitators(ctx, draft));
  return out;
}

function checkFacilitators(ctx: Context, draft: Draft): UnsatisfiedConstraint[] {
  const out: UnsatisfiedConstraint[] = [];
  let covered = 0;
  for (const room of draft.rooms) {
    const facs = room.members.filter((m) => ctx.isFacilitator[m] === 1);
    if (facs.length > 0) covered++;
    if (facs.length > 1) {
      out.push({
        kind: 'onePerRoom',
        ids: draft.withholdIds ? [] : facs.map((m) => ctx.people[m]!.id),
        reason: draft.reasonFor('onePerRoom', facs),
      });
    }
  }
  if (draft.rooms.length > 0) draft.lines.push(`${covered} of ${countOf(draft.rooms.length, 'room')} ${byCount(covered, 'has', 'have')} a facilitator.`);
  return out;
}
