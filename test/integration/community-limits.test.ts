import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsList, CommunitiesResult, LinkResult, MemberCredential, ScheduledConvening, WorkingGroupView, type ApiError } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { asMember, Browser, claimLink, createCommunity, facilitator, fragment, joinCommunity, memberCode } from './community-helpers.ts';

/** Every count limit at 2, so each is reached in a few requests. */
const SMALL = {
  MAX_COMMUNITIES_PER_ACCOUNT: '2',
  MAX_MEMBERS_PER_COMMUNITY: '2',
  MAX_SCHEDULED_PER_COMMUNITY: '2',
  MAX_WORKING_GROUPS_PER_COMMUNITY: '2',
  MAX_OPEN_FACILITATOR_INVITES: '2',
  MEMBER_REISSUE_BURST: '2',
  MEMBER_REISSUE_PER_HOUR: '1',
};

let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Database.Database;
beforeAll(async () => {
  server = await startTestServer(SMALL);
  db = new Database(join(server.dataDir, 'brave-space.db'), { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  db.close();
  await server.close();
});

/** Rows the server stored, read straight from its SQLite file. */
const rows = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

/** A refusal a facilitator can act on: typed `conflict`, in words that say which limit. */
function expectFull(r: { status: number; error: ApiError | undefined }, words: RegExp) {
  expect(r.status).toBe(409);
  expect(r.error?.code).toBe('conflict');
  expect(r.error?.message).toMatch(words);
}

const PLAN = { title: 'Monthly', startsAt: Date.UTC(2030, 0, 15, 17), durationMinutes: 90 };

describe('count limits of communities', () => {
  it('lets one account facilitate only so many communities, and deleting one makes room', async () => {
    const f = await facilitator(server.url);
    const first = await createCommunity(f, { name: 'First' });
    await createCommunity(f, { name: 'Second' });
    const third = await f.call('POST', '/api/communities', { name: 'Third', channels: [{ id: 'money', name: 'Money' }] });
    expectFull(third, /already facilitates 2 communities/);
    expect(CommunitiesResult.parse((await f.call('GET', '/api/communities')).json).communities.map((c) => c.name)).toEqual(['First', 'Second']);
    expect(rows("SELECT COUNT(*) FROM communities WHERE name = 'Third'")).toBe(0);

    // A co-facilitator link cannot take the account past the limit either; it still works later.
    const g = await facilitator(server.url, 'Gil');
    const theirs = await createCommunity(g, { name: 'Gil’s' });
    const invite = LinkResult.parse((await g.call('POST', `/api/communities/${theirs.id}/facilitator-invites`)).json);
    const accept = () => f.call('POST', `/api/communities/${theirs.id}/facilitators`, { code: fragment(invite.url, 'code') });
    expectFull(await accept(), /already facilitates 2 communities.*still works/);
    expect(rows('SELECT COUNT(*) FROM community_facilitators WHERE community_id = ?', theirs.id)).toBe(1);

    expect((await f.call('DELETE', `/api/communities/${first.id}`, { confirmName: 'First' })).status).toBe(204);
    expect((await accept()).status).toBe(201);
    expectFull(await f.call('POST', '/api/communities', { name: 'Third', channels: [{ id: 'money', name: 'Money' }] }), /2 communities/);
  });

  it('lets only as many simultaneous creations through as there is room for', async () => {
    const f = await facilitator(server.url);
    const tries = await Promise.all([1, 2, 3, 4].map((i) => f.call('POST', '/api/communities', { name: `Race ${i}`, channels: [{ id: 'money', name: 'Money' }] })));
    expect(tries.map((t) => t.status).sort()).toEqual([201, 201, 409, 409]);
    expect(rows('SELECT COUNT(*) FROM community_facilitators WHERE account_id = ?', f.accountId)).toBe(2);
  });

  it('holds so many members; simultaneous joins cannot pass the limit, removing someone makes room', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const code = await memberCode(f, made.id);
    const join = (name: string) => asMember(server.url, 'POST', `/api/communities/${made.id}/members`, null, { code, name });
    const tries = await Promise.all(['Ana', 'Bo', 'Cy', 'Dee'].map(join));
    expect(tries.map((t) => t.status).sort()).toEqual([201, 201, 409, 409]);
    expectFull(tries.find((t) => t.status === 409)!, /community is full: it has 2 members.*facilitator/);
    expect(rows('SELECT COUNT(*) FROM members WHERE community_id = ?', made.id)).toBe(2);

    const [one] = tries.filter((t) => t.status === 201).map((t) => MemberCredential.parse(t.json));
    expect((await f.call('DELETE', `/api/communities/${made.id}/members/${one!.memberId}`, { replaceName: false })).status).toBe(204);
    expect((await join('Eve')).status).toBe(201);
    expectFull(await join('Fay'), /2 members/);
  });

  it('caps everyone who ever joined, so joining and leaving in a loop cannot grow a community forever', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const code = await memberCode(f, made.id);
    // Four times the member limit (2) may ever join; each one leaves again at once.
    for (let i = 0; i < 8; i++) {
      const m = await joinCommunity(server.url, made.id, code, { name: `Passing ${i}` });
      expect((await asMember(server.url, 'DELETE', `/api/communities/${made.id}/me`, m.token, {})).status).toBe(204);
    }
    const next = await asMember(server.url, 'POST', `/api/communities/${made.id}/members`, null, { code, name: 'Late' });
    expectFull(next, /8 people have joined it over time/);
    expect(rows('SELECT COUNT(*) FROM members WHERE community_id = ?', made.id)).toBe(8);
  });

  it('holds so many scheduled convenings; deleting a planned one makes room', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const plan = () => f.call('POST', `/api/communities/${made.id}/convenings`, PLAN);
    const first = ScheduledConvening.parse((await plan()).json);
    expect((await plan()).status).toBe(201);
    expectFull(await plan(), /2 scheduled convenings.*Delete planned convenings/);
    expect(rows('SELECT COUNT(*) FROM scheduled_convenings WHERE community_id = ?', made.id)).toBe(2);

    expect((await f.call('DELETE', `/api/communities/${made.id}/convenings/${first.id}`)).status).toBe(204);
    expect((await plan()).status).toBe(201);
  });

  it('holds so many working groups; changing one at the limit still works, deleting one makes room', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const group = (name: string) => f.call('POST', `/api/communities/${made.id}/working-groups`, { name, channels: ['money'], members: [] });
    const first = WorkingGroupView.parse((await group('Money writers')).json);
    expect((await group('Story writers')).status).toBe(201);
    expectFull(await group('Third'), /2 working groups.*Delete groups/);
    expect(rows('SELECT COUNT(*) FROM working_groups WHERE community_id = ?', made.id)).toBe(2);

    const renamed = await f.call('PUT', `/api/communities/${made.id}/working-groups/${first.id}`, { name: 'Money team', channels: ['money'], members: [] });
    expect(renamed.status).toBe(200);
    expect((await f.call('DELETE', `/api/communities/${made.id}/working-groups/${first.id}`)).status).toBe(204);
    expect((await group('Third')).status).toBe(201);
  });

  it('keeps so many co-facilitator links open; a used link makes room', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const invite = () => f.call('POST', `/api/communities/${made.id}/facilitator-invites`);
    const first = LinkResult.parse((await invite()).json);
    expect((await invite()).status).toBe(201);
    expectFull(await invite(), /2 co-facilitator links nobody has used yet/);
    expect(rows('SELECT COUNT(*) FROM facilitator_invites WHERE community_id = ?', made.id)).toBe(2);

    const co = await facilitator(server.url, 'Co');
    expect((await co.call('POST', `/api/communities/${made.id}/facilitators`, { code: fragment(first.url, 'code') })).status).toBe(201);
    expect((await invite()).status).toBe(201);
    // The used link is gone with the new one made: the table holds open links only.
    expect(rows('SELECT COUNT(*) FROM facilitator_invites WHERE community_id = ?', made.id)).toBe(2);
  });

  it('limits how fast new member links are made, without counting unknown members', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const ana = await joinCommunity(server.url, made.id, await memberCode(f, made.id), { name: 'Ana' });
    const reissue = (id: string) => f.call('POST', `/api/communities/${made.id}/members/${id}/reissue`);
    expect((await reissue('u_nobody')).status).toBe(404);
    expect((await reissue(ana.memberId)).status).toBe(201);
    const last = await reissue(ana.memberId);
    expect(last.status).toBe(201);
    const refused = await reissue(ana.memberId);
    expect(refused.status).toBe(429);
    expect(refused.error).toMatchObject({ code: 'rate_limited' });
    expect(refused.error?.retryAfterMs).toBeGreaterThan(0);
    // The refused call changed nothing: the last link still works.
    const { token } = await claimLink(server.url, LinkResult.parse(last.json).url);
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, token)).status).toBe(200);
  });
});

