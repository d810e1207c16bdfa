// The hub store (hub/store.ts) on both engines. What a community would lose if it broke:
// more posts or replies than it may hold when two processes write at once, a name that
// outlives "replace my name", posts that outlive retention or the community itself, a digest
// that lists a hidden or private thread.

import { describe, expect, it } from 'vitest';
import type { CommunityInfo } from '@brave/protocol';
import { MemberStore } from '../../apps/server/src/community/members-store.ts';
import { CommunityStore } from '../../apps/server/src/community/store.ts';
import { HubStore, type HubPostInsert } from '../../apps/server/src/hub/store.ts';
import type { Database } from '../../apps/server/src/store/database.ts';
import { contractEngines, type ContractEngine } from '../support/contract-engines.ts';

const { engines } = contractEngines('contract-hub');

const info = (id: string): CommunityInfo => ({
  id,
  name: `Community ${id}`,
  description: '',
  agreementSetId: 'network',
  agreements: [{ id: 'a1', text: 'Speak from your own experience' }],
  channels: [{ id: 'money', name: 'Money' }],
  caucusOptions: [],
  retentionDays: 30,
  createdAt: 1_000,
});
const ana = { kind: 'member' as const, id: 'u_ana', name: 'Ana' };
const fran = { kind: 'facilitator' as const, id: 'a_fran', name: 'Fran' };
const post = (id: string, at: number, extra: Partial<HubPostInsert> = {}): HubPostInsert => ({
  id,
  kind: 'question',
  title: `Post ${id}`,
  body: 'Some words',
  links: ['https://example.org/x'],
  tags: ['channel:money'],
  workingGroupId: null,
  author: ana,
  at,
  ...extra,
});

async function open(engine: ContractEngine) {
  const db = engine.fresh();
  const handles: Database[] = [];
  const on = async () => {
    const database = await db.open();
    handles.push(database);
    return { communities: new CommunityStore(database), members: new MemberStore(database), hub: new HubStore(database) };
  };
  const first = await on();
  const second = engine.name === 'postgres' ? await on() : first;
  await first.communities.create(info('k_1'), { accountId: 'a_fran', name: 'Fran' }, 'invite-1', 5);
  await first.members.add('k_1', 'u_ana', { name: 'Ana' }, 1_000, 10);
  return { first, second, close: () => Promise.all(handles.map((h) => h.close())) };
}

