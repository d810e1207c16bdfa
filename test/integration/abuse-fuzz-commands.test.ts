import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import type { LiveClient } from '@brave/client';
import { AckResult, CHANNELS, Command, SOCKET_EVENTS, type CommandType, type RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { joinAs, ok, openConvening, until } from '../support/people.ts';
import { firstDifference } from '../soak/lib/crash.ts';
import { freshView, healthy, rawSocket, type TestServer } from './abuse-helpers.ts';

/**
 * Property-based commands that pass (mostly) the schema but make little sense: random
 * ids, unknown signals and rooms, odd round plans (a thousand rooms for five people,
 * cohorts without teams, impossible constraints), commands out of order (triage before
 * any raise, close before open), and idempotency keys replayed with other commands.
 * The rules must answer each with a typed result (never `internal`), every reader's view
 * must stay equal to a fresh load, and a replayed key must never run a second command.
 */
let server: TestServer;
let host: LiveClient;
let people: LiveClient[];
let tokens: string[];
let conveningId: string;
let facilitatorToken: string;
const opened: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
  const opened = await openConvening(server.url, { title: 'Odd but valid' });
  host = opened.host;
  conveningId = opened.made.id;
  facilitatorToken = opened.made.facilitatorToken;
  const joined = await Promise.all(['Ana', 'Ben', 'Cy', 'Dee', 'Eli'].map((n) => joinAs(server.url, opened.made.joinCode, n)));
  people = joined.map((j) => j.client);
  tokens = joined.map((j) => j.joined.token);
  await ok(people[0]!, { type: 'affinity.answer', answer: 'person of color' });
  await ok(people[1]!, { type: 'profile.set', profile: { team: 'North', channel: 'money', organisation: 'Org A' } });
});
afterAll(async () => {
  for (const c of [host, ...people, ...opened]) c.close();
  await server.close();
});

/** Ids as a command would carry them: mostly real ones from the current state, some invented. */
interface Pools {
  agreement: string[];
  participant: string[];
  signal: string[];
  request: string[];
  room: string[];
  pulse: string[];
  item: string[];
}
type Recipe = (p: Pools) => unknown;
const pick = (kind: keyof Pools) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((n) => (p: Pools) => p[kind][n % Math.max(1, p[kind].length)] ?? 'nothing-here') },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).map((s) => () => s) },
  );
const words = fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' });
const name = fc.string({ minLength: 1, maxLength: 60 });
const roomSpec = fc.oneof(
  fc.record({ by: fc.constant('count' as const), rooms: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ by: fc.constant('size' as const), size: fc.integer({ min: 2, max: 100 }) }),
);
type Strategy = RoundSpec['strategy'];
const strategy: fc.Arbitrary<(p: Pools) => Strategy> = fc.oneof(
  roomSpec.map((spec) => (): Strategy => ({ kind: 'random', spec })),
  fc.tuple(roomSpec, fc.boolean()).map(([spec, avoidSameTeam]) => (): Strategy => ({ kind: 'mix', spec, avoidSameTeam })),
  fc.tuple(fc.constantFrom('channel' as const, 'role' as const), fc.integer({ min: 2, max: 500 })).map(([field, maxRoomSize]) => (): Strategy => ({ kind: 'byChoice', field, maxRoomSize })),
  fc.constantFrom('open-room' as const, 'plenary' as const).map((undecided) => (): Strategy => ({ kind: 'affinity', undecided })),
  fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([min, max]) => (): Strategy => ({ kind: 'cohorts', teamsPerCohort: { min, max } })),
  fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), name, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 4 }).map((rooms) => (): Strategy => ({
    kind: 'selfSelect',
    rooms: rooms.map(([id, n, cap]) => ({ id, name: n, cap })),
  })),
  fc.tuple(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(pick('participant'), fc.nat()), { maxLength: 6 })).map(
    ([ids, placements]) =>
      (p: Pools): Strategy => ({
        kind: 'manual',
        rooms: ids.map((id) => ({ id, name: `Room ${id}` })),
        placements: Object.fromEntries(placements.map(([who, n]) => [who(p), ids[n % ids.length]!])),
      }),
  ),
);
const spec: fc.Arbitrary<(p: Pools) => RoundSpec> = fc
  .tuple(name, strategy, fc.integer({ min: 30, max: 4 * 3600 }), fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }), fc.array(fc.array(pick('participant'), { minLength: 2, maxLength: 3 }), { maxLength: 2 }))
  .map(([n, s, durationSeconds, graceSeconds, apart]) => (p: Pools) => ({
    name: n,
    strategy: s(p),
    durationSeconds,
    ...(graceSeconds === undefined ? {} : { graceSeconds }),
    ...(apart.length ? { constraints: { keepApart: apart.map((g) => g.map((x) => x(p))) } } : {}),
  }));

