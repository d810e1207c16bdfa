import type { Arrivals } from '../lib/arrivals.ts';
import { now, sleep, within } from '../lib/clock.ts';
import type { Worker } from '../lib/fleet.ts';
import { STORM_DEADLINE_MS, type FanoutKind, type StormCheck, type StormMode, type StormResult } from '../lib/messages.ts';
import type { Service } from '../lib/procs.ts';
import type { Sender } from './fanout-senders.ts';

export interface StormPoint {
  mode: StormMode;
  clients: number;
  failed: number;
  /** Handshakes that failed and were retried (as LiveClient retries: 300 ms–5 s, jittered). */
  retries: number;
  /** From the drop until the last client had its hello (ours) or was connected (baselines). */
  ms: number;
  /** Server CPU during the storm, µs per returning client. */
  cpuUsPerClient: number;
  /** Clients holding the last event after the storm, with nothing wrong on their wire. */
  resynced: number;
  duplicates: number;
  gaps: number;
  firstProblem?: string;
}

/** Spotlights the facilitator sends while everyone is away and coming back. */
export const DURING = 3;

/**
 * Everyone connected drops at once and comes back at once: `replay` with their last
 * sequence number (a dropped network), `reload` without (a page reload: a snapshot each).
 * The facilitator carries on during the storm; afterwards one more spotlight must reach
 * everyone, and each page must have seen every event after its hello exactly once.
 * Ours only: the bare socket.io server has no sequence to resync, so for it only the time
 * to reconnect counts (its gaps are what it lost while away, printed, not judged).
 */
export async function runStorm(kind: FanoutKind, mode: StormMode, server: Service, sender: Sender, workers: Worker[], got: Arrivals): Promise<StormPoint> {
  const cpu0 = server.cpuNs();
  const startAt = now() + 300;
  const answers = Promise.all(workers.map((w) => w.request<StormResult>({ cmd: 'storm.run', mode, kind, url: server.url, startAt }, STORM_DEADLINE_MS + 30_000)));
  await sleep(Math.max(0, startAt - now()));
  for (let i = 0; i < DURING; i++) {
    await sender.broadcast(i);
    await sleep(20);
  }
  const results = await answers;
  const cpuNs = server.cpuNs() - cpu0;
  const clients = results.reduce((s, r) => s + r.clients, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  const last = await sender.broadcast(DURING);
  const holders = results.filter((r) => r.clients - r.failed > 0).length;
  await within(got.wait(last, holders), 60_000, `after the ${mode} storm`).catch(() => undefined);
  const checks = await Promise.all(workers.map((w) => w.request<StormCheck>({ cmd: 'storm.check', head: last })));
  const firstProblem = results.find((r) => r.firstError)?.firstError ?? checks.find((c) => c.firstProblem)?.firstProblem;
  return {
    mode,
    clients,
    failed,
    retries: results.reduce((s, r) => s + r.retries, 0),
    ms: Math.max(...results.map((r) => r.lastReadyAt)) - startAt,
    cpuUsPerClient: cpuNs / 1000 / Math.max(1, clients),
    resynced: checks.reduce((s, c) => s + c.resynced, 0),
    duplicates: checks.reduce((s, c) => s + c.duplicates, 0),
    gaps: checks.reduce((s, c) => s + c.gaps, 0),
    ...(firstProblem ? { firstProblem } : {}),
  };
}
