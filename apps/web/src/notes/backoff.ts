/**
 * How long to wait before reconnecting attempt `attempt` (0 = first retry): exponential
 * growth with "full jitter", so a server that restarts is not hit by every editor at
 * the same instant. y-websocket's own backoff has no jitter, so we drive reconnects.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  floorMs: number;
}

export const BACKOFF: BackoffOptions = { baseMs: 600, capMs: 20_000, floorMs: 150 };

export function reconnectDelay(attempt: number, random: () => number = Math.random, o: BackoffOptions = BACKOFF): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(o.floorMs + random() * Math.max(0, ceiling - o.floorMs));
}
