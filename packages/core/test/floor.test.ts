import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@brave/protocol';
import { FLOOR_LIMITS } from '@brave/protocol';
import { nextDue, redactForRetention, withoutTurns, type Viewer } from '../src/index.ts';
import { HOST, Sim, withoutSeq } from './fixture.ts';

const CLOCK = { minuteMs: 60_000 };
const types = (sim: Sim, v: Viewer, from = 0) => sim.receivedBy(v, from).map((e) => e.event.type);
const line = (sim: Sim, v: Viewer, scope = 'plenary') => sim.snapshotFor(v).floor.queues[scope]?.order ?? [];

/** What a reader folded from its deliveries is exactly the snapshot it would get. */
function agrees(sim: Sim, ...readers: Viewer[]) {
  for (const v of readers) {
    const folded = withoutSeq(sim.foldedBy(v));
    const snap = withoutSeq(sim.snapshotFor(v));
    expect(folded.floor, v.participantId).toEqual(snap.floor);
    expect(folded.notices, v.participantId).toEqual(snap.notices);
  }
}

function people() {
  const sim = new Sim({ signalVisibility: { allowed: ['named', 'anonymous_to_room', 'anonymous'], default: 'named' } });
  const [ana, bo, cy] = ['Ana', 'Bo', 'Cy'].map((n) => sim.join(n)) as [Viewer, Viewer, Viewer];
  return { sim, ana, bo, cy };
}

