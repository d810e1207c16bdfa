import type { ConveningView, LoggedEvent, NoticeView } from '@brave/protocol';
import { DEFAULT_CAUCUS_OPTIONS, DEFAULT_CHANNELS } from '@brave/protocol';
import { reduceRound } from './rounds/reduce.ts';
import { closeFloor, dropRoundLines, emptyFloor, leaveLines, reduceFloor, trimRoomLine } from './floor/reduce.ts';
import { emptyShow, reduceShow } from './show/reduce.ts';

/** How many room notices a reader keeps: enough for a calm recent-history, never a tally. */
export const NOTICES_KEPT = 20;

export function emptyState(id: string): ConveningView {
  return {
    id,
    title: '',
    joinCode: '',
    status: 'open',
    createdAt: 0,
    agreementSetId: 'custom',
    agreements: [],
    signalPolicy: { allowed: ['named'], default: 'named' },
    communityId: id,
    channels: DEFAULT_CHANNELS.map((c) => ({ ...c })),
    outline: [],
    participants: {},
    spotlight: null,
    reminders: null,
    signals: {},
    notices: [],
    reminderRequests: {},
    caucusOptions: [...DEFAULT_CAUCUS_OPTIONS],
    affinity: {},
    agenda: [],
    broadcast: null,
    rounds: {},
    activeRoundId: null,
    floor: emptyFloor(),
    show: emptyShow(),
    pulses: {},
    seq: 0,
  };
}

/**
 * Fold one logged event into a state. The same function builds the server's full state
 * from the log and every client's filtered view from the events it was sent, so the two
 * can never drift apart. Mutates and returns `state` (callers own their copy).
 */
