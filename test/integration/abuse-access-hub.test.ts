import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityApi } from '../../apps/server/src/community/index.ts';
import { startTestServer } from '../support/server.ts';
import { claimLink, createCommunity, facilitator, joinCommunity, memberCode, type Browser } from './community-helpers.ts';
import { send, signIn, typedRefusal } from './abuse-community-helpers.ts';
import { cookieOf } from './doorbell-helpers.ts';
import type { TestServer } from './abuse-helpers.ts';

/**
 * Every hub route × every kind of caller. The route list is read from the hub router, so a
 * new route without a row fails. Thread routes are asked about a thread private to the
 * working group "Money writers" (Ana is in it, Bo is not): its words never reach anyone
 * outside the group and the facilitators, in any answer. Refusals are typed and change
 * nothing in the database.
 */
const CALLERS = [
  'nobody',
  'otherMember', // Dee, a member of community D
  'otherFacilitator', // Gus, facilitator of D
  'account', // Nell: signed in, facilitator of nothing
  'oldMember', // Rae's credential from before a facilitator re-issued it
  'leftMember', // Lee, who left C
  'member', // Bo, a member of C outside the working group
  'groupMember', // Ana, in the working group
  'noCsrf', // Fran's session cookie without the X-CSRF-Token header
  'facilitator', // Fran, facilitator of C
] as const;
type Caller = (typeof CALLERS)[number];
/** Who may read the private thread: its group's member and the facilitator (whose cookie alone reads). */
const INSIDE = new Set<Caller>(['groupMember', 'facilitator', 'noCsrf']);

let server: TestServer;
let fran: Browser;
let headers: Record<Caller, Record<string, string>>;
const ids = { c: '', d: '', group: '', secret: '', secretReply: '', open: '' };
const SECRET_WORDS = ['Draft of our accountability standards', 'only for the group', 'A reply inside the group'];

beforeAll(async () => {
  server = await startTestServer();
  fran = await facilitator(server.url, 'Fran');
  const nell = await facilitator(server.url, 'Nell');
  const gus = await facilitator(server.url, 'Gus');
  ids.c = (await createCommunity(fran, { name: 'Learning network' })).id;
  ids.d = (await createCommunity(gus, { name: 'Other network' })).id;
  const code = await memberCode(fran, ids.c);
  const ana = await joinCommunity(server.url, ids.c, code, { name: 'Ana' });
  const bo = await joinCommunity(server.url, ids.c, code, { name: 'Bo' });
  const raeOld = await joinCommunity(server.url, ids.c, code, { name: 'Rae' });
  const reissued = await fran.call('POST', `/api/communities/${ids.c}/members/${raeOld.memberId}/reissue`);
  await claimLink(server.url, String((reissued.json as { url: string }).url));
  const lee = await joinCommunity(server.url, ids.c, code, { name: 'Lee' });
  await send(server.url, 'DELETE', `/api/communities/${ids.c}/me`, { authorization: `Bearer ${lee.token}` }, {});
  const dee = await joinCommunity(server.url, ids.d, await memberCode(gus, ids.d), { name: 'Dee' });
  ids.group = String(((await fran.call('POST', `/api/communities/${ids.c}/working-groups`, { name: 'Money writers', channels: ['money'], members: [ana.memberId] })).json as { id: string }).id);

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const session = (b: Browser, csrf = true) => ({ cookie: cookieOf(b), ...(csrf && b.csrf ? { 'x-csrf-token': b.csrf } : {}) });
  headers = {
    nobody: {},
    otherMember: bearer(dee.token),
    otherFacilitator: session(gus),
    account: session(nell),
    oldMember: bearer(raeOld.token),
    leftMember: bearer(lee.token),
    member: bearer(bo.token),
    groupMember: bearer(ana.token),
    noCsrf: session(await signIn(server.url, { email: await emailOf(fran) }), false),
    facilitator: session(fran),
  };
  const secret = await send(server.url, 'POST', `/api/communities/${ids.c}/hub/posts`, headers.groupMember, {
    kind: 'resource',
    title: SECRET_WORDS[0],
    body: `Please keep this ${SECRET_WORDS[1]} until we publish.`,
    workingGroupId: ids.group,
  });
  ids.secret = String((secret.json as { id: string }).id);
  const reply = await send(server.url, 'POST', `/api/communities/${ids.c}/hub/posts/${ids.secret}/replies`, headers.groupMember, { body: SECRET_WORDS[2] });
  ids.secretReply = String((reply.json as { id: string }).id);
  ids.open = String(((await send(server.url, 'POST', `/api/communities/${ids.c}/hub/posts`, headers.member, { kind: 'question', title: 'An open question' })).json as { id: string }).id);
}, 60_000);
afterAll(async () => {
  await server?.close();
});

async function emailOf(b: Browser): Promise<string> {
  return ((await b.call('GET', '/api/account/session')).json as { account: { email: string } }).account.email;
}

