import type {
  CommandType,
  ConveningView,
  DomainEvent,
  EventOf,
  NoticeView,
  ReminderRequestView,
  Role,
  SignalReaders,
  RoundView,
  SignalView,
} from '@brave/protocol';
import { NOTICES_KEPT } from './state.ts';
import { isFacilitator, type Viewer } from './viewer.ts';
import type { Audience, Delivery } from './audience.ts';
import { affirmedFor, roomFor, roomOfScope, roomVersionKey, roundFor, roundOf, seesRoster } from './rounds/access.ts';
import { floorFor, groupedFloor, isQueueEvent, noticeHeld, queueDeliveries, silenceEndedFor } from './floor/policy.ts';
import { pulseDeliveries, pulsesFor } from './pulse/policy.ts';
import { sharedView, type PersonalView } from './snapshot.ts';

/**
 * The access policy: who may do what, and who may see what. The server asks it for
 * every command, every snapshot and every broadcast; nothing else decides access.
 */
export { isFacilitator, type Viewer } from './viewer.ts';

const FAC: readonly Role[] = ['facilitator', 'cofacilitator'];
const PEOPLE: readonly Role[] = ['facilitator', 'cofacilitator', 'participant'];

/** Which roles may send each command. A table, so the access matrix test can read it. */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  'agreements.affirm': ['facilitator', 'cofacilitator', 'participant', 'observer'],
  'agreements.set': FAC,
  'spotlight.set': FAC,
  'spotlight.clear': FAC,
  'reminders.schedule': FAC,
  'reminders.stop': FAC,
  'reminder.request': ['cofacilitator', 'participant'],
  'reminder.resolve': FAC,
  'signal.raise': PEOPLE,
  'signal.explain': PEOPLE,
  'signal.triage': FAC,
  'convening.close': ['facilitator'],
  'profile.set': PEOPLE,
  'affinity.answer': PEOPLE,
  'caucus.options.set': FAC,
  'agenda.set': FAC,
  'round.preview': FAC,
  'round.open': FAC,
  'round.extend': FAC,
  'round.close': FAC,
  'round.broadcast': FAC,
  'room.move': FAC,
  'room.help': PEOPLE,
  'room.join': PEOPLE,
  'room.help.answer': FAC,
  'room.hosts.set': PEOPLE,
  'room.confidential.set': FAC,
  'room.knock': FAC,
  'room.knock.answer': PEOPLE,
  'hand.raise': PEOPLE,
  'hand.lower': PEOPLE,
  // Facilitators, and the people in a breakout room or caucus for its own line (floor/queue.ts passesTurn).
  'floor.call': PEOPLE,
  'floor.done': PEOPLE,
  'floor.reorder': FAC,
  'floor.progressive': FAC,
  'silence.start': FAC,
  'silence.end': FAC,
  'show.plan': FAC,
  'show.advance': FAC,
  'show.extend': FAC,
  'pulse.open': FAC,
  'pulse.answer': PEOPLE,
  'pulse.share': FAC,
  'pulse.close': FAC,
};

export const can = (role: Role, command: CommandType): boolean => COMMAND_ROLES[command].includes(role);

export type { Audience, Delivery } from './audience.ts';

/**
 * How one stored event reaches readers: each audience gets the version it may see,
 * and nobody is in two audiences of the same event. `state` is the full state after
 * the event was folded.
 */
export function deliveries(event: DomainEvent, state: ConveningView): Delivery[] {
  switch (event.type) {
    case 'signal.raised':
      return signalRaisedDeliveries(event, state);
    case 'signal.explained':
    case 'signal.triaged': {
      const s = state.signals[event.signalId];
      if (!s) return [];
      const readers = signalReaders(s, state);
      const out: Delivery[] = readers.full.map((audience) => ({ audience, event }));
      const publicExplanation = event.type === 'signal.explained' && s.visibility === 'named' && !s.privateExplanation;
      if (publicExplanation && readers.notice && !noticeHeld(s, state)) out.push({ audience: readers.notice, event });
      return out;
    }
    case 'reminder.requested': {
      const own = event.by;
      const shown = event.anonymous ? { ...event, by: null } : event;
      if (!own) return [{ audience: { to: 'facilitators' }, event: shown }];
      return [
        { audience: { to: 'person', id: own }, event },
        { audience: { to: 'facilitators', except: own }, event: shown },
      ];
    }
    case 'reminder.resolved': {
      const by = state.reminderRequests[event.requestId]?.by;
      return by
        ? [
            { audience: { to: 'person', id: by }, event },
            { audience: { to: 'facilitators', except: by }, event },
          ]
        : [{ audience: { to: 'facilitators' }, event }];
    }
    case 'affinity.answered':
      return [{ audience: { to: 'person', id: event.participantId }, event }];
    case 'round.opened':
      return grouped(state, (v) => ({ ...event, round: roundFor(event.round, v) }), (v) => rosterKey(event.round, v));
    case 'room.updated': {
      const round = roundOf(state, event.roundId);
      return grouped(
        state,
        (v) => ({ ...event, room: roomFor(round, event.room, v) }),
        (v) => roomVersionKey(round, event.room, v),
      );
    }
    case 'participant.affirmed':
      if (!event.joined) return [{ audience: { to: 'everyone' }, event }];
      return grouped(state, (v) => affirmedFor(event, state, v), (v) => (affirmedFor(event, state, v) === event ? 'full' : 'bare'));
    case 'signal.noticed':
      return [{ audience: { to: 'participants' }, event }];
    case 'silence.ended':
      return groupedFloor(state, (v) => silenceEndedFor(event, state, v, heldNotices(state, event.startedAt, v)));
    case 'pulse.opened':
    case 'pulse.answered':
    case 'pulse.shared':
      return pulseDeliveries(event, state);
    default:
      if (isQueueEvent(event)) return queueDeliveries(event, state);
      return [{ audience: { to: 'everyone' }, event }];
  }
}

