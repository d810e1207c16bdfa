import type { Command, CommandOf, ConveningView, DomainEvent, RoomView, RoundView } from '@brave/protocol';
import { PlanError } from '../breakouts/index.ts';
import { accept, refuse, type Decision } from '../result.ts';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { activeRound, isCaucusRound, isPrivateRoom, roomOf, seesRoster, sizeAfter } from './access.ts';
import { MoveRefused, applyMove, defaultSeed, planRound, type PlanContext } from './plan.ts';
import { answerKnock, knock, markConfidential, withoutAnsweredKnocks } from './confidential.ts';

export interface RoundContext extends PlanContext {
  actor: Viewer;
  now: number;
  /** Length of a round "second" in ms; only tests shorten it. */
  secondMs?: number;
  newId: (prefix: string) => string;
}

type RoundCommand = Extract<
  Command,
  {
    type:
      | 'profile.set'
      | 'affinity.answer'
      | 'caucus.options.set'
      | 'agenda.set'
      | 'round.preview'
      | 'round.open'
      | 'round.extend'
      | 'round.close'
      | 'round.broadcast'
      | 'room.move'
      | 'room.help'
      | 'room.join'
      | 'room.help.answer'
      | 'room.hosts.set'
      | 'room.confidential.set'
      | 'room.knock'
      | 'room.knock.answer';
  }
>;
type Handlers = { [T in RoundCommand['type']]: (s: ConveningView, c: CommandOf<T>, x: RoundContext) => Decision };

const running = (s: ConveningView): RoundView | null => {
  const r = activeRound(s);
  return r && r.status === 'running' ? r : null;
};
const noRound = () => refuse('conflict', 'No breakout round is running.');
const updated = (round: RoundView, room: RoomView): DomainEvent => ({ type: 'room.updated', roundId: round.id, room });

/** Plan failures and refused moves become typed refusals, never crashes. */
function planned<T>(fn: () => T): T | Decision {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PlanError || err instanceof MoveRefused) return refuse('bad_request', err.message);
    throw err;
  }
}
const isDecision = (x: unknown): x is Decision => typeof x === 'object' && x !== null && 'ok' in x;

