// Retention: after the period a community chose, signal details and room rosters go, and
// what remains still parses, folds and shows room sizes in the debrief.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainEvent, type RoomView, type RoundView } from '@brave/protocol';
import { RETENTION_EVENT_TYPES, debrief, foldAll, redactForRetention, touchedByRetention, viewFor } from '../src/index.ts';
import { HOST, Sim } from './fixture.ts';

// Ids that cannot appear by chance in any other field of the generated events.
const PEOPLE = ['p_ana', 'p_bo', 'p_cy', 'p_dee', 'p_eli', 'p_fay'];
const FACILITATOR = 'p_fran';
const person = fc.constantFrom(...PEOPLE);
const people = fc.subarray(PEOPLE);
const words = fc.constantFrom('That stung.', 'I misspoke, sorry.', 'Handled in the room.');
const id = fc.constantFrom('s_1', 's_2', 'r_1');

const room: fc.Arbitrary<RoomView> = fc
  .record({
    id: fc.constantFrom('room-1', 'room-2', 'caucus-1'),
    name: fc.constantFrom('Room 1', 'Room 2', 'Caucus'),
    kind: fc.constantFrom('breakout' as const, 'caucus' as const),
    caucus: fc.option(fc.constantFrom('Black', 'white')),
    members: people,
    hosts: fc.subarray([...PEOPLE, FACILITATOR]),
    videoUrl: fc.option(fc.constant('https://video.example/room')),
    cap: fc.option(fc.integer({ min: 1, max: 10 })),
    helpRequestedAt: fc.option(fc.nat()),
  })
  .map((r) => ({ ...r, size: r.members.length }));

const round: fc.Arbitrary<RoundView> = fc.record({
  id: fc.constant('round_1'),
  name: fc.constantFrom('Pairs', 'Caucuses'),
  strategy: fc.constantFrom('mix', 'affinity'),
  status: fc.constantFrom('running' as const, 'ended' as const),
  startedAt: fc.nat(),
  endsAt: fc.nat(),
  graceSeconds: fc.nat({ max: 60 }),
  warnedAt: fc.option(fc.nat()),
  rooms: fc.array(room, { maxLength: 4 }).map((rs) => Object.fromEntries(rs.map((r) => [r.id, r]))),
  endedAt: fc.option(fc.nat()),
});

const kind = fc.constantFrom('ouch' as const, 'whoops' as const);
const touched: fc.Arbitrary<DomainEvent> = fc.oneof(
  fc.record({
    type: fc.constant('signal.raised' as const),
    signalId: id,
    kind,
    visibility: fc.constantFrom('named' as const, 'anonymous_to_room' as const, 'anonymous' as const),
    scope: fc.constantFrom('plenary', 'round_1/room-1'),
    by: fc.option(person),
    explanation: fc.option(words),
    privateExplanation: fc.boolean(),
    readers: fc.option(fc.record({ members: people, hosts: fc.option(people) }), { nil: undefined }),
  }).map(({ readers, ...e }) => (readers ? { ...e, readers } : e)),
  fc.record({ type: fc.constant('signal.noticed' as const), signalId: id, kind, scope: fc.constant('plenary'), by: fc.option(person), explanation: fc.option(words) }),
  fc.record({ type: fc.constant('signal.explained' as const), signalId: id, explanation: fc.option(words) }),
  fc.record({ type: fc.constant('signal.triaged' as const), signalId: id, status: fc.constantFrom('acknowledged' as const, 'parked' as const), note: fc.option(words), by: fc.constant(FACILITATOR) }),
  fc.record({ type: fc.constant('reminder.requested' as const), requestId: id, agreementId: fc.constant('a_1'), by: fc.option(person), anonymous: fc.boolean(), note: fc.option(words) }),
  fc.record({ type: fc.constant('round.opened' as const), round }),
  fc.record({ type: fc.constant('room.updated' as const), roundId: fc.constant('round_1'), room }),
);
const untouched: fc.Arbitrary<DomainEvent> = fc.oneof(
  fc.record({ type: fc.constant('participant.joined' as const), participantId: person, name: fc.constant('Ana'), pronouns: fc.constant(null), role: fc.constant('participant' as const) }),
  fc.record({ type: fc.constant('round.ended' as const), roundId: fc.constant('round_1') }),
  fc.record({ type: fc.constant('affinity.answered' as const), participantId: person, answer: fc.option(fc.constant('Black')), keep: fc.boolean() }),
);
const sizes = (e: DomainEvent) =>
  e.type === 'round.opened'
    ? Object.values(e.round.rooms).map((r) => [r.id, r.name, r.kind, r.caucus, r.size])
    : e.type === 'room.updated'
      ? [[e.room.id, e.room.name, e.room.kind, e.room.caucus, e.room.size]]
      : null;

