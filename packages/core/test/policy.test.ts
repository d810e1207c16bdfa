import { describe, expect, it } from 'vitest';
import type { DomainEvent, Visibility } from '@brave/protocol';
import { inAudience, type Viewer } from '../src/index.ts';
import { HOST, Sim } from './fixture.ts';

/** A convening with a host, a co-facilitator, the sender (Ana) and two others in the room. */
function circle(policy?: { allowed: Visibility[]; default: Visibility }) {
  const sim = new Sim(policy ? { signalVisibility: policy } : {});
  const co = sim.join('Co', 'cofacilitator');
  const ana = sim.join('Ana');
  const bo = sim.join('Bo');
  const obs = sim.join('Obs', 'observer');
  return { sim, co, ana, bo, obs, room: [bo, obs], facilitators: [HOST, co] };
}

/** The events about one signal that a reader was sent. */
function about(sim: Sim, viewer: Viewer, signalId: string): DomainEvent[] {
  return sim
    .receivedBy(viewer)
    .map((l) => l.event)
    .filter((e) => 'signalId' in e && e.signalId === signalId);
}

describe('deliveries: who receives which version of an event', () => {
  it('nobody is in two audiences of the same event (a reader gets one version)', () => {
    const { sim, ana, co } = circle();
    for (const visibility of ['named', 'anonymous_to_room', 'anonymous'] as const) {
      const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility, explanation: 'It stung.' })!;
      sim.ok(ana, { type: 'signal.explain', signalId: id, explanation: 'More.' });
      sim.ok(co, { type: 'signal.triage', signalId: id, status: 'acknowledged' });
    }
    sim.ok(ana, { type: 'reminder.request', agreementId: sim.full.agreements[0]!.id, anonymous: true });
    const everyone = Object.values(sim.full.participants).map((p) => ({ participantId: p.id, role: p.role }));
    for (const { logged, deliveries } of sim.sent) {
      for (const v of everyone) {
        expect(deliveries.filter((d) => inAudience(d.audience, v)).length, `${logged.event.type} to ${v.participantId}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('named: the room sees who and why; facilitators see everything', () => {
    const { sim, ana, room, facilitators } = circle();
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That comment about accents hurt.', explanationFor: 'room' })!;
    for (const r of room) {
      expect(about(sim, r, id)).toEqual([
        { type: 'signal.noticed', signalId: id, kind: 'ouch', scope: 'plenary', by: ana.participantId, explanation: 'That comment about accents hurt.' },
      ]);
    }
    for (const f of facilitators) expect(about(sim, f, id)).toMatchObject([{ type: 'signal.raised', by: ana.participantId, explanation: 'That comment about accents hurt.' }]);
    expect(about(sim, ana, id)).toMatchObject([{ type: 'signal.raised', by: ana.participantId }]);
  });

  it('named, words for nobody said: the room sees who, never the explanation, even when added later', () => {
    const { sim, ana, room, facilitators } = circle();
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'whoops', visibility: 'named', explanation: 'first' })!;
    sim.ok(ana, { type: 'signal.explain', signalId: id, explanation: 'I misnamed the caucus.' });
    for (const r of room) {
      expect(about(sim, r, id)).toEqual([{ type: 'signal.noticed', signalId: id, kind: 'whoops', scope: 'plenary', by: ana.participantId, explanation: null }]);
      expect(JSON.stringify(sim.snapshotFor(r))).not.toContain('misnamed');
    }
    for (const f of facilitators) {
      expect(about(sim, f, id).map((e) => e.type)).toEqual(['signal.raised', 'signal.explained']);
      expect(sim.snapshotFor(f).signals[id]?.explanation).toBe('I misnamed the caucus.');
    }
  });

  it('named with words for the room added later: the room’s notice gains them', () => {
    const { sim, ana, bo } = circle();
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanationFor: 'room' })!;
    sim.ok(ana, { type: 'signal.explain', signalId: id, explanation: 'We skipped the history.' });
    expect(sim.foldedBy(bo).notices.find((n) => n.id === id)?.explanation).toBe('We skipped the history.');
    expect(sim.snapshotFor(bo).notices.find((n) => n.id === id)?.explanation).toBe('We skipped the history.');
  });

  it('anonymous to the room: facilitators are told who, the room is told neither who nor why', () => {
    const { sim, ana, room, facilitators } = circle();
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room', explanation: 'This is about me.' })!;
    sim.ok(ana, { type: 'signal.explain', signalId: id, explanation: 'It is about my team.' });
    for (const f of facilitators) {
      expect(about(sim, f, id)).toMatchObject([{ type: 'signal.raised', by: ana.participantId, explanation: 'This is about me.' }, { type: 'signal.explained' }]);
      expect(sim.snapshotFor(f).signals[id]?.by).toBe(ana.participantId);
    }
    for (const r of room) {
      expect(about(sim, r, id)).toEqual([{ type: 'signal.noticed', signalId: id, kind: 'ouch', scope: 'plenary', by: null, explanation: null }]);
      expect(JSON.stringify(about(sim, r, id))).not.toContain(ana.participantId);
    }
  });

  it('anonymous: the sender’s id never reaches a facilitator or anyone in the room, live or in a snapshot', () => {
    const { sim, ana, co, room, facilitators } = circle();
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'I am not ready to say who.' })!;
    sim.ok(ana, { type: 'signal.explain', signalId: id, explanation: 'Later, maybe.' });
    sim.ok(co, { type: 'signal.triage', signalId: id, status: 'acknowledged', note: 'Making space.' });
    for (const reader of [...facilitators, ...room]) {
      expect(JSON.stringify(about(sim, reader, id)), reader.participantId).not.toContain(ana.participantId);
      const snap = sim.snapshotFor(reader);
      expect(JSON.stringify({ s: snap.signals, n: snap.notices })).not.toContain(ana.participantId);
      expect(sim.foldedBy(reader).signals[id]?.by ?? null).toBeNull();
    }
    // Facilitators still get the explanation, so they can act on it.
    expect(sim.snapshotFor(HOST).signals[id]).toMatchObject({ by: null, explanation: 'Later, maybe.', status: 'acknowledged' });
    // The sender follows their own signal, triage included.
    expect(sim.snapshotFor(ana).signals[id]).toMatchObject({ by: ana.participantId, status: 'acknowledged' });
    expect(about(sim, ana, id).map((e) => e.type)).toEqual(['signal.raised', 'signal.explained', 'signal.triaged']);
  });

  it('an anonymous signal from a co-facilitator stays anonymous to the other facilitators', () => {
    const { sim, co, bo } = circle();
    const id = sim.ok(co, { type: 'signal.raise', kind: 'whoops', visibility: 'anonymous' })!;
    for (const reader of [HOST, bo]) expect(JSON.stringify(about(sim, reader, id))).not.toContain(co.participantId);
    expect(sim.snapshotFor(HOST).signals[id]?.by).toBeNull();
  });

  it('triage notes reach the sender and the facilitators, never the room', () => {
    const { sim, ana, room } = circle();
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })!;
    sim.ok(HOST, { type: 'signal.triage', signalId: id, status: 'parked', note: 'Talk with Ana at the break.' });
    for (const r of room) {
      expect(about(sim, r, id).map((e) => e.type)).toEqual(['signal.noticed']);
      expect(JSON.stringify(sim.snapshotFor(r))).not.toContain('at the break');
    }
    expect(sim.foldedBy(ana).signals[id]?.history).toMatchObject([{ status: 'parked', note: 'Talk with Ana at the break.' }]);
  });

  it('a reminder request goes to the facilitators (and back to its asker), never to the room', () => {
    const { sim, ana, co, room } = circle();
    const agreementId = sim.full.agreements[3]!.id;
    const named = sim.ok(ana, { type: 'reminder.request', agreementId, note: 'Please.' })!;
    const anon = sim.ok(ana, { type: 'reminder.request', agreementId, anonymous: true })!;
    sim.ok(HOST, { type: 'reminder.resolve', requestId: anon });
    for (const r of room) {
      expect(sim.receivedBy(r).filter((l) => l.event.type.startsWith('reminder.'))).toEqual([]);
      expect(sim.snapshotFor(r).reminderRequests).toEqual({});
    }
    for (const f of [HOST, co]) {
      const view = sim.snapshotFor(f);
      expect(view.reminderRequests[named]?.by).toBe(ana.participantId);
      expect(view.reminderRequests[anon]).toMatchObject({ by: null, anonymous: true, resolved: true });
      expect(sim.foldedBy(f).reminderRequests[anon]?.by).toBeNull();
    }
    expect(sim.foldedBy(ana).reminderRequests[anon]).toMatchObject({ by: ana.participantId, resolved: true });
  });

  it('spotlights, agreements and arrivals reach everyone', () => {
    const { sim, ana, bo, co, obs } = circle();
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements[1]!.id });
    sim.ok(co, { type: 'agreements.set', agreements: [{ text: 'Breathe.' }] });
    for (const reader of [HOST, co, ana, bo, obs]) {
      const types = sim.receivedBy(reader).map((l) => l.event.type);
      expect(types).toContain('spotlight.set');
      expect(types).toContain('agreements.set');
      expect(types.filter((t) => t === 'participant.joined')).toHaveLength(5);
    }
  });
});

describe('viewFor: the snapshot each reader gets', () => {
  it('participants follow only their own signals and see calm notices of the rest', () => {
    const { sim, ana, bo } = circle();
    const mine = sim.ok(bo, { type: 'signal.raise', kind: 'whoops', visibility: 'anonymous' })!;
    const theirs = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room' })!;
    const view = sim.snapshotFor(bo);
    expect(Object.keys(view.signals)).toEqual([mine]);
    expect(view.notices).toEqual([{ id: theirs, kind: 'ouch', scope: 'plenary', by: null, explanation: null, at: sim.now }]);
  });

  it('facilitators see the whole queue', () => {
    const { sim, ana, bo, co } = circle();
    const a = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })!;
    const b = sim.ok(bo, { type: 'signal.raise', kind: 'whoops', visibility: 'anonymous_to_room' })!;
    for (const f of [HOST, co]) {
      const view = sim.snapshotFor(f);
      expect(Object.keys(view.signals).sort()).toEqual([a, b].sort());
      expect(view.notices).toEqual([]);
    }
  });
});
