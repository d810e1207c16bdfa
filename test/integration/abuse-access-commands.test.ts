import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_ROLES } from '@brave/core';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_EVENTS, type AckResult, type Command, type CommandOf, type CommandType, type ErrorCode, type RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { ok } from '../support/people.ts';
import { COMMAND_TYPES, MEMBERS, ROLE_OF, logLength, world, type Member, type TestServer, type World } from './abuse-helpers.ts';

/**
 * Every role × every command, generated from the protocol's Command union and core's
 * COMMAND_ROLES: a command type added without a case here does not compile, and one
 * missing from COMMAND_ROLES fails the first test. Where the role table allows a command,
 * a room's own rule may still refuse it (only caucus members choose a caucus's hosts);
 * those refinements are listed with the case. A refusal never changes the stored log.
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

interface Case<T extends CommandType> {
  /** Cases run by phase: rounds are closed and reopened late, the convening closed last. */
  phase: number;
  make: (w: World, who: Member) => CommandOf<T> | Promise<CommandOf<T>>;
  /** The allowed member whose attempt must succeed (proving the sample command is valid). */
  okBy: Member;
  /** Allowed by role, refused by a finer rule of the room (with the code it answers). */
  refined?: Partial<Record<Member, ErrorCode>>;
}
type Cases = { [T in CommandType]: Case<T> };

const breakout: RoundSpec = { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'random', spec: { by: 'count', rooms: 2 } } };
const pickYourRoom: RoundSpec = {
  name: 'Pick a room',
  durationSeconds: 600,
  strategy: { kind: 'selfSelect', rooms: [{ id: 'alpha', name: 'Alpha', cap: 10 }, { id: 'beta', name: 'Beta', cap: 10 }] },
};

/** The line of the caucus the caucus member is in (phase 0's affinity round). */
const caucusScope = (w: World): string => `room:${w.clients.caucus.state!.activeRoundId}:${w.caucusRoomId}`;

/** The run-of-show item happening now, as stored (clients may not have heard of the last move yet). */
async function currentItem(w: World): Promise<string | null> {
  const entered = (await server.store.events(w.id)).map((e) => e.event).filter((e) => e.type === 'show.entered');
  return entered.at(-1)?.itemId ?? null;
}

/** The first pulse check the facilitator opened. */
const openPulse = (w: World): string => Object.keys(w.clients.facilitator.state!.pulses)[0] ?? 'none';

/** The member's own signal (raised now if they may), or the participant's. */
async function ownSignal(w: World, who: Member): Promise<string> {
  if (!COMMAND_ROLES['signal.raise'].includes(ROLE_OF[who])) return w.participantSignal;
  return (await ok(w.clients[who], { type: 'signal.raise', kind: 'whoops' })).id!;
}

/** The participant's hand is up in plenary (a call or a reorder needs someone in line). */
async function handUp(w: World): Promise<void> {
  await ok(w.clients.participant, { type: 'hand.raise' });
}

