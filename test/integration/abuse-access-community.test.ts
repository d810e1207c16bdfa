import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRouter } from '../../apps/server/src/accounts/routes.ts';
import { docRoutes } from '../../apps/server/src/collab/routes.ts';
import { communityApi } from '../../apps/server/src/community/index.ts';
import { mailRouter } from '../../apps/server/src/mail/routes.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { startTestServer } from '../support/server.ts';
import { createCommunity, fragment, joinCommunity, schedule } from './community-helpers.ts';
import type { TestServer } from './abuse-helpers.ts';
import { CALLERS, communityWorld, fingerprints, send, signIn, signUp, typedRefusal, type Answer, type Caller, type CommunityWorld, type Target } from './abuse-community-helpers.ts';

/**
 * Every route of accounts, communities and community documents × every kind of caller
 * (abuse-community-helpers.ts CALLERS). The route list is read from the routers, so a new
 * route without a row fails. Each refusal is a typed ApiError, and the refused calls of a
 * row change nothing in the database; then the callers allowed there get through (on a
 * fresh target where success destroys something), so the refusals are not an accident of
 * a malformed request.
 */
let server: TestServer;
let smtp: TestSmtp;
let w: CommunityWorld;
let db: ReturnType<typeof fingerprints>;
beforeAll(async () => {
  // A real SMTP server, so the mail routes answer as they do when mail is on.
  smtp = await startSmtp();
  server = await startTestServer({ SMTP_URL: smtp.url });
  w = await communityWorld(server.url);
  db = fingerprints(server.dataDir);
}, 60_000);
afterAll(async () => {
  db?.close();
  w?.close();
  await server?.close();
  await smtp?.close();
});

type Outcome = number | 'skip';
interface Row {
  path: (t: Target) => string;
  body?: (t: Target, who: Caller) => unknown;
  expect: Record<Caller, Outcome>;
  /** Ids for the callers allowed here, so a destructive success spares the shared world. */
  fresh?: () => Promise<Partial<Target>>;
  /** Where the shared callers must be skipped (they would end their own session): a success of its own. */
  control?: { run: () => Promise<Answer>; status: number };
}

const table = (base: Outcome, over: Partial<Record<Caller, Outcome>> = {}) =>
  ({ ...Object.fromEntries(CALLERS.map((c) => [c, base])), ...over }) as Record<Caller, Outcome>;
/** Fran's cookie without a token, with another session's, or from another site: refused on unsafe methods only. */
const cookieOnly = (unsafe: boolean, ok: number) => ({ noCsrf: unsafe ? 403 : ok, wrongCsrf: unsafe ? 403 : ok, foreignOrigin: unsafe ? 403 : ok });
/** A facilitator of this community (F). */
const F = (unsafe: boolean, ok: number) =>
  table(401, { account: 403, otherFacilitator: 403, admin: 403, deletedFacilitator: 404, ...cookieOnly(unsafe, ok), facilitator: ok });
/** A member of this community (M): nothing else opens these, not even its facilitator. */
const M = (ok: Outcome) => table(401, { member: ok });
/** F or M. */
const FM = (ok: number) => ({ ...F(false, ok), member: ok });
/** Any signed-in account (A). */
const A = (unsafe: boolean, ok: number) => table(401, { account: ok, otherFacilitator: ok, admin: ok, deletedFacilitator: ok, ...cookieOnly(unsafe, ok), facilitator: ok });
/** Community documents: members read (`member`), facilitators write (`ok`). */
const DOC = (unsafe: boolean, member: number, ok: number) => ({ ...F(unsafe, ok), member });
/** Routes that end the caller's session: only refusals from the shared callers. */
const ENDS_SESSION = table(401, { account: 'skip', otherFacilitator: 'skip', admin: 'skip', deletedFacilitator: 'skip', facilitator: 'skip', noCsrf: 403, wrongCsrf: 403, foreignOrigin: 403 });
/** Account routes for the instance admin. */
const ADMIN = (ok: number) => table(401, { account: 403, otherFacilitator: 403, deletedFacilitator: 403, facilitator: 403, noCsrf: 403, wrongCsrf: 403, foreignOrigin: 403, admin: ok });

const at = (t: Target, rest = '') => `/api/communities/${t.communityId}${rest}`;
const doc = (rest = '') => (t: Target) => at(t, `/docs/${encodeURIComponent(t.doc)}${rest}`);
const email = () => `someone-${Math.random().toString(36).slice(2, 10)}@example.org`;

