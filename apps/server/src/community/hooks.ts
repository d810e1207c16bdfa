import type { CommunityHooks } from '../convening/room.ts';
import type { CommunityBell } from './bell.ts';
import type { CommunityDirectory } from './directory.ts';
import type { MemberStore } from './members-store.ts';
import type { ScheduleStore } from './schedule-store.ts';

/**
 * What communities add to their live convenings (RoomOptions.hooks): the community's
 * breakout history for round plans, recording who met whom when a round ends, keeping a
 * member's caucus answer when they ask, and whether a credential's holder still belongs.
 * A quick convening is its own community: no schedule points at it, so every hook leaves
 * it alone. The room awaits the writes of roundEnded and answerKept and logs a refusal
 * (convening/hooks.ts).
 */
export function communityHooks(deps: {
  schedule: ScheduleStore;
  members: MemberStore;
  directory: Pick<CommunityDirectory, 'belonging'>;
  bell: CommunityBell;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
}): CommunityHooks {
  const { schedule, members } = deps;
  return {
    async pastMeetings(conveningId) {
      const communityId = await schedule.communityOf(conveningId);
      return communityId ? schedule.meetings(communityId, conveningId) : [];
    },
    async roundEnded(conveningId, rooms) {
      // Caucus rooms are never history: who met there must not shape or show through later rounds.
      const groups = rooms.filter((r) => r.kind !== 'caucus' && r.members.length > 1).map((r) => [...r.members]);
      const communityId = await schedule.communityOf(conveningId);
      if (communityId) await schedule.recordMeetings(communityId, conveningId, groups, deps.now());
    },
    stillBelongs(conveningId, participantId) {
      // Synchronous (every handshake and document check): the directory's copy answers.
      const facts = deps.directory.belonging(conveningId, participantId);
      if (!facts) return true;
      if (facts.former) return false;
      // Facilitators are in their convenings under their account id (see /start and /host);
      // guests who came with the join code have participant ids of their own and stay welcome.
      return facts.facilitator || !facts.account;
    },
    closed(conveningId) {
      void (async () => {
        const communityId = await schedule.communityOf(conveningId);
        const scheduled = communityId ? (await schedule.list(communityId)).find((s) => s.conveningId === conveningId) : undefined;
        // The home marks it ended when it is fetched next (context.ts refreshEnded): ring for that fetch.
        if (communityId && scheduled) deps.bell.ring(communityId, { kind: 'schedule', scheduleId: scheduled.id });
      })().catch((err) => deps.log(`convening ${conveningId}: could not tell its community it closed`, err));
    },
    async answerKept(conveningId, participantId, answer) {
      const communityId = await schedule.communityOf(conveningId);
      if (communityId) await members.setKeptAnswer(communityId, participantId, answer);
    },
  };
}
