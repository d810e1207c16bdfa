import {
  ShowTemplate,
  type ShowPlan,
  ApiError,
  CommunitiesResult,
  CommunityExport,
  CommunityHome,
  CommunityInfo,
  ConveningEntry,
  CSRF_HEADER,
  InviteInfo,
  LinkResult,
  MailChoices,
  MailQueued,
  MemberCredential,
  MemberView,
  MyData,
  ScheduledConvening,
  WorkingGroupView,
  type ClaimBody,
  type CreateCommunityBody,
  type DeleteCommunityBody,
  type LeaveBody,
  type MemberJoinBody,
  type MemberMailBody,
  type InviteEmailBody,
  type LanguageCode,
  type MemberProfile,
  type ScheduleBody,
  type UpdateCommunityBody,
  type UpdateScheduleBody,
  type WorkingGroupBody,
} from '@brave/protocol';
import type { z } from 'zod';
import { accounts } from './accounts.ts';
import { ApiRequestError } from './http.ts';

/**
 * Communities (docs/api.md, "Communities"). Facilitators call with their session: the
 * browser sends the cookie and unsafe calls carry the csrf token the accounts client holds.
 * Members call with their member credential (`m1.…`), passed explicitly as `member`.
 */
export type Auth = { member: string } | 'session' | 'public';