// Fresh things for destructive successes.
const freshCommunity = async () => {
  const made = await createCommunity(w.fran, { name: 'Throwaway' });
  return { communityId: made.id, communityName: made.name };
};
const freshMember = async () => ({ memberId: (await joinCommunity(server.url, w.c.communityId, w.c.inviteCode, { name: 'Passing through' })).memberId });
const freshSchedule = async () => ({ scheduleId: (await schedule(w.fran, w.c.communityId, { title: 'Maybe' })).id });
const freshGroup = async () => ({ groupId: String(((await w.fran.call('POST', at(w.c, '/working-groups'), { name: 'Short-lived', channels: [], members: [] })).json as { id: string }).id) });
/** A re-issued member link of a fresh member of C (its one-time claim code is unused). */
const reissuedLink = async (communityId = w.c.communityId) => {
  const { memberId } = await joinCommunity(server.url, communityId, communityId === w.c.communityId ? w.c.inviteCode : await memberCodeOf(communityId), { name: 'Lost their device' });
  return String(((await w.fran.call('POST', `/api/communities/${communityId}/members/${memberId}/reissue`)).json as { url: string }).url);
};
const memberCodeOf = async (communityId: string) => fragment(String(((await w.fran.call('GET', `/api/communities/${communityId}/member-invite`)).json as { url: string }).url), 'code');
/** A live claim code of another community's member: offered to C (or D, E), it opens nothing. */
let strayClaim = '';
beforeAll(async () => {
  strayClaim = fragment(await reissuedLink((await freshCommunity()).communityId), 'claim');
});
/** Nell co-facilitates a throwaway community (harmless: she is still nobody in C). */
const nellCohosts = async () => {
  const made = await freshCommunity();
  const link = (await w.fran.call('POST', `/api/communities/${made.communityId}/facilitator-invites`)).json as { url: string };
  const accepted = await w.nell.call('POST', `/api/communities/${made.communityId}/facilitators`, { code: fragment(link.url, 'code') });
  return { ...made, status: accepted.status, facilitatorId: w.nell.accountId };
};
/** Sam: a throwaway account for the controls that end sessions or change passwords. */
let sam: Promise<Awaited<ReturnType<typeof signUp>>> | undefined;
const samSession = () => (sam ??= signUp(server.url, 'Sam'));

