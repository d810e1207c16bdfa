import { describe, expect, it } from 'vitest';
import type { WorkingGroupView } from '@brave/protocol';
import { checkModerate, checkPost, checkReply, hubOrder, postViewFor, privateGroupsFor, replyViewFor, seesPost, type HubPostRecord, type HubReader } from '../../src/hub/index.ts';

const groups: WorkingGroupView[] = [
  { id: 'w_money', name: 'Money writers', channels: ['money'], members: ['u_ana'] },
  { id: 'w_story', name: 'Story circle', channels: [], members: ['u_bo'] },
];
const ana: HubReader = { actor: { kind: 'member', memberId: 'u_ana' }, groups };
const bo: HubReader = { actor: { kind: 'member', memberId: 'u_bo' }, groups };
const fran: HubReader = { actor: { kind: 'facilitator', accountId: 'a_fran' }, groups };
const channels = [
  { id: 'money', name: 'Money' },
  { id: 'policy', name: 'Policy' },
];

const post = (extra: Partial<HubPostRecord> = {}): HubPostRecord => ({
  id: 'h_1',
  kind: 'question',
  title: 'Where do we find the budget data?',
  body: 'The city publishes it somewhere.',
  links: ['https://example.org/budget'],
  tags: ['channel:money'],
  workingGroupId: null,
  author: { kind: 'member', id: 'u_ana', name: 'Ana' },
  createdAt: 1_000,
  lastActivityAt: 1_000,
  replies: 0,
  pinned: false,
  hidden: false,
  locked: false,
  ...extra,
});

describe('who sees a hub post', () => {
  it('shows an open post to every member and facilitator, and tells the author it is theirs', () => {
    expect(postViewFor(post(), ana)).toMatchObject({ title: 'Where do we find the budget data?', mine: true, author: { kind: 'member', name: 'Ana' }, workingGroup: null });
    expect(postViewFor(post(), bo)).toMatchObject({ mine: false });
    expect(postViewFor(post(), fran)).toMatchObject({ mine: false, hidden: false });
  });

  it('keeps a group-private thread to that group’s members and the facilitators', () => {
    const secret = post({ workingGroupId: 'w_money' });
    expect(seesPost(secret, ana)).toBe(true);
    expect(seesPost(secret, fran)).toBe(true);
    expect(seesPost(secret, bo)).toBe(false);
    expect(postViewFor(secret, bo)).toBeNull();
    expect(postViewFor(secret, ana)?.workingGroup).toEqual({ id: 'w_money', name: 'Money writers' });
  });

  it('a thread of a deleted group is for the facilitators alone', () => {
    const orphan = post({ workingGroupId: 'w_gone' });
    expect(postViewFor(orphan, ana)).toBeNull();
    expect(postViewFor(orphan, fran)?.workingGroup).toEqual({ id: 'w_gone', name: null });
  });

  it('a hidden post is not there for members, its author included; facilitators see it marked', () => {
    const hidden = post({ hidden: true });
    expect(postViewFor(hidden, ana)).toBeNull();
    expect(postViewFor(hidden, bo)).toBeNull();
    expect(postViewFor(hidden, fran)).toMatchObject({ hidden: true });
  });

  it('hides a hidden reply from members and marks it for facilitators', () => {
    const reply = { id: 'r_1', postId: 'h_1', body: 'Try the open data portal', author: { kind: 'member' as const, id: 'u_bo', name: 'Bo' }, createdAt: 2_000, hidden: true };
    expect(replyViewFor(reply, bo)).toBeNull();
    expect(replyViewFor(reply, fran)).toMatchObject({ hidden: true, body: 'Try the open data portal' });
    expect(replyViewFor({ ...reply, hidden: false }, bo)).toMatchObject({ mine: true });
  });

  it('offers private threads only for the groups one is in (a facilitator: all)', () => {
    expect(privateGroupsFor(ana)).toEqual([{ id: 'w_money', name: 'Money writers' }]);
    expect(privateGroupsFor(fran).map((g) => g.id)).toEqual(['w_money', 'w_story']);
  });
});

describe('what may be written', () => {
  it('takes the community’s channel tags and the role tags, each once', () => {
    expect(checkPost({ tags: ['channel:money', 'role:funders'], workingGroupId: null }, bo, channels)).toEqual({ ok: true });
    expect(checkPost({ tags: ['channel:narrative'], workingGroupId: null }, bo, channels)).toMatchObject({ ok: false, code: 'bad_request', field: 'tags' });
    expect(checkPost({ tags: ['role:funders', 'role:funders'], workingGroupId: null }, bo, channels)).toMatchObject({ ok: false, field: 'tags' });
  });

  it('lets only a group’s members (and facilitators) start a thread private to it', () => {
    expect(checkPost({ tags: [], workingGroupId: 'w_money' }, ana, channels)).toEqual({ ok: true });
    expect(checkPost({ tags: [], workingGroupId: 'w_money' }, fran, channels)).toEqual({ ok: true });
    expect(checkPost({ tags: [], workingGroupId: 'w_money' }, bo, channels)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(checkPost({ tags: [], workingGroupId: 'w_nope' }, ana, channels)).toMatchObject({ ok: false, code: 'bad_request', field: 'workingGroupId' });
  });

  it('refuses replies to a locked or hidden thread, and to one the reader cannot see as if it did not exist', () => {
    expect(checkReply(post(), bo)).toEqual({ ok: true });
    expect(checkReply(post({ locked: true }), bo)).toMatchObject({ ok: false, code: 'conflict' });
    expect(checkReply(post({ hidden: true }), bo)).toMatchObject({ ok: false, code: 'not_found' });
    expect(checkReply(post({ hidden: true }), fran)).toMatchObject({ ok: false, code: 'conflict' });
    expect(checkReply(post({ workingGroupId: 'w_money' }), bo)).toMatchObject({ ok: false, code: 'not_found' });
    expect(checkReply(null, bo)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('leaves pinning, hiding and locking to facilitators', () => {
    expect(checkModerate(post(), fran)).toEqual({ ok: true });
    expect(checkModerate(post(), ana)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(checkModerate(null, fran)).toMatchObject({ ok: false, code: 'not_found' });
  });
});

it('orders pinned posts first, then by latest activity', () => {
  const list = [post({ id: 'h_a', lastActivityAt: 5 }), post({ id: 'h_b', lastActivityAt: 9 }), post({ id: 'h_c', lastActivityAt: 1, pinned: true })];
  expect(list.sort(hubOrder).map((p) => p.id)).toEqual(['h_c', 'h_b', 'h_a']);
});
