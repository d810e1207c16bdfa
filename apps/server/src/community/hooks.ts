import type { CommunityHooks } from '../convening/room.ts';
import type { MemberStore } from './members-store.ts';
import type { ScheduleStore } from './schedule-store.ts';

/**
 * What communities add to their live convenings (RoomOptions.hooks): the community's
 * breakout history for round plans, recording who met whom, and keeping a member's caucus
 * answer when they ask. A quick convening is its own community: no schedule points at it,
 * so every hook leaves it alone.
 */
export function communityHooks(deps: { schedule: ScheduleStore; members: MemberStore; now: () => number; log: (msg: string, err?: unknown) => void }): CommunityHooks {
  const { schedule, members } = deps;
  return {
    async pastMeetings(conveningId) {
      const s = schedule.byConvening(conveningId);
      return s ? schedule.meetings(s.communityId, conveningId) : [];
    },
    roundOpened(conveningId, rooms) {
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
