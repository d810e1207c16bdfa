import type { DomainEvent } from '@brave/protocol';
import type { Ctx } from './context.ts';

/**
 * Forget a member's caucus self-identification everywhere the community holds it: the
 * answer kept for later convenings, and the answers they asked to keep inside past
 * convenings' logs (unkept ones are erased when each convening closes). Used when they
 * withdraw it; ending a membership does the same inside its one rewrite (purge.ts).
 */
export async function forgetCaucusAnswers(ctx: Ctx, communityId: string, memberId: string): Promise<void> {
  await ctx.members.setKeptAnswer(communityId, memberId, null);
  for (const s of await ctx.schedule.list(communityId)) {
    if (s.conveningId) await ctx.rooms.rewrite(s.conveningId, ['affinity.answered'], withoutAnswerOf(memberId));
  }
}

/** The event with this member's caucus answer erased; every other event as it is. */
export const withoutAnswerOf =
  (memberId: string) =>
  (e: DomainEvent): DomainEvent =>
    e.type === 'affinity.answered' && e.participantId === memberId ? { ...e, answer: null, keep: false } : e;
