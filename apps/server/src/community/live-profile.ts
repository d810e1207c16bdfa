import type { MemberView, ProfileInput } from '@brave/protocol';
import { HttpError } from '../http/respond.ts';
import type { Ctx } from './context.ts';

/** The part of a member's profile a convening keeps (the breakout engine reads it). */
export const roomProfile = (m: MemberView): ProfileInput => ({
  channel: m.channel,
  role: m.role,
  team: m.team,
  organisation: m.organisation,
  region: m.region,
});

/**
 * A member changed their profile: every open convening of the community they are in
 * records it through the room's admission, so the next breakout round mixes by what they
 * say now. Admission only records the profile of someone already in; their name and
 * pronouns there stay as they were when they came in.
 */
export async function shareProfile(ctx: Ctx, communityId: string, member: MemberView): Promise<void> {
  for (const record of await ctx.schedule.list(communityId)) {
    if (record.status !== 'live' || !record.conveningId) continue;
    const state = await ctx.rooms.peek(record.conveningId);
    if (!state || state.status === 'closed' || !state.participants[member.id]) continue;
    const room = await ctx.rooms.get(record.conveningId);
    const admitted = await room?.admit({ participantId: member.id, name: member.name, pronouns: member.pronouns, role: 'participant', profile: roomProfile(member) });
    // A convening that closed meanwhile needs nothing; a store that refused is worth a retry
    // (the same change again is recorded then, as the convening still has the old one).
    if (admitted && !admitted.ok && admitted.error.code !== 'closed') throw new HttpError(admitted.error);
  }
}
