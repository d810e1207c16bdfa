import { afterAll, beforeAll, expect, it } from 'vitest';
import { CommunityExport, HubList, HubPostView, HubThread, MyData } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { asMember, createCommunity, eventually, facilitator, joinCommunity, memberCode, type Browser } from './community-helpers.ts';
import { listening, until } from './doorbell-helpers.ts';
import type { TestServer } from './abuse-helpers.ts';

/**
 * The hub between convenings against the real server: members post and reply, facilitators
 * pin, hide and lock, a working group keeps a thread to itself, open hub screens hear of
 * each change, and the data rights (My data, leaving, export, retention) cover it.
 */
let server: TestServer;
let fran: Browser;
let communityId = '';
let ana = { token: '', memberId: '' };
let bo = { token: '', memberId: '' };
let groupId = '';
beforeAll(async () => {
  server = await startTestServer();
  fran = await facilitator(server.url, 'Fran');
  communityId = (await createCommunity(fran, { name: 'Riverside network', caucusOptions: ['Rosewood'] })).id;
  const code = await memberCode(fran, communityId);
  ana = await joinCommunity(server.url, communityId, code, { name: 'Ana' });
  bo = await joinCommunity(server.url, communityId, code, { name: 'Bo' });
  const g = await fran.call('POST', `/api/communities/${communityId}/working-groups`, { name: 'Money writers', channels: ['money'], members: [ana.memberId] });
  groupId = String((g.json as { id: string }).id);
});
afterAll(async () => {
  await server?.close();
});

const hub = (rest = '') => `/api/communities/${communityId}/hub${rest}`;
const as = (token: string, method: string, rest: string, body?: unknown) => asMember(server.url, method, hub(rest), token, body);
const list = async (token: string, query = '') => HubList.parse((await as(token, 'GET', query)).json);

it('lets members post with links and tags, reply, and hear of it at the doorbell; pinned posts come first', async () => {
  const bell = await listening(server.url, communityId, { token: bo.token });
  try {
    const made = await as(ana.token, 'POST', '/posts', { kind: 'question', title: 'Who has a budget template?', body: 'For the spring hearings.', links: ['https://example.org/budget'], tags: ['channel:money', 'role:funders'] });
    expect(made.status).toBe(201);
    const question = HubPostView.parse(made.json);
    expect(question).toMatchObject({ mine: true, author: { kind: 'member', name: 'Ana' }, links: ['https://example.org/budget'], replies: 0 });
    await until(() => bell.rings.some((r) => r.kind === 'hub'), () => bell.rings);
    // The ring says only that the hub changed: no title, no name.
    expect(JSON.stringify(bell.rings)).not.toContain('budget');

    const idea = HubPostView.parse((await fran.call('POST', hub('/posts'), { kind: 'idea', title: 'Read-aloud night', tags: ['channel:story'] })).json);
    const reply = await as(bo.token, 'POST', `/posts/${question.id}/replies`, { body: 'Ours is on the shared drive.' });
    expect(reply.status).toBe(201);
    const thread = HubThread.parse((await as(ana.token, 'GET', `/posts/${question.id}`)).json);
    expect(thread.replies).toMatchObject([{ body: 'Ours is on the shared drive.', author: { name: 'Bo' }, mine: false }]);
    expect(thread.post.replies).toBe(1);

    // The reply made the question the most active; pinning the idea puts it first.
    expect((await list(bo.token)).posts.map((p) => p.id).slice(0, 2)).toEqual([question.id, idea.id]);
    expect((await fran.call('PATCH', hub(`/posts/${idea.id}`), { pinned: true })).status).toBe(200);
    expect((await list(bo.token)).posts.map((p) => [p.id, p.pinned]).slice(0, 2)).toEqual([
      [idea.id, true],
      [question.id, false],
    ]);
    expect((await list(bo.token, '?tag=role:funders')).posts.map((p) => p.id)).toEqual([question.id]);
    expect((await as(bo.token, 'GET', '?tag=everything')).status).toBe(400);
    const tags = (await list(bo.token)).tags.map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining(['channel:money', 'channel:story', 'role:funders']));
  } finally {
    bell.close();
  }
});

