import { describe, expect, it } from 'vitest';
import type { ConveningView, RoomView, RoundView } from '@brave/protocol';
import { docAbilities, docAccess, docName, emptyState, isShareTarget, listDocs, parseDocName, type DocRef, type Viewer } from '@brave/core';

/** The document access policy in core, on hand-built state (no server). */
function room(id: string, kind: RoomView['kind'], members: string[], hosts: string[] = []): RoomView {
  return { id, name: `Room ${id}`, kind, caucus: kind === 'caucus' ? 'person of color' : null, members, size: members.length, hosts, videoUrl: null, cap: null, helpRequestedAt: null };
}
function round(id: string, status: RoundView['status'], rooms: RoomView[]): RoundView {
  return { id, name: `Round ${id}`, strategy: 'manual', status, startedAt: 1, endsAt: 2, graceSeconds: 0, warnedAt: null, rooms: Object.fromEntries(rooms.map((r) => [r.id, r])), endedAt: null };
}
function state(): ConveningView {
  const s = emptyState('c1');
  const people: [string, Viewer['role']][] = [['fac', 'facilitator'], ['co', 'cofacilitator'], ['ana', 'participant'], ['ben', 'participant'], ['cara', 'participant'], ['obs', 'observer']];
  for (const [id, role] of people) {
    s.participants[id] = { id, name: id, pronouns: null, role, joinedAt: 0, affirmedAt: 0 } as ConveningView['participants'][string];
  }
  s.rounds = {
    r1: round('r1', 'ended', [room('a', 'breakout', ['ana']), room('b', 'breakout', ['ben'])]),
    r2: round('r2', 'running', [room('k', 'caucus', ['cara'], ['co']), room('d', 'breakout', ['ana', 'obs'])]),
  };
  s.activeRoundId = 'r2';
  return s;
}
const v = (participantId: string, role: Viewer['role'] = 'participant'): Viewer => ({ participantId, role });
const access = (s: ConveningView, who: Viewer, name: string) => {
  const ref = parseDocName(name);
  if (!ref) return 'bad-name';
  const d = docAccess(s, who, ref);
  return d.ok ? d.access : d.code;
};

describe('document names', () => {
  it('round-trips every kind and rejects anything else', () => {
    const refs: DocRef[] = [
      { kind: 'toolkit', communityId: 'c1', channel: 'money' },
      { kind: 'toolkit', communityId: 'k1', channel: 'land-and-water' },
      { kind: 'plenary', conveningId: 'c1' },
      { kind: 'room', conveningId: 'c1', roundId: 'r1', roomId: 'a' },
    ];
    for (const ref of refs) expect(parseDocName(docName(ref))).toEqual(ref);
    for (const bad of ['toolkit:c1:Money', 'toolkit:c1:a_b', 'toolkit:c1:money:x', 'notes:c1:lobby', 'notes:c1', 'toolkit:c1', 'doc:c1:x', 'notes:c 1:plenary', '', 42, 'notes:c1:a:b:c', `notes:c1:${'x'.repeat(300)}`]) {
      expect(parseDocName(bad)).toBeNull();
    }
  });
});

