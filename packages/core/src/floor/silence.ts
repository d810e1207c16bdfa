import type { ConveningView, DomainEvent } from '@brave/protocol';
import { placeInLine } from './queue.ts';

/**
 * "Respect silence": for a few minutes hand raises and room notices of others' signals
 * wait quietly, then arrive together. Ouch and whoops still reach facilitators at once
 * (see floor/policy.ts). These are the only ways in and out, so a run-of-show agenda
 * item can call them as a facilitator's command does.
 */

/** Begin (or re-time) a silence of `minutes`; `minuteMs` is 60 000 outside tests. */
export function startSilenceEvents(state: ConveningView, minutes: number, now: number, minuteMs: number): DomainEvent[] {
  if (state.status === 'closed') return [];
  return [{ type: 'silence.started', endsAt: now + minutes * minuteMs }];
}

/** End the silence now: the waiting hands join their lines, in the order they went up. */
export function endSilenceEvents(state: ConveningView): DomainEvent[] {
  const silence = state.floor.silence;
  if (!silence) return [];
  const queues: Record<string, string[]> = {};
  for (const [scope, q] of Object.entries(state.floor.queues)) {
    if (q.waiting.length === 0) continue;
    let order = [...q.order];
    for (const id of q.waiting) order = placeInLine(order, id, q.turns, state.floor.progressive);
    queues[scope] = order;
  }
  return [{ type: 'silence.ended', startedAt: silence.startedAt, queues }];
}

/** When the silence ends by itself; the event is computed again from the state then. */
export function nextSilenceDue(state: ConveningView): { at: number; fire: (s: ConveningView) => DomainEvent[] } | null {
  const silence = state.floor.silence;
  if (!silence || state.status === 'closed') return null;
  const at = silence.endsAt;
  return { at, fire: (s) => (s.floor.silence?.endsAt === at ? endSilenceEvents(s) : []) };
}
