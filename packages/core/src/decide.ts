import type {
  Channel,
  Command,
  CommandOf,
  ConveningView,
  CreateConveningBody,
  DomainEvent,
  ProfileInput,
  Role,
  RoundSpec,
  ShowPlan,
  SignalReaders,
  Visibility,
} from '@brave/protocol';
import { DEFAULT_SIGNAL_POLICY } from '@brave/protocol';
import { DEFAULT_AGREEMENT_SET, agreementSet, normaliseAgreements } from './agreements.ts';
import { can, isFacilitator, type Viewer } from './policy.ts';
import { reminderStartIndex } from './reminders.ts';
import { accept, refuse, type Decision } from './result.ts';
import { canMove, signalWaitMs } from './signals.ts';
import { ROUND_HANDLERS, affirmEvents } from './rounds/decide.ts';
import { SHOW_HANDLERS } from './show/decide.ts';
import { PULSE_HANDLERS } from './pulse/decide.ts';
import { activeRound, isConfidential, isPrivateRoom, roomOf, roomScope } from './rounds/access.ts';
import type { PlanBudget } from './rounds/together.ts';
import { FLOOR_HANDLERS } from './floor/decide.ts';
import { endSilenceEvents } from './floor/silence.ts';

export interface DecideContext {
  actor: Viewer;
  /** Who is connected now (round plans leave absent people in plenary). */
  online?: (participantId: string) => boolean;
  /** Length of a breakout-round second in ms (1000; tests shorten it). */
  secondMs?: number;
  now: number;
  /** Groups who met in earlier convenings of the community (round plans avoid repeats). */
  pastMeetings?: readonly (readonly string[])[];
  /** Budget for planning later agenda mix rounds together with this one (none: one round at a time). */
  planBudget?: PlanBudget;
  /** Measures planning time for the facilitator; never changes a plan. */
  clock?: () => number;
  /** Mints a fresh id (the server passes a random one; tests pass a counter). */
  newId: (prefix: string) => string;
}

/**
 * The rules: given the full state, who asks and what, decide which events happen.
 * Pure: no clock, no randomness, no I/O beyond what the context hands in.
 */
export function decide(state: ConveningView, command: Command, ctx: DecideContext): Decision {
  const { actor } = ctx;
  if (!state.participants[actor.participantId]) return refuse('unauthorized', 'You are not part of this convening.');
  if (!can(actor.role, command.type)) {
    return refuse('forbidden', isFacilitator(actor.role) ? 'Not available to your role.' : 'Only facilitators can do that.');
  }
  if (state.status === 'closed') return refuse('closed', 'This convening has ended.');
  const handler = HANDLERS[command.type] as (s: ConveningView, c: Command, x: DecideContext) => Decision;
  return handler(state, command, ctx);
}

type Handlers = { [T in Command['type']]: (s: ConveningView, c: CommandOf<T>, x: DecideContext) => Decision };

