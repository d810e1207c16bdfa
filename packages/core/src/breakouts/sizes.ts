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
 * How many rooms a count/size request gives for `people`. Nobody is left alone:
 * the count is capped at people / 2, and a target size is a minimum (some rooms
 * get one more). Zero people → zero rooms.
 */
export function roomCountFor(spec: RoomSpec, people: number): number {
  if (people <= 0) return 0;
  const most = Math.max(1, Math.floor(people / 2));
  const wanted = spec.by === 'count' ? spec.rooms : Math.floor(people / spec.size);
  return Math.min(Math.max(1, wanted), most);
}

/** Rooms needed so no room exceeds `maxSize`. */
export function roomCountForMax(people: number, maxSize: number): number {
  return people <= 0 ? 0 : Math.ceil(people / maxSize);
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
