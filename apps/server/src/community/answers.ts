import type { Ctx } from './context.ts';

/**
 * Forget a member's caucus self-identification everywhere the community holds it: the
 * answer kept for later convenings, and the answers they asked to keep inside past
 * convenings' logs (unkept ones are erased when each convening closes). Used when they
 * withdraw it and when their membership ends.
 */
export async function forgetCaucusAnswers(ctx: Ctx, communityId: string, memberId: string): Promise<void> {
  ctx.members.setKeptAnswer(communityId, memberId, null);
  for (const s of ctx.schedule.list(communityId)) {
    if (!s.conveningId) continue;
    await ctx.rooms.rewrite(s.conveningId, 'affinity.answered', (e) =>
      e.type === 'affinity.answered' && e.participantId === memberId ? { ...e, answer: null, keep: false } : e,
    );
  }
}
