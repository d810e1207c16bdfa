import type { ConveningView } from '@brave/protocol';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** 0 → "first", 11 → "12th": a place in line, in words. */
export function ordinal(index: number): string {
  const n = index + 1;
  if (index < ORDINALS.length) return ORDINALS[index]!;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export type MyPlace =
  | { kind: 'speaking' }
  | { kind: 'next' }
  | { kind: 'waiting'; index: number }
  | { kind: 'held' }
  | { kind: 'none' };

/** Where I stand in my room's line. */
export function myPlace(state: ConveningView, scope: string, me: string): MyPlace {
  const q = state.floor.queues[scope];
  if (!q) return { kind: 'none' };
  if (q.speaking === me) return { kind: 'speaking' };
  const index = q.order.indexOf(me);
  if (index === 0) return { kind: 'next' };
  if (index > 0) return { kind: 'waiting', index };
  return q.waiting.includes(me) ? { kind: 'held' } : { kind: 'none' };
}

/** What a participant reads (and hears) about their place, in words, never by colour alone. */
export function placeWords(place: MyPlace): string {
  switch (place.kind) {
    case 'speaking':
      return 'It is your turn to speak. Take the time you need.';
    case 'next':
      return 'You are next. Your facilitator will call on you.';
    case 'waiting':
      return `Your hand is up. You are ${ordinal(place.index)} in line.`;
    case 'held':
      return 'Your hand is up. It joins the line when the quiet moment ends.';
    case 'none':
      return '';
  }
}

/** "spoke once", "spoke 3 times", for facilitators only. */
export function turnsWords(turns: number): string {
  if (turns === 0) return 'has not spoken yet';
  return turns === 1 ? 'spoke once' : turns === 2 ? 'spoke twice' : `spoke ${turns} times`;
}

/** A line's heading: plenary, or the breakout room's name. */
export function scopeName(state: ConveningView, scope: string): string {
  if (scope === 'plenary') return 'Main room';
  const [, roundId, roomId] = scope.split(':');
  return state.rounds[roundId ?? '']?.rooms[roomId ?? '']?.name ?? 'A breakout room';
}
