import type {
  CommunityChannel,
  CommunityHome,
  CommunityInfo,
  FacilitatorView,
  MemberView,
  ScheduledConvening,
  ToolkitDraft,
  WorkingGroupView,
} from '@brave/protocol';
import { editableChannels, memberViewFor, type CommunityActor } from './access.ts';

/** The toolkit draft of a community channel (documents, H3b). */
export const toolkitDocName = (communityId: string, channelId: string): string => `toolkit:${communityId}:${channelId}`;

export interface HomeInput {
  community: CommunityInfo;
  facilitators: FacilitatorView[];
  members: MemberView[];
  workingGroups: WorkingGroupView[];
  schedule: ScheduledConvening[];
  publications: Record<string, ToolkitDraft['publication']>;
}

/** Upcoming (not yet ended, soonest first) and past (ended, latest first). */
export function splitSchedule(list: readonly ScheduledConvening[]): { upcoming: ScheduledConvening[]; past: ScheduledConvening[] } {
  return {
    upcoming: list.filter((s) => s.status !== 'ended').sort((a, b) => a.startsAt - b.startsAt),
    past: list.filter((s) => s.status === 'ended').sort((a, b) => b.startsAt - a.startsAt),
  };
}

/** Per channel: its draft, the working groups writing it and the people in them. */
export function toolkitDrafts(input: Omit<HomeInput, 'facilitators' | 'schedule'>): ToolkitDraft[] {
  const names = new Map(input.members.map((m) => [m.id, m.name]));
  return input.community.channels.map((channel: CommunityChannel) => {
    const groups = input.workingGroups.filter((g) => g.channels.includes(channel.id));
    const editorIds = [...new Set(groups.flatMap((g) => g.members))].filter((id) => names.has(id));
    const doc = toolkitDocName(input.community.id, channel.id);
    return {
      channel: { ...channel },
      doc,
      workingGroups: groups.map((g) => ({ id: g.id, name: g.name })),
      editors: editorIds.map((id) => ({ id, name: names.get(id)! })),
      publication: input.publications[doc] ?? null,
    };
  });
}

/** The home page as this viewer may see it (members see fewer member fields). */
export function shapeHome(input: HomeInput, viewer: CommunityActor & { name: string }): CommunityHome {
  const { upcoming, past } = splitSchedule(input.schedule);
  return {
    community: input.community,
    viewer:
      viewer.kind === 'facilitator'
        ? { kind: 'facilitator', accountId: viewer.accountId, name: viewer.name }
        : { kind: 'member', memberId: viewer.memberId, name: viewer.name, canEdit: editableChannels(input.workingGroups, viewer.memberId, input.community.channels) },
    facilitators: input.facilitators,
    members: input.members.map((m) => memberViewFor(m, viewer)),
    workingGroups: input.workingGroups,
    upcoming,
    past,
    toolkit: toolkitDrafts(input),
  };
}
