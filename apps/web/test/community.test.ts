import { describe, expect, it } from 'vitest';
import { channelsFromDrafts, linesOf, slugOf, uniqueSlug } from '../src/community/channels.ts';
import { forgetMember, fragmentValue, loadMember, saveMember, takeFromFragment } from '../src/community/credentials.ts';
import { communityRoute } from '../src/community/routes.ts';
import { durationText, fromLocalParts, toLocalParts } from '../src/community/time.ts';
import { parseRoute } from '../src/app/router.ts';
import { withFakeWindow } from './support/fake-window.ts';

describe('channel ids from names', () => {
  it('makes short lowercase slugs a person would recognise', () => {
    expect(slugOf('Money')).toBe('money');
    expect(slugOf('  Money & Power!  ')).toBe('money-power');
    expect(slugOf('Économie solidaire')).toBe('economie-solidaire');
    expect(slugOf('🌱')).toBe('channel');
    const long = slugOf('Narrative strategy and cultural organising across regions');
    expect(long.length).toBeLessThanOrEqual(32);
    expect(long).toMatch(/^[a-z0-9-]+[a-z0-9]$/);
  });

  it('numbers a slug another channel already uses, staying within 32 characters', () => {
    expect(uniqueSlug('Policy', new Set(['policy']))).toBe('policy-2');
    expect(uniqueSlug('Policy', new Set(['policy', 'policy-2']))).toBe('policy-3');
    const taken = new Set([slugOf('x'.repeat(40))]);
    expect(uniqueSlug('x'.repeat(40), taken)).toMatch(/^x{30}-2$/);
  });

  it('keeps the id of an existing channel when it is renamed, and never gives its id to a new one', () => {
    const result = channelsFromDrafts([
      { key: 'a', name: 'Money and resources', id: 'money' },
      { key: 'b', name: 'Money' },
    ]);
    expect(result).toEqual({
      ok: true,
      channels: [
        { id: 'money', name: 'Money and resources' },
        { id: 'money-2', name: 'Money' },
      ],
    });
  });

  it('says what to fix instead of sending a list the server would refuse', () => {
    expect(channelsFromDrafts([])).toEqual({ ok: false, problem: 'Keep at least one channel.' });
    expect(channelsFromDrafts([{ key: 'a', name: 'Money' }, { key: 'b', name: ' ' }])).toMatchObject({ ok: false, problem: expect.stringContaining('channel 2') });
    expect(channelsFromDrafts([{ key: 'a', name: 'Money' }, { key: 'b', name: 'money' }])).toMatchObject({ ok: false, problem: expect.stringContaining('Two channels') });
    const nine = Array.from({ length: 9 }, (_, i) => ({ key: String(i), name: `C${i}` }));
    expect(channelsFromDrafts(nine)).toMatchObject({ ok: false, problem: expect.stringContaining('at most 8') });
  });

  it('reads one option a line, without blanks or repeats', () => {
    expect(linesOf(' person of color \n\nwhite\nWhite\n', 12, 60)).toEqual(['person of color', 'white']);
  });
});

describe('local date and time', () => {
  it('goes from the date and time fields to epoch milliseconds and back', () => {
    const at = fromLocalParts({ date: '2031-03-14', time: '18:30' });
    expect(at).not.toBeNull();
    expect(toLocalParts(at!)).toEqual({ date: '2031-03-14', time: '18:30' });
    const d = new Date(at!);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2031, 2, 14, 18, 30]);
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(fromLocalParts({ date: '2031-02-31', time: '10:00' })).toBeNull();
    expect(fromLocalParts({ date: '2031-02-10', time: '24:30' })).toBeNull();
    expect(fromLocalParts({ date: '', time: '10:00' })).toBeNull();
    expect(fromLocalParts({ date: '2031-02-10', time: '' })).toBeNull();
  });

  it('says durations the way people say them', () => {
    expect(durationText(45)).toBe('45 min');
    expect(durationText(120)).toBe('2 h');
    expect(durationText(90)).toBe('1 h 30 min');
  });
});