describe.each(engines)('the hub store on $name', (engine) => {
  it.skipIf(engine.skip)('keeps posts and replies with their authors, lists pinned first and by tag, and moderates', async () => {
    const { first: s, close } = await open(engine);
    expect(await s.hub.create('k_1', post('h_1', 2_000), 10)).toBe('ok');
    expect(await s.hub.create('k_1', post('h_2', 3_000, { tags: ['role:funders'], author: fran }), 10)).toBe('ok');
    expect(await s.hub.reply('k_1', 'h_1', { id: 'r_1', body: 'Here you go', author: fran, at: 4_000 }, 10)).toBe('ok');
    expect(await s.hub.reply('k_1', 'h_nope', { id: 'r_2', body: 'Lost', author: fran, at: 4_000 }, 10)).toBe('gone');

    const [latest, older] = await s.hub.list('k_1', { limit: 10 });
    // The reply made h_1 the most recently active.
    expect(latest).toMatchObject({ id: 'h_1', replies: 1, lastActivityAt: 4_000, links: ['https://example.org/x'], tags: ['channel:money'], author: ana });
    expect(older).toMatchObject({ id: 'h_2', author: fran });
    expect((await s.hub.list('k_1', { tag: 'role:funders', limit: 10 })).map((p) => p.id)).toEqual(['h_2']);

    expect(await s.hub.moderate('k_1', 'h_2', { pinned: true, locked: true })).toBe(true);
    expect(await s.hub.moderate('k_1', 'h_missing', { pinned: true })).toBe(false);
    expect((await s.hub.list('k_1', { limit: 10 })).map((p) => [p.id, p.pinned, p.locked])).toEqual([
      ['h_2', true, true],
      ['h_1', false, false],
    ]);
    // A hidden reply no longer counts.
    expect(await s.hub.hideReply('k_1', 'h_1', 'r_1', true)).toBe(true);
    expect((await s.hub.post('k_1', 'h_1'))?.replies).toBe(0);
    expect((await s.hub.replies('k_1', 'h_1'))[0]).toMatchObject({ id: 'r_1', hidden: true, author: fran });
    await close();
  });

  it.skipIf(engine.skip)('holds a community to its post limit and a thread to its reply limit, however many write at once', async () => {
    const { first, second, close } = await open(engine);
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? second : first).hub.create('k_1', post(`h_${i}`, 2_000 + i), 3)));
    expect(made.filter((m) => m === 'ok')).toHaveLength(3);
    const id = (await first.hub.list('k_1', { limit: 10 }))[0]!.id;
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? second : first).hub.reply('k_1', id, { id: `r_${i}`, body: 'Yes', author: ana, at: 3_000 + i }, 2)));
    expect(replies.filter((m) => m === 'ok')).toHaveLength(2);
    await close();
  });

  it.skipIf(engine.skip)('lists what a member wrote, shows "Former member" once they asked, and forgets posts past retention or with the community', async () => {
    const { first: s, close } = await open(engine);
    await s.hub.create('k_1', post('h_old', 1_500), 10);
    await s.hub.create('k_1', post('h_new', 5_000, { title: 'Newer' }), 10);
    await s.hub.reply('k_1', 'h_old', { id: 'r_old', body: 'Old reply', author: ana, at: 1_600 }, 10);
    await s.hub.reply('k_1', 'h_new', { id: 'r_new', body: 'Mine too', author: ana, at: 5_100 }, 10);
    const mine = await s.hub.byMember('k_1', 'u_ana');
    expect(mine.posts.map((p) => p.id)).toEqual(['h_old', 'h_new']);
    expect(mine.replies.map((r) => [r.id, r.postTitle])).toEqual([
      ['r_old', 'Post h_old'],
      ['r_new', 'Newer'],
    ]);

    expect(await s.members.leave('k_1', 'u_ana', true, 6_000)).toBe(true);
    expect((await s.hub.post('k_1', 'h_new'))?.author.name).toBe('Former member');
    expect((await s.hub.replies('k_1', 'h_new'))[0]?.author.name).toBe('Former member');

    expect(await s.hub.deleteBefore('k_1', 2_000)).toBe(1);
    expect(await s.hub.post('k_1', 'h_old')).toBeNull();
    expect((await s.hub.all('k_1')).map((p) => p.id)).toEqual(['h_new']);

    await s.communities.purge('k_1', [], () => Promise.resolve());
    expect(await s.hub.all('k_1')).toEqual([]);
    expect(await s.hub.replies('k_1', 'h_new')).toEqual([]);
    await close();
  });

  it.skipIf(engine.skip)('finds the communities a week’s digest is for, and only open, visible posts count', async () => {
    const { first: s, close } = await open(engine);
    await s.communities.create(info('k_2'), { accountId: 'a_fran', name: 'Fran' }, 'invite-2', 5);
    await s.hub.create('k_1', post('h_1', 10_000), 10);
    await s.hub.create('k_2', post('h_2', 10_000, { workingGroupId: 'w_x' }), 10);
    await s.hub.create('k_2', post('h_3', 10_500), 10);
    await s.hub.moderate('k_2', 'h_3', { hidden: true });
    await s.hub.create('k_2', post('h_4', 20_000), 10);
    expect(await s.hub.digestCommunities(9_000, 11_000)).toEqual(['k_1']);
    expect((await s.hub.between('k_2', 9_000, 21_000)).map((p) => p.id)).toEqual(['h_2', 'h_3', 'h_4']);
    await close();
  });
});