describe('who may open which document', () => {
  const s = state();
  const table: [Viewer, Record<string, string>][] = [
    [v('fac', 'facilitator'), { money: 'write', plenary: 'write', a: 'write', b: 'write', k: 'forbidden', d: 'write' }],
    [v('co', 'cofacilitator'), { money: 'write', plenary: 'write', a: 'write', b: 'write', k: 'write', d: 'write' }],
    [v('ana'), { money: 'write', plenary: 'write', a: 'write', b: 'forbidden', k: 'forbidden', d: 'write' }],
    [v('ben'), { money: 'write', plenary: 'write', a: 'forbidden', b: 'write', k: 'forbidden', d: 'forbidden' }],
    [v('cara'), { money: 'write', plenary: 'write', a: 'forbidden', b: 'forbidden', k: 'write', d: 'forbidden' }],
    [v('obs', 'observer'), { money: 'read', plenary: 'write', a: 'forbidden', b: 'forbidden', k: 'forbidden', d: 'write' }],
    [v('stranger'), { money: 'forbidden', plenary: 'forbidden', a: 'forbidden', b: 'forbidden', k: 'forbidden', d: 'forbidden' }],
  ];
  const names: Record<string, string> = {
    money: 'toolkit:c1:money',
    plenary: 'notes:c1:plenary',
    a: 'notes:c1:r1:a',
    b: 'notes:c1:r1:b',
    k: 'notes:c1:r2:k',
    d: 'notes:c1:r2:d',
  };
  for (const [who, expected] of table) {
    it(`${who.participantId} (${who.role})`, () => {
      const got = Object.fromEntries(Object.entries(names).map(([k, n]) => [k, access(s, who, n)]));
      expect(got).toEqual(expected);
    });
  }

  it('knows no rooms that do not exist and no other convening', () => {
    expect(access(s, v('fac', 'facilitator'), 'notes:c1:r9:a')).toBe('not_found');
    expect(access(s, v('fac', 'facilitator'), 'notes:c1:r1:zz')).toBe('not_found');
    expect(access(s, v('fac', 'facilitator'), 'toolkit:c2:money')).toBe('not_found');
    expect(access(s, v('fac', 'facilitator'), 'toolkit:c1:gardening')).toBe('not_found');
  });

  it('takes access away from someone moved out of a running room, keeps it after a round ends', () => {
    const t = state();
    t.rounds.r2!.rooms.d!.members = ['obs'];
    expect(access(t, v('ana'), 'notes:c1:r2:d')).toBe('forbidden');
    expect(access(t, v('ana'), 'notes:c1:r1:a')).toBe('write');
  });

  it('lists what each person may open, caucus notes only for the caucus', () => {
    expect(listDocs(s, v('fac', 'facilitator')).map((d) => d.name)).toEqual([
      'toolkit:c1:money', 'toolkit:c1:narrative', 'toolkit:c1:policy', 'notes:c1:plenary', 'notes:c1:r1:a', 'notes:c1:r1:b', 'notes:c1:r2:d',
    ]);
    expect(listDocs(s, v('cara')).find((d) => d.name === 'notes:c1:r2:k')).toMatchObject({ kind: 'caucus', access: 'write' });
    expect(listDocs(s, v('stranger'))).toEqual([]);
  });

  it('lets only facilitators publish toolkit drafts and only members share a room', () => {
    const ref = (n: string) => parseDocName(n)!;
    expect(docAbilities(s, v('fac', 'facilitator'), ref('toolkit:c1:money')).publish).toBe(true);
    expect(docAbilities(s, v('ana'), ref('toolkit:c1:money')).publish).toBe(false);
    expect(docAbilities(s, v('fac', 'facilitator'), ref('notes:c1:plenary')).publish).toBe(false);
    expect(docAbilities(s, v('ana'), ref('notes:c1:r1:a')).shareFrom).toBe(true);
    expect(docAbilities(s, v('fac', 'facilitator'), ref('notes:c1:r1:a')).shareFrom).toBe(false);
    expect(docAbilities(s, v('co', 'cofacilitator'), ref('notes:c1:r2:k')).shareFrom).toBe(false);
    expect(isShareTarget(s, ref('notes:c1:r1:a'), ref('notes:c1:plenary'))).toBe(true);
    expect(isShareTarget(s, ref('notes:c1:r1:a'), ref('toolkit:c1:policy'))).toBe(true);
    expect(isShareTarget(s, ref('notes:c1:r1:a'), ref('notes:c1:r1:b'))).toBe(false);
    expect(isShareTarget(s, ref('notes:c1:plenary'), ref('toolkit:c1:policy'))).toBe(false);
    expect(isShareTarget(s, ref('notes:c1:r1:a'), ref('toolkit:c2:policy'))).toBe(false);
  });
});
