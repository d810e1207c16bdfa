// Room counts and sizes. Every split the engine makes is "balanced": sizes differ
// by at most one, larger rooms first.

import type { RoomSpec } from './types.ts';

/** Splits `people` into `rooms` sizes that differ by at most one. */
export function balancedSizes(people: number, rooms: number): number[] {
  if (rooms <= 0) return [];
  const base = Math.floor(people / rooms);
  const extra = people - base * rooms;
  return Array.from({ length: rooms }, (_, r) => base + (r < extra ? 1 : 0));
}

/**
 * The sizing rule, the one place it is decided (every strategy that sizes rooms asks here):
 *
 * - `by: 'count'` r: r rooms whose sizes differ by at most one, but never more rooms
 *   than people / 2, so nobody sits alone.
 * - `by: 'size'` s: the number of rooms whose sizes come closest to s: the largest
 *   difference from s as small as possible (one larger or one smaller whenever the head
 *   count allows), then as few rooms off s as possible, then fewer, larger rooms.
 *   Sizes still differ by at most one.
 * - Either way never a room of one, unless there is one person (who then has the room).
 *
 * Examples for s = 4: 7 people → 4 + 3; 9 → 5 + 4; 11 → 4 + 4 + 3; 6 → 3 + 3.
 */
export function roomCountFor(spec: RoomSpec, people: number): number {
  if (people <= 0) return 0;
  const most = Math.max(1, Math.floor(people / 2));
  if (spec.by === 'count') return Math.min(Math.max(1, spec.rooms), most);
  let best = 1;
  let bestScore = sizeScore(people, 1, spec.size);
  for (let k = 2; k <= most; k++) {
    const score = sizeScore(people, k, spec.size);
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}

/** Largest difference from `size` first, then how many rooms differ from it (k rooms of n). */
function sizeScore(people: number, rooms: number, size: number): number {
  const small = Math.floor(people / rooms);
  const large = small + (people % rooms === 0 ? 0 : 1);
  const worst = Math.max(Math.abs(small - size), Math.abs(large - size));
  const largeRooms = people - small * rooms;
  const off = (small === size ? 0 : rooms - largeRooms) + (large === size || largeRooms === 0 ? 0 : largeRooms);
  return worst * 1e7 + off;
}

/**
 * Rooms for a largest size `maxSize` (by choice, caucus rooms): as few rooms as keep
 * everyone within it, sizes differing by at most one. If that would leave someone alone
 * (largest size 2 and an odd head count), one room gets one more than the largest size.
 */
export function roomCountForMax(people: number, maxSize: number): number {
  if (people <= 0) return 0;
  const rooms = Math.ceil(people / maxSize);
  return people >= 2 && Math.floor(people / rooms) < 2 ? rooms - 1 : rooms;
}

/** Spreadsheet-style letters: 0 → A, 25 → Z, 26 → AA. */
export function letters(index: number): string {
  let out = '';
  let rest = index;
  do {
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return out;
}

/** Lower-case, trimmed form used to compare answers; empty means "no answer". */
export function normaliseAnswer(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** "money" → "Money", for friendly room names. */
export function capitalise(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** A key-safe slug: "person of color" → "person-of-color". */
export function slug(text: string): string {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'group' : cleaned;
}
