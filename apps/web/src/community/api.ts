import { accounts, ApiRequestError, communities } from '@brave/client';
import type {
  LanguageCode,
  CreateCommunityBody,
  LeaveBody,
  MemberJoinBody,
  MemberMailBody,
  MemberProfile,
  ScheduleBody,
  UpdateCommunityBody,
  UpdateScheduleBody,
  WorkingGroupBody,
} from '@brave/protocol';
import { i18n } from '../app/i18n.ts';

/**
 * The community routes for the screens, over the typed client (@brave/client
 * `communities`). Who calls decides how: a facilitator with the session cookie (the
 * accounts client holds the csrf token for changes), a member with their credential as
 * a Bearer header and no cookie, so the server never has to guess which one is meant.
 */
export type Caller = { kind: 'account'; csrf: string | null } | { kind: 'member'; token: string };

const base = () => window.location.origin;
/** The member credential for calls that take either principal; undefined means the session. */
const as = (c: Caller) => (c.kind === 'member' ? c.token : undefined);

/** Calls only a member can make: a facilitator is told so, as the server would. */
function memberOf(c: Caller): string {
  if (c.kind === 'member') return c.token;
  throw new ApiRequestError(403, { code: 'forbidden', message: i18n.t('community:membersOnly') });
}

export const communityApi = {
  /** Who is signed in; also lets the accounts client remember the csrf token. */
  session: () => accounts.session(base()),

  list: async (_c: Caller) => ({ communities: await communities.list(base()) }),
  create: (_c: Caller, b: CreateCommunityBody) => communities.create(base(), b),
  home: (c: Caller, id: string) => communities.home(base(), id, as(c)),
  update: (_c: Caller, id: string, b: UpdateCommunityBody) => communities.update(base(), id, b),
  remove: (_c: Caller, id: string, confirmName: string) => communities.remove(base(), id, { confirmName }),

  facilitatorInvite: (_c: Caller, id: string) => communities.inviteFacilitator(base(), id),
  acceptFacilitator: async (_c: Caller, id: string, code: string) => void (await communities.acceptFacilitator(base(), id, code)),
  removeFacilitator: (_c: Caller, id: string, accountId: string) => communities.removeFacilitator(base(), id, accountId),
  memberInvite: (_c: Caller, id: string) => communities.memberInvite(base(), id),
  rotateMemberInvite: (_c: Caller, id: string) => communities.rotateMemberInvite(base(), id),

  invite: (code: string) => communities.invite(base(), code),
  join: (id: string, b: MemberJoinBody) => communities.join(base(), id, b),
  claim: (id: string, code: string) => communities.claim(base(), id, code),
  reissue: (_c: Caller, id: string, memberId: string) => communities.reissueMember(base(), id, memberId),
  removeMember: (_c: Caller, id: string, memberId: string, b: LeaveBody) => communities.removeMember(base(), id, memberId, b),

  me: (c: Caller, id: string) => communities.me(base(), id, memberOf(c)),
  updateMe: (c: Caller, id: string, b: Partial<MemberProfile>) => communities.updateMe(base(), id, memberOf(c), b),
  leave: (c: Caller, id: string, b: LeaveBody) => communities.leave(base(), id, memberOf(c), b),
  mail: (c: Caller, id: string) => communities.mail(base(), id, memberOf(c)),
  setMail: (c: Caller, id: string, b: MemberMailBody) => communities.setMail(base(), id, memberOf(c), b),
  inviteByEmail: (_c: Caller, id: string, email: string, language: LanguageCode = 'en') => communities.inviteByEmail(base(), id, email, language),
  forgetCaucusAnswer: (c: Caller, id: string) => communities.forgetCaucusAnswer(base(), id, memberOf(c)),

  createGroup: (_c: Caller, id: string, b: WorkingGroupBody) => communities.createWorkingGroup(base(), id, b),
  updateGroup: (_c: Caller, id: string, gid: string, b: WorkingGroupBody) => communities.updateWorkingGroup(base(), id, gid, b),
  removeGroup: (_c: Caller, id: string, gid: string) => communities.deleteWorkingGroup(base(), id, gid),

  schedule: (_c: Caller, id: string, b: ScheduleBody) => communities.schedule(base(), id, b),
  reschedule: (_c: Caller, id: string, sid: string, b: UpdateScheduleBody) => communities.updateSchedule(base(), id, sid, b),
  unschedule: (_c: Caller, id: string, sid: string) => communities.deleteSchedule(base(), id, sid),
  /** The .ics file, fetched with the credential (a member's is a header, so no plain link). */
  calendar: async (c: Caller, id: string, sid: string) => new Blob([await communities.calendar(base(), id, sid, as(c))], { type: 'text/calendar' }),
  /** Start or host (facilitators) or join (members) the live convening of a schedule. */
  enter: (c: Caller, id: string, sid: string, how: 'start' | 'host' | 'join') =>
    how === 'join' ? communities.enter(base(), id, sid, memberOf(c)) : how === 'start' ? communities.start(base(), id, sid) : communities.host(base(), id, sid),

  exported: async (_c: Caller, id: string) => new Blob([JSON.stringify(await communities.exportCommunity(base(), id), null, 2)], { type: 'application/json' }),
};