describe('accounts per instance', () => {
  it('refuses sign-ups past the limit, also when they arrive together', async () => {
    await using limited = await startTestServer({ MAX_ACCOUNTS: '2' });
    const signUp = async (i: number) => {
      const b = new Browser(limited.url);
      const r = await b.call('POST', '/api/account/signup', { email: `person${i}@example.org`, password: 'a long enough passphrase', name: `Person ${i}` });
      if (r.status === 201) b.csrf = (r.json as { csrfToken: string }).csrfToken;
      return Object.assign(r, { browser: b });
    };
    const tries = await Promise.all([1, 2, 3].map(signUp));
    expect(tries.map((t) => t.status).sort()).toEqual([201, 201, 409]);
    expectFull(tries.find((t) => t.status === 409)!, /already has 2 accounts/);
    expect((await signUp(4)).status).toBe(409);

    const admin = tries.find((t) => t.status === 201 && (t.json as { account: { isAdmin: boolean } }).account.isAdmin)!;
    const list = AccountsList.parse((await admin.browser.call('GET', '/api/admin/accounts')).json);
    expect(list.accounts).toHaveLength(2);
    // The existing accounts still sign in.
    const again = new Browser(limited.url);
    const email = list.accounts[0]!.email;
    expect((await again.call('POST', '/api/account/signin', { email, password: 'a long enough passphrase' })).status).toBe(200);
  });
});