const table = (base: number, over: Partial<Record<Caller, number>>) => ({ ...Object.fromEntries(CALLERS.map((c) => [c, base])), ...over }) as Record<Caller, number>;
/** Members and facilitators of C (`ok`); strangers, other communities' people and old credentials refused. */
const READ = (ok: number, outside = ok) => table(401, { otherFacilitator: 403, account: 403, member: outside, groupMember: ok, noCsrf: ok, facilitator: ok });
const WRITE = (ok: number, outside = ok) => ({ ...READ(ok, outside), noCsrf: 403 });
/** Facilitators only: a member credential is not a session (401), another account is not this community's (403). */
const MODERATE = (ok: number) => table(401, { otherFacilitator: 403, account: 403, noCsrf: 403, facilitator: ok });

interface Row {
  path: () => string;
  body?: () => unknown;
  expect: Record<Caller, number>;
}
const at = (rest = '') => `/api/communities/${ids.c}/hub${rest}`;
const ROWS: Record<string, Row> = {
  'GET /api/communities/:id/hub': { path: () => at(), expect: READ(200) },
  'POST /api/communities/:id/hub/posts': { path: () => at('/posts'), body: () => ({ kind: 'idea', title: 'Kept to the group', workingGroupId: ids.group }), expect: WRITE(201, 403) },
  'GET /api/communities/:id/hub/posts/:postId': { path: () => at(`/posts/${ids.secret}`), expect: READ(200, 404) },
  'POST /api/communities/:id/hub/posts/:postId/replies': { path: () => at(`/posts/${ids.secret}/replies`), body: () => ({ body: 'Another group reply' }), expect: WRITE(201, 404) },
  'PATCH /api/communities/:id/hub/posts/:postId': { path: () => at(`/posts/${ids.secret}`), body: () => ({ pinned: true }), expect: MODERATE(200) },
  'PATCH /api/communities/:id/hub/posts/:postId/replies/:replyId': { path: () => at(`/posts/${ids.secret}/replies/${ids.secretReply}`), body: () => ({ hidden: false }), expect: MODERATE(200) },
};

function definedRoutes(): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const standIn: unknown = new Proxy(() => standIn, { get: (_t, key) => (key === Symbol.toPrimitive ? () => 1 : standIn) });
  const router = communityApi(standIn as never, standIn as never).hub as unknown as { stack: Layer[] };
  return router.stack.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} /api${l.route!.path}`) : []));
}

/** Everything the hub tables hold: equal, nothing changed. */
function hubRows(): string {
  const db = new Database(join(server.dataDir, 'brave-space.db'), { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(['hub_posts', 'hub_replies'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
  } finally {
    db.close();
  }
}

describe('access matrix: every hub route × every caller', () => {
  it('has a row for every route the hub router defines', () => {
    expect(Object.keys(ROWS).sort()).toEqual(definedRoutes().sort());
  });

  it('answers each caller as the rules say; refusals are typed, change nothing, and the private thread never reaches those outside it', async () => {
    const seen: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    const problems: string[] = [];
    for (const [name, row] of Object.entries(ROWS)) {
      seen[name] = {};
      want[name] = row.expect;
      const method = name.split(' ')[0]!;
      const call = async (who: Caller) => {
        const a = await send(server.url, method, row.path(), headers[who], row.body?.());
        seen[name]![who] = a.status;
        if (a.status >= 400) {
          try {
            typedRefusal(a);
          } catch (err) {
            problems.push(`${name} as ${who}: ${(err as Error).message}`);
          }
        }
        if (!INSIDE.has(who)) for (const words of SECRET_WORDS) if (a.text.includes(words)) problems.push(`${name} as ${who} read "${words}"`);
      };
      // Refusals first, then the successes, which prove the requests were well formed.
      const refused = CALLERS.filter((c) => row.expect[c] >= 400);
      const before = hubRows();
      for (const who of refused) await call(who);
      if (hubRows() !== before) problems.push(`${name}: a refusal changed the hub`);
      for (const who of CALLERS.filter((c) => !refused.includes(c))) await call(who);
    }
    expect(seen).toEqual(want);
    expect(problems).toEqual([]);
  }, 120_000);

  it('never opens a post of one community through another community’s address', async () => {
    const inD = (rest: string) => `/api/communities/${ids.d}/hub/posts/${ids.open}${rest}`;
    const dee = headers.otherMember;
    expect((await send(server.url, 'GET', inD(''), dee)).status).toBe(404);
    expect((await send(server.url, 'POST', inD('/replies'), dee, { body: 'Crossing over' })).status).toBe(404);
    expect((await send(server.url, 'PATCH', inD(''), headers.otherFacilitator, { hidden: true })).status).toBe(404);
    const open = await send(server.url, 'GET', at(`/posts/${ids.open}`), headers.member);
    expect(open.json).toMatchObject({ post: { hidden: false }, replies: [] });
  });
});
