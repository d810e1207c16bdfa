import type { CommunityChannel, ErrorCode, HubPostInput, HubPostView, HubReplyView, HubTagOption, WorkingGroupView } from '@brave/protocol';
import { HUB_ROLES } from '@brave/protocol';
import type { CommunityActor } from '../community/access.ts';

/**
 * Who may read, write and moderate in the community hub (docs/hub.md). Members and
 * facilitators read and post; facilitators pin, hide and lock. A thread kept private to a
 * working group is for that group's members and the community's facilitators only. A
 * hidden post or reply is not there at all for members; facilitators see it marked hidden.
 * The server asks these functions for every answer, the digest included.
 */
export interface HubAuthorRecord {
  kind: 'member' | 'facilitator';
  /** The member id or the facilitator's account id. */
  id: string;
  name: string;
}

export interface HubPostRecord {
  id: string;
  kind: HubPostView['kind'];
  title: string;
  body: string;
  links: string[];
  tags: string[];
  workingGroupId: string | null;
  author: HubAuthorRecord;
  createdAt: number;
  lastActivityAt: number;
  replies: number;
  pinned: boolean;
  hidden: boolean;
  locked: boolean;
}

export interface HubReplyRecord {
  id: string;
  postId: string;
  body: string;
  author: HubAuthorRecord;
  createdAt: number;
  hidden: boolean;
}

/** Who is reading: their community role, and the community's working groups as they are now. */
export interface HubReader {
  actor: CommunityActor;
  groups: readonly WorkingGroupView[];
}

export type HubRefusal = { ok: false; code: ErrorCode; message: string; field?: string };
export type HubCheck = { ok: true } | HubRefusal;

const refuse = (code: ErrorCode, message: string, field?: string): HubRefusal => ({ ok: false, code, message, ...(field ? { field } : {}) });

export const isModerator = (actor: CommunityActor): boolean => actor.kind === 'facilitator';

/** Whether this reader is in that working group (facilitators count as in every group). */
function inGroup(reader: HubReader, groupId: string): boolean {
  if (reader.actor.kind === 'facilitator') return true;
  const { memberId } = reader.actor;
  return reader.groups.some((g) => g.id === groupId && g.members.includes(memberId));
}

/** Groups this reader may keep a thread private to: their own (a facilitator: every one). */
export function privateGroupsFor(reader: HubReader): { id: string; name: string }[] {
  return reader.groups.filter((g) => inGroup(reader, g.id)).map((g) => ({ id: g.id, name: g.name }));
}

/** Whether the post exists at all for this reader. */
export function seesPost(post: Pick<HubPostRecord, 'hidden' | 'workingGroupId'>, reader: HubReader): boolean {
  if (post.hidden && !isModerator(reader.actor)) return false;
  return post.workingGroupId === null || inGroup(reader, post.workingGroupId);
}

const isMine = (author: HubAuthorRecord, actor: CommunityActor): boolean =>
  actor.kind === 'facilitator' ? author.kind === 'facilitator' && author.id === actor.accountId : author.kind === 'member' && author.id === actor.memberId;

/** The post as this reader may see it, or null when it is not there for them. */
export function postViewFor(post: HubPostRecord, reader: HubReader): HubPostView | null {
  if (!seesPost(post, reader)) return null;
  const group = post.workingGroupId === null ? null : { id: post.workingGroupId, name: reader.groups.find((g) => g.id === post.workingGroupId)?.name ?? null };
  return {
    id: post.id,
    kind: post.kind,
    title: post.title,
    body: post.body,
    links: [...post.links],
    tags: [...post.tags],
    workingGroup: group,
    author: { kind: post.author.kind, name: post.author.name },
    mine: isMine(post.author, reader.actor),
    createdAt: post.createdAt,
    lastActivityAt: post.lastActivityAt,
    replies: post.replies,
    pinned: post.pinned,
    hidden: post.hidden,
    locked: post.locked,
  };
}

/** A reply as this reader may see it (of a post they see), or null when hidden from them. */
export function replyViewFor(reply: HubReplyRecord, reader: HubReader): HubReplyView | null {
  if (reply.hidden && !isModerator(reader.actor)) return null;
  return { id: reply.id, body: reply.body, author: { kind: reply.author.kind, name: reply.author.name }, mine: isMine(reply.author, reader.actor), createdAt: reply.createdAt, hidden: reply.hidden };
}

/** The tags a post may carry here: the community's channels, then the role tags. */
export function hubTagOptions(channels: readonly CommunityChannel[]): HubTagOption[] {
  return [...channels.map((c) => ({ tag: `channel:${c.id}`, name: c.name })), ...HUB_ROLES.map((r) => ({ tag: `role:${r.id}`, name: r.name }))];
}

/** A new post: its tags are this community's, and a private thread is for a group the author is in. */
export function checkPost(body: Pick<HubPostInput, 'tags' | 'workingGroupId'>, reader: HubReader, channels: readonly CommunityChannel[]): HubCheck {
  const known = new Set(hubTagOptions(channels).map((t) => t.tag));
  const unknown = body.tags.find((t) => !known.has(t));
  if (unknown) return refuse('bad_request', `This community has no tag "${unknown}".`, 'tags');
  if (new Set(body.tags).size !== body.tags.length) return refuse('bad_request', 'Each tag once, please.', 'tags');
  if (body.workingGroupId !== null) {
    if (!reader.groups.some((g) => g.id === body.workingGroupId)) return refuse('bad_request', 'That working group does not exist (any more).', 'workingGroupId');
    if (!inGroup(reader, body.workingGroupId)) return refuse('forbidden', 'Only members of that working group can start a thread private to it.', 'workingGroupId');
  }
  return { ok: true };
}

const NO_POST = 'We could not find that post.';

/** A reply: to a post this reader sees, that is neither locked nor hidden. */
export function checkReply(post: HubPostRecord | null, reader: HubReader): HubCheck {
  if (!post || !seesPost(post, reader)) return refuse('not_found', NO_POST);
  if (post.hidden) return refuse('conflict', 'This post is hidden: it takes no replies.');
  if (post.locked) return refuse('conflict', 'This thread is locked: a facilitator closed it to new replies.');
  return { ok: true };
}

/** Moderation: facilitators of the community only, of a post that exists. */
export function checkModerate(post: HubPostRecord | null, reader: HubReader): HubCheck {
  if (!isModerator(reader.actor)) return refuse('forbidden', 'Only the facilitators of this community can pin, hide or lock posts.');
  return post ? { ok: true } : refuse('not_found', NO_POST);
}

/** The hub's order: pinned posts first, then the most recently active, newest first. */
export function hubOrder(a: Pick<HubPostRecord, 'pinned' | 'lastActivityAt' | 'id'>, b: Pick<HubPostRecord, 'pinned' | 'lastActivityAt' | 'id'>): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
