import type { CommunityHooks } from '../convening/room.ts';
import type { MemberStore } from './members-store.ts';
import type { ScheduleStore } from './schedule-store.ts';
import type { CommunityStore } from './store.ts';

/** Account ids (`a_…`, see accounts/routes.ts) are how facilitators appear in convenings. */
const isAccountId = (id: string): boolean => id.startsWith('a_');

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
  communities: Pick<CommunityStore, 'isFacilitator'>;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
}): CommunityHooks {
  const { schedule, members, communities } = deps;
  return {
    async pastMeetings(conveningId) {
      const s = schedule.byConvening(conveningId);
      return s ? schedule.meetings(s.communityId, conveningId) : [];
    },
    roundEnded(conveningId, rooms) {
      const s = schedule.byConvening(conveningId);
      if (!s) return;
      // Caucus rooms are never history: who met there must not shape or show through later rounds.
      const groups = rooms.filter((r) => r.kind !== 'caucus' && r.members.length > 1).map((r) => [...r.members]);
      try {
        schedule.recordMeetings(s.communityId, conveningId, groups, deps.now());
      } catch (err) {
        deps.log(`community ${s.communityId}: could not record a round's rooms`, err);
      }
    },
    stillBelongs(conveningId, participantId) {
      const communityId = schedule.communityOf(conveningId);
      if (!communityId) return true;
      if (members.isFormer(communityId, participantId)) return false;
      // Facilitators are in their convenings under their account id (see /start and /host);
      // guests who came with the join code have plain participant ids and stay welcome.
      return !isAccountId(participantId) || communities.isFacilitator(communityId, participantId);
    },
    answerKept(conveningId, participantId, answer) {
      const s = schedule.byConvening(conveningId);
      if (!s) return;
      try {
        members.setKeptAnswer(s.communityId, participantId, answer);
      } catch (err) {
        deps.log(`community ${s.communityId}: could not keep a caucus answer`, err);
      }
    },
  };
}
