// A convening that belongs to a community: its own channels, caucus options, outline and
// planned rounds at opening; members let in with their own id and profile; rounds that
// remember who met in earlier convenings.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CAUCUS_OPTIONS, DEFAULT_CHANNELS, DomainEvent, LoggedEvent, type RoundSpec } from '@brave/protocol';
import { admissionEvents, decide, emptyState, foldAll, openingEvents, viewFor, type OpeningOptions } from '../src/index.ts';
import { HOST, Sim, withoutSeq } from './fixture.ts';

const CHANNELS = [
  { id: 'housing', name: 'Housing' },
  { id: 'youth-work', name: 'Youth work' },
];
const PAIRS: RoundSpec = { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 600 };
const COMMUNITY: OpeningOptions = {
  communityId: 'k_network',
  channels: CHANNELS,
  caucusOptions: ['Black', 'Latine', 'white', 'Black'],
  outline: ['Arrive and affirm', 'Pairs on the month', 'Share-out'],
  agenda: [PAIRS],
};

/** A convening of a community, opened as the server opens one. */
function communitySim(options: OpeningOptions = COMMUNITY): Sim {
  const sim = new Sim();
  sim.full = emptyState('c_test');
  sim.sent.length = 0;
  sim.append(openingEvents({ title: 'March', hostName: 'Fran' }, { conveningId: 'c_test', joinCode: 'ABC234', hostId: HOST.participantId }, sim.newId, options));
  return sim;
}

describe('channels of a convening', () => {
  it('a quick convening offers the default channels and accepts one of them', () => {
    const sim = new Sim();
    expect(sim.full.channels).toEqual(DEFAULT_CHANNELS);
    const ana = sim.join('Ana');
    sim.ok(ana, { type: 'profile.set', profile: { channel: 'narrative' } });
    expect(sim.full.participants[ana.participantId]?.profile.channel).toBe('narrative');
  });

  it('refuses a channel the convening does not have, naming the field', () => {
    const sim = communitySim();
    const ana = sim.join('Ana');
    const refused = sim.run(ana, { type: 'profile.set', profile: { channel: 'money', team: 'North' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'channel' } });
    expect(sim.full.participants[ana.participantId]?.profile).toMatchObject({ channel: null, team: null });
    sim.ok(ana, { type: 'profile.set', profile: { channel: 'youth-work', team: 'North' } });
    sim.ok(ana, { type: 'profile.set', profile: { channel: null } });
    expect(sim.full.participants[ana.participantId]?.profile).toMatchObject({ channel: null, team: 'North' });
  });
});

describe('opening a convening of a community', () => {
  it('carries the community, channels, caucus options, outline and planned rounds to every reader', () => {
    const sim = communitySim();
    const ana = sim.join('Ana');
    expect(sim.full).toMatchObject({
      communityId: 'k_network',
      channels: CHANNELS,
      caucusOptions: ['Black', 'Latine', 'white'],
      outline: ['Arrive and affirm', 'Pairs on the month', 'Share-out'],
      agenda: [PAIRS],
    });
    for (const viewer of [HOST, ana]) {
      const snapshot = sim.snapshotFor(viewer);
      expect(snapshot).toMatchObject({ communityId: 'k_network', channels: CHANNELS, outline: COMMUNITY.outline, agenda: [PAIRS] });
      // A client folding what it was sent agrees with the snapshot it would get.
      expect(withoutSeq(sim.foldedBy(viewer))).toEqual(withoutSeq(snapshot));
    }
  });

  it('gives each snapshot its own copies of channels and outline', () => {
    const sim = communitySim();
    const view = viewFor(sim.full, HOST);
    view.channels[0]!.name = 'Changed';
    view.outline.push('Extra');
    expect(sim.full.channels[0]!.name).toBe('Housing');
    expect(sim.full.outline).toHaveLength(3);
  });

  it('writes nothing new for a quick convening, so its log reads as before', () => {
    const [created, ...rest] = openingEvents({ title: 'Quick' }, { conveningId: 'c_q', joinCode: 'ABC234', hostId: 'p_h' }, (p) => `${p}_1`);
    expect(Object.keys(created!).sort()).toEqual(['agreementSetId', 'agreements', 'conveningId', 'joinCode', 'signalPolicy', 'title', 'type']);
    expect(rest.map((e) => e.type)).toEqual(['participant.joined', 'participant.affirmed']);
  });

  it('folds a log written before communities with the defaults: its own community, default channels, no outline', () => {
    const old = [
      {
        seq: 1,
        at: 5,
        event: {
          type: 'convening.created',
          conveningId: 'c_old',
          title: 'Last year',
          joinCode: 'OLD234',
          agreementSetId: 'network',
          agreements: [{ id: 'a1', text: 'Listen first.' }],
          signalPolicy: { allowed: ['named'], default: 'named' },
        },
      },
      { seq: 2, at: 6, event: { type: 'signal.explained', signalId: 's_1', explanation: 'Still readable.' } },
    ].map((e) => LoggedEvent.parse(e));
    const state = foldAll('c_old', old);
    expect(state).toMatchObject({ communityId: 'c_old', channels: DEFAULT_CHANNELS, outline: [], caucusOptions: DEFAULT_CAUCUS_OPTIONS });
  });

  it('the created event refuses malformed channels', () => {
    const created = openingEvents({ title: 'Bad' }, { conveningId: 'c_b', joinCode: 'ABC234', hostId: 'p_h' }, (p) => `${p}_1`)[0]!;
    expect(DomainEvent.safeParse({ ...created, channels: [{ id: 'Has Spaces', name: 'x' }] }).success).toBe(false);
    expect(DomainEvent.safeParse({ ...created, channels: CHANNELS, outline: ['One'] }).success).toBe(true);
  });
});

