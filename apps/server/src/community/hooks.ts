import type { CommunityHooks } from '../convening/room.ts';
import type { CommunityBell } from './bell.ts';
import type { MemberStore } from './members-store.ts';
import type { ScheduleStore } from './schedule-store.ts';
import { settle } from '../store/settle.ts';

/**
 * What communities add to their live convenings (RoomOptions.hooks): the community's
 * breakout history for round plans, recording who met whom when a round ends, keeping a
 * member's caucus answer when they ask, and whether a credential's holder still belongs.
 * A quick convening is its own community: no schedule points at it, so every hook leaves
 * it alone.
 */
export function communityHooks(deps: {
  schedule: ScheduleStore;
  members: MemberStore;
  bell: CommunityBell;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
}): CommunityHooks {
  const { schedule, members } = deps;
  return {
    pastMeetings: (conveningId) =>
      settle(() => {
        const communityId = schedule.communityOf(conveningId);
        return communityId ? schedule.meetings(communityId, conveningId) : [];
      }),
    roundEnded(conveningId, rooms) {
      const communityId = schedule.communityOf(conveningId);
      if (!communityId) return;
      // Caucus rooms are never history: who met there must not shape or show through later rounds.
      const groups = rooms.filter((r) => r.kind !== 'caucus' && r.members.length > 1).map((r) => [...r.members]);
      try {
        schedule.recordMeetings(communityId, conveningId, groups, deps.now());
      } catch (err) {
        deps.log(`community ${communityId}: could not record a round's rooms`, err);
      }
    },
    stillBelongs(conveningId, participantId) {
      const facts = schedule.belonging(conveningId, participantId);
      if (!facts) return true;
      if (facts.former) return false;
      // Facilitators are in their convenings under their account id (see /start and /host);
      // guests who came with the join code have participant ids of their own and stay welcome.
      return facts.facilitator || !facts.account;
    },
    closed(conveningId) {
      const communityId = schedule.communityOf(conveningId);
      const scheduled = communityId ? schedule.list(communityId).find((s) => s.conveningId === conveningId) : undefined;
      // The home marks it ended when it is fetched next (context.ts refreshEnded): ring for that fetch.
      if (communityId && scheduled) deps.bell.ring(communityId, { kind: 'schedule', scheduleId: scheduled.id });
    },
    answerKept(conveningId, participantId, answer) {
      const communityId = schedule.communityOf(conveningId);
      if (!communityId) return;
      try {
        members.setKeptAnswer(communityId, participantId, answer);
      } catch (err) {
        deps.log(`community ${communityId}: could not keep a caucus answer`, err);
      }
    },
  };
}
