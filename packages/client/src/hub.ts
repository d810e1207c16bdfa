import { HubList, HubPostView, HubReplyView, HubThread, type HubModerateBody, type HubPostBody, type HubReplyBody } from '@brave/protocol';
import { as, c, call } from './community.ts';

/**
 * The community hub (docs/api.md, "Hub"). `member` is a member's credential (`m1.…`);
 * without it the call goes with the facilitator's session. Moderation is for facilitators.
 */
const h = (id: string) => `${c(id)}/hub`;
const post = (id: string, postId: string) => `${h(id)}/posts/${encodeURIComponent(postId)}`;

export const hub = {
  list: (base: string, id: string, tag: string | null, member?: string) => call(base, 'GET', tag ? `${h(id)}?tag=${encodeURIComponent(tag)}` : h(id), HubList, as(member)),
  create: (base: string, id: string, body: HubPostBody, member?: string) => call(base, 'POST', `${h(id)}/posts`, HubPostView, as(member), body),
  thread: (base: string, id: string, postId: string, member?: string) => call(base, 'GET', post(id, postId), HubThread, as(member)),
  reply: (base: string, id: string, postId: string, body: HubReplyBody, member?: string) => call(base, 'POST', `${post(id, postId)}/replies`, HubReplyView, as(member), body),
  moderate: (base: string, id: string, postId: string, body: HubModerateBody) => call(base, 'PATCH', post(id, postId), HubPostView, 'session', body),
  hideReply: (base: string, id: string, postId: string, replyId: string, hidden: boolean) =>
    call(base, 'PATCH', `${post(id, postId)}/replies/${encodeURIComponent(replyId)}`, HubReplyView, 'session', { hidden }),
};