const ROWS: Record<string, Row> = {
  // ---------- accounts ----------
  'GET /api/account/session': { path: () => '/api/account/session', expect: table(200) },
  'POST /api/account/signup': { path: () => '/api/account/signup', body: () => ({ email: email(), password: 'a long enough passphrase', name: 'New' }), expect: table(201, { foreignOrigin: 403 }) },
  'POST /api/account/signin': {
    path: () => '/api/account/signin',
    body: (_t, who) => (who === 'facilitator' ? { email: w.fran.email, password: 'a long enough passphrase' } : { email: email(), password: 'not the password' }),
    expect: table(401, { foreignOrigin: 403, facilitator: 200 }),
  },
  'POST /api/account/signout': {
    path: () => '/api/account/signout',
    expect: ENDS_SESSION,
    control: { run: async () => (await signIn(server.url, w.fran)).call('POST', '/api/account/signout'), status: 204 },
  },
  'POST /api/account/password': {
    path: () => '/api/account/password',
    body: () => ({ current: 'not my password', next: 'another long passphrase' }),
    expect: table(401, { noCsrf: 403, wrongCsrf: 403, foreignOrigin: 403 }),
    control: { run: async () => (await samSession()).call('POST', '/api/account/password', { current: 'a long enough passphrase', next: 'another long passphrase' }), status: 204 },
  },
  'POST /api/account/signout-everywhere': {
    path: () => '/api/account/signout-everywhere',
    expect: ENDS_SESSION,
    control: { run: async () => (await samSession()).call('POST', '/api/account/signout-everywhere'), status: 204 },
  },
  'POST /api/account/reset': {
    path: () => '/api/account/reset',
    body: () => ({ token: 'x'.repeat(43), password: 'a long enough passphrase' }),
    expect: table(404, { foreignOrigin: 403 }),
    control: {
      async run() {
        const link = (await w.admin.call('POST', `/api/admin/accounts/${(await samSession()).accountId}/reset-link`)).json as { url: string };
        return send(server.url, 'POST', '/api/account/reset', {}, { token: fragment(link.url, 'token'), password: 'a third long passphrase' });
      },
      status: 200,
    },
  },
  'GET /api/admin/accounts': { path: () => '/api/admin/accounts', expect: ADMIN(200) },
  'POST /api/admin/accounts/:id/reset-link': { path: () => `/api/admin/accounts/${w.fran.accountId}/reset-link`, expect: ADMIN(201) },

  // ---------- communities ----------
  'GET /api/communities': { path: () => '/api/communities', expect: A(false, 200) },
  'POST /api/communities': { path: () => '/api/communities', body: () => ({ name: 'Fresh', channels: [{ id: 'money', name: 'Money' }] }), expect: A(true, 201) },
  'GET /api/communities/:id': { path: (t) => at(t), expect: FM(200) },
  'PATCH /api/communities/:id': { path: (t) => at(t), body: () => ({ retentionDays: 90 }), expect: F(true, 200) },
  'DELETE /api/communities/:id': { path: (t) => at(t), body: (t) => ({ confirmName: t.communityName }), expect: F(true, 204), fresh: freshCommunity },
  'POST /api/communities/:id/facilitator-invites': { path: (t) => at(t, '/facilitator-invites'), expect: F(true, 201) },
  'POST /api/communities/:id/facilitators': {
    // Everyone offers D's unused co-facilitator code to C (or to the deleted E).
    path: (t) => at(t, '/facilitators'),
    body: (t) => ({ code: t.cohostCode }),
    expect: table(401, { account: 404, otherFacilitator: 404, admin: 404, facilitator: 404, deletedFacilitator: 404, ...cookieOnly(true, 404) }),
    control: { run: async () => ({ status: (await nellCohosts()).status }) as Answer, status: 201 },
  },
  'DELETE /api/communities/:id/facilitators/:accountId': { path: (t) => at(t, `/facilitators/${t.facilitatorId}`), expect: F(true, 204), fresh: nellCohosts },
  'GET /api/communities/:id/member-invite': { path: (t) => at(t, '/member-invite'), expect: F(false, 200) },
  'POST /api/communities/:id/member-invite/rotate': { path: (t) => at(t, '/member-invite/rotate'), expect: F(true, 200), fresh: freshCommunity },
  'GET /api/invites/:code': { path: (t) => `/api/invites/${t.inviteCode}`, expect: table(200, { deletedFacilitator: 404, deletedMember: 404 }) },
  'POST /api/communities/:id/members': {
    // D's invite code, offered to C: the code opens its own community only.
    path: (t) => at(t, '/members'),
    body: () => ({ code: w.d.inviteCode, name: 'Mallory' }),
    expect: table(403),
    control: { run: () => send(server.url, 'POST', at(w.c, '/members'), {}, { code: w.c.inviteCode, name: 'Welcome' }), status: 201 },
  },
  'POST /api/communities/:id/members/claim': {
    path: (t) => at(t, '/members/claim'),
    body: () => ({ code: strayClaim }),
    expect: table(404),
    control: { run: async () => send(server.url, 'POST', at(w.c, '/members/claim'), {}, { code: fragment(await reissuedLink(), 'claim') }), status: 201 },
  },
  'POST /api/communities/:id/members/:memberId/reissue': { path: (t) => at(t, `/members/${t.memberId}/reissue`), expect: F(true, 201), fresh: freshMember },
  'DELETE /api/communities/:id/members/:memberId': { path: (t) => at(t, `/members/${t.memberId}`), body: () => ({}), expect: F(true, 204), fresh: freshMember },
  'GET /api/communities/:id/me': { path: (t) => at(t, '/me'), expect: M(200) },
  'PATCH /api/communities/:id/me': { path: (t) => at(t, '/me'), body: () => ({ pronouns: 'they/them' }), expect: M(200) },
  'DELETE /api/communities/:id/me/caucus-answer': { path: (t) => at(t, '/me/caucus-answer'), expect: M(204) },
  'DELETE /api/communities/:id/me': {
    path: (t) => at(t, '/me'),
    body: () => ({}),
    expect: M('skip'),
    control: {
      async run() {
        const passing = await joinCommunity(server.url, w.c.communityId, w.c.inviteCode, { name: 'Leaving soon' });
        return send(server.url, 'DELETE', at(w.c, '/me'), { authorization: `Bearer ${passing.token}` }, {});
      },
      status: 204,
    },
  },
  // Email (mail/routes.ts): a member's own choices, a facilitator's, a reset by email, an invitation by email.
  'GET /api/communities/:id/me/mail': { path: (t) => at(t, '/me/mail'), expect: M(200) },
  'PUT /api/communities/:id/me/mail': { path: (t) => at(t, '/me/mail'), body: () => ({ email: 'bo@example.org', reminders: true, news: false }), expect: M(200) },
  'GET /api/account/mail': { path: () => '/api/account/mail', expect: A(false, 200) },
  'PUT /api/account/mail': { path: () => '/api/account/mail', body: () => ({ reminders: false, news: true }), expect: A(true, 200) },
  // Public, and the same answer whether or not an account has the address.
  'POST /api/account/forgot': { path: () => '/api/account/forgot', body: () => ({ email: email() }), expect: table(202, { foreignOrigin: 403 }) },
  'POST /api/communities/:id/member-invite/email': { path: (t) => at(t, '/member-invite/email'), body: () => ({ email: email() }), expect: F(true, 202) },
  'POST /api/communities/:id/working-groups': { path: (t) => at(t, '/working-groups'), body: () => ({ name: 'Story circle', channels: ['story'], members: [] }), expect: F(true, 201) },
  'PUT /api/communities/:id/working-groups/:gid': { path: (t) => at(t, `/working-groups/${t.groupId}`), body: (t) => t.groupBody, expect: F(true, 200) },
  'DELETE /api/communities/:id/working-groups/:gid': { path: (t) => at(t, `/working-groups/${t.groupId}`), expect: F(true, 204), fresh: freshGroup },
  'POST /api/communities/:id/convenings': {
    path: (t) => at(t, '/convenings'),
    body: () => ({ title: 'Later', startsAt: Date.UTC(2031, 0, 1), durationMinutes: 60 }),
    expect: F(true, 201),
  },
  'PATCH /api/communities/:id/convenings/:sid': { path: (t) => at(t, `/convenings/${t.scheduleId}`), body: () => ({ durationMinutes: 90 }), expect: F(true, 200) },
  'DELETE /api/communities/:id/convenings/:sid': { path: (t) => at(t, `/convenings/${t.scheduleId}`), expect: F(true, 204), fresh: freshSchedule },
  'GET /api/communities/:id/convenings/:sid/calendar.ics': { path: (t) => at(t, `/convenings/${t.scheduleId}/calendar.ics`), expect: FM(200) },
  'POST /api/communities/:id/convenings/:sid/start': { path: (t) => at(t, `/convenings/${t.scheduleId}/start`), expect: F(true, 201), fresh: freshSchedule },
  'POST /api/communities/:id/convenings/:sid/host': { path: (t) => at(t, `/convenings/${t.liveScheduleId}/host`), expect: F(true, 200) },
  // Bo is in the live convening already: entering again changes nothing.
  'POST /api/communities/:id/convenings/:sid/join': { path: (t) => at(t, `/convenings/${t.liveScheduleId}/join`), expect: M(200) },
  'GET /api/communities/:id/show-template': { path: (t) => at(t, '/show-template'), expect: F(false, 200) },
  'PUT /api/communities/:id/show-template': { path: (t) => at(t, '/show-template'), body: () => ({ items: [{ id: 'w', kind: 'welcome', title: 'Welcome', minutes: 5 }], autoAdvance: false }), expect: F(true, 200) },
  'DELETE /api/communities/:id/show-template': { path: (t) => at(t, '/show-template'), expect: F(true, 204) },
  'GET /api/communities/:id/export': { path: (t) => at(t, '/export'), expect: F(false, 200) },

  // ---------- community documents (Bo reads; nobody shares from a draft) ----------
  'GET /api/communities/:id/docs': { path: (t) => at(t, '/docs'), expect: DOC(false, 200, 200) },
  'GET /api/communities/:id/docs/:name': { path: doc(), expect: DOC(false, 200, 200) },
  'GET /api/communities/:id/docs/:name/versions': { path: doc('/versions'), expect: DOC(false, 200, 200) },
  'POST /api/communities/:id/docs/:name/versions': { path: doc('/versions'), body: () => ({ label: 'Checkpoint' }), expect: DOC(true, 403, 201) },
  'POST /api/communities/:id/docs/:name/versions/:versionId/restore': { path: (t) => doc(`/versions/${t.versionId}/restore`)(t), body: () => ({}), expect: DOC(true, 403, 200) },
  'POST /api/communities/:id/docs/:name/versions/:versionId/publish': { path: (t) => doc(`/versions/${t.versionId}/publish`)(t), body: () => ({}), expect: DOC(true, 403, 201) },
  'GET /api/communities/:id/docs/:name/export': { path: doc('/export?format=md'), expect: DOC(false, 200, 200) },
  'POST /api/communities/:id/docs/:name/share': {
    path: doc('/share'),
    body: (t) => ({ to: `notes:${t.communityId}:plenary`, passages: [{ block: 0 }] }),
    expect: DOC(true, 403, 403),
  },
};

