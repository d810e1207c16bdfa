import { describe, expect, it } from 'vitest';
import type { ConveningView, RoomView, ScheduledConvening } from '@brave/protocol';
import { emptyState, exportableNotes, exportConvening, metWithCount, myConvening, roomNotesOf, shapeHome, splitSchedule } from '../../src/index.ts';

const room = (id: string, kind: RoomView['kind'], members: string[]): RoomView => ({
  id,
  name: kind === 'caucus' ? 'kin-alpha' : `Room ${id}`,
  kind,
  caucus: kind === 'caucus' ? 'kin-alpha' : null,
  members,
  size: members.length,
  hosts: [],
  videoUrl: null,
  cap: null,
  helpRequestedAt: null,
});

function state(): ConveningView {
  const s = emptyState('c_1');
  s.title = 'Month one';
  s.agreements = [{ id: 'a1', text: 'Listen' }];
  for (const [id, name] of [['u_ana', 'Ana'], ['u_bo', 'Bo'], ['u_cy', 'Cy']] as const) {
    s.participants[id] = { id, name, pronouns: null, role: 'participant', joinedAt: 1, affirmedAt: 1, profile: { channel: null, role: null, team: null, organisation: null, region: null, orgType: null } };
  }
  const round = (id: string, startedAt: number, rooms: RoomView[]) => ({
    id, name: `Round ${id}`, strategy: 'mix', status: 'ended' as const, startedAt, endsAt: startedAt + 1, graceSeconds: 0, warnedAt: null, endedAt: startedAt + 1,
    rooms: Object.fromEntries(rooms.map((r) => [r.id, r])),
  });
  s.rounds = { r1: round('r1', 10, [room('b1', 'breakout', ['u_ana', 'u_bo'])]), r2: round('r2', 20, [room('k1', 'caucus', ['u_ana', 'u_cy'])]) };
  s.affinity = { u_ana: { answer: 'kin-alpha', keep: true } };
  s.signals = {
    s1: { id: 's1', kind: 'ouch', visibility: 'anonymous', scope: 'plenary', by: 'u_ana', explanation: 'that stung', privateExplanation: true, status: 'addressed', history: [], raisedAt: 15, updatedAt: 16 },
  };
  return s;
}

const schedule: ScheduledConvening = { id: 's_1', title: 'Month one', startsAt: 5, durationMinutes: 60, outline: ['Open'], rounds: [], show: null, status: 'ended', conveningId: 'c_1' };

describe('community export of a convening', () => {
  it('keeps breakout rosters by name, never caucus rosters, and signals without who or words', () => {
    const out = exportConvening(schedule, state());
    expect(out.rounds[0]!.rooms[0]).toEqual({ name: 'Room b1', kind: 'breakout', size: 2, members: ['Ana', 'Bo'] });
    expect(out.rounds[1]!.rooms[0]).toEqual({ name: 'kin-alpha', kind: 'caucus', size: 2 });
    expect(out.signals).toEqual([{ kind: 'ouch', at: 15, status: 'addressed' }]);
    const text = JSON.stringify(out);
    expect(text).not.toContain('Cy');
    expect(text).not.toContain('u_');
    expect(text).not.toContain('stung');
  });

  it('lists only plenary and breakout notes for export; retention takes every room’s', () => {
    expect(exportableNotes(state()).map((n) => n.name)).toEqual(['notes:c_1:plenary', 'notes:c_1:r1:b1']);
    expect(roomNotesOf(state()).sort()).toEqual(['notes:c_1:r1:b1', 'notes:c_1:r2:k1']);
  });
});

describe('a member’s own data', () => {
  it('has the rooms they were in (their caucus too) and their signals with their words', () => {
    const mine = myConvening(state(), 'u_ana');
    expect(mine.rooms).toEqual([
      { round: 'Round r1', room: 'Room b1', kind: 'breakout' },
      { round: 'Round r2', room: 'kin-alpha', kind: 'caucus' },
    ]);
    expect(mine.signals).toEqual([{ kind: 'ouch', at: 15, visibility: 'anonymous', explanation: 'that stung' }]);
    expect(myConvening(state(), 'u_bo').signals).toEqual([]);
  });

  it('counts distinct people met', () => {
    expect(metWithCount([['a', 'b'], ['a', 'c', 'b'], ['c', 'd']], 'a')).toBe(2);
  });
});

describe('home page', () => {
  it('splits upcoming from past and shapes members for a member viewer', () => {
    const later = { ...schedule, id: 's_2', startsAt: 50, status: 'scheduled' as const, conveningId: null };
    const live = { ...schedule, id: 's_3', startsAt: 40, status: 'live' as const };
    expect(splitSchedule([schedule, later, live])).toEqual({ upcoming: [live, later], past: [schedule] });
    const home = shapeHome(
      {
        community: { id: 'k_1', name: 'N', description: '', agreementSetId: 'touchstones', agreements: [], channels: [{ id: 'money', name: 'Money' }], caucusOptions: [], retentionDays: 90, createdAt: 1 },
        facilitators: [],
        members: [{ id: 'u_ana', name: 'Ana', pronouns: null, channel: 'money', team: null, organisation: null, role: 'lead', region: 'South', joinedAt: 1 }],
        workingGroups: [{ id: 'w1', name: 'Money', channels: ['money'], members: ['u_ana'] }],
        schedule: [schedule],
        publications: {},
      },
      { kind: 'member', memberId: 'u_bo', name: 'Bo' },
    );
    expect(home.members[0]).toMatchObject({ role: null, region: null });
    expect(home.viewer).toEqual({ kind: 'member', memberId: 'u_bo', name: 'Bo', canEdit: [] });
    expect(home.toolkit[0]).toMatchObject({ doc: 'toolkit:k_1:money', editors: [{ id: 'u_ana', name: 'Ana' }], workingGroups: [{ id: 'w1', name: 'Money' }] });
  });
});
