import type { ConveningView } from '@brave/protocol';
import { i18n } from '../app/i18n.ts';

/** 0 → "first", 11 → "number 12": a place in line, in words. */
export function ordinal(index: number): string {
  const n = index + 1;
  return n <= 10 ? i18n.t(`floor:ordinal.${n as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`) : i18n.t('floor:ordinal.n', { n });
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
      return i18n.t('floor:place.speaking');
    case 'next':
      return i18n.t('floor:place.next');
    case 'waiting':
      return i18n.t('floor:place.waiting', { place: ordinal(place.index) });
    case 'held':
      return i18n.t('floor:place.held');
    case 'none':
      return '';
  }
}

/** "spoke once", "spoke 3 times", for facilitators only. */
export function turnsWords(turns: number): string {
  return turns === 0 ? i18n.t('floor:turns.none') : i18n.t('floor:turns.count', { count: turns });
}

/** A line's heading: plenary, or the breakout room's name. */
export function scopeName(state: ConveningView, scope: string): string {
  if (scope === 'plenary') return i18n.t('floor:mainRoom');
  const [, roundId, roomId] = scope.split(':');
  return state.rounds[roundId ?? '']?.rooms[roomId ?? '']?.name ?? i18n.t('floor:aBreakoutRoom');
}
