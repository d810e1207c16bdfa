import type { ConveningView, DomainEvent } from '@brave/protocol';
import { nextReminderAt, reminderSpotlight, type ReminderClock } from './reminders.ts';
import { nextRoundTimer } from './rounds/timer.ts';
import { nextSilenceDue } from './floor/silence.ts';
import { enterEvents, nextShowTimer } from './show/enter.ts';

/**
 * Everything in a convening that happens on a clock (scheduled agreement reminders,
 * breakout warnings and endings), as one "what is due next". The server keeps a single
 * timer per convening on this and re-asks after every change, so a restart simply
 * picks up from the state.
 */
export interface Due {
  at: number;
  /** Events to append when the moment comes (computed again from the state then). */
  fire: (state: ConveningView, now: number) => DomainEvent[];
}

export function nextDue(state: ConveningView, now: number, clock: ReminderClock): Due | null {
  const candidates: Due[] = [];
  const reminderAt = nextReminderAt(state, now, clock);
  if (reminderAt !== null) {
    candidates.push({ at: reminderAt, fire: (s) => [reminderSpotlight(s, reminderAt, clock)].filter((e) => e !== null) });
  }
  const round = nextRoundTimer(state, clock.secondMs);
  if (round) {
    const same = (s: ConveningView) => JSON.stringify(nextRoundTimer(s, clock.secondMs)) === JSON.stringify(round);
    candidates.push({ at: round.at, fire: (s) => (same(s) ? round.events : []) });
  }
  const silence = nextSilenceDue(state);
  if (silence) candidates.push(silence);
  const show = nextShowTimer(state);
  if (show) {
    // Moves on only if the same item is still running to the same time (nobody moved or extended it).
    const same = (s: ConveningView) => s.show.currentId === show.itemId && s.show.endsAt === show.at;
    candidates.push({ at: show.at, fire: (s, at) => (same(s) ? enterEvents(s, at, clock.secondMs) : []) });
  }
  return candidates.sort((a, b) => a.at - b.at)[0] ?? null;
}
