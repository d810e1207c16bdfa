import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LiveClient } from '@brave/client';
import { ApiError, HTTP_STATUS, SignedInResult, type MemberCredential } from '@brave/protocol';
import { newAddress, ok } from '../support/people.ts';
import { Browser, claimLink, createCommunity, enterAsMember, fragment, joinCommunity, memberCode, schedule, startAsHost } from './community-helpers.ts';

/**
 * Shared by the community abuse suites (abuse-*-community.test.ts): three communities and
 * every kind of caller that must be refused by one of them, a way to call a route as each,
 * and a fingerprint of everything the database holds (to prove a refusal changed nothing).
 */
export const PASSWORD = 'a long enough passphrase';

/** Everyone who may knock on community C's door, from strangers to its own facilitator. */
export const CALLERS = [
  'nobody',
  'convening', // the v1 facilitator credential of C's live convening
  'otherMember', // a member of community D
  'member', // Bo, a member of C (in no working group)
  'oldMember', // Rae's credential from before a facilitator re-issued it
  'leftMember', // Lee, who left C
  'account', // Nell: signed in, facilitator of nothing
  'otherFacilitator', // Gus: facilitator of D
  'admin', // the instance admin, facilitator of nothing
  'noCsrf', // Fran's session cookie without the X-CSRF-Token header
  'wrongCsrf', // Fran's cookie with another live session's token
  'foreignOrigin', // Fran's cookie and token, sent by another site
  'signedOut', // a cookie of Fran's that signed out
  'deletedFacilitator', // Eve, asking about community E, which she deleted
  'deletedMember', // Eli, a member of E, asking about it
  'facilitator', // Fran, facilitator of C, with her token
] as const;
export type Caller = (typeof CALLERS)[number];

/** The ids a route is called about. */
export interface Target {
  communityId: string;
  communityName: string;
  scheduleId: string; // not started
  liveScheduleId: string; // started (E: its only schedule)
  memberId: string; // someone the facilitator routes act on
  groupId: string;
  groupBody: { name: string; channels: string[]; members: string[] };
  facilitatorId: string; // a co-facilitator
  inviteCode: string; // the member invite code
  cohostCode: string; // an unused co-facilitator code of this community
  doc: string;
  versionId: string;
}

export interface Account extends Browser {
  accountId: string;
  email: string;
}

let accounts = 0;

