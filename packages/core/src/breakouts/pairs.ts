// Who has already shared a room with whom. The public helpers speak in ids; the
// engine itself works on numeric indices in typed-array graphs, so the hot
// loops never build strings or touch a Map.

import { EdgeList } from './edges.ts';
import type { PairGraph } from './edges.ts';
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

/** Graph of past meetings: weight = how many past rooms the pair shared. */
export function countHistoryPairs(history: PairHistory, indexOf: ReadonlyMap<string, number>, n: number): PairGraph {
  const edges = new EdgeList();
  const local = new Set<number>();
  for (const room of history) {
    if (room.length > MAX_HISTORY_ROOM) continue;
    local.clear();
    for (const id of room) {
      const idx = indexOf.get(id);
      if (idx !== undefined) local.add(idx);
    }
    edges.addClique([...local], 1);
  }
  return edges.toGraph(n);
}

/** Pairs [i, j] (i < j, sorted) of the graph whose two people share a room (roomOf -1 = plenary). */
export function repeatedPairs(graph: PairGraph, roomOf: Int32Array): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < graph.n; i++) {
    const room = roomOf[i]!;
    if (room < 0) continue;
    for (let e = graph.start[i]!; e < graph.start[i + 1]!; e++) {
      const j = graph.nbr[e]!;
      if (j > i && roomOf[j] === room) found.push([i, j]);
    }
  }
  return found.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
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
  const graph = countHistoryPairs(history, indexOf, roomIds.length);
  return repeatedPairs(graph, Int32Array.from(roomIds)).length;
}

function isRoomLike(room: RoomLike | readonly string[]): room is RoomLike {
  return !Array.isArray(room);
}
