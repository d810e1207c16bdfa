// Who has already shared a room with whom. The public helpers speak in ids; the
// engine itself works on numeric indices (a pair of indices i < j is the number
// i * n + j) so the hot loops never build strings.

import type { PairHistory } from './types.ts';

/**
 * History rooms larger than this are skipped: sharing a room with a thousand
 * people is plenary, not a meeting, and the pair count would explode.
 */
export const MAX_HISTORY_ROOM = 1000;

const SEPARATOR = '\u001f';

/** Order-independent key for a pair of ids (ids should not contain U+001F). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}${SEPARATOR}${b}` : `${b}${SEPARATOR}${a}`;
}

export interface RoomLike {
  members: readonly string[];
  kind?: string;
}

/**
 * Turns the rooms of earlier plans into history for the next one. Caucus rooms are
 * left out unless asked for: kept history outlives a convening, and a caucus
 * roster would reveal private self-identification.
 */
export function historyFromRooms(
  rooms: readonly RoomLike[],
  options: { includeCaucus?: boolean } = {},
): string[][] {
  const out: string[][] = [];
  for (const room of rooms) {
    if (room.kind === 'caucus' && options.includeCaucus !== true) continue;
    if (room.members.length > 1) out.push([...room.members]);
  }
  return out;
}

/** Pair index → how many past rooms the pair shared. */
export type PairCounts = Map<number, number>;

export function encodePair(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

export function decodePair(key: number, n: number): [number, number] {
  const i = Math.floor(key / n);
  return [i, key - i * n];
}

/** Counts shared past rooms for every pair of known people. */
export function countHistoryPairs(
  history: PairHistory,
  indexOf: ReadonlyMap<string, number>,
  n: number,
): PairCounts {
  const counts: PairCounts = new Map();
  const local: number[] = [];
  for (const room of history) {
    if (room.length > MAX_HISTORY_ROOM) continue;
    local.length = 0;
    for (const id of room) {
      const idx = indexOf.get(id);
      if (idx !== undefined && !local.includes(idx)) local.push(idx);
    }
    addRoomPairs(counts, local, n);
  }
  return counts;
}

function addRoomPairs(counts: PairCounts, members: readonly number[], n: number): void {
  for (let x = 0; x < members.length; x++) {
    const i = members[x] as number;
    for (let y = x + 1; y < members.length; y++) {
      const key = encodePair(i, members[y] as number, n);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
}

/** Pairs from `counts` whose two people now share a room (roomOf -1 = plenary). */
export function repeatedPairs(counts: PairCounts, roomOf: Int32Array, n: number): number[] {
  const found: number[] = [];
  for (const key of counts.keys()) {
    const [i, j] = decodePair(key, n);
    const room = roomOf[i] ?? -1;
    if (room >= 0 && room === roomOf[j]) found.push(key);
  }
  return found.sort((x, y) => x - y);
}

/** Number of distinct pairs in `rooms` who already shared a room in `history`. */
export function countRepeatPairs(
  rooms: ReadonlyArray<RoomLike | readonly string[]>,
  history: PairHistory,
): number {
  const indexOf = new Map<string, number>();
  const roomIds: number[] = [];
  rooms.forEach((room, r) => {
    const members = isRoomLike(room) ? room.members : room;
    for (const id of members) {
      if (indexOf.has(id)) continue;
      indexOf.set(id, roomIds.length);
      roomIds.push(r);
    }
  });
  const n = Math.max(roomIds.length, 1);
  const counts = countHistoryPairs(history, indexOf, n);
  return repeatedPairs(counts, Int32Array.from(roomIds), n).length;
}

function isRoomLike(room: RoomLike | readonly string[]): room is RoomLike {
  return !Array.isArray(room);
}
