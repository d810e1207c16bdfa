import { join } from 'node:path';
import { now, sleep, within } from '../lib/clock.ts';
import { Arrivals } from '../lib/arrivals.ts';
import { deal, startWorkers, stopWorkers, type Worker } from '../lib/fleet.ts';
import type { ConnectResult, FanoutKind, StormMode } from '../lib/messages.ts';
import { startOurs } from '../lib/ours.ts';
import { ROOT, startService, type MemoryReading, type Service } from '../lib/procs.ts';
import { round, summarise, type Summary } from '../lib/stats.ts';
import { senderFor, type Sender } from './fanout-senders.ts';
import { runStorm, type StormPoint } from './storm.ts';

export const CLIENTS_PER_WORKER = 500;

export interface FanoutPoint {
  n: number;
  connected: number;
  connectMs: number;
  /** Server CPU spent admitting the connections (handshake, hello), µs per participant. */
  connectCpuUs: number;
  latencyMs: Summary;
  ackMs: Summary;
  deliveries: number;
  lost: number;
  deliveriesPerSec: number;
  cpuUsPerDelivery: number;
  rssBytes: number;
  heapBytes: number;
  rssPerParticipant: number;
  heapPerParticipant: number;
  payloadBytes: number;
}

export interface FanoutRun {
  kind: FanoutKind;
  points: FanoutPoint[];
  /** After the largest N: everyone drops at once and returns (scenarios/storm.ts). */
  storms: StormPoint[];
  error?: string;
}

export interface FanoutOptions {
  sizes: number[];
  rounds: number;
  gapMs: number;
  /** Storms to run after the largest N (ours and socket.io only). */
  storms: StormMode[];
}

function startServer(kind: FanoutKind): Promise<Service> {
  if (kind === 'ours') return startOurs();
  return startService({
    name: kind,
    script: join(ROOT, `bench/baselines/${kind === 'socketio' ? 'socketio' : 'ws'}.ts`),
    env: { PORT: '0' },
    ready: /ready on port (\d+)/,
  });
}

/** Fan-out for one server: ramp through the sizes on one process, measuring at each. */
export async function runFanout(kind: FanoutKind, opts: FanoutOptions, log: (s: string) => void): Promise<FanoutRun> {
  const maxN = Math.max(...opts.sizes);
  const server = await startServer(kind);
  let workers: Worker[] = [];
  let sender: Sender | null = null;
  const run: FanoutRun = { kind, points: [], storms: [] };
  try {
    workers = startWorkers(Math.max(1, Math.ceil(maxN / CLIENTS_PER_WORKER)));
    const got = new Arrivals();
    workers.forEach((w) => w.onGot((seq) => got.add(seq)));
    sender = await senderFor(kind, server.url, maxN);
    const base = await server.memory();
    const held = workers.map(() => 0);
    let connected = 0;
    for (const n of opts.sizes) {
      const cpu0 = server.cpuNs();
      const t0 = now();
      const fresh = sender.tokens ? sender.tokens.slice(connected, n) : Array.from({ length: n - connected }, () => '');
      const shares = deal(fresh, workers.length);
      const answers = await Promise.all(
        workers.map((w, i) =>
          shares[i]!.length === 0
            ? Promise.resolve<ConnectResult>({ connected: 0, failed: 0, ms: 0 })
            : w.request<ConnectResult>(
                sender!.tokens
                  ? { cmd: 'fanout.connect', kind, url: server.url, tokens: shares[i]! }
                  : { cmd: 'fanout.connect', kind, url: server.url, count: shares[i]!.length },
                600_000,
              ),
        ),
      );
      answers.forEach((a, i) => (held[i] = held[i]! + a.connected));
      const failed = answers.reduce((s, a) => s + a.failed, 0);
      if (failed) log(`  ${kind}: ${failed} of ${fresh.length} connections failed (${answers.find((a) => a.firstError)?.firstError})`);
      connected += fresh.length - failed;
      const connectMs = now() - t0;
      const connectCpuUs = (server.cpuNs() - cpu0) / 1000 / Math.max(1, fresh.length);
      await sleep(500);
      const mem = await server.memory();
      const point = await measure(server, sender, workers, held, got, opts);
      run.points.push(finish(n, connected, connectMs, connectCpuUs, point, mem, base, sender.payloadBytes()));
      const p = run.points.at(-1)!;
      log(`  ${kind} N=${n}: p50 ${round(p.latencyMs.p50)} ms, p99 ${round(p.latencyMs.p99)} ms, ${round(p.deliveriesPerSec)} deliveries/s, ${round(p.cpuUsPerDelivery)} µs CPU/delivery`);
    }
    for (const mode of kind === 'ws' ? [] : opts.storms) {
      const s = await runStorm(kind, mode, server, sender, workers, got);
      run.storms.push(s);
      log(`  ${kind} ${mode} storm of ${s.clients}: ${round(s.ms)} ms, ${s.failed} failed, ${s.retries} retried, ${s.resynced} resynced, ${s.duplicates} duplicates, ${s.gaps} gaps${s.firstProblem ? ` (${s.firstProblem})` : ''}`);
    }
  } catch (err) {
    run.error = err instanceof Error ? err.message : String(err);
    log(`  ${kind}: stopped early: ${run.error}`);
  } finally {
    sender?.close();
    await stopWorkers(workers);
    await server.stop();
  }
  return run;
}

