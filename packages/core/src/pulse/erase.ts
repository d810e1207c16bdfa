import type { ConveningView, DomainEvent } from '@brave/protocol';

/**
 * Who answered a pulse check is kept only while it is open (one answer per person). When
 * the convening closes the server rewrites the stored answers of anonymous checks through
 * `withoutAnonymousAuthors`, and the retention sweep erases the author of every check's
 * answers (`withoutPulseAuthor`). The answer and the count it moved stay, so the tally a
 * debrief shows is unchanged. Pure; applying either twice changes nothing more.
 */
export const PULSE_ANSWER_TYPES = ['pulse.answered'] as const satisfies readonly DomainEvent['type'][];

export function withoutPulseAuthor(event: DomainEvent): DomainEvent {
  if (event.type !== 'pulse.answered' || event.participantId === null) return event;
  return { ...event, participantId: null };
}

/** The close-time rewrite: an answer loses its author when its check is anonymous. */
export function withoutAnonymousAuthors(pulses: ConveningView['pulses']): (event: DomainEvent) => DomainEvent {
  return (event) => (event.type === 'pulse.answered' && pulses[event.pulseId]?.anonymous !== false ? withoutPulseAuthor(event) : event);
}
