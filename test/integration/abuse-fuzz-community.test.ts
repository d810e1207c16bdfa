import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError, HTTP_STATUS, LIMITS } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { newAddress } from '../support/people.ts';
import { createCommunity, joinCommunity } from './community-helpers.ts';
import { healthy, type TestServer } from './abuse-helpers.ts';
import { communityWorld, PASSWORD, send, signUp, type Caller, type CommunityWorld } from './abuse-community-helpers.ts';

/**
 * Property-based garbage on every body the accounts, community and hub routes read, sent by the
 * person allowed to call each route, and garbage in their path ids: every answer is a
 * success or a typed ApiError whose code matches its status (never 500); the server stays
 * up, and community D, which nobody aims at, does not change.
 */
let server: TestServer;
let w: CommunityWorld;
let spare: { throwaway: string; fay: string; pat: Record<string, string>; post: string; reply: string };
let before: string;
beforeAll(async () => {
  server = await startTestServer();
  w = await communityWorld(server.url);
  const throwaway = (await createCommunity(w.fran, { name: 'Keep me' })).id;
  const fay = (await joinCommunity(server.url, w.c.communityId, w.c.inviteCode, { name: 'Fay' })).token;
  const pat = await signUp(server.url, 'Pat');
  const idOf = (a: { json: unknown }) => (a.json as { id: string }).id;
  const post = idOf(await send(server.url, 'POST', `/api/communities/${w.c.communityId}/hub/posts`, w.headers('member'), { kind: 'idea', title: 'Fuzz me' }));
  const reply = idOf(await send(server.url, 'POST', `/api/communities/${w.c.communityId}/hub/posts/${post}/replies`, w.headers('member'), { body: 'And me' }));
  spare = { throwaway, fay, pat: { cookie: [...pat.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': pat.csrf! }, post, reply };
  before = await bystander();
}, 60_000);
afterAll(async () => {
  w?.close();
  await server?.close();
});

/** What D's facilitator and member see of it. */
async function bystander(): Promise<string> {
  const home = await send(server.url, 'GET', `/api/communities/${w.d.communityId}`, w.headers('otherFacilitator'));
  const mine = await send(server.url, 'GET', `/api/communities/${w.d.communityId}/me`, { authorization: `Bearer ${w.members.dee.token}` });
  return JSON.stringify([home.status, home.json, mine.status, mine.json]);
}

type As = Caller | 'fay' | 'pat';
const headersOf = (as: As): Record<string, string> =>
  as === 'fay' ? { authorization: `Bearer ${spare.fay}` } : as === 'pat' ? spare.pat : w.headers(as);
const c = (rest = '') => `/api/communities/${w.c.communityId}${rest}`;
const draft = (rest = '') => c(`/docs/${encodeURIComponent(w.c.doc)}${rest}`);

/** Every unsafe route of accounts and communities, as whoever may call it (bodies a route ignores are fuzzed too). */
const ROUTES: [method: string, path: () => string, as: As][] = [
  ['POST', () => '/api/account/signup', 'nobody'],
  ['POST', () => '/api/account/signin', 'nobody'],
  ['POST', () => '/api/account/signout', 'nobody'],
  ['POST', () => '/api/account/signout-everywhere', 'nobody'],
  ['POST', () => '/api/account/password', 'pat'],
  ['POST', () => '/api/account/reset', 'nobody'],
  ['POST', () => `/api/admin/accounts/${w.nell.accountId}/reset-link`, 'admin'],
  ['POST', () => '/api/communities', 'facilitator'],
  ['PATCH', () => c(), 'facilitator'],
  ['DELETE', () => `/api/communities/${spare.throwaway}`, 'facilitator'],
  ['POST', () => c('/facilitator-invites'), 'facilitator'],
  ['POST', () => c('/facilitators'), 'account'],
  ['DELETE', () => c('/facilitators/a_nobodyhere'), 'facilitator'],
  ['POST', () => c('/member-invite/rotate'), 'facilitator'],
  ['POST', () => c('/members'), 'nobody'],
  ['POST', () => c(`/members/${w.members.cy.memberId}/reissue`), 'facilitator'],
  ['DELETE', () => c(`/members/${w.members.rae.memberId}`), 'facilitator'],
  ['PATCH', () => c('/me'), 'member'],
  ['DELETE', () => c('/me'), 'fay'],
  ['POST', () => c('/working-groups'), 'facilitator'],
  ['PUT', () => c(`/working-groups/${w.c.groupId}`), 'facilitator'],
  ['DELETE', () => c('/working-groups/w_nothinghere'), 'facilitator'],
  ['POST', () => c('/convenings'), 'facilitator'],
  ['PATCH', () => c(`/convenings/${w.c.scheduleId}`), 'facilitator'],
  ['DELETE', () => c('/convenings/s_nothinghere'), 'facilitator'],
  ['POST', () => c('/convenings/s_nothinghere/start'), 'facilitator'],
  ['POST', () => c(`/convenings/${w.c.liveScheduleId}/host`), 'facilitator'],
  ['POST', () => c(`/convenings/${w.c.liveScheduleId}/join`), 'member'],
  ['POST', () => draft('/versions'), 'facilitator'],
  ['POST', () => draft(`/versions/${w.c.versionId}/restore`), 'facilitator'],
  ['POST', () => draft(`/versions/${w.c.versionId}/publish`), 'facilitator'],
  ['POST', () => draft('/share'), 'facilitator'],
  ['POST', () => c('/hub/posts'), 'member'],
  ['POST', () => c(`/hub/posts/${spare.post}/replies`), 'member'],
  ['PATCH', () => c(`/hub/posts/${spare.post}`), 'facilitator'],
  ['PATCH', () => c(`/hub/posts/${spare.post}/replies/${spare.reply}`), 'facilitator'],
];

const KEYS = [
  'email', 'password', 'name', 'current', 'next', 'token', 'code', 'description', 'agreementSetId', 'agreements', 'channels', 'caucusOptions',
  'retentionDays', 'pronouns', 'channel', 'role', 'team', 'organisation', 'region', 'replaceName', 'confirmName', 'members', 'title', 'startsAt',
  'durationMinutes', 'outline', 'rounds', 'label', 'to', 'passages', 'kind', 'body', 'links', 'tags', 'workingGroupId', 'pinned', 'hidden', 'locked',
  '__proto__', 'constructor',
];
const nest = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
/** A body as bytes on the wire, with the content type it claims (built once the world exists). */
function bodies() {
  // Near misses: values of the right kind, some valid, so the fuzz reaches past the schemas.
  const plausible = fc.constantFrom<unknown>(
    'x@example.org', PASSWORD, 'money', 'story', 'Money', 'touchstones', 'custom', true, false, null, 0, -1, 1e308, 90, 3651,
    [{ id: 'money', name: 'Money' }], [{ id: 'money', name: 'Money' }, { id: 'money', name: 'Again' }], [{ text: 'Listen' }], ['kin-a'],
    [w.members.ana.memberId], [w.members.dee.memberId], ['u_ghost'], Date.UTC(2030, 1, 1), 30, [{ block: 0 }], `notes:${w.c.communityId}:plenary`,
    w.c.inviteCode, w.d.inviteCode, w.d.cohostCode, 'é'.repeat(16), 'Keep me', '\u0000', '<script>alert(1)</script>',
    'question', ['https://example.org/a'], ['javascript:alert(1)'], ['channel:money'], ['role:funders'], w.c.groupId,
  );
  const junkValue = fc.oneof(
    { weight: 2, arbitrary: plausible },
    fc.jsonValue({ maxDepth: 4 }),
    fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
    fc.string({ maxLength: 40, unit: 'binary' }),
  );
  const shaped = fc.dictionary(fc.constantFrom(...KEYS), junkValue, { maxKeys: 6 }).map((o) => JSON.stringify(o));
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(shaped, fc.constant('application/json')) },
    fc.tuple(fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)), fc.constant('application/json')),
    fc.tuple(fc.string({ maxLength: 300 }), fc.constant('application/json')),
    fc.tuple(fc.integer({ min: 100, max: 5_000 }).map(nest), fc.constant('application/json')),
    fc.tuple(shaped, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', '', 'application/json; charset=utf-16', 'application/json; charset=klingon')),
    fc.tuple(fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"name":"Proto"}'), fc.constant('application/json')),
    fc.tuple(fc.integer({ min: LIMITS.httpBodyBytes + 1, max: LIMITS.httpBodyBytes * 2 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) })), fc.constant('application/json')),
  );
}