const CASES: Cases = {
  'agreements.affirm': { phase: 0, okBy: 'observer', make: () => ({ type: 'agreements.affirm' }) },
  'agreements.set': {
    phase: 0,
    okBy: 'facilitator',
    make: (w) => ({ type: 'agreements.set', agreements: w.clients.facilitator.state!.agreements.map((a) => ({ id: a.id, text: a.text })) }),
  },
  'spotlight.set': { phase: 0, okBy: 'facilitator', make: (w) => ({ type: 'spotlight.set', agreementId: w.agreementIds[1]! }) },
  'spotlight.clear': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'spotlight.clear' }) },
  'reminders.schedule': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'reminders.schedule', everyMinutes: 30 }) },
  'reminders.stop': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'reminders.stop' }) },
  'reminder.request': { phase: 0, okBy: 'participant', make: (w) => ({ type: 'reminder.request', agreementId: w.agreementIds[2]!, note: 'Could we revisit this one?' }) },
  'reminder.resolve': { phase: 0, okBy: 'facilitator', make: (w) => ({ type: 'reminder.resolve', requestId: w.participantRequest }) },
  'signal.raise': { phase: 0, okBy: 'participant', make: () => ({ type: 'signal.raise', kind: 'ouch' }) },
  'signal.explain': {
    phase: 0,
    okBy: 'participant',
    make: async (w, who) => ({ type: 'signal.explain', signalId: await ownSignal(w, who), explanation: 'What I meant to say.' }),
  },
  'signal.triage': { phase: 0, okBy: 'facilitator', make: (w) => ({ type: 'signal.triage', signalId: w.participantSignal, status: 'acknowledged', note: 'Seen.' }) },
  'profile.set': { phase: 0, okBy: 'participant', make: () => ({ type: 'profile.set', profile: { region: 'Great Lakes' } }) },
  'affinity.answer': { phase: 0, okBy: 'caucus', make: () => ({ type: 'affinity.answer', answer: 'person of color' }) },
  'caucus.options.set': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'caucus.options.set', options: ['person of color', 'white'] }) },
  'agenda.set': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'agenda.set', agenda: [breakout] }) },
  'round.preview': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'round.preview', spec: breakout }) },
  'round.extend': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'round.extend', seconds: 60 }) },
  'round.broadcast': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'round.broadcast', text: 'Ten minutes left.' }) },
  // In the caucus round (phase 0) only a room's own hosts move people (packages/core/test/caucus-outsider.property.test.ts).
  'room.move': { phase: 3, okBy: 'facilitator', make: (w) => ({ type: 'room.move', participantId: w.ids.participant, toRoomId: null }) },
  'room.help': { phase: 0, okBy: 'caucus', make: () => ({ type: 'room.help' }) },
  'room.help.answer': { phase: 0, okBy: 'facilitator', make: (w) => ({ type: 'room.help.answer', roomId: w.caucusRoomId }) },
  'room.hosts.set': {
    phase: 0,
    okBy: 'caucus',
    make: (w) => ({ type: 'room.hosts.set', roomId: w.caucusRoomId, hostIds: [] }),
    // A caucus chooses its own hosts; facilitators outside it may not.
    refined: { facilitator: 'forbidden', cofacilitator: 'forbidden', participant: 'forbidden' },
  },
  // Phase 3's self-select round: Beta is marked confidential live, then knocked on.
  'room.confidential.set': { phase: 3, okBy: 'facilitator', make: () => ({ type: 'room.confidential.set', roomId: 'beta', notes: 'keep' }) },
  'room.knock': { phase: 3, okBy: 'facilitator', make: () => ({ type: 'room.knock', roomId: 'beta' }) },
  'room.knock.answer': {
    phase: 3,
    okBy: 'caucus',
    // The caucus member (in plenary since phase 1) picks Beta; the facilitator knocks again each time.
    make: async (w) => {
      if (!w.clients.caucus.state!.rounds[w.clients.caucus.state!.activeRoundId ?? '']?.rooms.beta?.members.includes(w.ids.caucus)) {
        await ok(w.clients.caucus, { type: 'room.join', roomId: 'beta' });
      }
      await ok(w.clients.facilitator, { type: 'room.knock', roomId: 'beta' });
      return { type: 'room.knock.answer', roomId: 'beta', facilitatorId: w.ids.facilitator, letIn: false };
    },
    // Only a member of the room answers a knock.
    refined: { facilitator: 'forbidden', cofacilitator: 'forbidden', participant: 'forbidden' },
  },
  'hand.raise': { phase: 0, okBy: 'participant', make: () => ({ type: 'hand.raise' }) },
  'hand.lower': { phase: 0, okBy: 'participant', make: () => ({ type: 'hand.lower' }) },
  // Plenary's line is the facilitators'; a caucus member passes the turn in their own caucus's line.
  'floor.call': { phase: 0, okBy: 'facilitator', make: async (w, who) => (await handUp(w), { type: 'floor.call', scope: who === 'caucus' ? caucusScope(w) : 'plenary' }), refined: { participant: 'forbidden' } },
  'floor.done': { phase: 0, okBy: 'facilitator', make: (w, who) => ({ type: 'floor.done', scope: who === 'caucus' ? caucusScope(w) : 'plenary' }), refined: { participant: 'forbidden' } },
  'floor.reorder': {
    phase: 0,
    okBy: 'facilitator',
    make: async (w) => (await handUp(w), { type: 'floor.reorder', scope: 'plenary', participantId: w.ids.participant, toIndex: 0 }),
  },
  'floor.progressive': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'floor.progressive', on: true }) },
  'silence.start': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'silence.start', minutes: 5 }) },
  'silence.end': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'silence.end' }) },
  'round.close': { phase: 1, okBy: 'facilitator', make: () => ({ type: 'round.close' }) },
  'round.open': { phase: 2, okBy: 'facilitator', make: () => ({ type: 'round.open', spec: pickYourRoom, seed: 7 }) },
  'room.join': { phase: 3, okBy: 'participant', make: () => ({ type: 'room.join', roomId: 'alpha' }) },
  'show.plan': {
    phase: 0,
    okBy: 'facilitator',
    make: (w) => ({
      type: 'show.plan',
      autoAdvance: false,
      items: [
        { id: 'arrive', kind: 'welcome', title: 'Arriving', minutes: 5 },
        { id: 'agree', kind: 'agreements', title: 'Our agreements', minutes: 3, agreementId: w.agreementIds[0]! },
        { id: 'check', kind: 'pulse', title: 'Check-in', minutes: 2, pulse: { question: 'How are you arriving?', kind: 'scale', results: 'everyone' } },
        { id: 'end', kind: 'closing', title: 'Closing', minutes: 5 },
      ],
    }),
  },
  // Each press names the item being left, so the first allowed press moves and the rest find it gone.
  'show.advance': { phase: 1, okBy: 'facilitator', make: async (w) => ({ type: 'show.advance', fromItemId: await currentItem(w) }) },
  'show.extend': { phase: 2, okBy: 'facilitator', make: async (w) => ({ type: 'show.extend', itemId: (await currentItem(w)) ?? 'none', minutes: 5 }) },
  'pulse.open': { phase: 0, okBy: 'facilitator', make: () => ({ type: 'pulse.open', pulse: { question: 'One word for now?', kind: 'word' } }) },
  'pulse.answer': { phase: 1, okBy: 'participant', make: (w) => ({ type: 'pulse.answer', pulseId: openPulse(w), answer: 'steady' }) },
  'pulse.share': { phase: 1, okBy: 'facilitator', make: (w) => ({ type: 'pulse.share', pulseId: openPulse(w), results: 'everyone' }) },
  'pulse.close': { phase: 3, okBy: 'facilitator', make: (w) => ({ type: 'pulse.close', pulseId: openPulse(w) }) },
  'convening.close': { phase: 4, okBy: 'facilitator', make: () => ({ type: 'convening.close' }) },
};