export function reduce(state: ConveningView, logged: LoggedEvent): ConveningView {
  const { event: e, at, seq } = logged;
  state.seq = Math.max(state.seq, seq);
  switch (e.type) {
    case 'convening.created':
      Object.assign(state, {
        id: e.conveningId,
        title: e.title,
        joinCode: e.joinCode,
        createdAt: at,
        agreementSetId: e.agreementSetId,
        agreements: e.agreements,
        signalPolicy: e.signalPolicy,
        // Logs from before communities lack these: a convening was its own community then.
        communityId: e.communityId ?? e.conveningId,
        channels: (e.channels ?? DEFAULT_CHANNELS).map((c) => ({ ...c })),
        outline: [...(e.outline ?? [])],
        ...(e.caucusOptions ? { caucusOptions: [...e.caucusOptions] } : {}),
      });
      break;
    case 'convening.closed':
      state.status = 'closed';
      state.reminders = null;
      // Self-identification ends with the convening unless its owner chose to keep it.
      for (const [id, a] of Object.entries(state.affinity)) if (!a.keep) delete state.affinity[id];
      closeFloor(state);
      break;
    case 'participant.joined':
      state.participants[e.participantId] = {
        id: e.participantId,
        name: e.name,
        pronouns: e.pronouns,
        role: e.role,
        joinedAt: at,
        affirmedAt: null,
        profile: { channel: null, role: null, team: null, organisation: null, region: null, orgType: null },
      };
      break;
    case 'participant.profiled': {
      const p = state.participants[e.participantId];
      if (p) for (const [k, v] of Object.entries(e.profile)) if (v !== undefined) p.profile[k as keyof typeof p.profile] = v;
      break;
    }
    case 'affinity.answered':
      state.affinity[e.participantId] = { answer: e.answer, keep: e.keep };
      break;
    case 'caucus.options.set':
      state.caucusOptions = e.options;
      break;
    case 'agenda.set':
      state.agenda = e.agenda;
      break;
    case 'round.opened':
    case 'room.updated':
    case 'round.retimed':
    case 'round.warned':
    case 'round.ended':
    case 'round.broadcast':
      reduceRound(state, e, at);
      if (e.type === 'round.ended') dropRoundLines(state, e.roundId);
      if (e.type === 'room.updated') trimRoomLine(state, e.roundId, e.room);
      break;
    case 'hand.raised':
    case 'hand.lowered':
    case 'floor.called':
    case 'floor.done':
    case 'floor.reordered':
    case 'floor.progressive':
    case 'silence.started':
    case 'silence.ended':
      reduceFloor(state, e, at);
      if (e.type === 'silence.ended') for (const n of e.notices ?? []) if (!state.notices.some((x) => x.id === n.id)) pushNotice(state, n);
      break;
    case 'show.planned':
    case 'show.entered':
    case 'show.extended':
    case 'pulse.opened':
    case 'pulse.answered':
    case 'pulse.tallied':
    case 'pulse.shared':
    case 'pulse.closed':
      reduceShow(state, e, at);
      break;
    case 'participant.removed':
      removeParticipant(state, e.participantId);
      break;
    case 'participant.affirmed': {
      const p = state.participants[e.participantId];
      if (p) p.affirmedAt = at;
      // A private room's size stays as it opened (rounds/access.ts sizeAfter).
      const room = e.joined && state.rounds[e.joined.roundId]?.rooms[e.joined.roomId];
      if (room && !room.members.includes(e.participantId)) room.members = [...room.members, e.participantId];
      break;
    }
    case 'agreements.set':
      state.agreementSetId = e.agreementSetId;
      state.agreements = e.agreements;
      if (state.spotlight) {
        // A spotlighted agreement that was reworded shows its new words; a removed one goes.
        const kept = e.agreements.find((a) => a.id === state.spotlight?.agreementId);
        if (kept) state.spotlight.text = kept.text;
        else state.spotlight = null;
      }
      break;
    case 'spotlight.set':
      state.spotlight = { agreementId: e.agreementId, text: e.text, source: e.source, at, seq };
      break;
    case 'spotlight.cleared':
      state.spotlight = null;
      break;
    case 'reminders.scheduled':
      state.reminders = { everyMinutes: e.everyMinutes, startIndex: e.startIndex, startedAt: at };
      break;
    case 'reminders.stopped':
      state.reminders = null;
      break;
    case 'reminder.requested':
      state.reminderRequests[e.requestId] = {
        id: e.requestId,
        agreementId: e.agreementId,
        by: e.by,
        anonymous: e.anonymous,
        note: e.note,
        at,
        resolved: false,
      };
      break;
    case 'reminder.resolved': {
      const r = state.reminderRequests[e.requestId];
      if (r) r.resolved = true;
      break;
    }
    case 'signal.raised':
      state.signals[e.signalId] = {
        id: e.signalId,
        kind: e.kind,
        visibility: e.visibility,
        scope: e.scope,
        by: e.by,
        explanation: e.explanation,
        privateExplanation: e.privateExplanation,
        ...(e.readers ? { readers: e.readers } : {}),
        status: 'raised',
        history: [],
        raisedAt: at,
        updatedAt: at,
      };
      break;
    case 'signal.noticed':
      pushNotice(state, { id: e.signalId, kind: e.kind, scope: e.scope, by: e.by, explanation: e.explanation, at });
      break;
    case 'signal.explained': {
      const s = state.signals[e.signalId];
      if (s) {
        s.explanation = e.explanation;
        s.updatedAt = at;
      }
      const n = state.notices.find((x) => x.id === e.signalId);
      if (n) n.explanation = e.explanation;
      break;
    }
    case 'signal.triaged': {
      const s = state.signals[e.signalId];
      if (s) {
        s.status = e.status;
        s.updatedAt = at;
        s.history.push({ status: e.status, note: e.note, by: e.by, at });
      }
      break;
    }
    default: {
      const never: never = e;
      return never;
    }
  }
  return state;
}

/**
 * Let someone out: gone from the people, their caucus answer, and every room's members and
 * hosts (so rosters and notes access follow). Sizes stay: a caucus's size must not change
 * where outsiders could see it (core decide's removalEvents updates the running round's
 * ordinary rooms); signals they raised stay too, their sender shown as someone who left.
 */
function removeParticipant(state: ConveningView, id: string): void {
  delete state.participants[id];
  delete state.affinity[id];
  leaveLines(state, id);
  for (const round of Object.values(state.rounds)) {
    for (const room of Object.values(round.rooms)) {
      if (room.members.includes(id)) room.members = room.members.filter((m) => m !== id);
      if (room.hosts.includes(id)) room.hosts = room.hosts.filter((h) => h !== id);
    }
  }
}

function pushNotice(state: ConveningView, notice: NoticeView): void {
  state.notices.push(notice);
  if (state.notices.length > NOTICES_KEPT) state.notices.splice(0, state.notices.length - NOTICES_KEPT);
}

export function foldAll(id: string, events: Iterable<LoggedEvent>): ConveningView {
  let state = emptyState(id);
  for (const e of events) state = reduce(state, e);
  return state;
}
