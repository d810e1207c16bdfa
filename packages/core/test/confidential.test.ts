// Confidential rooms in core: who receives what, what the close deletes, what the
// retention sweep still deletes later (a room that kept its notes), what never exports.

import { describe, expect, it } from 'vitest';
import type { RoomView } from '@brave/protocol';
import { confidentialNotesToDelete, decide, exportableNotes, exportConvening, foldAll, redactForRetention, roomNotesOf, viewFor, type Viewer } from '../src/index.ts';
import { HOST, Sim, withoutSeq } from './fixture.ts';

function confidentialRound(notes: 'delete' | 'keep') {
  const sim = new Sim();
  const co = sim.join('Co', 'cofacilitator');
  const [ana, bo, cy] = ['Ana', 'Bo', 'Cy'].map((n) => sim.join(n)) as [Viewer, Viewer, Viewer];
  const rooms = [{ id: 'ra', name: 'Room A' }, { id: 'rb', name: 'Room B' }];
  const placements = { [ana.participantId]: 'ra', [bo.participantId]: 'ra', [cy.participantId]: 'rb' };
  const roundId = sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'manual', rooms, placements }, confidential: { rooms: ['Room A'], notes } } })!;
  return { sim, co, ana, bo, cy, roundId };
}
const room = (sim: Sim, v: Viewer, roundId: string, id = 'ra'): RoomView => viewFor(sim.full, v).rounds[roundId]!.rooms[id]!;

describe('confidential rooms', () => {
  it('mark only the rooms named in the spec, by name or key, and hide their roster from the preview', () => {
    const { sim, roundId } = confidentialRound('delete');
    expect(sim.full.rounds[roundId]!.rooms.ra!.confidential).toEqual({ notes: 'delete' });
    expect(sim.full.rounds[roundId]!.rooms.rb!.confidential).toBeUndefined();
    const preview = decide(sim.full, { type: 'round.preview', spec: { name: 'x', durationSeconds: 60, strategy: { kind: 'random', spec: { by: 'count', rooms: 2 } }, confidential: { rooms: 'all', notes: 'keep' } } }, { actor: HOST, now: 0, newId: () => 'x' });
    expect(preview.ok && preview.preview!.rooms.every((r) => r.members.length === 0)).toBe(true);
  });

  it('send a signal raised inside to nobody outside it, facilitators included, until one is let in', () => {
    const { sim, co, ana, bo, roundId } = confidentialRound('delete');
    const before = sim.sent.length;
    sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Hard to hear.' });
    const raised = sim.sent.slice(before);
    for (const v of [HOST, co]) expect(sim.receivedBy(v, raised[0]!.logged.seq - 1), v.participantId).toEqual([]);
    expect(viewFor(sim.full, bo).notices).toHaveLength(1);
    sim.ok(co, { type: 'room.knock', roomId: 'ra' });
    expect(room(sim, co, roundId)).toMatchObject({ members: [], knocks: [co.participantId] });
    expect(room(sim, HOST, roundId)).toMatchObject({ members: [], knocks: [] });
    sim.ok(bo, { type: 'room.knock.answer', roomId: 'ra', facilitatorId: co.participantId, letIn: true });
    expect(room(sim, co, roundId).members).toHaveLength(2);
    // Every reader's fold agrees with its snapshot.
    for (const p of Object.values(sim.full.participants)) {
      const v = { participantId: p.id, role: p.role };
      expect(withoutSeq(sim.foldedBy(v)), p.id).toEqual(withoutSeq(viewFor(sim.full, v)));
    }
    expect(foldAll('c_test', sim.sent.map((s) => structuredClone(s.logged)))).toEqual(sim.full);
  });

  it('delete at the close only the notes of rooms that chose to; retention still deletes the kept ones; none export', () => {
    const gone = confidentialRound('delete');
    expect(confidentialNotesToDelete(gone.sim.full, gone.roundId)).toEqual([]); // still running
    gone.sim.ok(HOST, { type: 'round.close' });
    const ra = `notes:${gone.sim.full.id}:${gone.roundId}:ra`;
    expect(confidentialNotesToDelete(gone.sim.full, gone.roundId)).toEqual([ra]);
    const kept = confidentialRound('keep');
    kept.sim.ok(HOST, { type: 'round.close' });
    const keptName = `notes:${kept.sim.full.id}:${kept.roundId}:ra`;
    expect(confidentialNotesToDelete(kept.sim.full, kept.roundId)).toEqual([]);
    expect(roomNotesOf(kept.sim.full)).toContain(keptName);
    expect(exportableNotes(kept.sim.full).map((n) => n.name)).not.toContain(keptName);
    expect(exportableNotes(kept.sim.full).map((n) => n.name)).toContain(`notes:${kept.sim.full.id}:${kept.roundId}:rb`);
  });

  it('leave the community export with a name and a size, and without a signal, before and after retention', () => {
    const { sim, ana, cy } = confidentialRound('keep');
    sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Hard to hear.' });
    sim.ok(cy, { type: 'signal.raise', kind: 'whoops', visibility: 'named' });
    sim.ok(HOST, { type: 'round.close' });
    const schedule = { id: 's_1', title: 'Month', startsAt: 0, durationMinutes: 60, outline: [], rounds: [], status: 'ended' as const, conveningId: sim.full.id, show: null };
    const retained = foldAll(sim.full.id, sim.sent.map((x) => ({ ...structuredClone(x.logged), event: redactForRetention(x.logged.event) })));
    for (const state of [sim.full, retained]) {
      const out = exportConvening(schedule, state);
      expect(out.rounds[0]!.rooms.find((r) => r.name === 'Room A')).toEqual({ name: 'Room A', kind: 'breakout', size: 2 });
      // Room B's whoops reached every facilitator: it stays, as kind, time and status.
      expect(out.signals.map((x) => x.kind)).toEqual(['whoops']);
    }
  });
});
