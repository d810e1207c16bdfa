import type { CommunityExport, MyData } from '@brave/protocol';
import { postViewFor, replyViewFor, type CommunityActor } from '@brave/core';
import type { Ctx } from '../community/context.ts';

/** What one member wrote in the hub, for My data: every post and reply of theirs, hidden ones marked. */
export async function myHub(ctx: Pick<Ctx, 'hub'>, communityId: string, memberId: string): Promise<MyData['hub']> {
  const mine = await ctx.hub.byMember(communityId, memberId);
  return {
    posts: mine.posts.map((p) => ({ id: p.id, title: p.title, body: p.body, createdAt: p.createdAt, hidden: p.hidden })),
    replies: mine.replies.map((r) => ({ id: r.id, postId: r.postId, postTitle: r.postTitle, body: r.body, createdAt: r.createdAt, hidden: r.hidden })),
  };
}

/** The hub in the community export: every thread as the exporting facilitator may read it (core hub rules). */
export async function hubExport(ctx: Pick<Ctx, 'hub' | 'members'>, communityId: string, actor: CommunityActor): Promise<CommunityExport['hub']> {
  const reader = { actor, groups: await ctx.members.groups(communityId) };
  const out: CommunityExport['hub'] = [];
  for (const post of await ctx.hub.all(communityId)) {
    const view = postViewFor(post, reader);
    if (!view) continue;
    const { mine: _mine, ...shown } = view;
    const replies = (await ctx.hub.replies(communityId, post.id)).flatMap((r) => {
      const v = replyViewFor(r, reader);
      if (!v) return [];
      const { mine: _m, ...rest } = v;
      return [rest];
    });
    out.push({ post: shown, replies });
  }
  return out;
}