/** A new account, signed in (the first on a server is its admin). */
export async function signUp(base: string, name: string): Promise<Account> {
  const b = new Browser(base);
  const email = `abuse-${++accounts}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const r = await b.call('POST', '/api/account/signup', { email, password: PASSWORD, name });
  if (r.status !== 201) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
  const s = SignedInResult.parse(r.json);
  b.csrf = s.csrfToken;
  return Object.assign(b, { accountId: s.account.id, email });
}

/** Another session of an existing account. */
export async function signIn(base: string, who: { email: string }): Promise<Browser> {
  const b = new Browser(base);
  const r = await b.call('POST', '/api/account/signin', { email: who.email, password: PASSWORD });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
  b.csrf = SignedInResult.parse(r.json).csrfToken;
  return b;
}

export interface Answer {
  status: number;
  json: unknown;
  text: string;
  headers: Headers;
  error: ApiError | undefined;
}

/** One HTTP call from its own address (per-address limits are tested elsewhere). */
export async function send(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: { 'x-forwarded-for': newAddress(), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = res.status === 204 ? '' : await res.text();
  const json: unknown = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : null;
  const raw = (json as { error?: unknown } | null)?.error;
  return { status: res.status, json, text, headers: res.headers, error: raw === undefined ? undefined : ApiError.parse(raw) };
}

/** A refusal is typed: an ApiError whose code is the one its status stands for. */
export function typedRefusal(a: Answer): ApiError {
  if (!a.error) throw new Error(`status ${a.status} without an ApiError body: ${a.text.slice(0, 200)}`);
  if (HTTP_STATUS[a.error.code] !== a.status) throw new Error(`status ${a.status} with code ${a.error.code}`);
  if (!a.error.message) throw new Error('a refusal without words');
  return a.error;
}

const cookieOf = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const session = (b: Browser, csrf: string | null = b.csrf) => ({ cookie: cookieOf(b), ...(csrf ? { 'x-csrf-token': csrf } : {}) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface CommunityWorld {
  admin: Account;
  fran: Account;
  flo: Account;
  nell: Account;
  gus: Account;
  eve: Account;
  /** Community C (Fran and Flo), D (Gus), E (Eve; deleted). */
  c: Target;
  d: Target;
  e: Target;
  members: { ana: MemberCredential; bo: MemberCredential; cy: MemberCredential; rae: MemberCredential; dee: MemberCredential };
  /** C's live convening, its host (Fran) and the members in it. */
  conveningId: string;
  conveningToken: string;
  clients: LiveClient[];
  /** C's caucus options; Ana keeps her answer (kin-a), Bo answers nothing. */
  caucusOptions: string[];
  headers(who: Caller): Record<string, string>;
  /** The community a caller's requests are about: E for the deleted community's people. */
  targetOf(who: Caller): Target;
  close(): void;
}

const CHANNELS = [
  { id: 'money', name: 'Money' },
  { id: 'story', name: 'Story' },
];

async function post(b: Browser, path: string, body?: unknown) {
  const r = await b.call('POST', path, body);
  if (r.status >= 300) throw new Error(`${path}: ${r.status} ${r.text}`);
  return r.json as Record<string, unknown>;
}

async function cohostCode(f: Browser, communityId: string): Promise<string> {
  return fragment(String((await post(f, `/api/communities/${communityId}/facilitator-invites`)).url), 'code');
}

/** A community with one member, a working group, a schedule and an unused co-facilitator code. */
async function smallCommunity(f: Account, name: string, member: string) {
  const info = await createCommunity(f, { name, channels: CHANNELS });
  const code = await memberCode(f, info.id);
  const m = await joinCommunity(f.base, info.id, code, { name: member });
  const groupBody = { name: 'Writers', channels: ['money'], members: [m.memberId] };
  const group = await post(f, `/api/communities/${info.id}/working-groups`, groupBody);
  const planned = await schedule(f, info.id, { title: `${name} monthly` });
  const target: Target = {
    communityId: info.id,
    communityName: name,
    scheduleId: planned.id,
    liveScheduleId: planned.id,
    memberId: m.memberId,
    groupId: String(group.id),
    groupBody,
    facilitatorId: f.accountId,
    inviteCode: code,
    cohostCode: await cohostCode(f, info.id),
    doc: `toolkit:${info.id}:money`,
    versionId: 'v_nothing',
  };
  return { target, member: m };
}

export async function communityWorld(base: string): Promise<CommunityWorld> {
  const admin = await signUp(base, 'Ada Admin');
  const [fran, flo, nell, gus, eve] = [await signUp(base, 'Fran'), await signUp(base, 'Flo'), await signUp(base, 'Nell'), await signUp(base, 'Gus'), await signUp(base, 'Eve')];

  // C: two facilitators, members in every state, a working group, a live convening.
  const caucusOptions = ['kin-a', 'kin-b'];
  const info = await createCommunity(fran, { name: 'Learning network', channels: CHANNELS, caucusOptions, description: 'Monthly learning' });
  const id = info.id;
  await flo.call('POST', `/api/communities/${id}/facilitators`, { code: await cohostCode(fran, id) });
  const code = await memberCode(fran, id);
  const ana = await joinCommunity(base, id, code, { name: 'Ana', pronouns: 'she/her', channel: 'money', role: 'Organiser-ana', region: 'Region-ana', team: 'Team-ana' });
  const bo = await joinCommunity(base, id, code, { name: 'Bo', pronouns: 'they/them', channel: 'story', role: 'Organiser-bo', region: 'Region-bo' });
  const cy = await joinCommunity(base, id, code, { name: 'Cy' });
  const raeOld = await joinCommunity(base, id, code, { name: 'Rae' });
  const reissued = await post(fran, `/api/communities/${id}/members/${raeOld.memberId}/reissue`);
  const rae = { ...raeOld, token: (await claimLink(base, String(reissued.url))).token };
  const lee = await joinCommunity(base, id, code, { name: 'Lee' });
  const left = await send(base, 'DELETE', `/api/communities/${id}/me`, bearer(lee.token), {});
  if (left.status !== 204) throw new Error(`leaving failed: ${left.status}`);
  const groupBody = { name: 'Money writers', channels: ['money'], members: [ana.memberId] };
  const group = await post(fran, `/api/communities/${id}/working-groups`, groupBody);
  const planned = await schedule(fran, id, { title: 'Next month' });
  const live = await schedule(fran, id, { title: 'This month' });
  const host = await startAsHost(fran, id, live.id);
  const anaIn = await enterAsMember(base, id, live.id, ana.token);
  const boIn = await enterAsMember(base, id, live.id, bo.token);
  await ok(anaIn.client, { type: 'affinity.answer', answer: 'kin-a', keep: true });
  const doc = `toolkit:${id}:money`;
  const version = await post(fran, `/api/communities/${id}/docs/${encodeURIComponent(doc)}/versions`, { label: 'First draft' });

  // D: another community, with a co-facilitator code nobody used.
  const d = await smallCommunity(gus, 'Other network', 'Dee');
  // E: a community its facilitator deleted, with everything it had.
  const e = await smallCommunity(eve, 'Gone network', 'Eli');
  const gone = await eve.call('DELETE', `/api/communities/${e.target.communityId}`, { confirmName: 'Gone network' });
  if (gone.status !== 204) throw new Error(`delete failed: ${gone.status}`);

  // A session of Fran's that signed out: its cookie and token must open nothing.
  const signedOut = await signIn(base, fran);
  const outCookie = session(signedOut);
  if ((await signedOut.call('POST', '/api/account/signout')).status !== 204) throw new Error('sign-out failed');

  const c: Target = {
    communityId: id,
    communityName: info.name,
    scheduleId: planned.id,
    liveScheduleId: live.id,
    memberId: cy.memberId,
    groupId: String(group.id),
    groupBody,
    facilitatorId: flo.accountId,
    inviteCode: code,
    cohostCode: d.target.cohostCode,
    doc,
    versionId: String((version.version as { id: string }).id),
  };
  // Everyone asks about E with D's unused co-facilitator code and D's invite code.
  const eTarget: Target = { ...e.target, cohostCode: d.target.cohostCode };
  const headers: Record<Caller, Record<string, string>> = {
    nobody: {},
    convening: bearer(host.entry.token),
    otherMember: bearer(d.member.token),
    member: bearer(bo.token),
    oldMember: bearer(raeOld.token),
    leftMember: bearer(lee.token),
    account: session(nell),
    otherFacilitator: session(gus),
    admin: session(admin),
    noCsrf: session(fran, null),
    wrongCsrf: session(fran, nell.csrf),
    foreignOrigin: { ...session(fran), origin: 'https://elsewhere.example' },
    signedOut: outCookie,
    deletedFacilitator: session(eve),
    deletedMember: bearer(e.member.token),
    facilitator: session(fran),
  };
  const clients = [host.client, anaIn.client, boIn.client];
  return {
    admin,
    fran,
    flo,
    nell,
    gus,
    eve,
    c,
    d: d.target,
    e: eTarget,
    members: { ana, bo, cy, rae, dee: d.member },
    conveningId: host.entry.conveningId,
    conveningToken: host.entry.token,
    clients,
    caucusOptions,
    headers: (who) => headers[who],
    targetOf: (who) => (who === 'deletedFacilitator' || who === 'deletedMember' ? eTarget : c),
    close: () => clients.forEach((x) => x.close()),
  };
}

/** Tables read whole (small) and tables only counted (blobs, logs). */
const WHOLE = [
  'accounts',
  'account_sessions',
  'account_reset_links',
  'communities',
  'community_facilitators',
  'facilitator_invites',
  'member_invites',
  'members',
  'working_groups',
  'working_group_members',
  'working_group_channels',
  'scheduled_convenings',
  'community_meetings',
  'convenings',
  'doc_publications',
];
const COUNTED = ['events', 'actions', 'doc_updates', 'doc_snapshots', 'doc_versions'];

/** A fingerprint of everything the server stored: equal fingerprints, nothing changed. */
export function fingerprints(dataDir: string): { take(): string; close(): void } {
  const db = new Database(join(dataDir, 'brave-space.db'), { readonly: true, fileMustExist: true });
  return {
    take() {
      const whole = WHOLE.map((t) => db.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort());
      const counted = COUNTED.map((t) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get());
      return JSON.stringify({ whole, counted });
    },
    close: () => db.close(),
  };
}