/** Who follows a signal in full, and who gets the calm room notice. */
export function signalReaders(s: SignalView, state: ConveningView): { full: Audience[]; notice: Audience | null } {
  const sender = s.by;
  const room = readersOfSignal(s, state);
  const full: Audience[] = sender ? [{ to: 'person', id: sender }] : [];
  if (!room) {
    full.push(sender ? { to: 'facilitators', except: sender } : { to: 'facilitators' });
    return { full, notice: sender ? { to: 'participants', except: sender } : { to: 'participants' } };
  }
  // In a room: its hosts follow it; for an ordinary breakout room without hosts, every
  // facilitator does. A caucus's signals never reach anyone the caucus did not choose.
  const responsible = room.hosts;
  if (responsible === null) full.push(sender ? { to: 'facilitators', except: sender } : { to: 'facilitators' });
  else {
    const ids = responsible.filter((id) => id !== sender);
    if (ids.length) full.push({ to: 'people', ids });
  }
  const fullIds = new Set([sender, ...(responsible ?? [])]);
  const noticeIds = room.members.filter(
    (id) => !fullIds.has(id) && !(responsible === null && isFacilitator(state.participants[id]?.role ?? 'participant')),
  );
  return { full, notice: noticeIds.length ? { to: 'people', ids: noticeIds } : null };
}

/** The readers fixed at raise time; for signals logged before that existed, the room now. */
function readersOfSignal(s: SignalView, state: ConveningView): SignalReaders | null {
  if (s.scope === 'plenary') return null;
  if (s.readers) return s.readers;
  const room = roomOfScope(state, s.scope);
  if (!room) return null;
  return { members: room.members, hosts: room.hosts.length > 0 ? room.hosts : room.kind === 'breakout' ? null : [] };
}

/** What leaves the server of a signal: everything but the reader list. */
function publicSignal<T extends { readers?: SignalReaders }>(x: T): Omit<T, 'readers'> {
  const { readers: _readers, ...rest } = x;
  return rest;
}

function signalRaisedDeliveries(e: EventOf<'signal.raised'>, state: ConveningView): Delivery[] {
  const s = state.signals[e.signalId];
  if (!s) return [];
  const { full, notice } = signalReaders(s, state);
  const pub = publicSignal(e);
  const out: Delivery[] = full.map((audience) => ({
    audience,
    event: audience.to === 'person' || e.visibility !== 'anonymous' ? pub : { ...pub, by: null },
  }));
  // During a silence the room's notice waits; it comes with the silence's end.
  if (notice && !noticeHeld(s, state)) {
    out.push({
      audience: notice,
      event: {
        type: 'signal.noticed',
        signalId: e.signalId,
        kind: e.kind,
        scope: e.scope,
        by: e.visibility === 'named' ? e.by : null,
        explanation: e.visibility === 'named' && !e.privateExplanation ? e.explanation : null,
      },
    });
  }
  return out;
}

/** Deliver a per-reader version, one emit per group of readers who see the same thing. */
function grouped(state: ConveningView, version: (v: Viewer) => DomainEvent, key: (v: Viewer) => string): Delivery[] {
  const groups = new Map<string, { ids: string[]; sample: Viewer }>();
  for (const p of Object.values(state.participants)) {
    const viewer = { participantId: p.id, role: p.role };
    const k = key(viewer);
    const g = groups.get(k);
    if (g) g.ids.push(p.id);
    else groups.set(k, { ids: [p.id], sample: viewer });
  }
  return [...groups.values()].map((g) => ({ audience: { to: 'people', ids: g.ids }, event: version(g.sample) }));
}

