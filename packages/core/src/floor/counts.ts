import type { ConveningView, DomainEvent, ReportHands } from '@brave/protocol';
import type { Viewer } from '../viewer.ts';
import { seesRoster } from '../rounds/access.ts';
import { PLENARY } from './queue.ts';

/**
 * Hands per room over the whole convening, counted from its log (the folded lines end
 * with their rounds and turn counts are erased at close): how often a hand went up and
 * how often someone was given the floor. Per room, never per person. A room appears
 * only for a reader who saw its line, so a private caucus's activity, not even a count,
 * reaches anyone outside it; every room they saw appears, busy or not.
 */
export function handCounts(full: ConveningView, viewer: Viewer, log: readonly { event: DomainEvent }[]): ReportHands[] {
  const counted = new Map<string, { raises: number; turns: number }>();
  const at = (scope: string) => counted.get(scope) ?? counted.set(scope, { raises: 0, turns: 0 }).get(scope)!;
  for (const { event } of log) {
    if (event.type === 'hand.raised') at(event.scope).raises += 1;
    else if (event.type === 'floor.called') at(event.scope).turns += 1;
  }
  const rows: ReportHands[] = [{ room: null, round: null, ...at(PLENARY) }];
  const rounds = Object.values(full.rounds).sort((a, b) => a.startedAt - b.startedAt);
  for (const round of rounds) {
    for (const room of Object.values(round.rooms)) {
      if (!seesRoster(round, room, viewer)) continue;
      rows.push({ room: room.name, round: round.name, ...(counted.get(`room:${round.id}:${room.id}`) ?? { raises: 0, turns: 0 }) });
    }
  }
  return rows;
}