describe('redactForRetention', () => {
  it('leaves events that parse, name nobody who raised a signal or sat in a room, and keeps room sizes', () => {
    fc.assert(
      fc.property(touched, (event) => {
        DomainEvent.parse(event);
        const redacted = redactForRetention(event);
        expect(DomainEvent.parse(redacted)).toEqual(redacted);
        const text = JSON.stringify(redacted);
        for (const p of PEOPLE) expect(text).not.toContain(p);
        for (const w of ['stung', 'misspoke', 'Handled']) expect(text).not.toContain(w);
        expect(sizes(redacted)).toEqual(sizes(event));
        expect(touchedByRetention(event.type)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent, and leaves every other event as it was', () => {
    fc.assert(
      fc.property(fc.oneof(touched, untouched), (event) => {
        const once = redactForRetention(event);
        expect(redactForRetention(once)).toEqual(once);
        if (!touchedByRetention(event.type)) expect(once).toBe(event);
      }),
      { numRuns: 300 },
    );
  });

  it('lists each event type it may change once', () => {
    expect(new Set(RETENTION_EVENT_TYPES).size).toBe(RETENTION_EVENT_TYPES.length);
  });

  it('a redacted log of a real convening still folds: the debrief shows rounds and sizes, no rosters or signal words', () => {
    const sim = new Sim();
    const [ana, bo, cy, dee] = ['Ana', 'Bo', 'Cy', 'Dee'].map((n) => sim.join(n)) as [typeof HOST, typeof HOST, typeof HOST, typeof HOST];
    sim.ok(HOST, { type: 'round.open', spec: { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 600 }, seed: 7 });
    const signalId = sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That stung.' })!;
    sim.ok(ana, { type: 'signal.explain', signalId, explanation: 'I was talked over.' });
    sim.ok(HOST, { type: 'signal.triage', signalId, status: 'acknowledged', note: 'Talked with the room.' });
    const roundId = sim.full.activeRoundId!;
    const boRoom = Object.values(sim.full.rounds[roundId]!.rooms).find((r) => !r.members.includes(bo.participantId))!;
    sim.ok(HOST, { type: 'room.move', participantId: bo.participantId, toRoomId: boRoom.id });
    sim.ok(HOST, { type: 'round.close' });
    sim.ok(HOST, { type: 'convening.close' });
    const before = debrief(sim.full, HOST);

    const redacted = sim.sent.map(({ logged }) => ({ ...logged, event: redactForRetention(logged.event) }));
    const after = foldAll('c_test', redacted);
    const look = debrief(after, HOST);
    expect(look.rounds.map((r) => r.rooms.map((room) => [room.name, room.kind, room.size]))).toEqual(
      before.rounds.map((r) => r.rooms.map((room) => [room.name, room.kind, room.size])),
    );
    expect(look.rounds.flatMap((r) => r.rooms.flatMap((room) => room.members))).toEqual([]);
    expect(look.signals).toEqual([expect.objectContaining({ kind: 'ouch', by: null, status: 'acknowledged', notes: [] })]);
    const text = JSON.stringify([after.rounds, after.signals, viewFor(after, HOST).signals]);
    for (const p of [ana, bo, cy, dee]) expect(text).not.toContain(p.participantId);
    for (const w of ['stung', 'talked over', 'Talked with']) expect(text).not.toContain(w);
  });
});
