// 'cohorts': whole teams grouped into cohorts of min..max teams (default 4–5).
// Choice made here: by default each cohort gets a *mix* of regions and org
// types ("balanced by region and organisation type"); balance: 'similar' groups
// peers instead. Head counts are kept as even as team sizes allow, and teams of
// the same organisation go to different cohorts whenever that is possible.

import { emptyDraft } from './context.ts';
import type { ConstraintKind, Context, Draft, DraftRoom } from './context.ts';
import { searchCohorts } from './cohort-search.ts';
import type { TeamProfile } from './cohort-search.ts';
import { describeCohorts } from './cohort-report.ts';
import { HARD, forPairs } from './graph.ts';
import { balancedSizes, letters } from './sizes.ts';
import type { CohortStrategy } from './types.ts';

export function planCohorts(ctx: Context, strategy: CohortStrategy): Draft {
  const { min, max } = strategy.teamsPerCohort ?? { min: 4, max: 5 };
  const { teams, teamOf, loose } = collectTeams(ctx);
  const draft = emptyDraft(reasonForCohorts(teamOf));
  if (teams.length === 0) {
    draft.plenary.push(...loose);
    draft.lines.push('Nobody has a team, so no cohorts were formed; everyone stays in plenary.');
    return draft;
  }
  const count = cohortCount(teams.length, min, max);
  const cohorts = searchCohorts({
    teams,
    counts: balancedSizes(teams.length, count),
    linkWeight: teamLinks(ctx, teamOf, teams.length),
    balance: strategy.balance ?? 'mix',
    spreadFacilitators: ctx.onePerRoom,
    rng: ctx.rng,
  });
  draft.rooms = cohorts.map((list, c) => cohortRoom(list, c, teams));
  placeLoose(ctx, draft, loose, strategy.unteamed ?? 'spread');
  for (const room of draft.rooms) room.members.sort((a, b) => a - b);
  describeCohorts(ctx, draft, cohorts, teams, { min, max });
  return draft;
}

interface TeamCollection {
  teams: TeamProfile[];
  /** Team index per person, -1 for people without a team. */
  teamOf: Int32Array;
  loose: number[];
}

function collectTeams(ctx: Context): TeamCollection {
  const byName = new Map<string, number>();
  const teams: TeamProfile[] = [];
  const teamOf = new Int32Array(ctx.n).fill(-1);
  const loose: number[] = [];
  ctx.people.forEach((person, i) => {
    const name = person.team?.trim() ?? '';
    if (name === '') {
      loose.push(i);
      return;
    }
    let t = byName.get(name);
    if (t === undefined) {
      t = teams.length;
      byName.set(name, t);
      teams.push({ name, members: [], organisation: '', region: '', orgType: '', facilitators: 0 });
    }
    teams[t]!.members.push(i);
    teams[t]!.facilitators += ctx.isFacilitator[i]!;
    teamOf[i] = t;
  });
  for (const team of teams) profileTeam(ctx, team);
  return { teams, teamOf, loose };
}

/** A team's organisation, region and org type: the most common answer among its members. */
function profileTeam(ctx: Context, team: TeamProfile): void {
  const common = (field: 'organisation' | 'region' | 'orgType'): string => {
    const counts = new Map<string, number>();
    let best = '';
    for (const m of team.members) {
      const value = ctx.people[m]?.[field]?.trim() ?? '';
      if (value === '') continue;
      const c = (counts.get(value) ?? 0) + 1;
      counts.set(value, c);
      if (c > (counts.get(best) ?? 0)) best = value;
    }
    return best;
  };
  team.organisation = common('organisation');
  team.region = common('region');
  team.orgType = common('orgType');
}

/** Cohort count inside [ceil(t/max), floor(t/min)], near the middle of the range; never above max teams. */
export function cohortCount(teams: number, min: number, max: number): number {
  const fewest = Math.max(1, Math.ceil(teams / max));
  const most = Math.floor(teams / min);
  if (most < fewest) return fewest;
  const ideal = Math.round(teams / ((min + max) / 2));
  return Math.min(most, Math.max(fewest, ideal));
}

/** Keep-apart / keep-together links between people, lifted to their teams. */
function teamLinks(ctx: Context, teamOf: Int32Array, t: number): Map<number, number> {
  const links = new Map<number, number>();
  const link = (i: number, j: number, w: number): void => {
    const a = teamOf[i]!;
    const b = teamOf[j]!;
    if (a < 0 || b < 0 || a === b) return;
    const key = a < b ? a * t + b : b * t + a;
    links.set(key, (links.get(key) ?? 0) + w);
  };
  for (const group of ctx.apart) forPairs(group, (i, j) => link(i, j, HARD));
  for (const group of ctx.together) forPairs(group, (i, j) => link(i, j, -HARD));
  return links;
}

function cohortRoom(list: readonly number[], c: number, teams: readonly TeamProfile[]): DraftRoom {
  const code = letters(c);
  const members = list.flatMap((t) => teams[t]!.members);
  return { key: `cohort-${code.toLowerCase()}`, name: `Cohort ${code}`, kind: 'breakout', members };
}

/**
 * People without a team. With one-facilitator-per-room, teamless facilitators
 * first go one each to cohorts lacking a facilitator (extras stay in plenary).
 * Others join the cohort with the fewest people, or stay in plenary.
 */
function placeLoose(ctx: Context, draft: Draft, loose: number[], mode: 'spread' | 'plenary'): void {
  const rest: number[] = [];
  let room = 0;
  for (const person of loose) {
    if (!(ctx.onePerRoom && ctx.isFacilitator[person] === 1)) {
      rest.push(person);
      continue;
    }
    while (room < draft.rooms.length && draft.rooms[room]!.members.some((m) => ctx.isFacilitator[m] === 1)) room++;
    if (room < draft.rooms.length) draft.rooms[room]!.members.push(person);
    else draft.plenary.push(person);
  }
  if (mode === 'plenary') {
    draft.plenary.push(...rest);
    return;
  }
  for (const person of rest) smallest(draft.rooms).members.push(person);
}

function smallest(rooms: readonly DraftRoom[]): DraftRoom {
  return rooms.reduce((best, room) => (room.members.length < best.members.length ? room : best));
}

function reasonForCohorts(teamOf: Int32Array) {
  return (kind: ConstraintKind, group: readonly number[]): string => {
    const teamsOf = group.map((m) => teamOf[m]!);
    if (kind === 'keepApart' && new Set(teamsOf.filter((t) => t >= 0)).size < teamsOf.filter((t) => t >= 0).length) {
      return 'They are on the same team, and teams stay whole.';
    }
    if (kind === 'onePerRoom') return 'Facilitators are members of teams, and teams stay whole.';
    return 'Teams stay whole and cohorts keep their team counts; this link did not fit.';
  };
}
