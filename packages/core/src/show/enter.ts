import type { ConveningView, DomainEvent, PulseOpen, ShowItem } from '@brave/protocol';
import { enterQuietEvents, leaveQuietEvents } from './quiet.ts';

/** A pulse check started by a run-of-show item is named after it, so entering twice starts it once. */
export const itemPulseId = (itemId: string): string => `show_${itemId}`;

const minuteOf = (secondMs: number) => 60 * secondMs;

export function currentItem(state: ConveningView): ShowItem | null {
  return state.show.items.find((i) => i.id === state.show.currentId) ?? null;
}

/** The item after the current one (the first, before the show starts; none once it is over). */
export function nextItem(state: ConveningView): ShowItem | null {
  const { items, status, currentId } = state.show;
  if (status === 'done') return null;
  if (currentId === null) return items[0] ?? null;
  const at = items.findIndex((i) => i.id === currentId);
  return at >= 0 ? (items[at + 1] ?? null) : null;
}

/**
 * Moving on from the current item: leave it (closing the pulse check it started), enter
 * the next one and run what it carries: spotlight its agreement, start its pulse check,
 * hold a reflection's quiet moment (ending it as the item is left; show/quiet.ts).
 * A breakout item's round is previewed by the facilitator (planning needs who is here
 * and a seed), so the console offers that preview as the item begins.
 */
export function enterEvents(state: ConveningView, now: number, secondMs = 1000): DomainEvent[] {
  const leaving = currentItem(state);
  const next = nextItem(state);
  const events: DomainEvent[] = [];
  const leftPulse = leaving ? state.pulses[itemPulseId(leaving.id)] : undefined;
  if (leftPulse?.status === 'open') events.push({ type: 'pulse.closed', pulseId: leftPulse.id });
  events.push(...leaveQuietEvents(state, leaving, next));
  events.push({
    type: 'show.entered',
    itemId: next?.id ?? null,
    fromItemId: leaving?.id ?? null,
    endsAt: next ? now + next.minutes * minuteOf(secondMs) : null,
  });
  if (!next) return events;
  events.push(...enterQuietEvents(state, next, now, minuteOf(secondMs)));
  const agreement = next.kind === 'agreements' ? state.agreements.find((a) => a.id === next.agreementId) : undefined;
  if (agreement) events.push({ type: 'spotlight.set', agreementId: agreement.id, text: agreement.text, source: 'facilitator' });
  if (next.kind === 'pulse' && next.pulse && !state.pulses[itemPulseId(next.id)]) {
    events.push({ type: 'pulse.opened', pulse: pulseOpen(itemPulseId(next.id), next.id, next.pulse), tally: { total: 0, counts: {} } });
  }
  return events;
}

export function pulseOpen(id: string, itemId: string | null, spec: NonNullable<ShowItem['pulse']>): PulseOpen {
  return {
    id,
    itemId,
    question: spec.question,
    kind: spec.kind,
    options: [...(spec.options ?? [])],
    results: spec.results ?? 'facilitators',
    anonymous: spec.anonymous ?? true,
  };
}

/** How long the current item has run past its time (0 when it has not). Facilitators see it. */
export function overrunMs(state: ConveningView, now: number): number {
  const { status, endsAt } = state.show;
  return status === 'running' && endsAt !== null && now > endsAt ? now - endsAt : 0;
}

/** When a show set to move on by itself must next do so, and what it then does. */
export function nextShowTimer(state: ConveningView): { at: number; itemId: string } | null {
  const { status, autoAdvance, endsAt, currentId } = state.show;
  if (status !== 'running' || !autoAdvance || endsAt === null || currentId === null || state.status === 'closed') return null;
  return { at: endsAt, itemId: currentId };
}