/**
 * Every route the accounts, communities and documents routers define (the convening
 * document routes are abuse-access-http.test.ts's). The routers are built with a stand-in
 * for every dependency: only their route tables are read, no handler runs.
 */
function definedRoutes(): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const stack = (r: unknown) => (r as { stack: Layer[] }).stack;
  const standIn: unknown = new Proxy(() => standIn, { get: (_t, key) => (key === Symbol.toPrimitive ? () => 1 : standIn) });
  const routers = [accountRouter(standIn as never), communityApi(standIn as never, standIn as never).api, docRoutes(standIn as never), mailRouter(standIn as never)];
  return routers
    .flatMap((r) => stack(r).flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} /api${l.route!.path}`) : [])))
    .filter((name) => !name.includes(' /api/convenings/'));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('access matrix: every account and community route × every caller', () => {
  it('has a row for every route the routers define', () => {
    expect(Object.keys(ROWS).sort()).toEqual(definedRoutes().sort());
  });

  it('answers each caller as the policy says; every refusal is typed and changes nothing', async () => {
    const seen: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    const changed: string[] = [];
    const untyped: string[] = [];
    const call = async (name: string, row: Row, who: Caller, target: Target) => {
      const method = name.split(' ')[0]!;
      const a = await send(server.url, method, row.path(target), w.headers(who), row.body?.(target, who));
      seen[name]![who] = a.status;
      want[name]![who] = row.expect[who] as number;
      if (a.status >= 400) {
        try {
          const error = typedRefusal(a);
          // Fran's own cookie is refused for the missing token or the foreign site, and says which
          // (where the cookie matters at all: a public route refuses everyone alike).
          const forCookie = UNSAFE.has(method) && a.status === 403 && row.expect.nobody !== 403;
          if (forCookie && (who === 'noCsrf' || who === 'wrongCsrf')) expect(error.field, `${name} as ${who}`).toBe('csrf');
          if (forCookie && who === 'foreignOrigin') expect(error.field, `${name} as ${who}`).toBe('origin');
        } catch (err) {
          untyped.push(`${name} as ${who}: ${(err as Error).message}`);
        }
      }
      // Nothing is offered to another site's scripts, whatever the answer.
      expect(a.headers.get('access-control-allow-origin'), `${name} as ${who}`).toBeNull();
    };

    for (const [name, row] of Object.entries(ROWS)) {
      seen[name] = {};
      want[name] = {};
      const asked = CALLERS.filter((c) => row.expect[c] !== 'skip');
      const refused = asked.filter((c) => (row.expect[c] as number) >= 400);
      const before = db.take();
      for (const who of refused) await call(name, row, who, w.targetOf(who));
      if (db.take() !== before) changed.push(name);
      // A broken refusal may have wrecked what the successes need: report it in the table, go on.
      const seenBroken = (what: string) => (err: unknown) => void (seen[name]![what] = `${(err as Error).message}` as never);
      for (const who of asked.filter((c) => !refused.includes(c))) {
        await (async () => call(name, row, who, { ...w.targetOf(who), ...(await row.fresh?.()) }))().catch(seenBroken(who));
      }
      if (row.control) {
        want[name].control = row.control.status;
        await row.control.run().then((a) => void (seen[name]!.control = a.status), seenBroken('control'));
      }
    }
    expect(seen).toEqual(want);
    expect(untyped).toEqual([]);
    expect(changed).toEqual([]);
    // Some 80 routes × 16 callers, one at a time: minutes on a loaded 2-core machine.
  }, 240_000);
});
