import { digestFor, digestWeek, type CommunityActor } from '@brave/core';
import type { WorkingGroupView } from '@brave/protocol';
import type { HubStore } from '../hub/store.ts';
import { digestMail, unsubscribable } from './messages.ts';
import type { Outbox } from './outbox.ts';
import type { MailStore } from './store.ts';
import type { UnsubscribeTokens } from './unsubscribe.ts';

export interface DigestDeps {
  store: MailStore;
  outbox: Outbox;
  tokens: UnsubscribeTokens;
  hub: Pick<HubStore, 'digestCommunities' | 'between'>;
  community: (id: string) => Promise<{ name: string; caucusOptions: string[] } | null>;
  groups: (communityId: string) => Promise<WorkingGroupView[]>;
  /** How long an "hour" lasts (a week is 168 of them); only tests shorten it (MAIL_HOUR_MS). */
  hourMs: number;
  base: () => string;
  now: () => number;
}

/**
 * The hub's weekly digest (docs/email.md), on the mail scheduler's tick. A week is a fixed
 * window (core digestWeek); when one is over, each community with posts a digest may list
 * gets one claim for it in mail_sent, and the process that inserts it first queues that
 * week's mails to the members and facilitators who chose the news list. So a restart, or
 * several processes, never send a week twice. Each reader's list comes from core digestFor:
 * never a hidden post, a thread private to a working group, a caucus's name or an author.
 */
export async function sendDigests(d: DigestDeps): Promise<void> {
  const week = digestWeek(d.now(), d.hourMs);
  for (const communityId of await d.hub.digestCommunities(week.from, week.to)) {
    if (!(await d.store.claim(`digest:${communityId}:${week.week}`, d.now()))) continue;
    const community = await d.community(communityId);
    if (!community) continue;
    const posts = await d.hub.between(communityId, week.from, week.to);
    const groups = await d.groups(communityId);
    for (const r of await d.store.recipients(communityId, 'news')) {
      const actor: CommunityActor = r.subject.kind === 'member' ? { kind: 'member', memberId: r.subject.memberId } : { kind: 'facilitator', accountId: r.subject.accountId };
      send(d, communityId, community, r, digestFor(posts, { actor, groups }, week, community.caucusOptions));
    }
  }
}

function send(
  d: DigestDeps,
  communityId: string,
  community: { name: string; caucusOptions: string[] },
  r: Awaited<ReturnType<MailStore['recipients']>>[number],
  items: ReturnType<typeof digestFor>,
): void {
  if (items.length === 0) return;
  const base = d.base();
  const hubUrl = `${base}/c/${communityId}/hub`;
  const mail = digestMail(r.email, community, items, hubUrl, r.language);
  d.outbox.enqueue(unsubscribable(mail, `${base}/unsubscribe/${d.tokens.issue(r.subject, 'news')}`, 'news', r.language));
}