async function expectTyped(res: Response, statuses: Map<number, number>): Promise<void> {
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const json: unknown = await res.json().catch(() => 'not json');
  if (res.status < 300) return;
  const error = ApiError.parse((json as { error?: unknown }).error);
  expect(res.status, error.message).toBe(HTTP_STATUS[error.code]);
  expect(res.status, error.message).toBeLessThan(500);
}

describe('fuzzing the bodies of accounts and communities', () => {
  it('answers every body on every route with success or a typed error that matches its status', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(ROUTES.length - 1), bodies(), async (route, [text, type]) => {
        const [method, path, as] = ROUTES[route]!;
        const headers: Record<string, string> = { 'x-forwarded-for': newAddress(), ...headersOf(as) };
        if (type) headers['content-type'] = type;
        await expectTyped(await fetch(new URL(path(), server.url), { method, headers, body: text }), statuses);
      }),
      { numRuns: 300, seed: 6061, endOnFailure: true },
    );
    // Mostly turned away by the schemas, not by something blunter.
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await healthy(server.url)).toBe(true);
  });

  it('answers garbage in every path id with a typed refusal', async () => {
    const templates: [string, (x: string) => string, As][] = [
      ['GET', (x) => `/api/communities/${x}`, 'facilitator'],
      ['GET', (x) => `/api/communities/${x}/me`, 'member'],
      ['GET', (x) => `/api/invites/${x}`, 'nobody'],
      ['POST', (x) => `/api/admin/accounts/${x}/reset-link`, 'admin'],
      ['POST', (x) => `/api/communities/${x}/members`, 'nobody'],
      ['DELETE', (x) => c(`/facilitators/${x}`), 'facilitator'],
      ['POST', (x) => c(`/members/${x}/reissue`), 'facilitator'],
      ['PUT', (x) => c(`/working-groups/${x}`), 'facilitator'],
      ['PATCH', (x) => c(`/convenings/${x}`), 'facilitator'],
      ['GET', (x) => c(`/convenings/${x}/calendar.ics`), 'member'],
      ['POST', (x) => c(`/convenings/${x}/join`), 'member'],
      ['GET', (x) => c(`/docs/${x}`), 'member'],
      ['POST', (x) => draft(`/versions/${x}/restore`), 'facilitator'],
    ];
    const id = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ maxLength: 20, unit: 'binary' }),
      fc.constantFrom('..', '%2e%2e', '%00', 'k_' + 'x'.repeat(5_000), w.d.communityId, w.members.dee.memberId, w.d.scheduleId, w.d.groupId, `toolkit:${w.d.communityId}:money`),
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(templates.length - 1), id, async (i, raw) => {
        const [method, path, as] = templates[i]!;
        const segment = raw.startsWith('%') || raw.startsWith('.') ? raw : encodeURIComponent(raw);
        const headers: Record<string, string> = { 'x-forwarded-for': newAddress(), 'content-type': 'application/json', ...headersOf(as) };
        await expectTyped(await fetch(new URL(path(segment), server.url), { method, headers, ...(method === 'GET' ? {} : { body: '{}' }) }), statuses);
      }),
      { numRuns: 150, seed: 2024, endOnFailure: true },
    );
    expect(statuses.get(500)).toBeUndefined();
    expect(await healthy(server.url)).toBe(true);
  });

  it('community D, which nobody aimed at, did not change', async () => {
    expect(await bystander()).toBe(before);
  });
});
