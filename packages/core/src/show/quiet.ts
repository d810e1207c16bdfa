import type { ConveningView, DomainEvent, ShowItem } from '@brave/protocol';
import { endSilenceEvents, startSilenceEvents } from '../floor/silence.ts';

/**
 * A reflection item can hold the room in a quiet moment for its time (on unless the
 * facilitator turned it off): hand raises and room notices wait, as with "respect
 * silence", and arrive together when the item is left.
 */
export const holdsSilence = (item: ShowItem | null | undefined): boolean => item?.kind === 'reflection' && item.quiet !== false;

/** Leaving a quiet item ends its silence (before the move is told). */
export function leaveQuietEvents(state: ConveningView, leaving: ShowItem | null, next: ShowItem | null): DomainEvent[] {
  // A silence already running when a quiet item begins ends first, so what it held is
  // released rather than folded into the new one.
  return state.floor.silence && (holdsSilence(leaving) || holdsSilence(next)) ? endSilenceEvents(state) : [];
}

/**
 * More time for a quiet item keeps the quiet until its new end: a running silence is
 * re-timed, and one that ended by itself when the item ran out begins again. One the
 * facilitator ended early stays ended.
 */
export function extendQuietEvents(state: ConveningView, item: ShowItem | undefined, oldEndsAt: number, endsAt: number, now: number): DomainEvent[] {
  if (!holdsSilence(item) || state.status === 'closed') return [];
  return state.floor.silence !== null || now >= oldEndsAt ? [{ type: 'silence.started', endsAt }] : [];
}

/** Entering a quiet item starts a silence of its minutes (after the move is told). */
export function enterQuietEvents(state: ConveningView, next: ShowItem | null, now: number, minuteMs: number): DomainEvent[] {
  return next && holdsSilence(next) ? startSilenceEvents(state, next.minutes, now, minuteMs) : [];
}