/**
 * Sends a command, and when the connection's own rate limit refuses it (the matrix sends
 * more commands per person than a person would), sends it again after the wait the
 * server names. The limit itself is tested in abuse-limits.test.ts.
 */
async function paced(client: World['clients'][Member], command: Command): Promise<AckResult> {
  for (;;) {
    const ack = await client.send(command);
    if (ack.ok || ack.error.code !== 'rate_limited' || !ack.error.retryAfterMs || ack.error.retryAfterMs > 5_000) return ack;
    await new Promise((resolve) => setTimeout(resolve, ack.error.retryAfterMs));
  }
}

/** What each member must get: refused with a code, succeed, or (allowed) anything but a refusal of access. */
type Outcome = ErrorCode | 'ok' | 'not refused';
function expected(type: CommandType, who: Member): Outcome {
  if (!COMMAND_ROLES[type].includes(ROLE_OF[who])) return 'forbidden';
  const refined = CASES[type].refined?.[who];
  if (refined) return refined;
  return CASES[type].okBy === who ? 'ok' : 'not refused';
}
function observed(ack: AckResult, want: Outcome): Outcome {
  if (ack.ok) return want === 'not refused' ? want : 'ok';
  const code = ack.error.code;
  return want === 'not refused' && code !== 'forbidden' && code !== 'unauthorized' ? want : code;
}

describe('access matrix: every role × every command', () => {
  it('covers every command of the protocol, and the role table names each one', () => {
    expect(Object.keys(CASES).sort()).toEqual([...COMMAND_TYPES].sort());
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it('allows exactly what COMMAND_ROLES (and each room’s own rule) says; a refusal changes nothing; an outsider reaches nothing', async () => {
    const want: Record<string, Record<string, Outcome>> = {};
    const seen: Record<string, Record<string, Outcome>> = {};
    const unchanged: string[] = [];
    const order = [...COMMAND_TYPES].sort((a, b) => CASES[a].phase - CASES[b].phase);
    for (const type of order) {
      const c = CASES[type] as Case<CommandType>;
      want[type] = {};
      seen[type] = {};
      // Refusals first (nothing may change), then the allowed, okBy leading.
      const members = [...MEMBERS].sort((a, b) => rank(type, a) - rank(type, b));
      for (const who of members) {
        const outcome = expected(type, who);
        const command: Command = await c.make(w, who);
        const before = await logLength(server, w.id);
        const ack = await paced(w.clients[who], command);
        want[type][who] = outcome;
        seen[type][who] = observed(ack, outcome);
        if (!['ok', 'not refused'].includes(outcome) && (await logLength(server, w.id)) !== before) unchanged.push(`${type} by ${who}`);
      }
      // A working credential for another convening: whatever it asks lands there, never here.
      const foreign = await c.make(w, 'facilitator');
      const before = await logLength(server, w.id);
      await w.outsider.send(foreign);
      if ((await logLength(server, w.id)) !== before) unchanged.push(`${type} by an outsider`);
    }
    expect(seen).toEqual(want);
    expect(unchanged, 'refused commands that changed the log').toEqual([]);
  });
});

describe('access matrix: callers without a working credential', () => {
  it('no credential, a forged one or an expired one cannot open the connection any command would travel on', async () => {
    const refusals: Record<string, unknown> = {};
    for (const who of ['none', 'forged', 'expired'] as const) {
      const token = w.tokens[who];
      const s = io(server.url, { transports: ['websocket'], reconnection: false, auth: token ? { token, protocolVersion: PROTOCOL_VERSION } : {} });
      refusals[who] = await new Promise((resolve) => {
        s.once(SOCKET_EVENTS.hello, () => resolve('connected'));
        s.once('connect_error', (err) => resolve((err as Error & { data?: { code?: string } }).data?.code));
      });
      s.close();
    }
    expect(refusals).toEqual({ none: 'unauthorized', forged: 'unauthorized', expired: 'unauthorized' });
  });
});

function rank(type: CommandType, who: Member): number {
  const outcome = expected(type, who);
  return outcome === 'ok' ? 1 : outcome === 'not refused' ? 2 : 0;
}
