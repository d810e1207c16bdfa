import type { ConveningView, DomainEvent, EventOf, FloorView, NoticeView, SignalView } from '@brave/protocol';
import type { Delivery } from '../audience.ts';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { PLENARY, isEmptyQueue, seesScope } from './queue.ts';

/**
 * Who hears what of the floor. A line reaches exactly who may see its room (see
 * `seesScope`); turn counts reach facilitators only; during a silence a hand going up
 * or down is heard by its owner and the room's facilitators alone, and the room notices
 * of signals wait. Ouch and whoops themselves are never held from facilitators.
 */

type QueueEvent = EventOf<'hand.raised' | 'hand.lowered' | 'floor.called' | 'floor.done' | 'floor.reordered'>;
export const QUEUE_EVENT_TYPES: readonly DomainEvent['type'][] = ['hand.raised', 'hand.lowered', 'floor.called', 'floor.done', 'floor.reordered'];
export const isQueueEvent = (e: DomainEvent): e is QueueEvent => QUEUE_EVENT_TYPES.includes(e.type);


/** A line's event as one reader receives it, or null when it is not for them. */
export function queueEventFor(e: QueueEvent, state: ConveningView, v: Viewer): DomainEvent | null {
  if (!seesScope(state, e.scope, v)) return null;
  const fac = isFacilitator(v.role);
  if (e.type === 'hand.raised' || e.type === 'hand.lowered') {
    if (e.held && !fac && e.participantId !== v.participantId) return null;
    const { recent: _recent, ...rest } = e;
    return rest;
  }
  if (e.type === 'floor.called' && !fac) {
    const { turns: _turns, ...rest } = e;
    return rest;
  }
  return e;
}

/** The end of a silence as one reader receives it: the lines they see, the notices held for them. */
export function silenceEndedFor(e: EventOf<'silence.ended'>, state: ConveningView, v: Viewer, held: NoticeView[]): DomainEvent {
  const queues: Record<string, string[]> = {};
  for (const [scope, order] of Object.entries(e.queues)) if (seesScope(state, scope, v)) queues[scope] = order;
  return held.length > 0 ? { type: 'silence.ended', startedAt: e.startedAt, queues, notices: held } : { type: 'silence.ended', startedAt: e.startedAt, queues };
}

/**
 * A line's event to its readers. The main room's goes by role (everyone, facilitators,
 * participants, its owner), so it reaches people as they come; a room's goes to the people
 * who see that room, grouped by the version each receives.
 */
export function queueDeliveries(e: QueueEvent, state: ConveningView): Delivery[] {
  if (e.scope !== PLENARY) return groupedFloor(state, (v) => queueEventFor(e, state, v));
  const asParticipant = queueEventFor(e, state, { participantId: '', role: 'participant' });
  const asFacilitator = queueEventFor(e, state, { participantId: '', role: 'facilitator' })!;
  const hand = e.type === 'hand.raised' || e.type === 'hand.lowered';
  if (hand && e.held) {
    const own = queueEventFor(e, state, { participantId: e.participantId, role: 'participant' })!;
    return [
      { audience: { to: 'person', id: e.participantId }, event: own },
      { audience: { to: 'facilitators', except: e.participantId }, event: asFacilitator },
    ];
  }
  if (JSON.stringify(asParticipant) === JSON.stringify(asFacilitator)) return [{ audience: { to: 'everyone' }, event: asFacilitator }];
  return [
    { audience: { to: 'facilitators' }, event: asFacilitator },
    ...(asParticipant ? [{ audience: { to: 'participants' } as const, event: asParticipant }] : []),
  ];
}

/** Group everyone by the version they receive; one delivery per group, none for those who get nothing. */
export function groupedFloor(state: ConveningView, version: (v: Viewer) => DomainEvent | null): Delivery[] {
  const groups = new Map<string, { ids: string[]; event: DomainEvent }>();
  for (const p of Object.values(state.participants)) {
    const event = version({ participantId: p.id, role: p.role });
    if (!event) continue;
    const key = JSON.stringify(event);
    const g = groups.get(key);
    if (g) g.ids.push(p.id);
    else groups.set(key, { ids: [p.id], event });
  }
  return [...groups.values()].map((g) => ({ audience: { to: 'people', ids: g.ids }, event: g.event }));
}

/** Is this signal's room notice waiting for the silence to end? */
export const noticeHeld = (s: SignalView, state: ConveningView): boolean =>
  state.floor.silence !== null && s.raisedAt >= state.floor.silence.startedAt;

/** The floor as one reader may see it; mirrors the deliveries above. */
export function floorFor(full: ConveningView, v: Viewer): FloorView {
  const fac = isFacilitator(v.role);
  const queues: FloorView['queues'] = {};
  for (const [scope, q] of Object.entries(full.floor.queues)) {
    if (!seesScope(full, scope, v)) continue;
    const mine = {
      order: [...q.order],
      waiting: fac ? [...q.waiting] : q.waiting.filter((id) => id === v.participantId),
      speaking: q.speaking,
      turns: fac ? { ...q.turns } : {},
    };
    if (!isEmptyQueue(mine)) queues[scope] = mine;
  }
  return { progressive: full.floor.progressive, queues, silence: full.floor.silence && { ...full.floor.silence }, recent: {} };
}
