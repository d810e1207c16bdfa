import type { ConveningView, EventOf, PulseTally, ShowView } from '@brave/protocol';
import { SHOW_LIMITS } from '@brave/protocol';

export type ShowEvent = EventOf<
  'show.planned' | 'show.entered' | 'show.extended' | 'pulse.opened' | 'pulse.answered' | 'pulse.tallied' | 'pulse.shared' | 'pulse.closed'
>;

export const emptyShow = (): ShowView => ({ items: [], autoAdvance: false, status: 'planned', currentId: null, endsAt: null, actual: {} });

/** One answer given (or changed from `previous`): counts move, nobody is named. */
function recount(tally: PulseTally, answer: string, previous: string | null): void {
  if (previous !== null) {
    const left = (tally.counts[previous] ?? 0) - 1;
    if (left > 0) tally.counts[previous] = left;
    else delete tally.counts[previous];
  } else tally.total += 1;
  tally.counts[answer] = (tally.counts[answer] ?? 0) + 1;
}

/** Fold the run-of-show and pulse-check events (called from the main reducer). */
export function reduceShow(state: ConveningView, e: ShowEvent, at: number): void {
  const show = state.show;
  const pulse = 'pulseId' in e ? state.pulses[e.pulseId] : undefined;
  switch (e.type) {
    case 'show.planned':
      show.items = structuredClone(e.items);
      show.autoAdvance = e.autoAdvance;
      break;
    case 'show.entered': {
      const left = e.fromItemId ? show.actual[e.fromItemId] : undefined;
      if (left) left.leftAt = at;
      show.currentId = e.itemId;
      show.endsAt = e.endsAt;
      show.status = e.itemId === null ? 'done' : 'running';
      if (e.itemId) show.actual[e.itemId] = { enteredAt: at, leftAt: null, extendedMinutes: 0 };
      break;
    }
    case 'show.extended': {
      const actual = show.actual[e.itemId];
      if (actual) actual.extendedMinutes += e.minutes;
      if (show.currentId === e.itemId) show.endsAt = e.endsAt;
      break;
    }
    case 'pulse.opened':
      state.pulses[e.pulse.id] = { ...structuredClone(e.pulse), status: 'open', openedAt: at, answers: {}, times: {}, tally: structuredClone(e.tally) };
      break;
    case 'pulse.answered':
      if (!pulse) break;
      // An erased answer (no longer says whose) still counts, like pulse.tallied.
      if (e.participantId !== null) {
        pulse.answers[e.participantId] = e.answer;
        pulse.times[e.participantId] = [...(pulse.times[e.participantId] ?? []), at].slice(-SHOW_LIMITS.answersPerMinute);
      }
      if (pulse.tally) recount(pulse.tally, e.answer, e.previous);
      break;
    case 'pulse.tallied':
      if (pulse?.tally) recount(pulse.tally, e.answer, e.previous);
      break;
    case 'pulse.shared':
      if (pulse) {
        pulse.results = e.results;
        pulse.tally = structuredClone(e.tally);
      }
      break;
    case 'pulse.closed':
      if (pulse) pulse.status = 'closed';
      break;
  }
}
