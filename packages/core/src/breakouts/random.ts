// 'random' and 'mix': everyone into balanced rooms. Mix also steers away from
// pairs who met before (and, if asked, from teammates).

import { emptyDraft } from './context.ts';
import type { ConstraintKind, Context, Draft } from './context.ts';
import { forPairs } from './graph.ts';
import { fillPools, poolOf } from './pools.ts';
import { balancedSizes, roomCountFor } from './sizes.ts';
import type { MixStrategy, RandomStrategy } from './types.ts';
import { byCount, countOf } from '../plural.ts';

const LISTED = 20;

/** `fill` seats people in the rooms; the whole-schedule planner passes rooms it already chose. */
export function planMixed(ctx: Context, strategy: RandomStrategy | MixStrategy, fill: typeof fillPools = fillPools): Draft {
  const count = roomCountFor(strategy, ctx.n);
  const everyone = Array.from({ length: ctx.n }, (_, i) => i);
  const pool = poolOf(everyone, count, (r) => ({ key: `room-${r + 1}`, name: `Room ${r + 1}` }));
  const mixing = strategy.kind === 'mix';
  const avoidTeam = strategy.kind === 'mix' && strategy.avoidSameTeam === true;
  const draft = emptyDraft(reasonForMixed(ctx, count));
  draft.rooms = fill(ctx, [pool], { history: mixing, sameTeam: avoidTeam }, mixing);
  if (strategy.by === 'count' && strategy.rooms > count && ctx.n > 0) {
    draft.lines.push(`Asked for ${countOf(strategy.rooms, 'room')}; made ${count} so nobody sits alone.`);
  }
  if (strategy.by === 'size' && ctx.n > 0) draft.lines.push(sizeLine(strategy.size, balancedSizes(ctx.n, count)));
  if (avoidTeam) reportTeammates(ctx, draft);
  return draft;
}

/** Says how the rooms relate to the asked size, e.g. "Asked for rooms of 4: 1 room of 4 and 1 of 3." */
function sizeLine(size: number, sizes: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = [...counts].map(([s, c], i) => (i === 0 ? `${c} ${c === 1 ? 'room' : 'rooms'} of ${s}` : `${c} of ${s}`));
  return `Asked for rooms of ${size}: ${parts.join(' and ')}.`;
}

function reasonForMixed(ctx: Context, rooms: number) {
  const largest = rooms > 0 ? Math.ceil(ctx.n / rooms) : 0;
  return (kind: ConstraintKind, group: readonly number[]): string => {
    if (kind === 'keepTogether' && group.length > largest) return `The group is larger than a room (${largest}).`;
    if (kind === 'keepApart' && rooms < group.length) return `There are fewer rooms (${rooms}) than people to keep apart.`;
    if (kind === 'onePerRoom') return 'There are more facilitators than rooms.';
    return 'It could not be met together with the other constraints and equal room sizes.';
  };
}

/** Lists teammates who still share a room (soft rule: the mix tried to avoid it). */
function reportTeammates(ctx: Context, draft: Draft): void {
  const found: [number, number][] = [];
  for (const room of draft.rooms) {
    const byTeam = new Map<string, number[]>();
    for (const m of room.members) {
      const team = ctx.people[m]?.team?.trim() ?? '';
      if (team !== '') byTeam.set(team, [...(byTeam.get(team) ?? []), m]);
    }
    for (const mates of byTeam.values()) forPairs(mates, (i, j) => found.push([i, j]));
  }
  if (found.length === 0) return;
  draft.lines.push(`${countOf(found.length, 'teammate pair')} ${byCount(found.length, 'shares', 'share')} a room: there was no better split.`);
  for (const [i, j] of found.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, LISTED)) {
    draft.unsatisfied.push({
      kind: 'avoidSameTeam',
      ids: [ctx.people[i]!.id, ctx.people[j]!.id],
      reason: 'Teammates share a room because no split kept every team apart.',
    });
  }
}
