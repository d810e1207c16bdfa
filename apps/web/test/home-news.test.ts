import { afterEach, describe, expect, it } from 'vitest';
import type { CommunityHome, ScheduledConvening } from '@brave/protocol';
import { i18n } from '../src/app/i18n.ts';
import { homeNews } from '../src/community/news.ts';
import { durationText, whenText } from '../src/community/time.ts';
import { listOf, retentionText } from '../src/community/words.ts';

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

describe('the community’s words in Spanish', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('tells a Spanish reader of a new convening and of one that started, in Spanish', async () => {
    await i18n.changeLanguage('es');
    expect(homeNews(home([]), home([convening('s1')]), when)).toBe('Se programó una convocatoria nueva: Gathering s1, at 1000.');
    const after = [convening('s1', { status: 'live', conveningId: 'c_1' })];
    expect(homeNews(home([convening('s1')]), home(after), when)).toBe('Gathering s1 ya empezó: puedes entrar.');
  });

  it('says lengths, retention and lists the Spanish way', async () => {
    await i18n.changeLanguage('es');
    expect(durationText(90)).toBe('1 h 30 min');
    expect(retentionText(30)).toBe('Los detalles de las señales y las listas de las salas se borran 30 días después de que termina cada convocatoria.');
    expect(listOf(['Ana', 'Bo', 'Cy'])).toBe('Ana, Bo y Cy');
    expect(whenText(Date.UTC(2026, 11, 7, 12))).toMatch(/diciembre de 2026, a las/);
  });
});
