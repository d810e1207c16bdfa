import { describe, expect, it } from 'vitest';
import type { MemberView } from '@brave/protocol';
import { checkWorkingGroup, editableChannels, mayRemoveFacilitator, memberViewFor, retentionCutoff, retentionDue } from '../../src/index.ts';

const ana: MemberView = { id: 'u_ana', name: 'Ana', pronouns: 'she/her', channel: 'money', team: 'Fund', organisation: 'Org', role: 'director', region: 'North', language: 'es', joinedAt: 1 };
const channels = [
  { id: 'money', name: 'Money' },
  { id: 'policy', name: 'Policy' },
];

describe('what members and facilitators see of each other', () => {
  it('hides role, region and language of other members from members, not from facilitators or oneself', () => {
    expect(memberViewFor(ana, { kind: 'facilitator', accountId: 'a_1' })).toEqual(ana);
    expect(memberViewFor(ana, { kind: 'member', memberId: 'u_ana' })).toEqual(ana);
    const seen = memberViewFor(ana, { kind: 'member', memberId: 'u_bo' });
    expect(seen.role).toBeNull();
    expect(seen.region).toBeNull();
    expect(seen.language).toBeNull();
    expect(seen.team).toBe('Fund');
  });

  it('gives members edit rights on the channels of their working groups only', () => {
    const groups = [
      { id: 'w1', name: 'Money writers', channels: ['money', 'gone'], members: ['u_ana'] },
      { id: 'w2', name: 'Policy', channels: ['policy'], members: ['u_bo'] },
    ];
    expect(editableChannels(groups, 'u_ana', channels)).toEqual(['money']);
    expect(editableChannels(groups, 'u_cy', channels)).toEqual([]);
  });

  it('refuses working groups with unknown channels or people', () => {
    const ids = new Set(['u_ana']);
    expect(checkWorkingGroup({ channels: ['money'], members: ['u_ana'] }, channels, ids)).toEqual({ ok: true });
    expect(checkWorkingGroup({ channels: ['art'], members: [] }, channels, ids)).toMatchObject({ ok: false, field: 'channels' });
    expect(checkWorkingGroup({ channels: [], members: ['u_x'] }, channels, ids)).toMatchObject({ ok: false, field: 'members' });
  });

  it('keeps the last facilitator', () => {
    expect(mayRemoveFacilitator(['a_1'], 'a_1')).toBe('last');
    expect(mayRemoveFacilitator(['a_1', 'a_2'], 'a_1')).toBe('ok');
    expect(mayRemoveFacilitator(['a_1'], 'a_9')).toBe('not-found');
  });
});

describe('retention cut-off', () => {
  const day = 86_400_000;
  it('is due only after the period has passed since the end', () => {
    const now = 100 * day;
    expect(retentionCutoff(now, 30)).toBe(70 * day);
    expect(retentionCutoff(now, null)).toBeNull();
    expect(retentionDue(69 * day, 30, now)).toBe(true);
    expect(retentionDue(71 * day, 30, now)).toBe(false);
    expect(retentionDue(null, 30, now)).toBe(false);
    expect(retentionDue(1, null, now)).toBe(false);
    expect(retentionDue(now - 300, 1, now, 100)).toBe(true);
  });
});
