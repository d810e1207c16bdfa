import { describe, expect, it } from 'vitest';
import type { CommunityHome, ScheduledConvening } from '@brave/protocol';
import { homeNews } from '../src/community/news.ts';

const convening = (id: string, over: Partial<ScheduledConvening> = {}): ScheduledConvening => ({
  id,
  title: `Gathering ${id}`,
  startsAt: 1_000,
  durationMinutes: 90,
  outline: [],
  rounds: [],
  show: null,
  status: 'scheduled',
  conveningId: null,
  ...over,
});

const home = (upcoming: ScheduledConvening[], past: ScheduledConvening[] = [], viewer: 'member' | 'facilitator' = 'member'): CommunityHome =>
  ({
    viewer: viewer === 'member' ? { kind: 'member', memberId: 'u_bo', name: 'Bo', canEdit: [] } : { kind: 'facilitator', accountId: 'a_fran', name: 'Fran' },
    upcoming,
    past,
  }) as unknown as CommunityHome;

const when = (ms: number) => `at ${ms}`;

describe('what the home says when its convenings change', () => {
  it('tells of a newly planned convening with its time', () => {
    expect(homeNews(home([]), home([convening('s1')]), when)).toBe('A new convening was planned: Gathering s1, at 1000.');
  });

  it('tells a member a convening started and that they can join; a facilitator only that it started', () => {
    const before = [convening('s1')];
    const after = [convening('s1', { status: 'live', conveningId: 'c_1' })];
    expect(homeNews(home(before), home(after), when)).toBe('Gathering s1 has started: you can join.');
    expect(homeNews(home(before, [], 'facilitator'), home(after, [], 'facilitator'), when)).toBe('Gathering s1 has started.');
  });

  it('tells of a new time, a convening called off and one that ended', () => {
    expect(homeNews(home([convening('s1')]), home([convening('s1', { startsAt: 2_000 })]), when)).toBe('Gathering s1 moved to at 2000.');
    expect(homeNews(home([convening('s1')]), home([]), when)).toBe('Gathering s1 was called off.');
    const live = convening('s1', { status: 'live' });
    expect(homeNews(home([live]), home([], [{ ...live, status: 'ended' }]), when)).toBe('Gathering s1 has ended.');
  });

  it('says nothing when no convening changed (a new member, a renamed group)', () => {
    expect(homeNews(home([convening('s1')]), home([convening('s1')]), when)).toBeNull();
  });
});