interface Measured {
  latencies: number[];
  acks: number[];
  spans: number[];
  deliveries: number;
  expected: number;
  cpuNs: number;
}

/** `rounds` broadcasts, each awaited until every worker has it, spaced by `gapMs`. */
async function measure(server: Service, sender: Sender, workers: Worker[], held: number[], got: Arrivals, opts: FanoutOptions): Promise<Measured> {
  const holders = held.filter((h) => h > 0).length;
  const sentAt = new Map<number, number>();
  const acks: number[] = [];
  const cpu0 = server.cpuNs();
  for (let r = 0; r < opts.rounds; r++) {
    const t0 = now();
    const seq = await sender.broadcast(r);
    acks.push(now() - t0);
    sentAt.set(seq, t0);
    await within(got.wait(seq, holders), 30_000, `broadcast ${seq}`).catch(() => undefined);
    await sleep(opts.gapMs);
  }
  const cpuNs = server.cpuNs() - cpu0;
  const latencies: number[] = [];
  const spans: number[] = [];
  let deliveries = 0;
  const last = new Map<number, number>();
  for (const w of workers) {
    const times = await w.request<Record<string, number[]>>({ cmd: 'fanout.collect' });
    for (const [seqText, list] of Object.entries(times)) {
      const t0 = sentAt.get(Number(seqText));
      if (t0 === undefined) continue;
      for (const t of list) {
        latencies.push(t - t0);
        last.set(Number(seqText), Math.max(last.get(Number(seqText)) ?? 0, t - t0));
      }
      deliveries += list.length;
    }
  }
  for (const span of last.values()) spans.push(span);
  const connected = held.reduce((a, b) => a + b, 0);
  return { latencies, acks, spans, deliveries, expected: connected * opts.rounds, cpuNs };
}

function finish(n: number, connected: number, connectMs: number, connectCpuUs: number, m: Measured, mem: MemoryReading, base: MemoryReading, payloadBytes: number): FanoutPoint {
  const spanSec = m.spans.reduce((a, b) => a + b, 0) / 1000;
  return {
    n,
    connected,
    connectMs,
    connectCpuUs,
    latencyMs: summarise(m.latencies),
    ackMs: summarise(m.acks),
    deliveries: m.deliveries,
    lost: m.expected - m.deliveries,
    deliveriesPerSec: spanSec > 0 ? m.deliveries / spanSec : 0,
    cpuUsPerDelivery: m.deliveries > 0 ? m.cpuNs / 1000 / m.deliveries : Number.NaN,
    rssBytes: mem.rss,
    heapBytes: mem.heapUsed,
    rssPerParticipant: (mem.rss - base.rss) / Math.max(1, connected),
    heapPerParticipant: (mem.heapUsed - base.heapUsed) / Math.max(1, connected),
    payloadBytes,
  };
}
