import type { DomainEvent } from '@brave/protocol';
import type { Tx } from '../store/transactions.ts';
import { withoutAnswerOf } from './answers.ts';
import type { Ctx } from './context.ts';
import type { CommunityDocs } from './docs.ts';
import { FORMER_MEMBER_NAME } from './members-store.ts';

/** Documents of a community: its toolkit drafts and its convenings' notes. */
async function documentsOf(ctx: Ctx, communityId: string, conveningIds: string[]): Promise<string[]> {
  const prefixes = [`toolkit:${communityId}:`, ...conveningIds.flatMap((c) => [`notes:${c}:`, `toolkit:${c}:`])];
  return (await Promise.all(prefixes.map((p) => ctx.docs.namesWithPrefix(p)))).flat();
}

/**
 * The documents' side of a purge: delete these documents' rows inside the caller's
 * transaction, through the document store (documents are the collab module's, so how they
 * are kept can change there alone).
 */
export function deleteDocumentRows(docs: CommunityDocs, tx: Tx, names: string[]): Promise<void> {
  return docs.deleteRows(names, tx);
}

/**
 * Delete a community and everything it holds, in one transaction: its rows (members,
 * groups, schedules, history), its convenings' logs and answered commands, and every
 * document of it (drafts, notes, versions, publications) through the document store.
 * Open documents are dropped from memory on every process before it; live rooms after.
 */
export async function deleteCommunity(ctx: Ctx, communityId: string): Promise<void> {
  const conveningIds = (await ctx.schedule.list(communityId)).flatMap((s) => (s.conveningId ? [s.conveningId] : []));
  const names = await documentsOf(ctx, communityId, conveningIds);
  // Dropped from memory on every process first, so no queued write is stored after the purge;
  // a copy loaded again meanwhile finds its rows gone at its next write (DocStore.appendAfter).
  ctx.docsDeleted(names);
  await ctx.communities.purge(communityId, conveningIds, (tx) => deleteDocumentRows(ctx.docs, tx, names));
  for (const id of conveningIds) ctx.rooms.forget(id);
  ctx.communityChanged(communityId);
}

/**
 * Let someone who is no longer of the community (a member who left or was removed, a
 * facilitator removed) out of every open convening of it they are in. Convening
 * credentials are only checked against the convening, so ending the membership alone
 * would leave them the live view and its drafts until the credential expired. Closed
 * convenings are history and keep them in their log (under the name they chose to leave:
 * see endMembership), but no longer let them in: the community hook `stillBelongs` refuses
 * them there, and a connection they still have to one (reading it) is cut, writing nothing.
 * Open documents are checked again after: the convening gate no longer knows them.
 */
export async function revokeConvenings(ctx: Ctx, communityId: string, participantId: string): Promise<void> {
  for (const s of await ctx.schedule.list(communityId)) {
    if (!s.conveningId) continue;
    // An ended one is closed: only a loaded room can have their connection, and expel loads none.
    if (s.status === 'ended') {
      await ctx.rooms.expel(s.conveningId, participantId);
      continue;
    }
    // Peeked first, so looking over a year of past convenings does not keep them loaded.
    const state = await ctx.state(s.conveningId);
    if (!state?.participants[participantId]) continue;
    if (state.status === 'open') await ctx.rooms.revoke(s.conveningId, participantId);
    else await ctx.rooms.expel(s.conveningId, participantId);
  }
  ctx.communityChanged(communityId);
}

/**
 * End a membership: they are let out of the community's open convenings at once, and their
 * caucus answers are forgotten (see answers.ts). With `replaceName`, their name becomes
 * "Former member" everywhere we keep it: the member row (so document version authors show
 * it) and every convening log of the community. Their words in documents stay: those are
 * the group's.
 */
export async function endMembership(ctx: Ctx, communityId: string, memberId: string, replaceName: boolean): Promise<boolean> {
  if (!(await ctx.members.leave(communityId, memberId, replaceName, ctx.now()))) return false;
  await ctx.schedule.forgetMember(communityId, memberId);
  await revokeConvenings(ctx, communityId, memberId);
  await ctx.members.setKeptAnswer(communityId, memberId, null);
  await ctx.memberLeft?.(communityId, memberId);
  const withoutAnswer = withoutAnswerOf(memberId);
  const forget = (e: DomainEvent): DomainEvent => {
    if (!('participantId' in e) || e.participantId !== memberId) return e;
    if (e.type === 'participant.joined') return { ...e, name: FORMER_MEMBER_NAME, pronouns: null };
    if (e.type === 'participant.profiled') return { ...e, profile: { channel: null, role: null, team: null, organisation: null, region: null, orgType: null } };
    return withoutAnswer(e);
  };
  const types: DomainEvent['type'][] = replaceName ? ['affinity.answered', 'participant.joined', 'participant.profiled'] : ['affinity.answered'];
  for (const s of await ctx.schedule.list(communityId)) {
    // Every type in one rewrite: each convening's state is refolded once.
    if (s.conveningId) await ctx.rooms.rewrite(s.conveningId, types, forget);
  }
  return true;
}