it('refuses tags the community does not have, links that are not web links, and bodies over their size', async () => {
  const bad = [
    { kind: 'idea', title: 'x', tags: ['channel:policy'] },
    { kind: 'idea', title: 'x', links: ['javascript:alert(1)'] },
    { kind: 'idea', title: 'x'.repeat(141) },
    { kind: 'idea', title: 'x', body: 'y'.repeat(4_001) },
  ];
  for (const body of bad) {
    const a = await as(bo.token, 'POST', '/posts', body);
    expect(a.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    expect(a.error?.code).toBe('bad_request');
  }
  expect((await list(bo.token)).posts.some((p) => p.title === 'x')).toBe(false);
});

it('keeps a hidden post from members and a locked thread from new replies', async () => {
  const p = HubPostView.parse((await as(bo.token, 'POST', '/posts', { kind: 'challenge', title: 'A heated one' })).json);
  expect((await fran.call('PATCH', hub(`/posts/${p.id}`), { locked: true })).status).toBe(200);
  const refused = await as(ana.token, 'POST', `/posts/${p.id}/replies`, { body: 'One more thing' });
  expect([refused.status, refused.error?.code]).toEqual([409, 'conflict']);

  expect((await fran.call('PATCH', hub(`/posts/${p.id}`), { hidden: true })).status).toBe(200);
  for (const token of [bo.token, ana.token]) {
    expect((await list(token)).posts.some((x) => x.id === p.id)).toBe(false);
    expect((await as(token, 'GET', `/posts/${p.id}`)).status).toBe(404);
  }
  const seen = HubList.parse((await fran.call('GET', hub())).json).posts.find((x) => x.id === p.id);
  expect(seen).toMatchObject({ hidden: true, locked: true });
});

it('keeps a working group’s thread to its members and the facilitators, in lists, threads and replies', async () => {
  const outsider = await as(bo.token, 'POST', '/posts', { kind: 'idea', title: 'Sneaking in', workingGroupId: groupId });
  expect(outsider.status).toBe(403);
  const made = await as(ana.token, 'POST', '/posts', { kind: 'resource', title: 'Draft of the accountability standards', body: 'Only for us for now.', workingGroupId: groupId });
  const secret = HubPostView.parse(made.json);
  expect(secret.workingGroup).toEqual({ id: groupId, name: 'Money writers' });
  expect((await as(ana.token, 'POST', `/posts/${secret.id}/replies`, { body: 'Group-only reply' })).status).toBe(201);

  const boSees = await as(bo.token, 'GET', '');
  expect(boSees.text).not.toContain('accountability standards');
  const boThread = await as(bo.token, 'GET', `/posts/${secret.id}`);
  expect(boThread.status).toBe(404);
  expect(boThread.text).not.toContain('Only for us');
  expect((await as(bo.token, 'POST', `/posts/${secret.id}/replies`, { body: 'Let me in' })).status).toBe(404);
  expect((await fran.call('GET', hub(`/posts/${secret.id}`))).text).toContain('Group-only reply');
});

it('limits how fast one person posts, with a typed refusal', async () => {
  const cy = await joinCommunity(server.url, communityId, await memberCode(fran, communityId), { name: 'Cy' });
  const answers: number[] = [];
  for (let i = 0; i < 11; i++) answers.push((await asMember(server.url, 'POST', hub('/posts'), cy.token, { kind: 'idea', title: `Idea ${i}` })).status);
  expect(answers.slice(0, 10).every((s) => s === 201)).toBe(true);
  expect(answers[10]).toBe(429);
  // Someone else is not held back by it.
  expect((await as(bo.token, 'POST', '/posts', { kind: 'idea', title: 'Mine still goes' })).status).toBe(201);
});

it('lists a member’s posts and replies in My data, puts the hub in the export, and shows "Former member" after they leave asking for it', async () => {
  const me = MyData.parse((await asMember(server.url, 'GET', `/api/communities/${communityId}/me`, ana.token)).json);
  expect(me.hub.posts.map((p) => p.title)).toEqual(expect.arrayContaining(['Who has a budget template?', 'Draft of the accountability standards']));
  expect(me.hub.replies.map((r) => r.body)).toContain('Group-only reply');

  const exported = CommunityExport.parse((await fran.call('GET', `/api/communities/${communityId}/export`)).json);
  const titles = exported.hub.map((t) => t.post.title);
  expect(titles).toEqual(expect.arrayContaining(['Who has a budget template?', 'A heated one', 'Draft of the accountability standards']));
  expect(exported.hub.find((t) => t.post.title === 'A heated one')?.post.hidden).toBe(true);

  expect((await asMember(server.url, 'DELETE', `/api/communities/${communityId}/me`, ana.token, { replaceName: true })).status).toBe(204);
  const after = (await list(bo.token)).posts.find((p) => p.title === 'Who has a budget template?');
  expect(after?.author).toEqual({ kind: 'member', name: 'Former member' });
  expect((await as(ana.token, 'GET', '')).status).toBe(401);
});

it('deletes hub posts older than the community’s retention', async () => {
  await using short = await startTestServer({ RETENTION_DAY_MS: '400', RETENTION_SWEEP_MS: '100' });
  const f = await facilitator(short.url);
  const c = await createCommunity(f, { retentionDays: 1 });
  const m = await joinCommunity(short.url, c.id, await memberCode(f, c.id), { name: 'Di' });
  const made = await asMember(short.url, 'POST', `/api/communities/${c.id}/hub/posts`, m.token, { kind: 'resource', title: 'Soon gone' });
  const id = (made.json as { id: string }).id;
  await asMember(short.url, 'POST', `/api/communities/${c.id}/hub/posts/${id}/replies`, m.token, { body: 'Gone with it' });
  const status = await eventually(
    async () => (await asMember(short.url, 'GET', `/api/communities/${c.id}/hub/posts/${id}`, m.token)).status,
    (s) => s === 404,
  );
  expect(status).toBe(404);
  const me = MyData.parse((await asMember(short.url, 'GET', `/api/communities/${c.id}/me`, m.token)).json);
  expect(me.hub).toEqual({ posts: [], replies: [] });
});
