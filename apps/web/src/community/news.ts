import type { CommunityHome, ScheduledConvening } from '@brave/protocol';
import { whenText } from './time.ts';

/**
 * What changed on the community home between two fetches, as one short sentence for
 * screen readers (the page's polite live region), or null when nothing worth saying did.
 * Only convenings are told: a new one, a new time, one called off, one that started.
 * Pure, so it is tested; `when` formats a time (the browser's own words by default).
 */
export function homeNews(before: CommunityHome, after: CommunityHome, when: (ms: number) => string = whenText): string | null {
  const member = after.viewer.kind === 'member';
  const old = new Map(before.upcoming.map((s) => [s.id, s]));
  const now = new Map(after.upcoming.map((s) => [s.id, s]));
  const ended = new Set(after.past.map((s) => s.id));
  const said: string[] = [];

  for (const s of after.upcoming) {
    const was = old.get(s.id);
    if (!was) said.push(s.status === 'live' ? started(s, member) : `A new convening was planned: ${s.title}, ${when(s.startsAt)}.`);
    else if (was.status !== 'live' && s.status === 'live') said.push(started(s, member));
    else if (was.startsAt !== s.startsAt) said.push(`${s.title} moved to ${when(s.startsAt)}.`);
  }
  for (const s of before.upcoming) {
    if (now.has(s.id)) continue;
    if (ended.has(s.id)) said.push(`${s.title} has ended.`);
    else said.push(`${s.title} was called off.`);
  }
  return said.length > 0 ? said.join(' ') : null;
}

const started = (s: ScheduledConvening, member: boolean) => (member ? `${s.title} has started: you can join.` : `${s.title} has started.`);
