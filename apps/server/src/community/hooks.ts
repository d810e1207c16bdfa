import type { AccountStore } from '../accounts/store.ts';
import type { CommunityHooks } from '../convening/room.ts';
import type { MemberStore } from './members-store.ts';
import type { ScheduleStore } from './schedule-store.ts';
import type { CommunityStore } from './store.ts';

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
  accounts: Pick<AccountStore, 'isAccount'>;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
}): CommunityHooks {
  const { schedule, members, communities, accounts } = deps;
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
      // guests who came with the join code have participant ids of their own and stay welcome.
      // Two primary-key point queries at most (this runs on every handshake).
      return communities.isFacilitator(communityId, participantId) || !accounts.isAccount(participantId);
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
