// Shared pieces for the breakout engine tests: fixture loading, arbitraries and
// invariant checks used by several strategy suites.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { EngineParticipant, Plan, PlannedRoom } from '../../src/breakouts/index.ts';

export function loadFixture(name: string): EngineParticipant[] {
  const url = new URL(`../../../../test/fixtures/${name}.json`, import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as { participants: EngineParticipant[] };
  return data.participants;
}

/** Everyone appears exactly once across rooms and plenary, and nobody else does. */
export function expectEveryoneOnce(plan: Plan, people: readonly { id: string }[]): void {
  const placed = [...plan.rooms.flatMap((r) => r.members), ...plan.plenary];
  expect(placed.length).toBe(people.length);
  expect(new Set(placed)).toEqual(new Set(people.map((p) => p.id)));
}

export function sizeSpread(rooms: readonly PlannedRoom[]): number {
  if (rooms.length === 0) return 0;
  const sizes = rooms.map((r) => r.members.length);
  return Math.max(...sizes) - Math.min(...sizes);
}

/** Room key per id (undefined = plenary). */
export function roomIndex(plan: Plan): Map<string, string> {
  const at = new Map<string, string>();
  for (const room of plan.rooms) for (const id of room.members) at.set(id, room.key);
  return at;
}

export function ids(n: number, prefix = 'id'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}-x`);
}

/** Random history: a few past rooms drawn from the given ids. */
export function historyArb(idList: readonly string[], maxRooms = 8): fc.Arbitrary<string[][]> {
  if (idList.length < 2) return fc.constant([]);
  return fc.array(fc.uniqueArray(fc.constantFrom(...idList), { minLength: 2, maxLength: Math.min(5, idList.length) }), {
    maxLength: maxRooms,
  });
}

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Exhaustive check: can these people be split into rooms of `sizes` with no pair from history? */
export function bruteForceHasZero(people: readonly string[], sizes: readonly number[], history: readonly (readonly string[])[]): boolean {
  const n = people.length;
  const met = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
  const idx = new Map(people.map((id, i) => [id, i]));
  for (const room of history) {
    const members = room.map((id) => idx.get(id)).filter((i): i is number => i !== undefined);
    for (const a of members) for (const b of members) if (a !== b) met[a]![b] = true;
  }
  const rooms: number[][] = sizes.map(() => []);
  const place = (p: number): boolean => {
    if (p === n) return true;
    const tried = new Set<string>();
    for (let r = 0; r < rooms.length; r++) {
      const room = rooms[r]!;
      // Rooms that are still empty and of equal size are interchangeable: try one.
      const shape = room.length === 0 ? `empty-${sizes[r]}` : `r${r}`;
      if (tried.has(shape) || room.length >= sizes[r]! || room.some((q) => met[p]![q])) continue;
      tried.add(shape);
      room.push(p);
      if (place(p + 1)) return true;
      room.pop();
    }
    return false;
  };
  return place(0);
}

/**
 * The largest room a "largest room" setting may give: the setting itself, or one more
 * when it is 2 and a group is odd (so nobody is left alone).
 */
export function largestRoomFor(maxRoomSize: number): number {
  return maxRoomSize === 2 ? 3 : maxRoomSize;
}
