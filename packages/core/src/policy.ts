import type {
  CommandType,
  ConveningView,
  DomainEvent,
  EventOf,
  NoticeView,
  ReminderRequestView,
  Role,
  SignalView,
} from '@brave/protocol';
import { NOTICES_KEPT } from './state.ts';

/**
 * The access policy: who may do what, and who may see what. The server asks it for
 * every command, every snapshot and every broadcast; nothing else decides access.
 */
export interface Viewer {
  participantId: string;
  role: Role;
}

export const isFacilitator = (role: Role): boolean => role === 'facilitator' || role === 'cofacilitator';

/** Which roles may send each command. A table, so the access matrix test can read it. */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  'agreements.affirm': ['facilitator', 'cofacilitator', 'participant', 'observer'],
  'agreements.set': ['facilitator', 'cofacilitator'],
  'spotlight.set': ['facilitator', 'cofacilitator'],
  'spotlight.clear': ['facilitator', 'cofacilitator'],
  'reminders.schedule': ['facilitator', 'cofacilitator'],
  'reminders.stop': ['facilitator', 'cofacilitator'],
  'reminder.request': ['cofacilitator', 'participant'],
  'reminder.resolve': ['facilitator', 'cofacilitator'],
  'signal.raise': ['facilitator', 'cofacilitator', 'participant'],
  'signal.explain': ['facilitator', 'cofacilitator', 'participant'],
  'signal.triage': ['facilitator', 'cofacilitator'],
  'convening.close': ['facilitator'],
};

export const can = (role: Role, command: CommandType): boolean => COMMAND_ROLES[command].includes(role);

/** Who receives a delivery. The server maps each to a socket.io room. */
export type Audience =
  | { to: 'everyone' }
  | { to: 'facilitators'; except?: string }
  | { to: 'participants'; except?: string }
  | { to: 'person'; id: string };

export interface Delivery {
  audience: Audience;
  event: DomainEvent;
}

/**
 * How one stored event reaches readers: each audience gets the version it may see.
 * `state` is the full state before or after the event (only stable facts are read).
 */
export function deliveries(event: DomainEvent, state: ConveningView): Delivery[] {
  switch (event.type) {
    case 'signal.raised':
      return signalRaisedDeliveries(event);
    case 'signal.explained': {
      const s = state.signals[event.signalId];
      if (!s?.by) return [{ audience: { to: 'facilitators' }, event }];
      const out: Delivery[] = [
        { audience: { to: 'person', id: s.by }, event },
        { audience: { to: 'facilitators', except: s.by }, event },
      ];
      if (s.visibility === 'named' && !s.privateExplanation) {
        out.push({ audience: { to: 'participants', except: s.by }, event });
      }
      return out;
    }
    case 'signal.triaged': {
      const by = state.signals[event.signalId]?.by;
      return by ? toFacilitatorsAnd(by, event) : [{ audience: { to: 'facilitators' }, event }];
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
      return by ? toFacilitatorsAnd(by, event) : [{ audience: { to: 'facilitators' }, event }];
    }
    case 'signal.noticed':
      return [{ audience: { to: 'participants' }, event }];
    default:
      return [{ audience: { to: 'everyone' }, event }];
  }
}

function toFacilitatorsAnd(person: string, event: DomainEvent): Delivery[] {
  return [
    { audience: { to: 'person', id: person }, event },
    { audience: { to: 'facilitators', except: person }, event },
  ];
}

function signalRaisedDeliveries(e: EventOf<'signal.raised'>): Delivery[] {
  const sender = e.by;
  const out: Delivery[] = [];
  if (sender) out.push({ audience: { to: 'person', id: sender }, event: e });
  const forFacilitators = e.visibility === 'anonymous' ? { ...e, by: null } : e;
  out.push({ audience: sender ? { to: 'facilitators', except: sender } : { to: 'facilitators' }, event: forFacilitators });
  const notice: EventOf<'signal.noticed'> = {
    type: 'signal.noticed',
    signalId: e.signalId,
    kind: e.kind,
    scope: e.scope,
    by: e.visibility === 'named' ? e.by : null,
    explanation: e.visibility === 'named' && !e.privateExplanation ? e.explanation : null,
  };
  out.push({ audience: sender ? { to: 'participants', except: sender } : { to: 'participants' }, event: notice });
  return out;
}

/** Does this reader belong to this audience? (Used for snapshots and by tests.) */
export function inAudience(audience: Audience, viewer: Viewer): boolean {
  switch (audience.to) {
    case 'everyone':
      return true;
    case 'person':
      return audience.id === viewer.participantId;
    case 'facilitators':
      return isFacilitator(viewer.role) && audience.except !== viewer.participantId;
    case 'participants':
      return !isFacilitator(viewer.role) && audience.except !== viewer.participantId;
  }
}

/** Snapshot of the full state as one reader may see it; mirrors `deliveries`. */
export function viewFor(full: ConveningView, viewer: Viewer): ConveningView {
  const fac = isFacilitator(viewer.role);
  const signals: Record<string, SignalView> = {};
  const notices: NoticeView[] = [];
  for (const s of Object.values(full.signals)) {
    const own = s.by === viewer.participantId;
    if (own) signals[s.id] = structuredClone(s);
    else if (fac) signals[s.id] = { ...structuredClone(s), by: s.visibility === 'anonymous' ? null : s.by };
    else notices.push(noticeOf(s));
  }
  const reminderRequests: Record<string, ReminderRequestView> = {};
  for (const r of Object.values(full.reminderRequests)) {
    const own = r.by === viewer.participantId;
    if (own) reminderRequests[r.id] = { ...r };
    else if (fac) reminderRequests[r.id] = { ...r, by: r.anonymous ? null : r.by };
  }
  return {
    ...structuredClone(full),
    signals,
    notices: notices.slice(-NOTICES_KEPT),
    reminderRequests,
  };
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
