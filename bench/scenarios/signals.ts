import { LiveClient } from '@brave/client';
import { now, sleep, within } from '../lib/clock.ts';
import { deal, startWorkers, stopWorkers, type Worker } from '../lib/fleet.ts';
import type { ConnectResult, RaiseRecord } from '../lib/messages.ts';
import { joinMany, openConvening, startOurs } from '../lib/ours.ts';
import { summarise, type Summary } from '../lib/stats.ts';

export interface SignalsOptions {
  participants: number;
  perMinute: number;
  durationMs: number;
  /** Facilitator plus co-facilitators sharing the triage. */
  triagers: number;
}

export interface SignalsResult {
  participants: number;
  connected: number;
  sent: number;
  acked: number;
  refused: Record<string, number>;
  inQueue: number;
  triaged: number;
  signalsPerSec: number;
  ackMs: Summary;
  /** From pressing the button to the signal being in a facilitator's queue. */
  toFacilitatorMs: Summary;
  triageAckMs: Summary;
  accountedFor: boolean;
  error?: string;
}

/**
 * 500 people raising ouch/whoops at a steady rate (under the 5-a-minute limit) while
 * a facilitator and co-facilitators acknowledge each one as it arrives.
 */
export async function runSignals(opts: SignalsOptions, log: (s: string) => void): Promise<SignalsResult> {
  const server = await startOurs('ours-signals');
  let workers: Worker[] = [];
  const triagers: LiveClient[] = [];
  const result: SignalsResult = {
    participants: opts.participants, connected: 0, sent: 0, acked: 0, refused: {}, inQueue: 0, triaged: 0,
    signalsPerSec: 0, ackMs: summarise([]), toFacilitatorMs: summarise([]), triageAckMs: summarise([]), accountedFor: false,
  };
  try {
    const { made, host } = await openConvening(server.url, 'Signals bench');
    triagers.push(host);
    for (const token of await joinMany(server.url, made.joinCode, opts.triagers - 1, { cohostCode: made.cohostCode, prefix: 'Co-host', offset: 60_000 })) {
      const c = new LiveClient({ url: server.url, token, ackTimeoutMs: 15_000 });
      await within(c.connect(), 30_000, 'co-facilitator hello');
      triagers.push(c);
    }
    const tokens = await joinMany(server.url, made.joinCode, opts.participants);
    workers = startWorkers(Math.max(1, Math.ceil(opts.participants / 250)));
    const answers = await Promise.all(deal(tokens, workers.length).map((share, i) => workers[i]!.request<ConnectResult>({ cmd: 'signals.connect', url: server.url, tokens: share }, 600_000)));
    result.connected = answers.reduce((s, a) => s + a.connected, 0);
    const failed = answers.find((a) => a.firstError);
    if (failed) log(`  signals: ${opts.participants - result.connected} participants could not connect (${failed.firstError})`);

    const seenAt = new Map<string, number>();
    const triageAcks: number[] = [];
    const triageJobs: Promise<void>[] = [];
    triagers.forEach((t, i) =>
      t.on('event', (e) => {
        if (e.event.type !== 'signal.raised') return;
        const id = e.event.signalId;
        if (!seenAt.has(id)) seenAt.set(id, now());
        // Share the queue: each signal is acknowledged by exactly one of the triagers.
        if (hash(id) % triagers.length !== i) return;
        const t0 = now();
        triageJobs.push(t.send({ type: 'signal.triage', signalId: id, status: 'acknowledged' }).then((ack) => {
          if (ack.ok) triageAcks.push(now() - t0);
        }));
      }),
    );

    const startAt = now() + 500;
    log(`  signals: ${result.connected} participants raising ${opts.perMinute}/min each for ${opts.durationMs / 1000} s…`);
    const parts = await Promise.all(workers.map((w) => w.request<RaiseRecord[]>({ cmd: 'signals.run', perMinute: opts.perMinute, durationMs: opts.durationMs, startAt }, opts.durationMs + 120_000)));
    const records = parts.flat();
    await sleep(300);
    await Promise.all(triageJobs);
    tally(result, records, seenAt, triageAcks, triagers[0]!, opts.durationMs);
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    log(`  signals: stopped early: ${result.error}`);
  } finally {
    for (const t of triagers) t.close();
    await stopWorkers(workers);
    await server.stop();
  }
  return result;
}

function tally(result: SignalsResult, records: RaiseRecord[], seenAt: Map<string, number>, triageAcks: number[], host: LiveClient, durationMs: number): void {
  const ok = records.filter((r) => r.ok);
  result.sent = records.length;
  result.acked = ok.length;
  for (const r of records) if (!r.ok) result.refused[r.code ?? 'unknown'] = (result.refused[r.code ?? 'unknown'] ?? 0) + 1;
  result.ackMs = summarise(ok.map((r) => r.ackMs));
  result.toFacilitatorMs = summarise(ok.flatMap((r) => (r.signalId && seenAt.has(r.signalId) ? [seenAt.get(r.signalId)! - r.sentAt] : [])));
  result.triageAckMs = summarise(triageAcks);
  const queue = Object.values(host.state?.signals ?? {});
  result.inQueue = queue.length;
  result.triaged = queue.filter((s) => s.status !== 'raised').length;
  result.signalsPerSec = ok.length / (durationMs / 1000);
  // Accounted for: every acknowledged signal is in the facilitator's queue, and nothing else is.
  const ids = new Set(ok.map((r) => r.signalId));
  result.accountedFor = queue.length === ok.length && queue.every((s) => ids.has(s.id)) && result.triaged === queue.length;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
