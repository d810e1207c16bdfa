import { windowWaitMs } from './rate.ts';
import type { ConveningView, SignalStatus } from '@brave/protocol';
import { LIMITS } from '@brave/protocol';

/** Allowed moves in a facilitator's queue. Addressed can be reopened if needed. */
const NEXT: Record<SignalStatus, readonly SignalStatus[]> = {
  raised: ['acknowledged', 'addressed', 'parked'],
  acknowledged: ['addressed', 'parked'],
  parked: ['acknowledged', 'addressed'],
  addressed: ['acknowledged'],
};

export const canMove = (from: SignalStatus, to: SignalStatus): boolean => NEXT[from].includes(to);

export const RATE_WINDOW_MS = 60_000;

/**
 * How long this person must wait before another signal is accepted (0 = now).
 * Derived from the log, so it holds across restarts.
 */
export function signalWaitMs(state: ConveningView, participantId: string, now: number): number {
  const mine = Object.values(state.signals)
    .filter((s) => s.by === participantId)
    .map((s) => s.raisedAt)
    .sort((a, b) => a - b);
  return windowWaitMs(mine, now, LIMITS.signalsPerMinute, RATE_WINDOW_MS);
}

/** Signals still waiting for a facilitator, oldest first. */
export function openSignals(state: ConveningView) {
  return Object.values(state.signals)
    .filter((s) => s.status !== 'addressed')
    .sort((a, b) => a.raisedAt - b.raisedAt);
}