const HANDLERS: Handlers = {
  ...ROUND_HANDLERS,
  ...FLOOR_HANDLERS,
  ...SHOW_HANDLERS,
  ...PULSE_HANDLERS,
  'agreements.affirm': (s, _c, { actor }) =>
    s.participants[actor.participantId]?.affirmedAt != null
      ? accept([])
      : accept(affirmEvents(s, actor.participantId)),

  'agreements.set': (s, c, { newId }) => {
    const agreements = normaliseAgreements(c.agreements, () => newId('a'));
    return accept([{ type: 'agreements.set', agreementSetId: c.agreementSetId ?? 'custom', agreements }]);
  },

  'spotlight.set': (s, c) => {
    const a = s.agreements.find((x) => x.id === c.agreementId);
    if (!a) return refuse('not_found', 'That agreement is not in this convening’s set.', { field: 'agreementId' });
    return accept([{ type: 'spotlight.set', agreementId: a.id, text: a.text, source: 'facilitator' }]);
  },

  'spotlight.clear': (s) => (s.spotlight ? accept([{ type: 'spotlight.cleared' }]) : accept([])),

  'reminders.schedule': (s, c) => {
    if (s.agreements.length === 0) return refuse('conflict', 'There are no agreements to rotate through.');
    return accept([{ type: 'reminders.scheduled', everyMinutes: c.everyMinutes, startIndex: reminderStartIndex(s) }]);
  },

  'reminders.stop': (s) => (s.reminders ? accept([{ type: 'reminders.stopped' }]) : accept([])),

  'reminder.request': (s, c, { actor, newId }) => {
    if (!s.agreements.some((a) => a.id === c.agreementId)) {
      return refuse('not_found', 'That agreement is not in this convening’s set.', { field: 'agreementId' });
    }
    const requestId = newId('r');
    return accept(
      [
        {
          type: 'reminder.requested',
          requestId,
          agreementId: c.agreementId,
          by: actor.participantId,
          anonymous: c.anonymous ?? false,
          note: c.note ?? null,
        },
      ],
      requestId,
    );
  },

  'reminder.resolve': (s, c) => {
    const r = s.reminderRequests[c.requestId];
    if (!r) return refuse('not_found', 'No such reminder request.', { field: 'requestId' });
    return r.resolved ? accept([]) : accept([{ type: 'reminder.resolved', requestId: r.id }]);
  },

  'signal.raise': (s, c, { actor, now, newId }) => {
    const me = s.participants[actor.participantId];
    if (!me?.affirmedAt) return refuse('conflict', 'Please affirm the agreements before sending a signal.');
    const visibility: Visibility = c.visibility ?? s.signalPolicy.default;
    if (!s.signalPolicy.allowed.includes(visibility)) {
      return refuse('forbidden', 'This convening does not offer that visibility for signals.', { field: 'visibility' });
    }
    const wait = signalWaitMs(s, actor.participantId, now);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return refuse('rate_limited', `You have sent several signals in the last minute. You can send another in ${seconds} s; a facilitator has already seen the others.`, { retryAfterMs: wait });
    }
    const signalId = newId('s');
    const event: DomainEvent = {
      type: 'signal.raised',
      signalId,
      kind: c.kind,
      visibility,
      scope: scopeOf(s, actor.participantId),
      ...readersOf(s, actor.participantId),
      by: actor.participantId,
      explanation: c.explanation ?? null,
      // Words reach the room only when a named sender asks: privacy is the default.
      privateExplanation: visibility !== 'named' || c.explanationFor !== 'room',
    };
    return accept([event], signalId);
  },

  'signal.explain': (s, c, { actor }) => {
    const sig = s.signals[c.signalId];
    if (!sig || sig.by !== actor.participantId) return refuse('not_found', 'You can only explain your own signals.', { field: 'signalId' });
    return accept([{ type: 'signal.explained', signalId: sig.id, explanation: c.explanation }]);
  },

  'signal.triage': (s, c, { actor }) => {
    const sig = s.signals[c.signalId];
    if (!sig) return refuse('not_found', 'No such signal.', { field: 'signalId' });
    if (sig.status === c.status && !c.note) return accept([]);
    if (sig.status !== c.status && !canMove(sig.status, c.status)) {
      return refuse('conflict', `A signal that is ${sig.status} cannot become ${c.status}.`, { field: 'status' });
    }
    return accept([{ type: 'signal.triaged', signalId: sig.id, status: c.status, note: c.note ?? null, by: actor.participantId }]);
  },

  'convening.close': (s) =>
    accept([
      ...(s.activeRoundId ? [{ type: 'round.ended' as const, roundId: s.activeRoundId }] : []),
      // A quiet moment still on ends first, so what it held reaches people before the close.
      ...endSilenceEvents(s),
      { type: 'spotlight.cleared' },
      { type: 'convening.closed' },
    ]),
};

/** For a signal raised in a room: who may read it, as the room stands now. */
function readersOf(s: ConveningView, participantId: string): { readers?: SignalReaders } {
  const room = roomOf(s, participantId);
  if (!room) return {};
  // A confidential room's signals reach only the hosts it has (none until it lets someone in).
  const everyFacilitator = room.kind === 'breakout' && !isConfidential(room);
  const hosts = room.hosts.length > 0 ? [...room.hosts] : everyFacilitator ? null : [];
  return { readers: { members: [...room.members], hosts } };
}

/** Where a signal is raised: the sender's running room, or plenary. */
function scopeOf(s: ConveningView, participantId: string): string {
  const room = roomOf(s, participantId);
  return room && s.activeRoundId ? roomScope(s.activeRoundId, room.id) : 'plenary';
}

/** What a convening of a community starts with beyond the quick convening's body. */
export interface OpeningOptions {
  communityId?: string;
  channels?: readonly Channel[];
  caucusOptions?: readonly string[];
  outline?: readonly string[];
  /** Planned breakout rounds: they become the agenda, started one click each. */
  agenda?: readonly RoundSpec[];
  /** A run of show planned ahead (checked against these agreements and rounds by the caller). */
  show?: ShowPlan | null;
}

