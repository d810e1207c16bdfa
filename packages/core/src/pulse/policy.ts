import type { ConveningView, DomainEvent, EventOf, PulseView } from '@brave/protocol';
import { isFacilitator, type Viewer } from '../viewer.ts';

/**
 * Who receives what of a pulse check. An answer travels to its author only; for a named
 * check facilitators get it too. Everyone who may see the results (facilitators always,
 * everyone while shared) gets a count that moved instead, never who moved it. Each
 * version depends on the stored event alone, so a replay sends what the live fan-out
 * sent. Structurally a core Delivery (policy.ts).
 */
type PulseAudience = { to: 'person'; id: string } | { to: 'facilitators'; except?: string } | { to: 'participants'; except?: string };
export interface PulseDelivery {
  audience: PulseAudience;
  event: DomainEvent;
}
type PulseEvent = EventOf<'pulse.opened'> | EventOf<'pulse.answered'> | EventOf<'pulse.shared'>;

export const seesResults = (pulse: Pick<PulseView, 'results'>, viewer: Viewer): boolean =>
  isFacilitator(viewer.role) || pulse.results === 'everyone';

export function pulseDeliveries(event: PulseEvent, state: ConveningView): PulseDelivery[] {
  switch (event.type) {
    case 'pulse.opened':
      return [
        { audience: { to: 'facilitators' }, event },
        { audience: { to: 'participants' }, event: event.pulse.results === 'everyone' ? event : { ...event, tally: null } },
      ];
    case 'pulse.shared':
      return [
        { audience: { to: 'facilitators' }, event },
        { audience: { to: 'participants' }, event: event.results === 'everyone' ? event : { ...event, tally: null } },
      ];
    case 'pulse.answered': {
      const pulse = state.pulses[event.pulseId];
      if (!pulse) return [];
      // An erased answer (participantId null) has no author left to tell.
      const author = event.participantId;
      const but = author ? { except: author } : {};
      const tallied: DomainEvent = { type: 'pulse.tallied', pulseId: event.pulseId, answer: event.answer, previous: event.previous };
      const out: PulseDelivery[] = [{ audience: { to: 'facilitators', ...but }, event: pulse.anonymous || !author ? tallied : event }];
      if (author) out.unshift({ audience: { to: 'person', id: author }, event });
      if (event.shown === 'everyone') out.push({ audience: { to: 'participants', ...but }, event: tallied });
      return out;
    }
  }
}

/** The checks as one reader may see them: their own answer, aggregates they may see, never who else. */
export function pulsesFor(full: ConveningView, viewer: Viewer): ConveningView['pulses'] {
  const out: ConveningView['pulses'] = {};
  const fac = isFacilitator(viewer.role);
  for (const [id, p] of Object.entries(full.pulses)) {
    const all = fac && !p.anonymous;
    const me = viewer.participantId;
    const pick = <T>(byId: Record<string, T>): Record<string, T> =>
      all ? structuredClone(byId) : byId[me] !== undefined ? { [me]: structuredClone(byId[me]) } : {};
    out[id] = {
      ...p,
      options: [...p.options],
      answers: pick(p.answers),
      times: pick(p.times),
      tally: seesResults(p, viewer) && p.tally ? structuredClone(p.tally) : null,
    };
  }
  return out;
}