describe('letting a member in with their own id', () => {
  it('admits them once with their profile and kept answer, and again without a second arrival', () => {
    const sim = communitySim();
    const first = admissionEvents(sim.full, {
      participantId: 'u_ana',
      name: 'Ana',
      pronouns: 'she/her',
      role: 'participant',
      profile: { channel: 'housing', team: 'North' },
      keptAnswer: 'Latine',
    });
    expect(first).toMatchObject({ role: 'participant', existing: false });
    expect(first.events.map((e) => e.type)).toEqual(['participant.joined', 'participant.profiled', 'affinity.answered']);
    sim.append(first.events);
    expect(sim.full.participants.u_ana?.profile).toMatchObject({ channel: 'housing', team: 'North' });
    expect(sim.full.affinity.u_ana).toEqual({ answer: 'Latine', keep: true });

    // Same person again: nothing new, and asking for more rights does not give them.
    const again = admissionEvents(sim.full, { participantId: 'u_ana', name: 'Ana', pronouns: null, role: 'facilitator', profile: { channel: 'housing', team: 'North' }, keptAnswer: 'Black' });
    expect(again).toEqual({ events: [], role: 'participant', existing: true });

    // A changed profile is recorded with the usual event; a channel this convening lacks is left out.
    const moved = admissionEvents(sim.full, { participantId: 'u_ana', name: 'Ana', pronouns: null, role: 'participant', profile: { channel: 'money', team: 'South' } });
    expect(moved.events).toEqual([{ type: 'participant.profiled', participantId: 'u_ana', profile: { team: 'South' } }]);
  });

  it('does not carry a kept answer the convening no longer offers', () => {
    const sim = communitySim();
    const { events } = admissionEvents(sim.full, { participantId: 'u_bo', name: 'Bo', pronouns: null, role: 'participant', keptAnswer: 'person of color' });
    expect(events.map((e) => e.type)).toEqual(['participant.joined']);
  });
});

describe('rounds remember earlier convenings of the community', () => {
  it('a mix round avoids every pair who met in an earlier convening', () => {
    const sim = communitySim({ communityId: 'k_network' });
    const people = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => sim.join(n).participantId);
    const [a, b, c, d, e, f] = people as [string, string, string, string, string, string];
    // Earlier months: every pair but A-D, B-E, C-F already met (a perfect matching remains).
    const pastMeetings = [[a, b, c], [d, e, f], [a, e], [a, f], [b, d], [b, f], [c, d], [c, e]];
    const plan = (seed: number, history?: string[][]) => {
      const made = decide(sim.full, { type: 'round.preview', spec: PAIRS, seed }, { actor: HOST, now: sim.now, newId: sim.newId, ...(history ? { pastMeetings: history } : {}) });
      if (!made.ok) throw new Error(made.error.message);
      return { repeats: made.preview!.repeatPairs, rooms: made.preview!.rooms.map((r) => [...r.members].sort().join('+')).sort() };
    };
    const fresh = [`${a}+${d}`, `${b}+${e}`, `${c}+${f}`].sort();
    const seeds = Array.from({ length: 20 }, (_, i) => i);
    for (const seed of seeds) expect(plan(seed, pastMeetings)).toEqual({ repeats: 0, rooms: fresh });
    // Without that history the same seeds pair people who already met.
    expect(seeds.some((seed) => plan(seed).rooms.join() !== fresh.join())).toBe(true);
  });
});
