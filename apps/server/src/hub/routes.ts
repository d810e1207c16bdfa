import type { Request, Router } from 'express';
import { HUB_LIMITS, HubListQuery, HubModerateBody, HubPostBody, HubReplyBody, HubReplyModerateBody, Id, type HubList, type HubThread } from '@brave/protocol';
import { checkModerate, checkPost, checkReply, hubOrder, hubTagOptions, isModerator, postViewFor, privateGroupsFor, replyViewFor, type HubAuthorRecord, type HubCheck, type HubReader } from '@brave/core';
import { newId } from '../convening/ids.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import { HttpError, parseBody } from '../http/respond.ts';
import type { Ctx } from '../community/context.ts';
import { atLimit, count } from '../community/limits.ts';
import type { Caller } from '../community/principals.ts';
import type { HubStore } from './store.ts';

const NO_POST = () => new HttpError({ code: 'not_found', message: 'We could not find that post.' });

const paramId = (raw: unknown): string => {
  const id = Id.safeParse(raw);
  if (!id.success) throw NO_POST();
  return id.data;
};

const must = (check: HubCheck): void => {
  if (!check.ok) throw new HttpError({ code: check.code, message: check.message, ...(check.field ? { field: check.field } : {}) });
};

const authorOf = (caller: Caller): HubAuthorRecord =>
  caller.kind === 'member' ? { kind: 'member', id: caller.member.memberId, name: caller.member.name } : { kind: 'facilitator', id: caller.account.id, name: caller.account.name };

const personKey = (caller: Caller) => `${caller.community.id}:${caller.kind === 'member' ? `m:${caller.member.memberId}` : `a:${caller.account.id}`}`;

/**
 * The hub's /api routes (docs/hub.md, docs/api.md "Hub"): read and write as a member or a
 * facilitator of the community, moderate as a facilitator. Every body passes its schema,
 * every answer is built by core's hub rules for this reader, writes are rate limited per
 * person and counted against HUB_LIMITS, and each change rings the community doorbell so
 * open hub screens fetch again.
 */
