import { useEffect, useState } from 'react';
import type { LiveClient } from '@brave/client';
import { i18n } from '../app/i18n.ts';

/**
 * Round timers are set by the server's clock, and phones' clocks drift. Every live event
 * carries the server time it was logged at; `at - Date.now()` on arrival is the offset
 * minus the network delay, so the largest recent sample is the best estimate.
 */
class ServerClock {
  private samples: number[] = [];

  constructor(client: LiveClient) {
    client.on('event', (e) => {
      this.samples.push(e.at - Date.now());
      if (this.samples.length > 20) this.samples.shift();
    });
  }

  now(): number {
    return Date.now() + (this.samples.length > 0 ? Math.max(...this.samples) : 0);
  }
}

const clocks = new WeakMap<LiveClient, ServerClock>();

function clockOf(client: LiveClient): ServerClock {
  let clock = clocks.get(client);
  if (!clock) {
    clock = new ServerClock(client);
    clocks.set(client, clock);
  }
  return clock;
}

/** Start listening early (before a round opens), so the first countdown is already right. */
export function useServerClockWarmup(client: LiveClient): void {
  clockOf(client);
}

/**
 * The server's "now", re-rendering once a second while `ticking`. Timers show whole
 * seconds, so a second is as often as anything visible changes.
 */
export function useServerNow(client: LiveClient, ticking: boolean): number {
  const clock = clockOf(client);
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    if (!ticking) return undefined;
    const timer = window.setInterval(() => setNow(clock.now()), 1000);
    return () => window.clearInterval(timer);
  }, [clock, ticking]);
  return now;
}

/** m:ss (or h:mm:ss), never negative. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A spoken form of the same, for labels: "4 minutes 5 seconds", "4 minutos y 5 segundos". */
export function spokenLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const minutes = i18n.t('app:duration.minutes', { count: m });
  const seconds = i18n.t('app:duration.seconds', { count: s });
  if (m === 0) return seconds;
  return s === 0 ? minutes : i18n.t('app:duration.both', { minutes, seconds });
}