/** The opening events of a new convening: its settings, and its host already inside. */
export function openingEvents(
  body: CreateConveningBody,
  ids: { conveningId: string; joinCode: string; hostId: string },
  newId: (prefix: string) => string,
  options: OpeningOptions = {},
): DomainEvent[] {
  const setId = body.agreementSetId ?? (body.agreements ? 'custom' : DEFAULT_AGREEMENT_SET);
  const base = agreementSet(setId)?.agreements ?? [];
  const agreements = body.agreements ? normaliseAgreements(body.agreements, () => newId('a')) : base;
  const allowed = body.signalVisibility?.allowed ?? DEFAULT_SIGNAL_POLICY.allowed;
  const preferred = body.signalVisibility?.default ?? DEFAULT_SIGNAL_POLICY.default;
  const policy = { allowed: [...new Set(allowed)], default: allowed.includes(preferred) ? preferred : allowed[0]! };
  // Only what was given is written, so a quick convening's log reads as it always did.
  const community = {
    ...(options.communityId !== undefined ? { communityId: options.communityId } : {}),
    ...(options.channels ? { channels: options.channels.map((c) => ({ ...c })) } : {}),
    ...(options.caucusOptions ? { caucusOptions: [...new Set(options.caucusOptions)] } : {}),
    ...(options.outline?.length ? { outline: [...options.outline] } : {}),
  };
  return [
    {
      type: 'convening.created',
      conveningId: ids.conveningId,
      title: body.title,
      joinCode: ids.joinCode,
      agreementSetId: setId,
      agreements,
      signalPolicy: policy,
      ...community,
    },
    { type: 'participant.joined', participantId: ids.hostId, name: body.hostName ?? 'Host', pronouns: null, role: 'facilitator' },
    { type: 'participant.affirmed', participantId: ids.hostId },
    ...(options.agenda?.length ? [{ type: 'agenda.set' as const, agenda: structuredClone([...options.agenda]) }] : []),
    ...(options.show?.items.length ? [{ type: 'show.planned' as const, items: structuredClone(options.show.items), autoAdvance: options.show.autoAdvance }] : []),
  ];
}

/** Someone let in by the server (a join link, or a community member with a known id). */
export interface Admission {
  participantId: string;
  name: string;
  pronouns: string | null;
  role: Role;
  /** What the community already knows about them; a channel this convening lacks is left out. */
  profile?: ProfileInput | undefined;
  /** Their caucus answer, kept from an earlier convening because they asked us to. */
  keptAnswer?: string | null | undefined;
}

/**
 * The events that let a person in. Admitting someone already here changes nothing but
 * their profile: never their role (no silent upgrade) and never an answer they gave here.
 */
export function admissionEvents(s: ConveningView, a: Admission): { events: DomainEvent[]; role: Role; existing: boolean } {
  const here = s.participants[a.participantId];
  const events: DomainEvent[] = here
    ? []
    : [{ type: 'participant.joined', participantId: a.participantId, name: a.name, pronouns: a.pronouns, role: a.role }];
  // Facilitators hold the agreements by their role, as the host does from the opening:
  // nobody should see them as still reading, and their console has nothing to affirm.
  if (isFacilitator(here?.role ?? a.role) && !here?.affirmedAt) events.push({ type: 'participant.affirmed', participantId: a.participantId });
  const profile = a.profile ? knownProfile(s, a.profile) : {};
  const changed = Object.entries(profile).some(([k, v]) => v !== undefined && (here?.profile[k as keyof ProfileInput] ?? null) !== (v ?? null));
  if (changed) events.push({ type: 'participant.profiled', participantId: a.participantId, profile });
  const answer = a.keptAnswer;
  if (answer && !s.affinity[a.participantId] && [...s.caucusOptions, 'prefer not to say'].includes(answer)) {
    events.push({ type: 'affinity.answered', participantId: a.participantId, answer, keep: true });
  }
  return { events, role: here?.role ?? a.role, existing: here !== undefined };
}

/**
 * The events that let a person out (they left the community, or stopped facilitating it);
 * none when they are not here. The running round's ordinary rooms they sat in or hosted
 * change first, as a move would. A caucus, or any room of a caucus round, gets no room
 * update: its size changing just as someone leaves would tell everyone outside it who was in it.
 */
export function removalEvents(s: ConveningView, participantId: string): DomainEvent[] {
  if (!s.participants[participantId]) return [];
  const round = activeRound(s);
  const events: DomainEvent[] = [];
  const rooms = round?.status === 'running' ? Object.values(round.rooms) : [];
  for (const room of rooms) {
    if (!round || isPrivateRoom(round, room) || !(room.members.includes(participantId) || room.hosts.includes(participantId))) continue;
    const members = room.members.filter((id) => id !== participantId);
    const hosts = room.hosts.filter((id) => id !== participantId);
    events.push({ type: 'room.updated', roundId: round.id, room: { ...room, members, hosts, size: members.length } });
  }
  events.push({ type: 'participant.removed', participantId });
  return events;
}

/** A profile with only the fields given, and its channel only when this convening has it. */
function knownProfile(s: ConveningView, profile: ProfileInput): ProfileInput {
  const out: ProfileInput = {};
  for (const [k, v] of Object.entries(profile)) if (v !== undefined) out[k as keyof ProfileInput] = v;
  if (out.channel != null && !s.channels.some((c) => c.id === out.channel)) delete out.channel;
  return out;
}