describe('paths', () => {
  it('tells a community (k_) from a participant’s place in a convening (c_)', () => {
    expect(parseRoute('/c/k_abc', '')).toEqual({ name: 'community', id: 'k_abc', page: { kind: 'home' } });
    expect(parseRoute('/c/c_abc', '')).toEqual({ name: 'participant', id: 'c_abc' });
    expect(parseRoute('/communities', '')).toEqual({ name: 'communities' });
  });

  it('maps every community page and nothing else', () => {
    for (const kind of ['join', 'welcome', 'cohost', 'me'] as const) expect(communityRoute(['c', 'k_1', kind])).toEqual({ name: 'community', id: 'k_1', page: { kind } });
    expect(communityRoute(['c', 'k_1', 'doc', 'money'])).toEqual({ name: 'community', id: 'k_1', page: { kind: 'doc', channel: 'money' } });
    expect(communityRoute(['c', 'k_1', 'hub'])).toEqual({ name: 'community', id: 'k_1', page: { kind: 'hub', postId: null } });
    expect(communityRoute(['c', 'k_1', 'hub', 'h_abc'])).toEqual({ name: 'community', id: 'k_1', page: { kind: 'hub', postId: 'h_abc' } });
    expect(communityRoute(['c', 'k_1', 'hub', 'h abc'])).toBe('missing');
    expect(communityRoute(['c', 'k_1', 'hub', 'h_abc', 'more'])).toBe('missing');
    expect(communityRoute(['c', 'k_1', 'doc', 'Money'])).toBe('missing');
    expect(communityRoute(['c', 'k_1', 'doc'])).toBe('missing');
    expect(communityRoute(['c', 'k_1', 'elsewhere'])).toBe('missing');
    expect(communityRoute(['c', 'k_1', 'me', 'more'])).toBe('missing');
    expect(communityRoute(['communities', 'x'])).toBe('missing');
    expect(communityRoute(['host', 'c_1'])).toBeNull();
    expect(parseRoute('/c/k_1/join/extra', '')).toEqual({ name: 'missing' });
  });
});

describe('member credentials on this device', () => {
  const device = withFakeWindow('http://127.0.0.1:3000/c/k_abc/welcome#claim=one-time-code_42');

  it('keeps one credential per community and forgets it on leaving', () => {
    expect(saveMember('k_abc', { token: 'm1.a.b', memberId: 'u_1', name: 'Ana' })).toBe(true);
    expect(saveMember('k_other', { token: 'm1.c.d' })).toBe(true);
    expect(loadMember('k_abc')).toEqual({ token: 'm1.a.b', memberId: 'u_1', name: 'Ana' });
    expect(loadMember('k_other')).toEqual({ token: 'm1.c.d' });
    forgetMember('k_abc');
    expect(loadMember('k_abc')).toBeNull();
    expect(loadMember('k_other')).not.toBeNull();
  });

  it('takes a re-issued link’s claim code from the fragment and strips it from the address', () => {
    expect(takeFromFragment('claim')).toBe('one-time-code_42');
    expect(device().url.hash).toBe('');
    expect(device().url.pathname).toBe('/c/k_abc/welcome');
    expect(takeFromFragment('claim')).toBeNull();
  });

  it('reads back nothing it cannot trust', () => {
    device().items.set('brave-space:member:k_bad', '{"token": 7}');
    device().items.set('brave-space:member:k_junk', 'not json');
    expect(loadMember('k_bad')).toBeNull();
    expect(loadMember('k_junk')).toBeNull();
    expect(loadMember('../k_abc')).toBeNull();
    expect(saveMember('../x', { token: 't' })).toBe(false);
  });

  it('says so when the browser refuses to keep it', () => {
    device().win.localStorage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveMember('k_abc', { token: 'm1.a.b' })).toBe(false);
  });

  it('finds one value among several in a fragment', () => {
    expect(fragmentValue('#code=AbC_12&x=1', 'code')).toBe('AbC_12');
    expect(fragmentValue('#x=1&code=Z%2D9', 'code')).toBe('Z-9');
    expect(fragmentValue('#codex=1', 'code')).toBeNull();
    expect(fragmentValue('#code=%E0%A4%A', 'code')).toBeNull();
    expect(fragmentValue('', 'code')).toBeNull();
  });
});
