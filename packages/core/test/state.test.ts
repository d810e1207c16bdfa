import { describe, expect, it } from 'vitest';
import type { DomainEvent, LoggedEvent } from '@brave/protocol';
import { emptyState, foldAll, NOTICES_KEPT, reduce } from '../src/index.ts';
import { HOST, Sim } from './fixture.ts';

const at = (seq: number, event: DomainEvent, time = 1_000 + seq): LoggedEvent => ({ seq, at: time, event });

describe('reduce: folding the log into a convening', () => {
  it('a new convening carries its title, code, agreements, policy and an affirmed host', () => {
    const sim = new Sim({ agreementSetId: 'network', signalVisibility: { allowed: ['named', 'anonymous'], default: 'anonymous' } });
    const s = sim.full;
    expect(s).toMatchObject({ id: 'c_test', title: 'Practice circle', joinCode: 'ABC234', status: 'open', agreementSetId: 'network' });
    expect(s.createdAt).toBe(sim.now);
    expect(s.agreements.map((a) => a.id)).toEqual(['network-solidarity', 'network-trust', 'network-bold', 'network-listen', 'network-care']);
    expect(s.signalPolicy).toEqual({ allowed: ['named', 'anonymous'], default: 'anonymous' });
    expect(s.participants[HOST.participantId]).toMatchObject({ name: 'Fran', role: 'facilitator', affirmedAt: sim.now });
    expect(s.seq).toBe(3);
  });

  it('records when a person joins and when they affirm the agreements', () => {
    const sim = new Sim();
    const ana = sim.join('Ana', 'participant', false);
    const joinedAt = sim.now;
    expect(sim.full.participants[ana.participantId]).toMatchObject({ name: 'Ana', pronouns: null, role: 'participant', joinedAt, affirmedAt: null });
    sim.tick(5_000);
    sim.ok(ana, { type: 'agreements.affirm' });
    expect(sim.full.participants[ana.participantId]?.affirmedAt).toBe(joinedAt + 5_000);
  });

  it('keeps a spotlight (with its new wording) through an edit that keeps its agreement, and drops it when the agreement goes', () => {
    const sim = new Sim();
    const [first, second] = sim.full.agreements;
    sim.ok(HOST, { type: 'spotlight.set', agreementId: first!.id });
    expect(sim.full.spotlight).toMatchObject({ agreementId: first!.id, text: first!.text, source: 'facilitator', seq: sim.full.seq });
    sim.ok(HOST, { type: 'agreements.set', agreements: [{ id: first!.id, text: first!.text }, { text: 'Take breaks when you need them.' }] });
    expect(sim.full.agreementSetId).toBe('custom');
    expect(sim.full.agreements.map((a) => a.text)).toEqual([first!.text, 'Take breaks when you need them.']);
    expect(sim.full.spotlight?.agreementId).toBe(first!.id);
    sim.ok(HOST, { type: 'agreements.set', agreements: [{ id: first!.id, text: 'Arrive as you are.' }] });
    expect(sim.full.spotlight).toMatchObject({ agreementId: first!.id, text: 'Arrive as you are.' });
    sim.ok(HOST, { type: 'agreements.set', agreements: [{ id: second!.id, text: second!.text }] });
    expect(sim.full.spotlight).toBeNull();
  });

  it('clears the spotlight, stops reminders and marks the convening closed at the end', () => {
    const sim = new Sim();
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements[0]!.id });
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 5 });
    expect(sim.full.reminders).toEqual({ everyMinutes: 5, startIndex: 1, startedAt: sim.now });
    sim.ok(HOST, { type: 'convening.close' });
    expect(sim.full).toMatchObject({ status: 'closed', spotlight: null, reminders: null });
  });

  it('follows a signal from raised through each triage step, keeping the notes in order', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })!;
    const raisedAt = sim.now;
    expect(sim.full.signals[id]).toMatchObject({ kind: 'ouch', status: 'raised', by: ana.participantId, explanation: null, history: [], raisedAt });
    sim.tick(1_000);
    sim.ok(ana, { type: 'signal.explain', signalId: id, explanation: 'That joke landed hard.' });
    sim.tick(1_000);
    sim.ok(HOST, { type: 'signal.triage', signalId: id, status: 'acknowledged', note: 'Pausing after this speaker.' });
    sim.tick(1_000);
    sim.ok(HOST, { type: 'signal.triage', signalId: id, status: 'addressed' });
    const s = sim.full.signals[id]!;
    expect(s.explanation).toBe('That joke landed hard.');
    expect(s.status).toBe('addressed');
    expect(s.updatedAt).toBe(raisedAt + 3_000);
    expect(s.history).toEqual([
      { status: 'acknowledged', note: 'Pausing after this speaker.', by: HOST.participantId, at: raisedAt + 2_000 },
      { status: 'addressed', note: null, by: HOST.participantId, at: raisedAt + 3_000 },
    ]);
  });

  it('records reminder requests and their resolution', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const agreementId = sim.full.agreements[2]!.id;
    const id = sim.ok(ana, { type: 'reminder.request', agreementId, note: 'We keep fixing each other.' })!;
    expect(sim.full.reminderRequests[id]).toMatchObject({ agreementId, by: ana.participantId, anonymous: false, resolved: false });
    sim.ok(HOST, { type: 'reminder.resolve', requestId: id });
    expect(sim.full.reminderRequests[id]?.resolved).toBe(true);
  });

  it('keeps only the most recent room notices, and updates a notice when its sender explains', () => {
    let s = emptyState('c');
    for (let i = 1; i <= NOTICES_KEPT + 5; i++) {
      s = reduce(s, at(i, { type: 'signal.noticed', signalId: `s${i}`, kind: 'whoops', scope: 'plenary', by: null, explanation: null }));
    }
    expect(s.notices).toHaveLength(NOTICES_KEPT);
    expect(s.notices[0]?.id).toBe('s6');
    expect(s.notices.at(-1)?.id).toBe(`s${NOTICES_KEPT + 5}`);
    s = reduce(s, at(100, { type: 'signal.explained', signalId: 's10', explanation: 'I meant something else.' }));
    expect(s.notices.find((n) => n.id === 's10')?.explanation).toBe('I meant something else.');
  });

  it('ignores events about things this reader never had, and never moves seq backwards', () => {
    let s = emptyState('c');
    s = reduce(s, at(7, { type: 'participant.affirmed', participantId: 'nobody' }));
    s = reduce(s, at(8, { type: 'signal.triaged', signalId: 'unknown', status: 'parked', note: null, by: 'x' }));
    s = reduce(s, at(9, { type: 'reminder.resolved', requestId: 'unknown' }));
    s = reduce(s, at(3, { type: 'spotlight.cleared' }));
    expect(s.participants).toEqual({});
    expect(s.signals).toEqual({});
    expect(s.seq).toBe(9);
  });

  it('folding the same log again (a restart) gives exactly the same state', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const bo = sim.join('Bo');
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements[3]!.id });
    const sid = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous', explanation: 'Please slow down.' })!;
    sim.ok(bo, { type: 'reminder.request', agreementId: sim.full.agreements[0]!.id, anonymous: true });
    sim.ok(HOST, { type: 'signal.triage', signalId: sid, status: 'parked', note: 'After the break.' });
    const refolded = foldAll('c_test', sim.sent.map((s) => structuredClone(s.logged)));
    expect(refolded).toEqual(sim.full);
  });
});
