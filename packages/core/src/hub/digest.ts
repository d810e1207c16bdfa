import { namesCaucus } from '../mail.ts';
import { seesPost, type HubPostRecord, type HubReader } from './access.ts';

/**
 * The weekly digest (docs/hub.md, docs/email.md). A week is a fixed window of time
 * (`digestWeek`), the same for every process, so each community's digest of one week has
 * one claim and goes out once. It lists the week's posts this reader may read that are
 * neither hidden nor private to a working group (a digest is forwarded and read over
 * shoulders), pinned ones first; a post whose title names a caucus is left out, and no
 * author is named.
 */
export const HUB_DIGEST_HOURS = 7 * 24;

/** The last whole week before `now`: its number (for the claim) and its bounds [from, to). */
export function digestWeek(now: number, hourMs: number): { week: number; from: number; to: number } {
  const length = HUB_DIGEST_HOURS * hourMs;
  const week = Math.floor(now / length) - 1;
  return { week, from: week * length, to: (week + 1) * length };
}

export interface DigestItem {
  id: string;
  kind: HubPostRecord['kind'];
  title: string;
  replies: number;
  pinned: boolean;
}

export function digestFor(posts: readonly HubPostRecord[], reader: HubReader, window: { from: number; to: number }, caucusNames: readonly string[]): DigestItem[] {
  return posts
    .filter((p) => p.createdAt >= window.from && p.createdAt < window.to)
    .filter((p) => !p.hidden && p.workingGroupId === null && seesPost(p, reader))
    .filter((p) => !namesCaucus(p.title, caucusNames))
    .sort((a, b) => (a.pinned !== b.pinned ? (a.pinned ? -1 : 1) : a.createdAt - b.createdAt))
    .map((p) => ({ id: p.id, kind: p.kind, title: p.title, replies: p.replies, pinned: p.pinned }));
}