async function send(base: string, method: string, path: string, auth: Auth, body?: unknown): Promise<Response> {
  const csrf = auth === 'session' && method !== 'GET' ? accounts.csrfToken(base) : undefined;
  return fetch(new URL(path, base), {
    method,
    credentials: auth === 'session' ? 'same-origin' : 'omit',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
      ...(typeof auth === 'object' ? { authorization: `Bearer ${auth.member}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const parsed = ApiError.safeParse((body as { error?: unknown } | null)?.error);
  return parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` };
}

async function raw(base: string, method: string, path: string, auth: Auth, body?: unknown): Promise<Response> {
  let res = await send(base, method, path, auth, body);
  if (res.status === 403 && auth === 'session' && method !== 'GET') {
    // The csrf token may be unknown after a reload: ask for the session once and retry.
    const refused = await errorOf(res);
    if (refused.field !== 'csrf') throw new ApiRequestError(403, refused);
    await accounts.session(base);
    res = await send(base, method, path, auth, body);
  }
  if (!res.ok) throw new ApiRequestError(res.status, await errorOf(res));
  return res;
}

export async function call<T>(base: string, method: string, path: string, schema: z.ZodType<T>, auth: Auth, body?: unknown): Promise<T> {
  return schema.parse(await (await raw(base, method, path, auth, body)).json());
}

export async function none(base: string, method: string, path: string, auth: Auth, body?: unknown): Promise<void> {
  await raw(base, method, path, auth, body);
}

export const c = (id: string) => `/api/communities/${encodeURIComponent(id)}`;
const s = (id: string, sid: string) => `${c(id)}/convenings/${encodeURIComponent(sid)}`;
export const as = (member?: string): Auth => (member ? { member } : 'session');

export const communities = {
  // ---------- facilitators (session) ----------
  list: async (base: string) => (await call(base, 'GET', '/api/communities', CommunitiesResult, 'session')).communities,
  create: (base: string, body: CreateCommunityBody) => call(base, 'POST', '/api/communities', CommunityInfo, 'session', body),
  update: (base: string, id: string, body: UpdateCommunityBody) => call(base, 'PATCH', c(id), CommunityInfo, 'session', body),
  remove: (base: string, id: string, body: DeleteCommunityBody) => none(base, 'DELETE', c(id), 'session', body),
  inviteFacilitator: (base: string, id: string) => call(base, 'POST', `${c(id)}/facilitator-invites`, LinkResult, 'session'),
  /** The signed-in account accepts a co-facilitator link (`#code=…`). */
  acceptFacilitator: (base: string, id: string, code: string) => call(base, 'POST', `${c(id)}/facilitators`, CommunityInfo, 'session', { code }),
  removeFacilitator: (base: string, id: string, accountId: string) => none(base, 'DELETE', `${c(id)}/facilitators/${encodeURIComponent(accountId)}`, 'session'),
  memberInvite: (base: string, id: string) => call(base, 'GET', `${c(id)}/member-invite`, LinkResult, 'session'),
  rotateMemberInvite: (base: string, id: string) => call(base, 'POST', `${c(id)}/member-invite/rotate`, LinkResult, 'session'),
  reissueMember: (base: string, id: string, memberId: string) => call(base, 'POST', `${c(id)}/members/${encodeURIComponent(memberId)}/reissue`, LinkResult, 'session'),
  removeMember: (base: string, id: string, memberId: string, body: LeaveBody = {}) => none(base, 'DELETE', `${c(id)}/members/${encodeURIComponent(memberId)}`, 'session', body),
  createWorkingGroup: (base: string, id: string, body: WorkingGroupBody) => call(base, 'POST', `${c(id)}/working-groups`, WorkingGroupView, 'session', body),
  updateWorkingGroup: (base: string, id: string, groupId: string, body: WorkingGroupBody) =>
    call(base, 'PUT', `${c(id)}/working-groups/${encodeURIComponent(groupId)}`, WorkingGroupView, 'session', body),
  deleteWorkingGroup: (base: string, id: string, groupId: string) => none(base, 'DELETE', `${c(id)}/working-groups/${encodeURIComponent(groupId)}`, 'session'),
  schedule: (base: string, id: string, body: ScheduleBody) => call(base, 'POST', `${c(id)}/convenings`, ScheduledConvening, 'session', body),
  updateSchedule: (base: string, id: string, sid: string, body: UpdateScheduleBody) => call(base, 'PATCH', s(id, sid), ScheduledConvening, 'session', body),
  deleteSchedule: (base: string, id: string, sid: string) => none(base, 'DELETE', s(id, sid), 'session'),
  /** Open the live convening from its schedule; the caller hosts it. */
  start: (base: string, id: string, sid: string) => call(base, 'POST', `${s(id, sid)}/start`, ConveningEntry, 'session'),
  host: (base: string, id: string, sid: string) => call(base, 'POST', `${s(id, sid)}/host`, ConveningEntry, 'session'),
  exportCommunity: (base: string, id: string) => call(base, 'GET', `${c(id)}/export`, CommunityExport, 'session'),

  // ---------- facilitators (session) or members (member credential) ----------
  home: (base: string, id: string, member?: string) => call(base, 'GET', c(id), CommunityHome, as(member)),
  /** The .ics text of a scheduled convening (for a download link, use `calendarPath`). */
  calendar: async (base: string, id: string, sid: string, member?: string) => (await raw(base, 'GET', `${s(id, sid)}/calendar.ics`, as(member))).text(),
  calendarPath: (id: string, sid: string) => `${s(id, sid)}/calendar.ics`,

  // ---------- public, with an invite code ----------
  invite: (base: string, code: string) => call(base, 'GET', `/api/invites/${encodeURIComponent(code)}`, InviteInfo, 'public'),
  join: (base: string, id: string, body: MemberJoinBody) => call(base, 'POST', `${c(id)}/members`, MemberCredential, 'public', body),
  /** Redeem the one-time code of a re-issued member link (`#claim=…`) for a fresh credential. */
  claim: (base: string, id: string, code: string) => call(base, 'POST', `${c(id)}/members/claim`, MemberCredential, 'public', { code } satisfies ClaimBody),

  // ---------- members (member credential) ----------
  me: (base: string, id: string, member: string) => call(base, 'GET', `${c(id)}/me`, MyData, { member }),
  updateMe: (base: string, id: string, member: string, patch: Partial<MemberProfile>) => call(base, 'PATCH', `${c(id)}/me`, MemberView, { member }, patch),
  leave: (base: string, id: string, member: string, body: LeaveBody = {}) => none(base, 'DELETE', `${c(id)}/me`, { member }, body),
  forgetCaucusAnswer: (base: string, id: string, member: string) => none(base, 'DELETE', `${c(id)}/me/caucus-answer`, { member }),
  /** What a member receives by email, and their address (docs/email.md). */
  mail: (base: string, id: string, member: string) => call(base, 'GET', `${c(id)}/me/mail`, MailChoices, { member }),
  setMail: (base: string, id: string, member: string, body: MemberMailBody) => call(base, 'PUT', `${c(id)}/me/mail`, MailChoices, { member }, body),
  /** A facilitator sends the community's invite link to an address (only when the server sends email). */
  inviteByEmail: (base: string, id: string, email: string, language: LanguageCode = 'en') =>
    call(base, 'POST', `${c(id)}/member-invite/email`, MailQueued, 'session', { email, language } satisfies InviteEmailBody),
  /** The community's run-of-show template (facilitators): null until one is kept. */
  showTemplate: (base: string, id: string) => call(base, 'GET', `${c(id)}/show-template`, ShowTemplate.nullable(), 'session'),
  keepShowTemplate: (base: string, id: string, plan: ShowPlan) => call(base, 'PUT', `${c(id)}/show-template`, ShowTemplate, 'session', plan),
  /** A member's credential for the live convening (after a facilitator started it). */
  enter: (base: string, id: string, sid: string, member: string) => call(base, 'POST', `${s(id, sid)}/join`, ConveningEntry, { member }),
};
