import type { ConveningView, EventOf } from '@brave/protocol';

/** Length of a "minute" in ms; the server can shorten it for tests through config. */
export interface ReminderClock {
  minuteMs: number;
  /** Length of a breakout "second" in ms (tests shorten it). Default 1000. */
  secondMs?: number;
}

const period = (state: ConveningView, clock: ReminderClock) =>
  state.reminders ? state.reminders.everyMinutes * clock.minuteMs : Infinity;

/** When the next scheduled reminder is due, or null when none are scheduled. */
export function nextReminderAt(state: ConveningView, now: number, clock: ReminderClock): number | null {
  const r = state.reminders;
  if (!r || state.agreements.length === 0 || state.status === 'closed') return null;
  const p = period(state, clock);
  const ticks = Math.floor((now - r.startedAt) / p);
  return r.startedAt + (ticks + 1) * p;
}

/**
 * The spotlight a reminder tick at `at` shows: the set, in order, one item per tick.
 * Each tick moves one item on from what is spotlighted, so a tick that fires late (a busy
 * server, a restart) never skips an agreement; with nothing spotlighted the clock decides.
 */
export function reminderSpotlight(
  state: ConveningView,
  at: number,
  clock: ReminderClock,
): EventOf<'spotlight.set'> | null {
  const r = state.reminders;
  if (!r || state.agreements.length === 0) return null;
  const tick = Math.floor((at - r.startedAt) / period(state, clock));
  if (tick < 1) return null;
  const shown = state.agreements.findIndex((a) => a.id === state.spotlight?.agreementId);
  const index = shown >= 0 ? shown + 1 : r.startIndex + tick - 1;
  const agreement = state.agreements[index % state.agreements.length];
  if (!agreement) return null;
  return { type: 'spotlight.set', agreementId: agreement.id, text: agreement.text, source: 'reminder' };
}

/** Start rotating after whatever is spotlighted now, or from the top. */
export function reminderStartIndex(state: ConveningView): number {
  const current = state.agreements.findIndex((a) => a.id === state.spotlight?.agreementId);
  return current >= 0 ? (current + 1) % state.agreements.length : 0;
}
