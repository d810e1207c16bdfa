import type { ConveningView, EventOf, FloorQueue } from '@brave/protocol';
import { emptyQueue, isEmptyQueue } from './queue.ts';

export type FloorEvent = EventOf<
  'hand.raised' | 'hand.lowered' | 'floor.called' | 'floor.done' | 'floor.reordered' | 'floor.progressive' | 'silence.started' | 'silence.ended'
>;

export const emptyFloor = (): ConveningView['floor'] => ({ progressive: false, queues: {}, silence: null, recent: {} });

/** Fold the floor's events (called from the main reducer; it pushes released notices). */
export function reduceFloor(state: ConveningView, e: FloorEvent, at: number): void {
  const floor = state.floor;
  const edit = (scope: string, change: (q: FloorQueue) => void) => {
    const q = floor.queues[scope] ?? emptyQueue();
    change(q);
    if (isEmptyQueue(q)) delete floor.queues[scope];
    else floor.queues[scope] = q;
  };
  switch (e.type) {
    case 'hand.raised':
    case 'hand.lowered':
      edit(e.scope, (q) => {
        q.order = [...e.order];
        const waiting = q.waiting.filter((id) => id !== e.participantId);
        q.waiting = e.type === 'hand.raised' && e.held ? [...waiting, e.participantId] : waiting;
      });
      if (e.recent) floor.recent[e.participantId] = [...e.recent];
      break;
    case 'floor.called':
      edit(e.scope, (q) => {
        q.order = [...e.order];
        q.speaking = e.participantId;
        if (e.turns !== undefined) q.turns[e.participantId] = e.turns;
      });
      break;
    case 'floor.done':
      edit(e.scope, (q) => {
        if (q.speaking === e.participantId) q.speaking = null;
      });
      break;
    case 'floor.reordered':
      edit(e.scope, (q) => {
        q.order = [...e.order];
      });
      break;
    case 'floor.progressive':
      floor.progressive = e.on;
      break;
    case 'silence.started':
      // Re-timing a running silence keeps when it began (what it holds dates from then).
      floor.silence = { startedAt: floor.silence?.startedAt ?? at, endsAt: e.endsAt };
      break;
    case 'silence.ended':
      floor.silence = null;
      for (const scope of Object.keys(floor.queues)) edit(scope, (q) => (q.waiting = []));
      for (const [scope, order] of Object.entries(e.queues)) edit(scope, (q) => (q.order = [...order]));
      break;
  }
}

/** A round ended: its rooms' lines (and turn counts) go with it. */
export function dropRoundLines(state: ConveningView, roundId: string): void {
  for (const scope of Object.keys(state.floor.queues)) if (scope.startsWith(`room:${roundId}:`)) delete state.floor.queues[scope];
}

/**
 * A room's members changed (someone moved, or joined another room): whoever is no longer
 * in it leaves its line, so a hand raised there is not called after they have gone. Their
 * turn count stays with the room's line, which ends with the round.
 */
export function trimRoomLine(state: ConveningView, roundId: string, room: { id: string; members: readonly string[] }): void {
  const scope = `room:${roundId}:${room.id}`;
  const q = state.floor.queues[scope];
  if (!q) return;
  const stays = (id: string) => room.members.includes(id);
  q.order = q.order.filter(stays);
  q.waiting = q.waiting.filter(stays);
  if (q.speaking !== null && !stays(q.speaking)) q.speaking = null;
  if (isEmptyQueue(q)) delete state.floor.queues[scope];
}

/** Someone let out: out of every line. */
export function leaveLines(state: ConveningView, id: string): void {
  for (const [scope, q] of Object.entries(state.floor.queues)) {
    q.order = q.order.filter((x) => x !== id);
    q.waiting = q.waiting.filter((x) => x !== id);
    if (q.speaking === id) q.speaking = null;
    delete q.turns[id];
    if (isEmptyQueue(q)) delete state.floor.queues[scope];
  }
  delete state.floor.recent[id];
}

/** The convening ended: lines, turn counts and any silence end with it. */
export function closeFloor(state: ConveningView): void {
  state.floor.queues = {};
  state.floor.silence = null;
  state.floor.recent = {};
}
