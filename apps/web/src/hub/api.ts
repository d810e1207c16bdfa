import { hub } from '@brave/client';
import type { HubModerateBody, HubPostBody } from '@brave/protocol';
import type { Caller } from '../community/api.ts';

/** The hub routes for the screens: a member with their credential, a facilitator with the session. */
const base = () => window.location.origin;
const as = (c: Caller) => (c.kind === 'member' ? c.token : undefined);

export const hubApi = {
  list: (c: Caller, id: string, tag: string | null) => hub.list(base(), id, tag, as(c)),
  create: (c: Caller, id: string, body: HubPostBody) => hub.create(base(), id, body, as(c)),
  thread: (c: Caller, id: string, postId: string) => hub.thread(base(), id, postId, as(c)),
  reply: (c: Caller, id: string, postId: string, body: string) => hub.reply(base(), id, postId, { body }, as(c)),
  moderate: (_c: Caller, id: string, postId: string, body: HubModerateBody) => hub.moderate(base(), id, postId, body),
  hideReply: (_c: Caller, id: string, postId: string, replyId: string, hidden: boolean) => hub.hideReply(base(), id, postId, replyId, hidden),
};
