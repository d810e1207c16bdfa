import { expect, it } from 'vitest';
import type { WorkingGroupView } from '@brave/protocol';
import { digestFor, digestWeek, type HubPostRecord, type HubReader } from '../../src/hub/index.ts';

const HOUR = 1_000;
const WEEK = 168 * HOUR;
const groups: WorkingGroupView[] = [{ id: 'w_money', name: 'Money writers', channels: [], members: ['u_ana'] }];
const ana: HubReader = { actor: { kind: 'member', memberId: 'u_ana' }, groups };

const post = (id: string, createdAt: number, extra: Partial<HubPostRecord> = {}): HubPostRecord => ({
  id,
  kind: 'resource',
  title: `Post ${id}`,
  body: '',
  links: [],
  tags: [],
  workingGroupId: null,
  author: { kind: 'member', id: 'u_bo', name: 'Bo' },
  createdAt,
  lastActivityAt: createdAt,
  replies: 0,
  pinned: false,
  hidden: false,
  locked: false,
  ...extra,
});

it('takes the last whole week before now, the same window for every process', () => {
  expect(digestWeek(3 * WEEK + 5, HOUR)).toEqual({ week: 2, from: 2 * WEEK, to: 3 * WEEK });
  expect(digestWeek(3 * WEEK, HOUR)).toEqual(digestWeek(4 * WEEK - 1, HOUR));
});

it('lists the week’s open posts, pinned first, never hidden, group-private or caucus-naming ones, nor their authors', () => {
  const week = { from: WEEK, to: 2 * WEEK };
  const posts = [
    post('h_early', WEEK - 1),
    post('h_a', WEEK + 10),
    post('h_pinned', WEEK + 20, { pinned: true, replies: 2 }),
    post('h_hidden', WEEK + 30, { hidden: true }),
    post('h_private', WEEK + 40, { workingGroupId: 'w_money' }),
    post('h_caucus', WEEK + 50, { title: 'Notes for the ROSEWOOD caucus' }),
    post('h_late', 2 * WEEK),
  ];
  const items = digestFor(posts, ana, week, ['Rosewood']);
  expect(items).toEqual([
    { id: 'h_pinned', kind: 'resource', title: 'Post h_pinned', replies: 2, pinned: true },
    { id: 'h_a', kind: 'resource', title: 'Post h_a', replies: 0, pinned: false },
  ]);
  expect(JSON.stringify(items)).not.toContain('Bo');
});
