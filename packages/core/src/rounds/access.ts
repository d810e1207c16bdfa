import type { ConveningView, DomainEvent, EventOf, RoomView, RoundView } from '@brave/protocol';
import { isFacilitator, type Viewer } from '../viewer.ts';

/**
 * A caucus round (strategy "affinity") keeps every room's roster private, not only the
 * caucuses': who is in the open room says who declined, and so who did not.
 */
export const isCaucusRound = (round: Pick<RoundView, 'strategy'>): boolean => round.strategy === 'affinity';

/** A room marked confidential (in its round's spec or live); see docs/breakouts.md. */
export const isConfidential = (room: Pick<RoomView, 'confidential'>): boolean => room.confidential != null;

/** A room whose roster only its members and hosts see: a caucus, any room of a caucus round, or a confidential room. */
export const isPrivateRoom = (round: Pick<RoundView, 'strategy'>, room: RoomView): boolean =>
  room.kind === 'caucus' || isCaucusRound(round) || isConfidential(room);

/**
 * Who may see what of breakout rooms. A room's roster is seen by its members and its
 * hosts; facilitators also see ordinary breakout rosters, never a private room's unless
 * it chose them as hosts. Everyone sees that a room exists and its size; a private
 * room's size is the one it opened with (see `sizeAfter`).
 */
export function seesRoster(round: Pick<RoundView, 'strategy'>, room: RoomView, viewer: Viewer): boolean {
  if (room.members.includes(viewer.participantId) || room.hosts.includes(viewer.participantId)) return true;
  return isFacilitator(viewer.role) && !isPrivateRoom(round, room);
}

export function roomFor(round: Pick<RoundView, 'strategy'>, room: RoomView, viewer: Viewer): RoomView {
  if (seesRoster(round, room, viewer)) return room;
  // Outside a confidential room a facilitator sees only their own knock, never who else knocked.
  if (!room.knocks) return { ...room, members: [] };
  return { ...room, members: [], knocks: room.knocks.filter((id) => id === viewer.participantId) };
}

/** Which version of a room this reader receives (for grouping deliveries). */
export const roomVersionKey = (round: Pick<RoundView, 'strategy'>, room: RoomView, viewer: Viewer): string =>
  seesRoster(round, room, viewer) ? 'full' : room.knocks?.includes(viewer.participantId) ? 'knock' : 'size';

export function roundFor(round: RoundView, viewer: Viewer): RoundView {
  const rooms: Record<string, RoomView> = {};
  for (const [id, room] of Object.entries(round.rooms)) rooms[id] = roomFor(round, room, viewer);
  return { ...round, rooms };
}

/**
 * The size a room shows once its members change. A private room keeps the size it opened
 * with: a size that moved just as someone arrived, left or was moved would tell everyone
 * outside it who is in it. Its members see their own list.
 */
export const sizeAfter = (round: Pick<RoundView, 'strategy'>, room: RoomView): number =>
  isPrivateRoom(round, room) ? room.size : room.members.length;

/** A round's strategy decides which rosters are private; an unknown round counts as private. */
export function roundOf(state: ConveningView, roundId: string): Pick<RoundView, 'strategy'> {
  return state.rounds[roundId] ?? { strategy: 'affinity' };
}

/**
 * A late arrival's affirmation as one reader sees it: with the room they joined for those
 * who see that room's roster, the bare affirmation for everyone else.
 */
export function affirmedFor(event: EventOf<'participant.affirmed'>, state: ConveningView, v: Viewer): DomainEvent {
  const joined = event.joined;
  const round = joined && state.rounds[joined.roundId];
  const room: RoomView | undefined = joined && round ? round.rooms[joined.roomId] : undefined;
  if (!joined || (round && room && seesRoster(round, room, v))) return event;
  return { type: 'participant.affirmed', participantId: event.participantId };
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
