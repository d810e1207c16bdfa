// Letting someone out of a convening (they left the community): they leave the people,
// their caucus answer and every roster; a caucus's roster change reaches nobody outside
// it; every reader's fold, a replay of the log and the server's snapshots agree.

import { describe, expect, it } from 'vitest';
import type { ConveningView, RoomView } from '@brave/protocol';
import { foldAll, removalEvents, viewFor, type Viewer } from '../src/index.ts';
import { HOST, Sim, withoutSeq } from './fixture.ts';

const readers = (sim: Sim): Viewer[] => Object.values(sim.full.participants).map((p) => ({ participantId: p.id, role: p.role }));

/** Every reader's fold agrees with its snapshot, and replaying the whole log gives the live state. */
function agree(sim: Sim): void {
  for (const v of readers(sim)) expect(withoutSeq(sim.foldedBy(v)), v.participantId).toEqual(withoutSeq(viewFor(sim.full, v)));
  expect(foldAll('c_test', sim.sent.map((s) => structuredClone(s.logged)))).toEqual(sim.full);
}

const running = (s: ConveningView) => Object.values(s.rounds).find((r) => r.status === 'running')!;
const rooms = (s: ConveningView): RoomView[] => Object.values(s.rounds).flatMap((r) => Object.values(r.rooms));
const caucusOf = (s: ConveningView, option: string) => Object.values(running(s).rooms).find((r) => r.caucus === option)!;

function caucusConvening() {
  const sim = new Sim();
  const co = sim.join('Co', 'cofacilitator');
  const [ana, bo, cy, dee] = ['Ana', 'Bo', 'Cy', 'Dee'].map((n) => sim.join(n)) as [Viewer, Viewer, Viewer, Viewer];
  for (const [v, answer] of [[ana, 'person of color'], [bo, 'person of color'], [cy, 'white'], [dee, 'white']] as const) {
    sim.ok(v, { type: 'affinity.answer', answer });
  }
  sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
  // The caucus chose Co to host it.
  sim.ok(ana, { type: 'room.hosts.set', roomId: caucusOf(sim.full, 'person of color').id, hostIds: [co.participantId] });
  return { sim, co, ana, bo, cy, dee };
}

describe('participant.removed', () => {
  it('takes a caucus member out of the people, their answer and the caucus roster; outsiders learn only that they left', () => {
    const { sim, ana, bo, cy } = caucusConvening();
    const caucus = caucusOf(sim.full, 'person of color');
    const before = sim.sent.length;

    const events = removalEvents(sim.full, ana.participantId);
    // No room update for a caucus: its size changing just then would say who was in it.
    expect(events).toEqual([{ type: 'participant.removed', participantId: ana.participantId }]);
    sim.append(events);

    expect(sim.full.participants[ana.participantId]).toBeUndefined();
    expect(sim.full.affinity[ana.participantId]).toBeUndefined();
    expect(caucusOf(sim.full, 'person of color')).toMatchObject({ members: [bo.participantId], size: caucus.size });
    expect(rooms(sim.full).some((r) => r.members.includes(ana.participantId))).toBe(false);
    // Everyone is told, and what Cy (outside the caucus) was sent names no caucus.
    const toCy = sim.receivedBy(cy).filter((e) => e.seq > sim.sent[before - 1]!.logged.seq);
    expect(toCy.map((e) => e.event)).toEqual([{ type: 'participant.removed', participantId: ana.participantId }]);
    expect(viewFor(sim.full, bo).participants[ana.participantId]).toBeUndefined();
    agree(sim);
  });

  it('someone leaving the open room of a caucus round changes no size anyone outside it sees', () => {
    const sim = new Sim();
    const [ana, bo, cy] = ['Ana', 'Bo', 'Cy'].map((n) => sim.join(n)) as [Viewer, Viewer, Viewer];
    sim.ok(ana, { type: 'affinity.answer', answer: 'white' });
    sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'open-room' } } });
    const open = Object.values(running(sim.full).rooms).find((r) => r.kind === 'breakout')!;
    expect(open.members.sort()).toEqual([bo.participantId, cy.participantId]);
    // Who is in the open room says who declined: leaving it is not a size change either.
    const events = removalEvents(sim.full, bo.participantId);
    expect(events).toEqual([{ type: 'participant.removed', participantId: bo.participantId }]);
    sim.append(events);
    expect(running(viewFor(sim.full, HOST)).rooms[open.id]).toMatchObject({ members: [], size: 2 });
    expect(running(viewFor(sim.full, cy)).rooms[open.id]).toMatchObject({ members: [cy.participantId], size: 2 });
    agree(sim);
  });

  it('takes a facilitator out of the hosts of every room, for every reader', () => {
    const { sim, co, cy } = caucusConvening();
    sim.append(removalEvents(sim.full, co.participantId));
    expect(rooms(sim.full).some((r) => r.hosts.includes(co.participantId))).toBe(false);
    expect(caucusOf(viewFor(sim.full, cy), 'person of color').hosts).toEqual([]);
    agree(sim);
  });

  it('updates the running round’s ordinary room as a move would, and keeps ended rounds’ sizes', () => {
    const { sim, ana, bo, cy, dee } = caucusConvening();
    sim.ok(HOST, { type: 'round.close' });
    const rs = [{ id: 'r1', name: 'Room 1' }, { id: 'r2', name: 'Room 2' }];
    const placements = { [bo.participantId]: 'r1', [cy.participantId]: 'r1', [dee.participantId]: 'r2', [ana.participantId]: 'r2' };
    sim.ok(HOST, { type: 'round.open', seed: 2, spec: { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'manual', rooms: rs, placements } } });

    const events = removalEvents(sim.full, cy.participantId);
    expect(events.map((e) => e.type)).toEqual(['room.updated', 'participant.removed']);
    sim.append(events);
    expect(running(sim.full).rooms.r1).toMatchObject({ members: [bo.participantId], size: 1 });
    // Dee (another room) sees the size go down, not who is in room 1.
    expect(running(viewFor(sim.full, dee)).rooms.r1).toMatchObject({ members: [], size: 1 });
    // The ended caucus round keeps its size; its roster no longer names Cy.
    const ended = Object.values(sim.full.rounds).find((r) => r.status === 'ended')!;
    const white = Object.values(ended.rooms).find((r) => r.caucus === 'white')!;
    expect(white).toMatchObject({ members: [dee.participantId], size: 2 });
    agree(sim);
  });

  it('is nothing for someone who is not here, and their signals stay', () => {
    const { sim, bo } = caucusConvening();
    sim.ok(HOST, { type: 'round.close' }); // back in plenary, where facilitators follow signals
    const id = sim.ok(bo, { type: 'signal.raise', kind: 'ouch' });
    expect(removalEvents(sim.full, 'p_nobody')).toEqual([]);
    sim.append(removalEvents(sim.full, bo.participantId));
    expect(removalEvents(sim.full, bo.participantId)).toEqual([]);
    expect(sim.full.signals[id!]?.by).toBe(bo.participantId);
    expect(viewFor(sim.full, HOST).signals[id!]?.by).toBe(bo.participantId);
    agree(sim);
  });
});
