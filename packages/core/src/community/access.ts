import type { CommunityChannel, MemberView, WorkingGroupView } from '@brave/protocol';

/**
 * Community rules that routes and views share. Who may call which route is decided by
 * the kind of credential each route asks for (facilitator session or member credential,
 * apps/server/src/community/principals.ts); test/integration/abuse-access-community.test.ts
 * holds every route to it.
 */
export type CommunityActor = { kind: 'facilitator'; accountId: string } | { kind: 'member'; memberId: string };

/** A facilitator may leave the community's team only while another one stays. */
export function mayRemoveFacilitator(facilitators: readonly string[], accountId: string): 'ok' | 'not-found' | 'last' {
  if (!facilitators.includes(accountId)) return 'not-found';
  return facilitators.length > 1 ? 'ok' : 'last';
}

/**
 * A member as this viewer may see them: facilitators (and the member themself) see
 * everything; other members do not see someone's role or region, which people share
 * for the facilitators' room planning rather than for the whole community.
 */
export function memberViewFor(member: MemberView, viewer: CommunityActor): MemberView {
  if (viewer.kind === 'facilitator' || viewer.memberId === member.id) return { ...member };
  return { ...member, role: null, region: null, language: null };
}

/** Channels whose toolkit draft this member may edit: those of their working groups that still exist. */
export function editableChannels(groups: readonly WorkingGroupView[], memberId: string, channels: readonly CommunityChannel[]): string[] {
  const mine = new Set(groups.filter((g) => g.members.includes(memberId)).flatMap((g) => g.channels));
  return channels.filter((c) => mine.has(c.id)).map((c) => c.id);
}

/** Working group members must be members of the community, and channels its channels. */
export function checkWorkingGroup(
  body: { channels: readonly string[]; members: readonly string[] },
  channels: readonly CommunityChannel[],
  memberIds: ReadonlySet<string>,
): { ok: true } | { ok: false; field: 'channels' | 'members'; message: string } {
  const unknownChannel = body.channels.find((c) => !channels.some((x) => x.id === c));
  if (unknownChannel) return { ok: false, field: 'channels', message: `This community has no channel "${unknownChannel}".` };
  if (body.members.some((m) => !memberIds.has(m))) {
    return { ok: false, field: 'members', message: 'Some of those people are not members of this community.' };
  }
  return { ok: true };
}
