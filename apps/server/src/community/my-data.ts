import type { CommunityExport, CommunityInfo, MyData } from '@brave/protocol';
import type { CommunityActor } from '@brave/core';
import { exportableNotes, exportConvening, metWithCount, myConvening, toolkitDocName } from '@brave/core';
import { hubExport, myHub } from '../hub/data.ts';
import { HttpError } from '../http/respond.ts';
import type { Ctx } from './context.ts';
import { scheduledView } from './schedule-store.ts';

/** Everything the community holds about one member (GET /api/communities/:id/me). */
export async function myData(ctx: Ctx, communityId: string, memberId: string): Promise<MyData> {
  const member = await ctx.members.get(communityId, memberId);
  if (!member) throw new HttpError({ code: 'unauthorized', message: 'You are no longer a member of this community.' });
  const convenings: MyData['convenings'] = [];
  for (const s of await ctx.schedules(communityId)) {
    const state = s.conveningId ? await ctx.state(s.conveningId) : null;
    if (!state || !state.participants[memberId]) continue;
    convenings.push({ id: state.id, title: state.title, startedAt: s.startedAt ?? state.createdAt, ...myConvening(state, memberId) });
  }
  return {
    member,
    workingGroups: (await ctx.members.groups(communityId))
      .filter((g) => g.members.includes(memberId))
      .map((g) => ({ id: g.id, name: g.name, channels: g.channels })),
    keptCaucusAnswer: await ctx.members.keptAnswer(communityId, memberId),
    convenings,
    metWith: metWithCount(await ctx.schedule.meetings(communityId), memberId),
    hub: await myHub(ctx, communityId, memberId),
  };
}

/**
 * The community as JSON for its facilitators: convenings (caucus rooms without rosters,
 * signals without who or words), agreements, documents as Markdown (never caucus notes).
 * Nobody's caucus answer is in it: neither kept answers nor answers in convening logs.
 * The hub's threads are in it as the facilitator who exports reads them.
 */
export async function communityExport(ctx: Ctx, community: CommunityInfo, by: CommunityActor): Promise<CommunityExport> {
  const convenings: CommunityExport['convenings'] = [];
  const documents: CommunityExport['documents'] = [];
  const addDoc = async (name: string, title: string) => {
    const markdown = await ctx.docs.markdown(name);
    if (markdown !== null) documents.push({ name, title, markdown });
  };
  for (const c of community.channels) await addDoc(toolkitDocName(community.id, c.id), `${c.name} toolkit`);
  for (const s of await ctx.schedules(community.id)) {
    const state = s.conveningId ? await ctx.state(s.conveningId) : null;
    convenings.push(exportConvening(scheduledView(s), state));
    if (state) for (const n of exportableNotes(state)) await addDoc(n.name, n.title);
  }
  return {
    format: 'brave-space.community.v1',
    exportedAt: ctx.now(),
    community,
    facilitators: await ctx.communities.facilitators(community.id),
    members: await ctx.members.list(community.id),
    workingGroups: await ctx.members.groups(community.id),
    convenings,
    documents,
    hub: await hubExport(ctx, community.id, by),
  };
}
