import type { ConveningView, DomainEvent } from '@brave/protocol';
import { activeRound } from './access.ts';

export const WARNING_MS = 60_000;

/** The next thing a running round's clock must do, and when. */
export function nextRoundTimer(state: ConveningView, secondMs = 1000): { at: number; events: DomainEvent[] } | null {
  const round = activeRound(state);
  if (!round || round.status !== 'running') return null;
  const endAt = round.endsAt + round.graceSeconds * secondMs;
  const warnAt = Math.max(round.startedAt, round.endsAt - (WARNING_MS / 1000) * secondMs);
  if (round.warnedAt === null && warnAt < round.endsAt) return { at: warnAt, events: [{ type: 'round.warned', roundId: round.id }] };
  return { at: endAt, events: [{ type: 'round.ended', roundId: round.id }] };
}
