// Balance notes for cohorts: teams, head count, regions and org types per
// cohort, plus anything the cohort search could not achieve.

import type { Context, Draft } from './context.ts';
import type { TeamProfile } from './cohort-search.ts';
import type { CohortBalance } from './types.ts';
import { countOf } from '../plural.ts';

export function describeCohorts(
  ctx: Context,
  draft: Draft,
  cohorts: readonly number[][],
  teams: readonly TeamProfile[],
  bounds: { min: number; max: number },
): void {
  draft.rooms.forEach((room, c) => {
    const balance = cohortBalance(ctx, room.key, room.name, room.members, (cohorts[c] ?? []).map((t) => teams[t]!.name));
    draft.balance.push(balance);
    draft.lines.push(balanceLine(balance));
  });
  checkTeamCounts(draft, cohorts, teams, bounds);
  checkOrganisations(draft, cohorts, teams);
}

function cohortBalance(ctx: Context, key: string, name: string, members: readonly number[], teams: string[]): CohortBalance {
  const regions = new Map<string, number>();
  const orgTypes = new Map<string, number>();
  for (const m of members) {
    const person = ctx.people[m];
    tally(regions, person?.region);
    tally(orgTypes, person?.orgType);
  }
  // fromEntries defines own properties, so odd values such as "__proto__" stay plain keys.
  return { key, name, teams, people: members.length, regions: Object.fromEntries(regions), orgTypes: Object.fromEntries(orgTypes) };
}

function tally(counts: Map<string, number>, value: string | null | undefined): void {
  const key = value?.trim() ?? '';
  if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
}

function balanceLine(b: CohortBalance): string {
  const list = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none given';
  return `${b.name}: ${countOf(b.teams.length, 'team')}, ${countOf(b.people, 'person', 'people')}; regions: ${list(b.regions)}; org types: ${list(b.orgTypes)}.`;
}

function checkTeamCounts(
  draft: Draft,
  cohorts: readonly number[][],
  teams: readonly TeamProfile[],
  bounds: { min: number; max: number },
): void {
  cohorts.forEach((list, c) => {
    if (list.length >= bounds.min && list.length <= bounds.max) return;
    const room = draft.rooms[c];
    draft.unsatisfied.push({
      kind: 'teamsPerCohort',
      ids: list.map((t) => teams[t]!.name),
      reason: `${room?.name ?? 'A cohort'} has ${countOf(list.length, 'team')}; ${countOf(teams.length, 'team')} cannot all be grouped ${bounds.min}–${bounds.max} at a time.`,
    });
  });
}

function checkOrganisations(draft: Draft, cohorts: readonly number[][], teams: readonly TeamProfile[]): void {
  cohorts.forEach((list, c) => {
    const byOrg = new Map<string, string[]>();
    for (const t of list) {
      const team = teams[t]!;
      if (team.organisation === '') continue;
      byOrg.set(team.organisation, [...(byOrg.get(team.organisation) ?? []), team.name]);
    }
    for (const [org, names] of byOrg) {
      if (names.length < 2) continue;
      draft.unsatisfied.push({
        kind: 'sameOrganisation',
        ids: names,
        reason: `${draft.rooms[c]?.name ?? 'A cohort'} holds ${countOf(names.length, 'team')} from ${org}: there are more of its teams than cohorts, or no other split fitted.`,
      });
    }
  });
}