export const ROUND_HANDLERS: Handlers = {
  'profile.set': (s, c, { actor }) => {
    const channel = c.profile.channel;
    if (channel != null && !s.channels.some((x) => x.id === channel)) {
      return refuse('bad_request', 'Please pick one of this convening’s channels.', { field: 'channel' });
    }
    return accept([{ type: 'participant.profiled', participantId: actor.participantId, profile: c.profile }]);
  },

  'affinity.answer': (s, c, { actor }) => {
    const allowed = [...s.caucusOptions, 'prefer not to say'];
    if (c.answer !== null && !allowed.includes(c.answer)) {
      return refuse('bad_request', 'Please pick one of the offered answers, or skip.', { field: 'answer' });
    }
    return accept([{ type: 'affinity.answered', participantId: actor.participantId, answer: c.answer, keep: c.keep ?? false }]);
  },

  'caucus.options.set': (_s, c) => accept([{ type: 'caucus.options.set', options: [...new Set(c.options)] }]),

  'agenda.set': (_s, c) => accept([{ type: 'agenda.set', agenda: c.agenda }]),

  'round.preview': (s, c, ctx) => {
    const plan = planned(() => planRound(s, c.spec, c.seed ?? defaultSeed(s), c.moves ?? [], ctx, c.agendaItem));
    if (isDecision(plan)) return plan;
    return { ok: true, events: [], preview: plan.preview };
  },

  'round.open': (s, c, ctx) => {
    if (running(s)) return refuse('conflict', 'A round is already running. Close it before opening the next one.');
    const plan = planned(() => planRound(s, c.spec, c.seed, c.moves ?? [], ctx, c.agendaItem));
    if (isDecision(plan)) return plan;
    const id = ctx.newId('round');
    const round: RoundView = {
      id,
      name: c.spec.name,
      strategy: c.spec.strategy.kind,
      status: 'running',
      startedAt: ctx.now,
      endsAt: ctx.now + c.spec.durationSeconds * (ctx.secondMs ?? 1000),
      graceSeconds: c.spec.graceSeconds ?? 30,
      warnedAt: null,
      rooms: Object.fromEntries(plan.rooms.map((r) => [r.id, r])),
      endedAt: null,
    };
    return { ok: true, events: [{ type: 'round.opened', round }], id, preview: plan.preview };
  },

  'round.extend': (s, c, { now, secondMs = 1000 }) => {
    const r = running(s);
    if (!r) return noRound();
    const endsAt = Math.max(now + 10 * secondMs, r.endsAt + c.seconds * secondMs);
    return accept([{ type: 'round.retimed', roundId: r.id, endsAt }]);
  },

  'round.close': (s) => {
    const r = running(s);
    return r ? accept([{ type: 'round.ended', roundId: r.id }]) : noRound();
  },

  'round.broadcast': (s, c) => {
    const r = running(s);
    return r ? accept([{ type: 'round.broadcast', roundId: r.id, text: c.text }]) : noRound();
  },

  'room.move': (s, c, { actor }) => {
    const r = running(s);
    if (!r) return noRound();
    // In a caucus round nobody's place may show to someone outside their room: only the
    // members and hosts of the room a person is in may move them (out), and the refusal
    // reads the same wherever the person is.
    if (isCaucusRound(r) && !Object.values(r.rooms).some((room) => room.members.includes(c.participantId) && seesRoster(r, room, actor))) {
      return refuse('forbidden', CAUCUS_ROUND_MOVE);
    }
    // Out of a confidential room, only by someone who sees its roster (into one, anyone).
    const from = Object.values(r.rooms).find((room) => room.members.includes(c.participantId));
    if (from && isPrivateRoom(r, from) && !seesRoster(r, from, actor)) return refuse('forbidden', CONFIDENTIAL_MOVE);
    const rooms = Object.values(r.rooms).map((room) => structuredClone(room));
    const before = new Map(rooms.map((room) => [room.id, room.members.join(',')]));
    const moved = planned(() => applyMove(s, rooms, new Set(), { participantId: c.participantId, toRoomKey: c.toRoomId }));
    if (isDecision(moved)) return moved;
    const changed = rooms.filter((room) => before.get(room.id) !== room.members.join(','));
    return accept(changed.map((room) => updated(r, { ...room, size: sizeAfter(r, room) })));
  },

  'room.help': (s, _c, { actor, now }) => {
    const r = running(s);
    const room = roomOf(s, actor.participantId);
    if (!r || !room) return refuse('conflict', 'You can ask for help from inside a breakout room.');
    return room.helpRequestedAt ? accept([]) : accept([updated(r, { ...room, helpRequestedAt: now })]);
  },

  'room.join': (s, c, { actor }) => {
    const r = running(s);
    const target = r?.rooms[c.roomId];
    if (!r || !target) return refuse('not_found', 'No such room in the running round.', { field: 'roomId' });
    if (r.strategy !== 'selfSelect') return refuse('forbidden', 'In this round your facilitators choose the rooms.');
    if (target.members.includes(actor.participantId)) return accept([]);
    if (target.cap !== null && target.members.length >= target.cap) {
      return refuse('conflict', `${target.name} is full. Please pick another room.`, { field: 'roomId' });
    }
    const events: DomainEvent[] = [];
    const from = roomOf(s, actor.participantId);
    if (from) {
      const members = from.members.filter((id) => id !== actor.participantId);
      events.push(updated(r, { ...from, members, size: members.length }));
    }
    const members = [...target.members, actor.participantId];
    events.push(updated(r, { ...target, members, size: members.length }));
    return accept(events);
  },

  'room.help.answer': (s, c) => {
    const r = running(s);
    const room = r?.rooms[c.roomId];
    if (!r || !room) return refuse('not_found', 'No such room in the running round.', { field: 'roomId' });
    return room.helpRequestedAt ? accept([updated(r, { ...room, helpRequestedAt: null })]) : accept([]);
  },

  'room.hosts.set': (s, c, { actor }) => {
    const r = running(s);
    const room = r?.rooms[c.roomId];
    if (!r || !room) return refuse('not_found', 'No such room in the running round.', { field: 'roomId' });
    // A caucus (and any room of a caucus round) chooses its own facilitators; for other rooms facilitators decide.
    const member = room.members.includes(actor.participantId);
    const own = isPrivateRoom(r, room);
    if (own ? !member : !isFacilitator(actor.role)) {
      return refuse('forbidden', own ? 'Only the members of this room choose who joins it.' : 'Only facilitators can do that.');
    }
    if (c.hostIds.some((id) => !isFacilitator(s.participants[id]?.role ?? 'participant'))) {
      return refuse('bad_request', 'Only facilitators can be invited to host a room.', { field: 'hostIds' });
    }
    const hosts = [...new Set(c.hostIds)];
    return accept([updated(r, { ...room, hosts, ...withoutAnsweredKnocks(room, hosts) })]);
  },

  'room.confidential.set': (s, c, { actor }) => markConfidential(s, c, actor),
  'room.knock': (s, c, { actor }) => knock(s, c, actor),
  'room.knock.answer': (s, c, { actor }) => answerKnock(s, c, actor),
};

export const CONFIDENTIAL_MOVE = 'This room is confidential. Only its members, and the facilitators they let in, can move someone out of it.';

export const CAUCUS_ROUND_MOVE =
  'In a caucus round people are placed by their own answers. Only the members of a room, and the facilitators it invited, can move someone out of it.';

/**
 * Someone affirms the agreements: with a round running they join it as a late arrival.
 * In an ordinary round they land in its smallest room, for all to see. In a caucus round
 * they land in their own caucus, or in the open room when they chose none and the round
 * has one; that placement travels inside the affirmation itself, so everyone outside the
 * room receives the same single event whatever the person answered.
 */
export function affirmEvents(s: ConveningView, participantId: string): DomainEvent[] {
  const affirmed = { type: 'participant.affirmed' as const, participantId };
  const r = running(s);
  if (!r || roomOf(s, participantId)) return [affirmed];
  const rooms = Object.values(r.rooms);
  if (isCaucusRound(r)) {
    const answer = s.affinity[participantId]?.answer ?? null;
    const caucuses = rooms.filter((room) => room.kind === 'caucus' && answer !== null && room.caucus === answer);
    const target = smallest(caucuses.length > 0 ? caucuses : rooms.filter((room) => room.kind !== 'caucus'));
    return [target ? { ...affirmed, joined: { roundId: r.id, roomId: target.id } } : affirmed];
  }
  const target = r.strategy === 'manual' ? undefined : smallest(rooms.filter((room) => !isPrivateRoom(r, room)));
  if (!target) return [affirmed];
  const members = [...target.members, participantId];
  return [affirmed, updated(r, { ...target, members, size: members.length })];
}

const smallest = (rooms: RoomView[]): RoomView | undefined => [...rooms].sort((a, b) => a.members.length - b.members.length)[0];
