import type { ConveningView, RoomView, RoundView } from '@brave/protocol';
import { isFacilitator, type Viewer } from '../viewer.ts';

/**
 * Who may see what of breakout rooms. A room's roster is seen by its members and its
 * hosts; facilitators also see ordinary breakout rosters, never caucus rosters unless
 * the caucus chose them as hosts. Everyone sees that a room exists and its size.
 */
export function seesRoster(room: RoomView, viewer: Viewer): boolean {
  if (room.members.includes(viewer.participantId) || room.hosts.includes(viewer.participantId)) return true;
  return room.kind === 'breakout' && isFacilitator(viewer.role);
}

export function roomFor(room: RoomView, viewer: Viewer): RoomView {
  return seesRoster(room, viewer) ? room : { ...room, members: [] };
}

export function roundFor(round: RoundView, viewer: Viewer): RoundView {
  const rooms: Record<string, RoomView> = {};
  for (const [id, room] of Object.entries(round.rooms)) rooms[id] = roomFor(room, viewer);
  return { ...round, rooms };
}

export function activeRound(state: ConveningView): RoundView | null {
  return state.activeRoundId ? (state.rounds[state.activeRoundId] ?? null) : null;
}

/** The running room this person is in, if any. */
export function roomOf(state: ConveningView, participantId: string): RoomView | null {
  const round = activeRound(state);
  if (!round || round.status !== 'running') return null;
  for (const room of Object.values(round.rooms)) if (room.members.includes(participantId)) return room;
  return null;
}

/** Signal scopes: "plenary" or "room:<roundId>:<roomId>". */
export const roomScope = (roundId: string, roomId: string): string => `room:${roundId}:${roomId}`;

export function roomOfScope(state: ConveningView, scope: string): RoomView | null {
  const m = /^room:([^:]+):([^:]+)$/.exec(scope);
  if (!m) return null;
  return state.rounds[m[1]!]?.rooms[m[2]!] ?? null;
}