/** A speaking line: plenary, or a room of some round (often not the running one). */
const scope = fc.oneof(fc.constant(() => 'plenary'), fc.tuple(fc.stringMatching(/^[a-z0-9_]{1,12}$/), pick('room')).map(([round, r]) => (p: Pools) => `room:${round}:${r(p)}`));

/** One generator per command type: the compiler insists on every type of the union. */
const RECIPES: { [T in CommandType]: fc.Arbitrary<Recipe> } = {
  'agreements.affirm': fc.constant(() => ({ type: 'agreements.affirm' })),
  'agreements.set': fc.array(fc.tuple(fc.option(pick('agreement'), { nil: undefined }), words), { minLength: 1, maxLength: 6 }).map((items) => (p) => ({
    type: 'agreements.set',
    agreements: items.map(([id, text]) => ({ ...(id ? { id: id(p) } : {}), text })),
  })),
  'spotlight.set': pick('agreement').map((a) => (p) => ({ type: 'spotlight.set', agreementId: a(p) })),
  'spotlight.clear': fc.constant(() => ({ type: 'spotlight.clear' })),
  'reminders.schedule': fc.integer({ min: 1, max: 120 }).map((everyMinutes) => () => ({ type: 'reminders.schedule', everyMinutes })),
  'reminders.stop': fc.constant(() => ({ type: 'reminders.stop' })),
  'reminder.request': fc.tuple(pick('agreement'), fc.option(words, { nil: undefined })).map(([a, note]) => (p) => ({ type: 'reminder.request', agreementId: a(p), ...(note ? { note } : {}) })),
  'reminder.resolve': pick('request').map((r) => (p) => ({ type: 'reminder.resolve', requestId: r(p) })),
  'signal.raise': fc.constantFrom('ouch', 'whoops').map((kind) => () => ({ type: 'signal.raise', kind })),
  'signal.explain': fc.tuple(pick('signal'), words).map(([s, explanation]) => (p) => ({ type: 'signal.explain', signalId: s(p), explanation })),
  'signal.triage': fc.tuple(pick('signal'), fc.constantFrom('acknowledged', 'addressed', 'parked'), fc.option(words, { nil: undefined })).map(([s, status, note]) => (p) => ({
    type: 'signal.triage',
    signalId: s(p),
    status,
    ...(note ? { note } : {}),
  })),
  // Closing ends the run's usefulness; it is kept rare by the weights below and tested last.
  'convening.close': fc.constant(() => ({ type: 'convening.close' })),
  'profile.set': fc.record({ channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }), team: fc.option(name, { nil: undefined }) }).map((profile) => () => ({ type: 'profile.set', profile })),
  'affinity.answer': fc.option(fc.constantFrom('person of color', 'white', 'prefer not to say', 'something else'), { nil: null }).map((answer) => () => ({ type: 'affinity.answer', answer })),
  'caucus.options.set': fc.array(name, { minLength: 1, maxLength: 12 }).map((options) => () => ({ type: 'caucus.options.set', options })),
  'agenda.set': fc.array(spec, { maxLength: 3 }).map((specs) => (p) => ({ type: 'agenda.set', agenda: specs.map((s) => s(p)) })),
  'round.preview': fc.tuple(spec, fc.option(fc.nat(2 ** 31), { nil: undefined })).map(([s, seed]) => (p) => ({ type: 'round.preview', spec: s(p), ...(seed === undefined ? {} : { seed }) })),
  'round.open': fc.tuple(spec, fc.nat(2 ** 31)).map(([s, seed]) => (p) => ({ type: 'round.open', spec: s(p), seed })),
  'round.extend': fc.integer({ min: -3600, max: 3600 }).map((seconds) => () => ({ type: 'round.extend', seconds })),
  'round.close': fc.constant(() => ({ type: 'round.close' })),
  'round.broadcast': words.map((text) => () => ({ type: 'round.broadcast', text })),
  'room.move': fc.tuple(pick('participant'), fc.option(pick('room'), { nil: null })).map(([who, room]) => (p) => ({ type: 'room.move', participantId: who(p), toRoomId: room ? room(p) : null })),
  'room.help': fc.constant(() => ({ type: 'room.help' })),
  'room.join': pick('room').map((r) => (p) => ({ type: 'room.join', roomId: r(p) })),
  'room.help.answer': pick('room').map((r) => (p) => ({ type: 'room.help.answer', roomId: r(p) })),
  'room.hosts.set': fc.tuple(pick('room'), fc.array(pick('participant'), { maxLength: 3 })).map(([r, ids]) => (p) => ({ type: 'room.hosts.set', roomId: r(p), hostIds: ids.map((i) => i(p)) })),
  'room.confidential.set': fc.tuple(pick('room'), fc.constantFrom('delete' as const, 'keep' as const)).map(([r, notes]) => (p) => ({ type: 'room.confidential.set', roomId: r(p), notes })),
  'room.knock': pick('room').map((r) => (p) => ({ type: 'room.knock', roomId: r(p) })),
  'room.knock.answer': fc.tuple(pick('room'), pick('participant'), fc.boolean()).map(([r, who, letIn]) => (p) => ({ type: 'room.knock.answer', roomId: r(p), facilitatorId: who(p), letIn })),
  'hand.raise': fc.constant(() => ({ type: 'hand.raise' })),
  'hand.lower': fc.constant(() => ({ type: 'hand.lower' })),
  'floor.call': fc.tuple(scope, fc.option(pick('participant'), { nil: undefined })).map(([s, who]) => (p) => ({ type: 'floor.call', scope: s(p), ...(who ? { participantId: who(p) } : {}) })),
  'floor.done': scope.map((s) => (p) => ({ type: 'floor.done', scope: s(p) })),
  'floor.reorder': fc.tuple(scope, pick('participant'), fc.nat(20)).map(([s, who, toIndex]) => (p) => ({ type: 'floor.reorder', scope: s(p), participantId: who(p), toIndex })),
  'floor.progressive': fc.boolean().map((on) => () => ({ type: 'floor.progressive', on })),
  'silence.start': fc.integer({ min: 1, max: 30 }).map((minutes) => () => ({ type: 'silence.start', minutes })),
  'silence.end': fc.constant(() => ({ type: 'silence.end' })),
  // Run of show: items pointing at missing agreements or rounds, advancing from stale items.
  'show.plan': fc
    .array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom('welcome', 'agreements', 'plenary', 'breakout', 'pulse', 'closing'), name, fc.integer({ min: 1, max: 240 }), fc.nat(3), pick('agreement')), { maxLength: 5 })
    .map((items) => (p) => ({
      type: 'show.plan',
      autoAdvance: items.length % 2 === 0,
      items: items.map(([id, kind, title, minutes, round, agreement]) => ({
        id,
        kind,
        title,
        minutes,
        ...(kind === 'agreements' ? { agreementId: agreement(p) } : {}),
        ...(kind === 'breakout' ? { round } : {}),
        ...(kind === 'pulse' ? { pulse: { question: title, kind: 'scale' } } : {}),
      })),
    })),
  'show.advance': fc.option(pick('item'), { nil: null }).map((i) => (p) => ({ type: 'show.advance', fromItemId: i ? i(p) : null })),
  'show.extend': fc.tuple(pick('item'), fc.integer({ min: 1, max: 60 })).map(([i, minutes]) => (p) => ({ type: 'show.extend', itemId: i(p), minutes })),
  'pulse.open': fc.tuple(name, fc.constantFrom('scale', 'word', 'choice'), fc.boolean()).map(([question, kind, shared]) => () => ({
    type: 'pulse.open',
    pulse: { question, kind, ...(kind === 'choice' ? { options: ['Yes', 'No'] } : {}), results: shared ? 'everyone' : 'facilitators' },
  })),
  'pulse.answer': fc.tuple(pick('pulse'), fc.oneof(fc.constantFrom('1', '5', 'Yes', 'hope'), words)).map(([id, answer]) => (p) => ({ type: 'pulse.answer', pulseId: id(p), answer })),
  'pulse.share': fc.tuple(pick('pulse'), fc.constantFrom('everyone', 'facilitators')).map(([id, results]) => (p) => ({ type: 'pulse.share', pulseId: id(p), results })),
  'pulse.close': pick('pulse').map((id) => (p) => ({ type: 'pulse.close', pulseId: id(p) })),
};
const recipe = fc.oneof(...(Object.entries(RECIPES) as [CommandType, fc.Arbitrary<Recipe>][]).filter(([t]) => t !== 'convening.close').map(([, a]) => a));