function rosterKey(round: RoundView, v: Viewer): string {
  return Object.values(round.rooms)
    .filter((room) => seesRoster(round, room, v))
    .map((room) => room.id)
    .join(',');
}

/**
 * One stored event as one reader sees it, or null when it is not for them (replays).
 * Room events are redacted for the reader directly: grouping every participant, as a
 * broadcast does, would make each replay cost as much as the whole convening.
 */
export function eventFor(event: DomainEvent, state: ConveningView, viewer: Viewer): DomainEvent | null {
  if (event.type === 'round.opened') return { ...event, round: roundFor(event.round, viewer) };
  if (event.type === 'room.updated') return { ...event, room: roomFor(roundOf(state, event.roundId), event.room, viewer) };
  if (event.type === 'participant.affirmed') return affirmedFor(event, state, viewer);
  for (const d of deliveries(event, state)) if (inAudience(d.audience, viewer)) return d.event;
  return null;
}

/** Does this reader belong to this audience? (Used for snapshots and replays.) */
export function inAudience(audience: Audience, viewer: Viewer): boolean {
  switch (audience.to) {
    case 'everyone':
      return true;
    case 'person':
      return audience.id === viewer.participantId;
    case 'people':
      return audience.ids.includes(viewer.participantId);
    case 'facilitators':
      return isFacilitator(viewer.role) && audience.except !== viewer.participantId;
    case 'participants':
      return !isFacilitator(viewer.role) && audience.except !== viewer.participantId;
  }
}

/** Snapshot of the full state as one reader may see it; mirrors `deliveries`. */
export function viewFor(full: ConveningView, viewer: Viewer): ConveningView {
  return { ...sharedView(full), ...personalView(full, viewer) };
}

/** The parts of a snapshot that differ from reader to reader (see snapshot.ts). */
export function personalView(full: ConveningView, viewer: Viewer): PersonalView {
  const fac = isFacilitator(viewer.role);
  const signals: Record<string, SignalView> = {};
  const notices: NoticeView[] = [];
  for (const s of Object.values(full.signals)) {
    const readers = signalReaders(s, full);
    if (readers.full.some((a) => inAudience(a, viewer))) {
      const own = s.by === viewer.participantId;
      signals[s.id] = { ...structuredClone(publicSignal(s)), by: own || s.visibility !== 'anonymous' ? s.by : null };
    } else if (readers.notice && inAudience(readers.notice, viewer) && !noticeHeld(s, full)) notices.push(noticeOf(s));
  }
  const reminderRequests: Record<string, ReminderRequestView> = {};
  for (const r of Object.values(full.reminderRequests)) {
    const own = r.by === viewer.participantId;
    if (own) reminderRequests[r.id] = { ...r };
    else if (fac) reminderRequests[r.id] = { ...r, by: r.anonymous ? null : r.by };
  }
  const rounds: Record<string, RoundView> = {};
  for (const [id, round] of Object.entries(full.rounds)) rounds[id] = copyRound(roundFor(round, viewer));
  const own = full.affinity[viewer.participantId];
  return {
    signals,
    notices: notices.slice(-NOTICES_KEPT),
    reminderRequests,
    rounds,
    affinity: own ? { [viewer.participantId]: { ...own } } : {},
    floor: floorFor(full, viewer),
    pulses: pulsesFor(full, viewer),
  };
}

function copyRound(r: RoundView): RoundView {
  const rooms: RoundView['rooms'] = {};
  for (const [id, room] of Object.entries(r.rooms)) {
    rooms[id] = { ...room, members: [...room.members], hosts: [...room.hosts], ...(room.knocks ? { knocks: [...room.knocks] } : {}) };
  }
  return { ...r, rooms };
}

/** The room notices a silence that began at `since` held for this reader. */
function heldNotices(state: ConveningView, since: number, viewer: Viewer): NoticeView[] {
  const out: NoticeView[] = [];
  for (const s of Object.values(state.signals)) {
    if (s.raisedAt < since) continue;
    const notice = signalReaders(s, state).notice;
    if (notice && inAudience(notice, viewer)) out.push(noticeOf(s));
  }
  return out;
}

function noticeOf(s: SignalView): NoticeView {
  const named = s.visibility === 'named';
  return {
    id: s.id,
    kind: s.kind,
    scope: s.scope,
    by: named ? s.by : null,
    explanation: named && !s.privateExplanation ? s.explanation : null,
    at: s.raisedAt,
  };
}

/** What an email may carry about a convening (no caucus, no member): core/mail.ts. */
export { mailableConvening, namesCaucus, type MailableConvening } from './mail.ts';