describe('speaking stack', () => {
  it('keeps hands in the order they went up; the facilitator calls the first, then marks them done', () => {
    const { sim, ana, bo, cy } = people();
    for (const p of [ana, bo, cy]) sim.ok(p, { type: 'hand.raise' });
    expect(line(sim, cy)).toEqual([ana.participantId, bo.participantId, cy.participantId]);
    sim.ok(bo, { type: 'hand.lower' });
    sim.ok(HOST, { type: 'floor.call', scope: 'plenary' });
    const q = sim.snapshotFor(cy).floor.queues.plenary!;
    expect(q).toMatchObject({ order: [cy.participantId], speaking: ana.participantId });
    sim.ok(HOST, { type: 'floor.done', scope: 'plenary' });
    expect(sim.snapshotFor(cy).floor.queues.plenary?.speaking).toBeNull();
    agrees(sim, HOST, ana, bo, cy);
  });

  it('turn counts reach facilitators only, never a participant, not even inside the called event', () => {
    const { sim, ana, bo } = people();
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(HOST, { type: 'floor.call', scope: 'plenary' });
    expect(sim.snapshotFor(HOST).floor.queues.plenary?.turns).toEqual({ [ana.participantId]: 1 });
    expect(sim.snapshotFor(bo).floor.queues.plenary?.turns).toEqual({});
    expect(sim.snapshotFor(ana).floor.queues.plenary?.turns).toEqual({});
    for (const v of [ana, bo]) expect(JSON.stringify(sim.receivedBy(v))).not.toContain('"turns"');
    expect(JSON.stringify(sim.receivedBy(HOST))).not.toContain('"recent"');
    agrees(sim, HOST, ana, bo);
  });

  it('with the progressive stack on, people who have not spoken yet go ahead of those who have', () => {
    const { sim, ana, bo, cy } = people();
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(HOST, { type: 'floor.call', scope: 'plenary' });
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(bo, { type: 'hand.raise' });
    expect(line(sim, HOST)).toEqual([ana.participantId, bo.participantId]);
    sim.ok(HOST, { type: 'floor.progressive', on: true });
    expect(line(sim, HOST)).toEqual([bo.participantId, ana.participantId]);
    sim.ok(cy, { type: 'hand.raise' });
    expect(line(sim, cy)).toEqual([bo.participantId, cy.participantId, ana.participantId]);
    sim.ok(HOST, { type: 'floor.reorder', scope: 'plenary', participantId: ana.participantId, toIndex: 0 });
    expect(line(sim, cy)).toEqual([ana.participantId, bo.participantId, cy.participantId]);
    agrees(sim, HOST, ana, bo, cy);
  });

  it('a repeated raise or lower changes nothing; calling an empty line or someone not in it is refused', () => {
    const { sim, ana } = people();
    sim.ok(ana, { type: 'hand.raise' });
    const seq = sim.full.seq;
    expect(sim.run(ana, { type: 'hand.raise' })).toEqual({ ok: true, events: [] });
    sim.ok(ana, { type: 'hand.lower' });
    expect(sim.run(ana, { type: 'hand.lower' })).toEqual({ ok: true, events: [] });
    expect(sim.full.seq).toBe(seq + 1);
    expect(sim.run(HOST, { type: 'floor.call', scope: 'plenary' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    sim.ok(ana, { type: 'hand.raise' });
    expect(sim.run(HOST, { type: 'floor.call', scope: 'plenary', participantId: 'p_bo' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sim.run(ana, { type: 'floor.call', scope: 'plenary' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a hand going up and down too often is asked to wait, then welcome again a minute later', () => {
    const { sim, ana } = people();
    for (let i = 0; i < FLOOR_LIMITS.handChangesPerMinute; i++) sim.ok(ana, { type: i % 2 === 0 ? 'hand.raise' : 'hand.lower' });
    const refused = sim.run(ana, { type: 'hand.raise' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
    sim.tick(60_001);
    sim.ok(ana, { type: 'hand.raise' });
  });

  it('a breakout room has its own line; a caucus’s line never reaches anyone outside it, not even its length', () => {
    const { sim, ana, bo, cy } = people();
    sim.ok(ana, { type: 'affinity.answer', answer: 'person of color' });
    sim.ok(bo, { type: 'affinity.answer', answer: 'person of color' });
    sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
    const from = sim.full.seq;
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(cy, { type: 'hand.raise' });
    const scopes = Object.keys(sim.snapshotFor(bo).floor.queues);
    expect(scopes).toEqual([expect.stringMatching(/^room:/), 'plenary']);
    expect(Object.keys(sim.snapshotFor(HOST).floor.queues)).toEqual(['plenary']);
    expect(Object.keys(sim.snapshotFor(cy).floor.queues)).toEqual(['plenary']);
    for (const v of [HOST, cy]) expect(JSON.stringify(sim.receivedBy(v, from))).not.toContain(ana.participantId);
    expect(sim.run(HOST, { type: 'floor.call', scope: scopes[0]! })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    agrees(sim, HOST, ana, bo, cy);
    sim.ok(HOST, { type: 'round.close' });
    expect(Object.keys(sim.snapshotFor(bo).floor.queues)).toEqual(['plenary']);
    agrees(sim, HOST, ana, bo, cy);
  });

  it('the people in a caucus pass the turn along its own line, in order; the plenary line stays the facilitators’', () => {
    const { sim, ana, bo, cy } = people();
    for (const p of [ana, bo]) sim.ok(p, { type: 'affinity.answer', answer: 'person of color' });
    sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
    const roundId = sim.full.activeRoundId!;
    const caucus = Object.values(sim.full.rounds[roundId]!.rooms).find((r) => r.members.includes(ana.participantId))!;
    const scope = `room:${roundId}:${caucus.id}`;
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(bo, { type: 'hand.raise' });
    // Bo cannot jump the line, but calls whoever is next: Ana.
    expect(sim.run(bo, { type: 'floor.call', scope, participantId: bo.participantId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    sim.ok(bo, { type: 'floor.call', scope });
    expect(sim.snapshotFor(ana).floor.queues[scope]).toMatchObject({ speaking: ana.participantId, order: [bo.participantId] });
    sim.ok(ana, { type: 'floor.done', scope });
    expect(sim.snapshotFor(bo).floor.queues[scope]?.speaking).toBeNull();
    // Someone outside the caucus reaches nothing of it; reordering stays a facilitator's.
    expect(sim.run(cy, { type: 'floor.call', scope })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sim.run(bo, { type: 'floor.reorder', scope, participantId: bo.participantId, toIndex: 0 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // In plenary the line is the facilitators' to run.
    sim.ok(cy, { type: 'hand.raise' });
    expect(sim.run(cy, { type: 'floor.call', scope: 'plenary' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    agrees(sim, HOST, ana, bo, cy);
  });

  it('someone moved to another room leaves the old room’s line, so they are not called there after going', () => {
    const { sim, ana, bo, cy } = people();
    const di = sim.join('Di');
    sim.ok(HOST, { type: 'round.open', seed: 3, spec: { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'random', spec: { by: 'count', rooms: 2 } } } });
    const rooms = Object.values(sim.snapshotFor(HOST).rounds[sim.full.activeRoundId!]!.rooms);
    const from = rooms.find((r) => r.members.includes(ana.participantId))!;
    const to = rooms.find((r) => r !== from)!;
    sim.ok(ana, { type: 'hand.raise' });
    const scope = `room:${sim.full.activeRoundId}:${from.id}`;
    expect(line(sim, HOST, scope)).toEqual([ana.participantId]);
    sim.ok(HOST, { type: 'room.move', participantId: ana.participantId, toRoomId: to.id });
    expect(line(sim, HOST, scope)).toEqual([]);
    expect(line(sim, ana, scope)).toEqual([]);
    expect(sim.run(HOST, { type: 'floor.call', scope })).toMatchObject({ ok: false });
    // In the new room their hand is down until they raise it there.
    expect(line(sim, ana, `room:${sim.full.activeRoundId}:${to.id}`)).toEqual([]);
    agrees(sim, HOST, ana, bo, cy, di);
  });
});

describe('respect silence', () => {
  it('holds hands and room notices quietly, passes ouch to facilitators at once, and releases all when it ends by itself', () => {
    const { sim, ana, bo, cy } = people();
    sim.ok(bo, { type: 'hand.raise' });
    sim.ok(HOST, { type: 'silence.start', minutes: 3 });
    const from = sim.full.seq;
    sim.tick(1_000);
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(cy, { type: 'signal.raise', kind: 'ouch', visibility: 'named' });
    // The facilitators hear both at once; the room hears of neither; Ana sees her own hand waiting.
    expect(types(sim, HOST, from)).toEqual(['hand.raised', 'signal.raised']);
    expect(types(sim, bo, from)).toEqual([]);
    expect(sim.snapshotFor(ana).floor.queues.plenary).toMatchObject({ order: [bo.participantId], waiting: [ana.participantId] });
    expect(sim.snapshotFor(bo).floor.queues.plenary).toMatchObject({ order: [bo.participantId], waiting: [] });
    expect(sim.snapshotFor(bo).notices).toEqual([]);
    agrees(sim, HOST, ana, bo, cy);

    const due = nextDue(sim.full, sim.now, CLOCK)!;
    expect(due.at).toBe(sim.full.floor.silence!.endsAt);
    sim.now = due.at;
    sim.append(due.fire(sim.full, sim.now));
    expect(sim.full.floor.silence).toBeNull();
    expect(line(sim, bo)).toEqual([bo.participantId, ana.participantId]);
    expect(sim.snapshotFor(bo).notices.map((n) => [n.kind, n.by])).toEqual([['ouch', cy.participantId]]);
    agrees(sim, HOST, ana, bo, cy);
  });

  it('closing the convening during a quiet moment ends it first, so nothing held is lost', () => {
    const { sim, ana, bo } = people();
    sim.ok(HOST, { type: 'silence.start', minutes: 5 });
    sim.ok(ana, { type: 'signal.raise', kind: 'whoops', visibility: 'named' });
    sim.ok(HOST, { type: 'convening.close' });
    expect(sim.snapshotFor(bo).notices.map((n) => n.by)).toEqual([ana.participantId]);
    agrees(sim, HOST, ana, bo);
  });

  it('a facilitator may end it early; a silence that already ended fires nothing', () => {
    const { sim, ana } = people();
    sim.ok(HOST, { type: 'silence.start', minutes: 1 });
    const due = nextDue(sim.full, sim.now, CLOCK)!;
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(HOST, { type: 'silence.end' });
    expect(line(sim, ana)).toEqual([ana.participantId]);
    expect(due.fire(sim.full, due.at)).toEqual([]);
    expect(nextDue(sim.full, sim.now, CLOCK)).toBeNull();
    expect(sim.run(HOST, { type: 'silence.end' })).toEqual({ ok: true, events: [] });
  });
});

describe('after the convening', () => {
  it('turn counts are gone at close and from a log rewritten for retention', () => {
    const { sim, ana } = people();
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(HOST, { type: 'floor.call', scope: 'plenary' });
    const called = sim.sent.map((s) => s.logged.event).find((e) => e.type === 'floor.called')!;
    expect(called).toMatchObject({ turns: 1 });
    const bare: DomainEvent = withoutTurns(called);
    expect(bare).not.toHaveProperty('turns');
    expect(redactForRetention(called)).toEqual(bare);
    sim.ok(HOST, { type: 'convening.close' });
    expect(sim.full.floor.queues).toEqual({});
  });
});