/**
 * Commands from one person over connections replaced before their allowance runs out
 * (the per-connection limit is tested elsewhere; here every command should reach the rules).
 */
function sender(token: string) {
  let socket: Socket | null = null;
  let sent = 0;
  let n = 0;
  return async (command: unknown): Promise<AckResult> => {
    if (!socket || !socket.connected || sent++ >= 35) {
      socket?.close();
      socket = await rawSocket(server.url, token);
      opened.push(socket);
      sent = 0;
    }
    return AckResult.parse(await socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, { key: `fuzz-${token.slice(-12)}-${n++}`, command }));
  };
}

function pools(): Pools {
  const s = host.state!;
  const round = s.activeRoundId ? s.rounds[s.activeRoundId] : undefined;
  return {
    agreement: s.agreements.map((a) => a.id),
    participant: Object.keys(s.participants),
    signal: Object.keys(s.signals),
    request: Object.keys(s.reminderRequests),
    room: Object.keys(round?.rooms ?? {}),
    pulse: Object.keys(s.pulses),
    item: s.show.items.map((i) => i.id),
  };
}

describe('fuzzing the rules with well-formed commands', () => {
  it('answers every command from anyone with a typed result, never `internal`, and every view stays equal to a fresh load', async () => {
    const actors = [facilitatorToken, ...tokens].map((t) => sender(t));
    let valid = 0;
    await fc.assert(
      // The facilitator sends most: their commands reach furthest into the rules.
      fc.asyncProperty(recipe, fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(actors.length - 1)), async (r, who) => {
        const command = r(pools());
        if (Command.safeParse(command).success) valid += 1;
        const ack = await actors[who]!(command);
        if (!ack.ok) expect(ack.error.code, `${JSON.stringify(command).slice(0, 300)} → ${ack.error.message}`).not.toBe('internal');
      }),
      { numRuns: 300, seed: 31337, endOnFailure: true },
    );
    expect(valid).toBeGreaterThan(200);
    expect(await healthy(server.url)).toBe(true);
    await expectViewsFresh();
  });

  it('a replayed idempotency key returns the first answer and runs nothing, whatever command it now carries', async () => {
    let socket: Socket = await rawSocket(server.url, tokens[0]!);
    const first = new Map<string, unknown>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('replay-key-0001', 'replay-key-0002', 'replay-key-0003'), recipe, async (key, r) => {
        if (!socket.connected) socket = await rawSocket(server.url, tokens[0]!);
        const logBefore = (await server.store.events(conveningId)).length;
        const ack = AckResult.parse(await socket.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, { key, command: r(pools()) }));
        const earlier = first.get(key);
        // Too fast is answered before anything is looked up or run: a later retry gets the answer.
        if (!ack.ok && ack.error.code === 'rate_limited') {
          expect((await server.store.events(conveningId)).length).toBe(logBefore);
        } else if (earlier) {
          expect(ack).toEqual(earlier);
          expect((await server.store.events(conveningId)).length).toBe(logBefore);
        } else if (ack.ok) first.set(key, ack);
        if (!ack.ok && ack.error.code === 'rate_limited') {
          socket.close();
          socket = await rawSocket(server.url, tokens[0]!);
        }
      }),
      { numRuns: 60, seed: 4040, endOnFailure: true },
    );
    socket.close();
    expect(first.size).toBeGreaterThan(0);
    await expectViewsFresh();
  });

  it('after everything, closing the convening still works and is seen by all', async () => {
    await ok(host, { type: 'convening.close' });
    await Promise.all(people.map((c) => until(c, (x) => x.state!.status === 'closed')));
    expect((await people[2]!.send({ type: 'signal.raise', kind: 'ouch' })).ok).toBe(false);
    await expectViewsFresh();
  });
});

/** Once everyone has the latest event, each reader's live view equals a fresh load. */
async function expectViewsFresh(): Promise<void> {
  // A last event everyone receives: once each reader has it, they had every earlier one too.
  const open = host.state!.status === 'open';
  const last = open ? (await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id })).seq! : 0;
  await Promise.all([host, ...people].map((c) => until(c, (x) => (open ? x.state!.seq >= last : x.state!.status === 'closed'), 15_000)));
  const readers: [LiveClient, string][] = people.map((c, i) => [c, tokens[i]!]);
  for (const [c, token] of readers) {
    const fresh = await freshView(server.url, conveningId, token);
    // Room notices after moves are a known gap (see abuse-access-rooms.test.ts).
    expect(firstDifference({ ...c.state, notices: [], seq: 0 }, { ...fresh, notices: [], seq: 0 }), c.self!.participantId).toBeNull();
  }
}
