import type { ConveningView, FloorQueue } from '@brave/protocol';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { roomOf, roomScope, roundOf, seesRoster } from '../rounds/access.ts';

/**
 * The speaking lines: one per scope ("plenary", or a breakout room's scope, the same
 * strings signals use). Pure helpers shared by the floor's rules, reducer and policy.
 */

export const PLENARY = 'plenary';

const ROOM = /^room:([^:]+):([^:]+)$/;

/** The scope a person speaks in now: their running breakout room, or plenary. */
export function scopeOfPerson(state: ConveningView, participantId: string): string {
  const room = roomOf(state, participantId);
  return room && state.activeRoundId ? roomScope(state.activeRoundId, room.id) : PLENARY;
}

/**
 * May this reader see the line of this scope? Plenary's: everyone. A room's: exactly who
 * sees the room's roster (its members, its hosts, and facilitators unless it is private),
 * so a caucus's line never reaches anyone outside it, not even its length.
 */
export function seesScope(state: ConveningView, scope: string, viewer: Viewer): boolean {
  if (scope === PLENARY) return true;
  const m = ROOM.exec(scope);
  const round = m ? state.rounds[m[1]!] : undefined;
  const room = m && round?.status === 'running' ? round.rooms[m[2]!] : undefined;
  return room !== undefined && seesRoster(roundOf(state, m![1]!), room, viewer);
}

/** May this person run the line (call anyone, mark done, reorder)? Facilitators who see it. */
export const runsScope = (state: ConveningView, scope: string, viewer: Viewer): boolean =>
  isFacilitator(viewer.role) && seesScope(state, scope, viewer);

/**
 * May this person pass the turn along in this line (call whoever is next, mark the turn
 * done)? The people in a breakout room or caucus, so a room no facilitator is in, such as a
 * private caucus, still takes turns in order. Plenary's line stays the facilitators'.
 */
export const passesTurn = (state: ConveningView, scope: string, viewer: Viewer): boolean =>
  runsScope(state, scope, viewer) || (scope !== PLENARY && viewer.role !== 'observer' && scopeOfPerson(state, viewer.participantId) === scope);

export const emptyQueue = (): FloorQueue => ({ order: [], waiting: [], speaking: null, turns: {} });

export function queueOf(state: ConveningView, scope: string): FloorQueue {
  return state.floor.queues[scope] ?? emptyQueue();
}

export const isEmptyQueue = (q: FloorQueue): boolean =>
  q.order.length === 0 && q.waiting.length === 0 && q.speaking === null && Object.keys(q.turns).length === 0;

/**
 * Where a new hand goes. Plain: at the end. Progressive: ahead of everyone who has
 * already had the floor more often here, so people who have not spoken yet go first.
 */
export function placeInLine(order: readonly string[], id: string, turns: Record<string, number>, progressive: boolean): string[] {
  const rest = order.filter((x) => x !== id);
  if (!progressive) return [...rest, id];
  const mine = turns[id] ?? 0;
  const at = rest.findIndex((x) => (turns[x] ?? 0) > mine);
  return at < 0 ? [...rest, id] : [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** A whole line in progressive order: fewer turns first, otherwise as it stood. */
export function progressiveOrder(order: readonly string[], turns: Record<string, number>): string[] {
  return order
    .map((id, i) => ({ id, i, t: turns[id] ?? 0 }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.id);
}

/** The scope whose line (or waiting hands) holds this person, preferring the one given. */
export function scopeHolding(state: ConveningView, participantId: string, prefer: string): string | null {
  const holds = (scope: string) => {
    const q = state.floor.queues[scope];
    return q !== undefined && (q.order.includes(participantId) || q.waiting.includes(participantId));
  };
  if (holds(prefer)) return prefer;
  return Object.keys(state.floor.queues).find(holds) ?? null;
}
