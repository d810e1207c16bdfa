import type { CommunityHome, ScheduledConvening } from '@brave/protocol';
import { i18n } from '../app/i18n.ts';
import { whenText } from './time.ts';

/**
 * What changed on the community home between two fetches, as one short sentence for
 * screen readers (the page's polite live region), or null when nothing worth saying did.
 * Only convenings are told: a new one, a new time, one called off, one that started.
 * Pure, so it is tested; `when` formats a time (the reader's language by default).
 */
export function homeNews(before: CommunityHome, after: CommunityHome, when: (ms: number) => string = whenText): string | null {
  const member = after.viewer.kind === 'member';
  const old = new Map(before.upcoming.map((s) => [s.id, s]));
  const now = new Map(after.upcoming.map((s) => [s.id, s]));
  const ended = new Set(after.past.map((s) => s.id));
  const said: string[] = [];
  const t = (key: 'planned' | 'moved' | 'ended' | 'calledOff', s: ScheduledConvening) => i18n.t(`community:news.${key}`, { title: s.title, when: when(s.startsAt) });

  for (const s of after.upcoming) {
    const was = old.get(s.id);
    if (!was) said.push(s.status === 'live' ? started(s, member) : t('planned', s));
    else if (was.status !== 'live' && s.status === 'live') said.push(started(s, member));
    else if (was.startsAt !== s.startsAt) said.push(t('moved', s));
  }
  for (const s of before.upcoming) {
    if (now.has(s.id)) continue;
    said.push(t(ended.has(s.id) ? 'ended' : 'calledOff', s));
  }
  return said.length > 0 ? said.join(' ') : null;
}

const started = (s: ScheduledConvening, member: boolean) => i18n.t(member ? 'community:news.startedJoin' : 'community:news.started', { title: s.title });
