import type { DomainEvent } from '@brave/protocol';

/**
 * Turn counts are for the facilitators of a live convening only: when it closes the
 * server rewrites its stored `floor.called` events through this (and the retention
 * sweep does the same for older logs), so nobody can count who spoke how often later.
 */
export const TURNS_EVENT_TYPES = ['floor.called'] as const satisfies readonly DomainEvent['type'][];

export function withoutTurns(event: DomainEvent): DomainEvent {
  if (event.type !== 'floor.called' || event.turns === undefined) return event;
  const { turns: _turns, ...rest } = event;
  return rest;
}
