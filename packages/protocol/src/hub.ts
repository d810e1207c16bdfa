import { z } from 'zod';
import { Id, text } from './model.ts';

/**
 * The community hub between convenings (docs/hub.md): posts with links and short text,
 * replies, tags, pinned items, moderation, threads private to a working group. Routes are
 * under /api/communities/:id/hub, called as a member (Bearer m1.…) or a facilitator
 * (session). Every body passes one of these schemas; every view is what this reader may see.
 */
export const HUB_LIMITS = {
  titleMax: 140,
  bodyMax: 4_000,
  replyMax: 2_000,
  linksMax: 3,
  linkMax: 2_000,
  tagsMax: 4,
  /** Posts one community holds (a year of a busy network); a post past it is refused `conflict`. */
  postsPerCommunity: 20_000,
  /** Replies one thread holds. */
  repliesPerPost: 1_000,
  /** Per person and community: a burst, then one per `postEveryMs` / `replyEveryMs`. */
  postBurst: 10,
  postEveryMs: 60_000,
  replyBurst: 30,
  replyEveryMs: 10_000,
  /** Posts a list answers with (pinned ones first, then the most recently active). */
  listMax: 100,
} as const;

/** What a post is: something to share, to ask, a challenge faced, an idea to try. */
export const HUB_KINDS = ['resource', 'question', 'challenge', 'idea'] as const;
export const HubKind = z.enum(HUB_KINDS);
export type HubKind = z.infer<typeof HubKind>;

/** Role tags every community has (channel tags are its own channels: `channel:<id>`). */
export const HUB_ROLES = [
  { id: 'organisers', name: 'Organisers' },
  { id: 'educators', name: 'Educators' },
  { id: 'faith-leaders', name: 'Faith leaders' },
  { id: 'cultural-workers', name: 'Cultural workers' },
  { id: 'funders', name: 'Funders' },
  { id: 'researchers', name: 'Researchers' },
] as const;

/** `channel:<channel id>` or `role:<role id>`. */
export const HubTag = z.string().regex(/^(channel|role):[a-z0-9-]{1,32}$/, 'must be channel:<id> or role:<id>');
export type HubTag = z.infer<typeof HubTag>;

/** Several lines of text: trimmed, without control characters other than newlines and tabs. */
const lines = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

/** A link: http or https only (no javascript:, data:, file:). */
export const HubLink = z
  .string()
  .trim()
  .max(HUB_LIMITS.linkMax, `must be at most ${HUB_LIMITS.linkMax} characters`)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a web address starting with http:// or https://');

/** POST /api/communities/:id/hub/posts */
export const HubPostBody = z.strictObject({
  kind: HubKind,
  title: text(HUB_LIMITS.titleMax),
  body: lines(0, HUB_LIMITS.bodyMax).default(''),
  links: z.array(HubLink).max(HUB_LIMITS.linksMax).default([]),
  tags: z.array(HubTag).max(HUB_LIMITS.tagsMax).default([]),
  /** Keep the thread private to this working group (its members and the facilitators). */
  workingGroupId: Id.nullable().default(null),
});
export type HubPostBody = z.input<typeof HubPostBody>;
export type HubPostInput = z.output<typeof HubPostBody>;

/** POST /api/communities/:id/hub/posts/:postId/replies */
export const HubReplyBody = z.strictObject({ body: lines(1, HUB_LIMITS.replyMax) });
export type HubReplyBody = z.infer<typeof HubReplyBody>;

/** PATCH /api/communities/:id/hub/posts/:postId (facilitators): pin, hide, lock, or undo. */
export const HubModerateBody = z
  .strictObject({ pinned: z.boolean().optional(), hidden: z.boolean().optional(), locked: z.boolean().optional() })
  .refine((b) => b.pinned !== undefined || b.hidden !== undefined || b.locked !== undefined, 'must say what to change');
export type HubModerateBody = z.infer<typeof HubModerateBody>;

/** PATCH /api/communities/:id/hub/posts/:postId/replies/:replyId (facilitators). */
export const HubReplyModerateBody = z.strictObject({ hidden: z.boolean() });
export type HubReplyModerateBody = z.infer<typeof HubReplyModerateBody>;

/** GET /api/communities/:id/hub?tag=…: only posts with this tag. */
export const HubListQuery = z.strictObject({ tag: HubTag.optional() });

export const HubAuthor = z.object({ kind: z.enum(['member', 'facilitator']), name: z.string() });
export type HubAuthor = z.infer<typeof HubAuthor>;

export const HubPostView = z.object({
  id: Id,
  kind: HubKind,
  title: z.string(),
  body: z.string(),
  links: z.array(z.string()),
  tags: z.array(HubTag),
  /** Set on a thread private to a working group (name null: the group was deleted). */
  workingGroup: z.object({ id: Id, name: z.string().nullable() }).nullable(),
  author: HubAuthor,
  mine: z.boolean(),
  createdAt: z.number(),
  lastActivityAt: z.number(),
  replies: z.number().int(),
  pinned: z.boolean(),
  /** Only facilitators ever see a hidden post (members are not told it exists). */
  hidden: z.boolean(),
  locked: z.boolean(),
});
export type HubPostView = z.infer<typeof HubPostView>;

export const HubReplyView = z.object({ id: Id, body: z.string(), author: HubAuthor, mine: z.boolean(), createdAt: z.number(), hidden: z.boolean() });
export type HubReplyView = z.infer<typeof HubReplyView>;

export const HubTagOption = z.object({ tag: HubTag, name: z.string() });
export type HubTagOption = z.infer<typeof HubTagOption>;

/** GET /api/communities/:id/hub */
export const HubList = z.object({
  posts: z.array(HubPostView),
  tags: z.array(HubTagOption),
  /** Working groups this reader may keep a thread private to. */
  groups: z.array(z.object({ id: Id, name: z.string() })),
  moderator: z.boolean(),
});
export type HubList = z.infer<typeof HubList>;

/** GET /api/communities/:id/hub/posts/:postId */
export const HubThread = z.object({ post: HubPostView, replies: z.array(HubReplyView) });
export type HubThread = z.infer<typeof HubThread>;
