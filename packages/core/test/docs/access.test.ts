import { describe, expect, it } from 'vitest';
import type { ConveningView } from '@brave/protocol';
import {
  communityDocAbilities,
  communityDocAccess,
  docAbilities,
  docAccess,
  emptyState,
  isShareTarget,
  listCommunityDocs,
  listDocs,
  parseDocName,
  type CommunityActor,
  type CommunityDocFacts,
  type Viewer,
} from '../../src/index.ts';

/** Toolkit drafts belong to the community: the convening gate and the community gate, on hand-built facts. */
const ref = (name: string) => {
  const r = parseDocName(name);
  if (!r) throw new Error(`not a name: ${name}`);
  return r;
};

function convening(id: string, communityId: string, status: ConveningView['status'] = 'open'): ConveningView {
  const s = emptyState(id);
  s.communityId = communityId;
  s.status = status;
  s.channels = [
    { id: 'money', name: 'Money' },
    { id: 'land', name: 'Land and water' },
  ];
  for (const [pid, role] of [['fac', 'facilitator'], ['ana', 'participant'], ['obs', 'observer']] as const) {
    s.participants[pid] = { id: pid, name: pid, pronouns: null, role, joinedAt: 0, affirmedAt: 0 } as ConveningView['participants'][string];
  }
  return s;
}
const v = (participantId: string, role: Viewer['role'] = 'participant'): Viewer => ({ participantId, role });
const via = (s: ConveningView, who: Viewer, name: string) => {
  const d = docAccess(s, who, ref(name));
  return d.ok ? d.access : d.code;
};

describe('document names', () => {
  it('reads any channel slug as a toolkit draft of a community, and nothing else', () => {
    expect(parseDocName('toolkit:k_1:land-and-water')).toEqual({ kind: 'toolkit', communityId: 'k_1', channel: 'land-and-water' });
    for (const bad of ['toolkit:k_1:Land', 'toolkit:k_1:land_water', `toolkit:k_1:${'a'.repeat(33)}`]) expect(parseDocName(bad)).toBeNull();
  });
});

describe('the convening gate', () => {
  it('keeps quick convenings as they were: everyone writes the drafts, observers read, also after closing', () => {
    for (const status of ['open', 'closed'] as const) {
      const s = convening('c1', 'c1', status);
      expect([via(s, v('fac', 'facilitator'), 'toolkit:c1:land'), via(s, v('ana'), 'toolkit:c1:money'), via(s, v('obs', 'observer'), 'toolkit:c1:money')]).toEqual([
        'write',
        'write',
        'read',
      ]);
    }
  });

  it("opens the community's drafts in a community convening: write while open, read after, none for observers", () => {
    const open = convening('c1', 'k1');
    expect(via(open, v('ana'), 'toolkit:k1:land')).toBe('write');
    expect(via(open, v('obs', 'observer'), 'toolkit:k1:land')).toBe('forbidden');
    expect(via(open, v('ana'), 'toolkit:c1:land')).toBe('not_found');
    expect(via(open, v('ana'), 'toolkit:k2:land')).toBe('not_found');
    expect(via(open, v('ana'), 'toolkit:k1:policy')).toBe('not_found');
    expect(via(open, v('ana'), 'notes:c1:plenary')).toBe('write');
    const closed = convening('c1', 'k1', 'closed');
    expect(via(closed, v('ana'), 'toolkit:k1:land')).toBe('read');
    expect(via(closed, v('fac', 'facilitator'), 'toolkit:k1:money')).toBe('read');
    expect(docAbilities(closed, v('fac', 'facilitator'), ref('toolkit:k1:money')).publish).toBe(false);
    expect(docAbilities(open, v('fac', 'facilitator'), ref('toolkit:k1:money')).publish).toBe(true);
  });

  it("lists the convening's channels with their names, and lets room notes go to its community's drafts", () => {
    const s = convening('c1', 'k1');
    expect(listDocs(s, v('ana')).map((d) => [d.name, d.title])).toEqual([
      ['toolkit:k1:money', 'Money toolkit draft'],
      ['toolkit:k1:land', 'Land and water toolkit draft'],
      ['notes:c1:plenary', 'Plenary notes'],
    ]);
    expect(listDocs(s, v('obs', 'observer')).map((d) => d.name)).toEqual(['notes:c1:plenary']);
    expect(isShareTarget(s, ref('notes:c1:r1:a'), ref('toolkit:k1:land'))).toBe(true);
    expect(isShareTarget(s, ref('notes:c1:r1:a'), ref('toolkit:c1:land'))).toBe(false);
    expect(isShareTarget(s, ref('notes:c2:r1:a'), ref('toolkit:k1:land'))).toBe(false);
  });
});

describe('the community gate', () => {
  const facts: CommunityDocFacts = {
    communityId: 'k1',
    name: 'Southwest network',
    channels: [
      { id: 'money', name: 'Money' },
      { id: 'land', name: 'Land and water' },
    ],
    facilitators: ['a_fran'],
    members: [
      { id: 'u_ana', name: 'Ana' },
      { id: 'u_ben', name: 'Ben' },
    ],
    workingGroups: [{ id: 'g1', name: 'Land group', channels: ['land'], members: ['u_ana'] }],
  };
  const member = (memberId: string): CommunityActor => ({ kind: 'member', memberId });
  const facilitator = (accountId: string): CommunityActor => ({ kind: 'facilitator', accountId });
  const at = (who: CommunityActor, name: string) => {
    const d = communityDocAccess(facts, who, ref(name));
    return d.ok ? d.access : d.code;
  };

  it('lets facilitators write every draft, a working group its channels, other members read, nobody else in', () => {
    expect([at(facilitator('a_fran'), 'toolkit:k1:money'), at(facilitator('a_fran'), 'toolkit:k1:land')]).toEqual(['write', 'write']);
    expect([at(member('u_ana'), 'toolkit:k1:land'), at(member('u_ana'), 'toolkit:k1:money')]).toEqual(['write', 'read']);
    expect([at(member('u_ben'), 'toolkit:k1:land'), at(member('u_ben'), 'toolkit:k1:money')]).toEqual(['read', 'read']);
    expect(at(member('u_gone'), 'toolkit:k1:land')).toBe('forbidden');
    expect(at(facilitator('a_other'), 'toolkit:k1:land')).toBe('forbidden');
  });

  it('reaches no notes, no other community and no channel the community lacks', () => {
    expect(at(facilitator('a_fran'), 'notes:k1:plenary')).toBe('not_found');
    expect(at(facilitator('a_fran'), 'toolkit:k2:land')).toBe('not_found');
    expect(at(facilitator('a_fran'), 'toolkit:k1:policy')).toBe('not_found');
  });

  it('lists the drafts with titles, and lets exactly the writers publish', () => {
    expect(listCommunityDocs(facts, member('u_ana'))).toEqual([
      { name: 'toolkit:k1:money', title: 'Money toolkit draft', kind: 'toolkit', access: 'read' },
      { name: 'toolkit:k1:land', title: 'Land and water toolkit draft', kind: 'toolkit', access: 'write' },
    ]);
    expect(listCommunityDocs(facts, member('u_gone'))).toEqual([]);
    expect(communityDocAbilities(facts, member('u_ana'), ref('toolkit:k1:land')).publish).toBe(true);
    expect(communityDocAbilities(facts, member('u_ben'), ref('toolkit:k1:land'))).toEqual({ read: true, write: false, publish: false, shareFrom: false, export: true });
    expect(communityDocAbilities(facts, facilitator('a_fran'), ref('toolkit:k1:money')).publish).toBe(true);
  });
});