export function hubRoutes(r: Router, ctx: Ctx, hub: HubStore): void {
  const { who, now } = ctx;
  const postRate = new RateLimiter(1000 / HUB_LIMITS.postEveryMs, HUB_LIMITS.postBurst, now);
  const replyRate = new RateLimiter(1000 / HUB_LIMITS.replyEveryMs, HUB_LIMITS.replyBurst, now);
  const limited = (limiter: RateLimiter, caller: Caller, what: string) => {
    const wait = limiter.take(personKey(caller));
    if (wait > 0) throw new HttpError({ code: 'rate_limited', message: `You have ${what} a lot just now; please wait a moment before the next.`, retryAfterMs: wait });
  };
  const readerOf = async (caller: Caller): Promise<HubReader> => ({ actor: caller.actor, groups: await ctx.members.groups(caller.community.id) });
  const ring = (communityId: string) => ctx.bell.ring(communityId, { kind: 'hub' });

  /** The caller, the post (as this caller may see it, else 404) and the reader. */
  const visiblePost = async (req: Request) => {
    const caller = await who.either(req, req.params.id);
    const reader = await readerOf(caller);
    const post = await hub.post(caller.community.id, paramId(req.params.postId));
    const view = post ? postViewFor(post, reader) : null;
    if (!post || !view) throw NO_POST();
    return { caller, reader, post, view };
  };

  r.get('/communities/:id/hub', async (req, res) => {
    const caller = await who.either(req, req.params.id);
    const query = HubListQuery.safeParse(req.query);
    if (!query.success) throw new HttpError({ code: 'bad_request', message: 'query: "tag" must be one of the hub’s tags.', field: 'tag' });
    const reader = await readerOf(caller);
    // Read a little more than a page: some of these may be hidden from, or private to others than, this reader.
    const rows = await hub.list(caller.community.id, { ...(query.data.tag ? { tag: query.data.tag } : {}), limit: HUB_LIMITS.listMax * 3 });
    const posts = rows.sort(hubOrder).flatMap((p) => postViewFor(p, reader) ?? []).slice(0, HUB_LIMITS.listMax);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ posts, tags: hubTagOptions(caller.community.channels), groups: privateGroupsFor(reader), moderator: isModerator(caller.actor) } satisfies HubList);
  });

  r.post('/communities/:id/hub/posts', async (req, res) => {
    const caller = await who.either(req, req.params.id);
    const body = parseBody(HubPostBody, req.body);
    const reader = await readerOf(caller);
    must(checkPost(body, reader, caller.community.channels));
    limited(postRate, caller, 'posted');
    const id = newId('h');
    const max = HUB_LIMITS.postsPerCommunity;
    if ((await hub.create(caller.community.id, { id, ...body, author: authorOf(caller), at: now() }, max)) === 'full') {
      throw atLimit(`The hub of this community holds ${count(max)} posts, the most it can. A facilitator can shorten the retention period so older posts are deleted.`);
    }
    ring(caller.community.id);
    res.status(201).json(postViewFor((await hub.post(caller.community.id, id))!, reader));
  });

  r.get('/communities/:id/hub/posts/:postId', async (req, res) => {
    const { caller, reader, view } = await visiblePost(req);
    const replies = (await hub.replies(caller.community.id, view.id)).flatMap((x) => replyViewFor(x, reader) ?? []);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ post: view, replies } satisfies HubThread);
  });

  r.post('/communities/:id/hub/posts/:postId/replies', async (req, res) => {
    const caller = await who.either(req, req.params.id);
    const body = parseBody(HubReplyBody, req.body);
    const reader = await readerOf(caller);
    const post = await hub.post(caller.community.id, paramId(req.params.postId));
    must(checkReply(post, reader));
    limited(replyRate, caller, 'replied');
    const id = newId('r');
    const outcome = await hub.reply(caller.community.id, post!.id, { id, body: body.body, author: authorOf(caller), at: now() }, HUB_LIMITS.repliesPerPost);
    if (outcome === 'gone') throw NO_POST();
    if (outcome === 'full') throw atLimit(`This thread has ${count(HUB_LIMITS.repliesPerPost)} replies, the most one thread holds. Start a new post to carry on.`);
    ring(caller.community.id);
    const reply = (await hub.replies(caller.community.id, post!.id)).find((x) => x.id === id)!;
    res.status(201).json(replyViewFor(reply, reader));
  });

  /** A facilitator of the community, about a post that exists. */
  const moderating = async (req: Request) => {
    const caller = await who.facilitator(req, req.params.id);
    const reader = await readerOf(caller);
    const postId = paramId(req.params.postId);
    must(checkModerate(await hub.post(caller.community.id, postId), reader));
    return { caller, reader, postId };
  };

  r.patch('/communities/:id/hub/posts/:postId', async (req, res) => {
    const { caller, reader, postId } = await moderating(req);
    const body = parseBody(HubModerateBody, req.body);
    if (!(await hub.moderate(caller.community.id, postId, body))) throw NO_POST();
    ring(caller.community.id);
    res.json(postViewFor((await hub.post(caller.community.id, postId))!, reader));
  });

  r.patch('/communities/:id/hub/posts/:postId/replies/:replyId', async (req, res) => {
    const { caller, reader, postId } = await moderating(req);
    const body = parseBody(HubReplyModerateBody, req.body);
    const replyId = Id.safeParse(req.params.replyId);
    if (!replyId.success || !(await hub.hideReply(caller.community.id, postId, replyId.data, body.hidden))) {
      throw new HttpError({ code: 'not_found', message: 'We could not find that reply.' });
    }
    ring(caller.community.id);
    res.json(replyViewFor((await hub.replies(caller.community.id, postId)).find((x) => x.id === replyId.data)!, reader));
  });
}
