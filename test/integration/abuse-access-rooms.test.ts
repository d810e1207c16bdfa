import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import type { ConveningView, LoggedEvent } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, record, until } from '../support/people.ts';
import { MEMBERS, freshView, type Member, type TestServer, type World, world } from './abuse-helpers.ts';

/**
 * Rooms × readers: what each kind of person can learn about a caucus (its roster, a
 * signal raised inside it, anyone's self-identification) through live events, a fresh
 * load and the debrief. The caucus chose no host, so no facilitator may see inside.
 */
let server: TestServer;
let w: World;
beforeAll(async () => {
  server = await startTestServer();
  w = await world(server.url);
});
afterAll(async () => {
  w.close();
  await server.close();
});

const mentions = (events: LoggedEvent[], id: string) => events.filter((e) => JSON.stringify(e.event).includes(id));

describe('access matrix: rooms', () => {
  it('a caucus’s roster, signals, speaking line and answers reach only its members, by every channel', async () => {
    const readers: Record<Member | 'peer', LiveClient> = { ...w.clients, peer: w.caucusPeer };
    const live = Object.fromEntries(Object.entries(readers).map(([k, c]) => [k, record(c)])) as Record<Member | 'peer', LoggedEvent[]>;
    const signal = await ok(w.clients.caucus, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Inside the caucus only.', explanationFor: 'room' });
    await ok(w.clients.caucus, { type: 'hand.raise' });
    // A later event for everyone: once each reader has it, they had every earlier one too.
    const marker = await ok(w.clients.facilitator, { type: 'spotlight.set', agreementId: w.agreementIds[3]! });
    await Promise.all(Object.values(readers).map((c) => until(c, (x) => x.state!.seq >= marker.seq!)));

    const caucusMembers = [w.ids.caucus, w.caucusPeer.self!.participantId].sort();
    const sees: Record<string, { roster: string[]; size: number; signal: string; answers: string[]; lines: Record<string, string[]> }> = {};
    for (const who of MEMBERS) {
      const view: ConveningView = await freshView(server.url, w.id, w.tokens[who]!);
      const room = view.rounds[w.roundId]!.rooms[w.caucusRoomId]!;
      const signalSeen = view.signals[signal.id!] ? 'full' : view.notices.some((n) => n.id === signal.id) ? 'notice' : mentions(live[who], signal.id!).length ? 'live only' : 'none';
      const lines = Object.fromEntries(Object.entries(view.floor.queues).map(([scope, q]) => [scope, [...q.order, ...q.waiting]]));
      sees[who] = { roster: [...room.members].sort(), size: room.size, signal: signalSeen, answers: Object.keys(view.affinity), lines };
    }
    const none = { roster: [], size: 2, signal: 'none', lines: {} };
    expect(sees).toEqual({
      facilitator: { ...none, answers: [] },
      cofacilitator: { ...none, answers: [] },
      participant: { ...none, answers: [] },
      observer: { ...none, answers: [] },
      caucus: { roster: caucusMembers, size: 2, signal: 'full', answers: [w.ids.caucus], lines: { [`room:${w.roundId}:${w.caucusRoomId}`]: [w.ids.caucus] } },
    });
    // The other caucus member hears of it as a calm notice, named, as the sender chose.
    expect(mentions(live.peer, signal.id!).map((e) => e.event)).toEqual([
      { type: 'signal.noticed', signalId: signal.id, kind: 'ouch', scope: `room:${w.roundId}:${w.caucusRoomId}`, by: w.ids.caucus, explanation: 'Inside the caucus only.' },
    ]);
    for (const who of ['facilitator', 'cofacilitator', 'participant', 'observer'] as const) expect(mentions(live[who], signal.id!), who).toEqual([]);
    // Nobody outside learned the roster live either.
    for (const who of ['facilitator', 'cofacilitator', 'participant', 'observer'] as const) {
      for (const e of live[who]) expect(JSON.stringify(e.event), who).not.toContain(w.ids.caucus);
    }

    const debrief = await fetch(`${server.url}/api/convenings/${w.id}/debrief`, { headers: { authorization: `Bearer ${w.tokens.facilitator}` } });
    const text = await debrief.text();
    expect(debrief.status).toBe(200);
    expect(text).not.toContain(w.ids.caucus);
    expect(text).not.toContain('Inside the caucus only.');
    // The report handed on: no roster, no words from inside, not even the caucus's hands.
    for (const format of ['json', 'md']) {
      const report = await fetch(`${server.url}/api/convenings/${w.id}/report/${format}`, { headers: { authorization: `Bearer ${w.tokens.facilitator}` } });
      const body = await report.text();
      expect(report.status, format).toBe(200);
      expect(body, format).not.toMatch(new RegExp([w.ids.caucus, w.caucusPeer.self!.participantId, 'Cami', 'Cato', 'Inside the caucus only.'].join('|')));
    }
    const hands = (await (await fetch(`${server.url}/api/convenings/${w.id}/report/json`, { headers: { authorization: `Bearer ${w.tokens.facilitator}` } })).json()) as { hands: { round: string | null }[] };
    expect(hands.hands.filter((h) => h.round !== null)).toEqual([]);
  });

  it('an anonymous pulse answer reaches only its author, by every channel; results kept for facilitators reach no participant', async () => {
    const live = Object.fromEntries(MEMBERS.map((m) => [m, record(w.clients[m])])) as Record<Member, LoggedEvent[]>;
    const pulseId = (await ok(w.clients.facilitator, { type: 'pulse.open', pulse: { question: 'Which word fits this hour?', kind: 'word' } })).id!;
    await until(w.clients.participant, (c) => c.state!.pulses[pulseId]);
    await ok(w.clients.participant, { type: 'pulse.answer', pulseId, answer: 'Unsettled' });
    const marker = await ok(w.clients.facilitator, { type: 'spotlight.set', agreementId: w.agreementIds[0]! });
    await Promise.all(MEMBERS.map((m) => until(w.clients[m], (x) => x.state!.seq >= marker.seq!)));

    const sees: Record<string, { answers: Record<string, string>; tally: unknown; heardWho: boolean; heardWord: boolean }> = {};
    for (const who of MEMBERS) {
      const view: ConveningView = await freshView(server.url, w.id, w.tokens[who]!);
      const wire = JSON.stringify(live[who].filter((e) => e.event.type.startsWith('pulse.')));
      const p = view.pulses[pulseId]!;
      sees[who] = { answers: p.answers, tally: p.tally, heardWho: wire.includes(w.ids.participant), heardWord: wire.includes('unsettled') };
    }
    const counted = { total: 1, counts: { unsettled: 1 } };
    const outside = { answers: {}, tally: null, heardWho: false, heardWord: false };
    expect(sees).toEqual({
      facilitator: { answers: {}, tally: counted, heardWho: false, heardWord: true },
      cofacilitator: { answers: {}, tally: counted, heardWho: false, heardWord: true },
      participant: { answers: { [w.ids.participant]: 'unsettled' }, tally: null, heardWho: true, heardWord: true },
      observer: outside,
      caucus: outside,
    });
    const debrief = await fetch(`${server.url}/api/convenings/${w.id}/debrief`, { headers: { authorization: `Bearer ${w.tokens.facilitator}` } });
    expect(await debrief.text()).not.toContain(w.ids.participant);
  });

  // Regression (found by the kill -9 suite, seed 11): a fresh load used to pick a room's
  // notices by who is in the room now; readers are now fixed when a signal is raised.
  it('after a move, a reload shows the same room notices the person saw live', async () => {
    const { made, host } = await openConvening(server.url, { title: 'Moves' });
    const [ana, ben, cy] = await Promise.all([joinAs(server.url, made.joinCode, 'Ana'), joinAs(server.url, made.joinCode, 'Ben'), joinAs(server.url, made.joinCode, 'Cy')]);
    const id = (p: typeof ana) => p.joined.participantId;
    const rooms = [{ id: 'r1', name: 'One' }, { id: 'r2', name: 'Two' }];
    await ok(host, { type: 'round.open', seed: 1, spec: { name: 'Rooms', durationSeconds: 600, strategy: { kind: 'manual', rooms, placements: { [id(ana)]: 'r1', [id(ben)]: 'r1', [id(cy)]: 'r2' } } } });
    await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Said in room one.' });
    await until(ben.client, (c) => c.state!.notices.length === 1);
    await ok(host, { type: 'room.move', participantId: id(ben), toRoomId: 'r2' });
    await ok(host, { type: 'room.move', participantId: id(cy), toRoomId: 'r1' });
    const last = await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id });
    await Promise.all([ben, cy].map((p) => until(p.client, (c) => c.state!.seq >= last.seq!)));
    try {
      for (const p of [ben, cy]) expect((await freshView(server.url, made.id, p.joined.token)).notices, p.joined.participantId).toEqual(p.client.state!.notices);
    } finally {
      closeAll(host, ana, ben, cy);
    }
  });

  it('a confidential room shows outsiders its size and their own knock only; a member lets a facilitator in', async () => {
    const readers = { ...w.clients, peer: w.caucusPeer };
    const live = Object.fromEntries(Object.entries(readers).map(([k, c]) => [k, record(c)])) as Record<Member | 'peer', LoggedEvent[]>;
    await ok(w.clients.facilitator, { type: 'room.confidential.set', roomId: w.caucusRoomId, notes: 'delete' });
    await ok(w.clients.cofacilitator, { type: 'room.knock', roomId: w.caucusRoomId });
    const marker = await ok(w.clients.facilitator, { type: 'spotlight.set', agreementId: w.agreementIds[2]! });
    await Promise.all(Object.values(readers).map((c) => until(c, (x) => x.state!.seq >= marker.seq!)));
    const seen = async () => {
      const out: Record<string, { roster: number; size: number; knocks: string[]; confidential: unknown }> = {};
      for (const who of MEMBERS) {
        const room = (await freshView(server.url, w.id, w.tokens[who]!)).rounds[w.roundId]!.rooms[w.caucusRoomId]!;
        const liveRoom = w.clients[who].state!.rounds[w.roundId]!.rooms[w.caucusRoomId]!;
        expect(liveRoom, `${who}: live and fresh views agree`).toEqual(room);
        out[who] = { roster: room.members.length, size: room.size, knocks: room.knocks ?? [], confidential: room.confidential };
      }
      return out;
    };
    const outside = { roster: 0, size: 2, knocks: [], confidential: { notes: 'delete' } };
    const cofac = w.ids.cofacilitator;
    expect(await seen()).toEqual({ facilitator: outside, cofacilitator: { ...outside, knocks: [cofac] }, participant: outside, observer: outside, caucus: { ...outside, roster: 2, knocks: [cofac] } });
    for (const who of ['facilitator', 'participant', 'observer'] as const) {
      for (const e of live[who]) expect(JSON.stringify(e.event), who).not.toContain(cofac);
    }
    await ok(w.clients.caucus, { type: 'room.knock.answer', roomId: w.caucusRoomId, facilitatorId: cofac, letIn: true });
    const last = await ok(w.clients.facilitator, { type: 'spotlight.set', agreementId: w.agreementIds[1]! });
    await Promise.all(Object.values(readers).map((c) => until(c, (x) => x.state!.seq >= last.seq!)));
    expect(await seen()).toEqual({ facilitator: outside, cofacilitator: { ...outside, roster: 2 }, participant: outside, observer: outside, caucus: { ...outside, roster: 2 } });
  });
});
