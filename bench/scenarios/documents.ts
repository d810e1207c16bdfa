import { now, sleep } from '../lib/clock.ts';
import { deal, startWorkers, stopWorkers, type Worker } from '../lib/fleet.ts';
import type { ObserverReport, TypingResult } from '../lib/messages.ts';
import { rssBytes } from '../lib/procs.ts';
import { round } from '../lib/stats.ts';
import { startDocServer, type DocServer, type DocServerKind } from './doc-servers.ts';
import { analysePhase, type PhaseResult } from './doc-stats.ts';

export interface DocumentsOptions {
  sizes: number[];
  observers: number;
  /** Keystrokes a second per editor in the steady phase. */
  perSecond: number;
  steadyMs: number;
  burstKeys: number;
  /** Documents opened to measure memory per open document. */
  loadDocs: number;
  loadChars: number;
}

export interface DocumentsPoint {
  editors: number;
  steady: PhaseResult;
  burst: PhaseResult;
  rssBytes: number;
  error?: string;
}

export interface DocumentsRun {
  kind: DocServerKind;
  available: boolean;
  note?: string;
  persists: boolean;
  points: DocumentsPoint[];
  bytesPerOpenDoc?: number;
  heapPerOpenDoc?: number;
}

const TYPISTS_PER_WORKER = 200;

export async function runDocuments(
  kind: DocServerKind,
  opts: DocumentsOptions,
  log: (s: string) => void,
  start: () => Promise<DocServer | string> = () => startDocServer(kind),
): Promise<DocumentsRun> {
  const server = await start().catch((err: unknown) => `did not start: ${err instanceof Error ? err.message : String(err)}`);
  if (typeof server === 'string') {
    log(`  documents ${kind}: ${server}`);
    return { kind, available: false, note: server, persists: kind === 'ours', points: [] };
  }
  const run: DocumentsRun = { kind, available: true, persists: server.persists, points: [] };
  try {
    // First, on the fresh process: nothing else is open, nothing is unloading.
    Object.assign(run, await memoryPerDoc(server, opts));
    for (const editors of opts.sizes) {
      const point = await onePoint(server, editors, opts);
      run.points.push(point);
      const s = point.steady;
      const b = point.burst;
      log(`  documents ${server.service.name} ${editors} editors: steady p95 ${round(s.propagationMs.p95)} ms (missing ${s.missing}), burst converged in ${round(b.convergenceMs)} ms, ${round(b.relayPerSec)} keystroke deliveries/s${point.error ? ` [${point.error}]` : ''}`);
    }
  } catch (err) {
    run.note = err instanceof Error ? err.message : String(err);
    log(`  documents ${kind}: stopped early: ${run.note}`);
  } finally {
    await server.stop();
  }
  return run;
}

/** One size: connect editors and observers, type steadily, then in a burst. */
async function onePoint(server: DocServer, editors: number, opts: DocumentsOptions): Promise<DocumentsPoint> {
  const seat = await server.seat(editors + opts.observers, `${editors}-${Date.now().toString(36)}`);
  const typistTokens = seat.tokens.slice(0, editors);
  const watcherTokens = seat.tokens.slice(editors);
  // Several processes: each typist worker is on one of them in turn; the observers on the first.
  const wsUrls = server.wsUrls ?? [server.wsUrl];
  const typers = startWorkers(Math.max(wsUrls.length, Math.ceil(editors / TYPISTS_PER_WORKER)));
  const [watch] = startWorkers(1);
  const all: Worker[] = [...typers, watch!];
  const expected: Record<string, number> = {};
  try {
    await Promise.all(
      deal(typistTokens, typers.length).map((tokens, i) =>
        typers[i]!.request({ cmd: 'docs.typists', protocol: server.protocol, url: wsUrls[i % wsUrls.length]!, docName: seat.docName, tokens }, 300_000),
      ),
    );
    await watch!.request({ cmd: 'docs.observers', protocol: server.protocol, url: server.wsUrl, docName: seat.docName, tokens: watcherTokens }, 60_000);
    const recipients = editors - 1 + opts.observers;

    const steady = await phase(server, typers, watch!, expected, recipients, (startAt) => ({ cmd: 'docs.steady', perSecond: opts.perSecond, durationMs: opts.steadyMs, startAt }), opts.steadyMs + 60_000);
    await sleep(300);
    const burst = await phase(server, typers, watch!, expected, recipients, (startAt) => ({ cmd: 'docs.burst', keys: opts.burstKeys, startAt }), 60_000);
    // A saturated server may not answer the heap probe in time; RSS comes from /proc regardless.
    const rss = await server.service.memory().then((m) => m.rss, () => rssBytes(server.service.pid));
    return { editors, steady, burst, rssBytes: rss };
  } finally {
    await stopWorkers(all);
  }
}

type TypeCommand = { cmd: 'docs.steady'; perSecond: number; durationMs: number; startAt: number } | { cmd: 'docs.burst'; keys: number; startAt: number };

async function phase(
  server: DocServer,
  typers: Worker[],
  watch: Worker,
  expected: Record<string, number>,
  recipients: number,
  command: (startAt: number) => TypeCommand,
  waitMs: number,
): Promise<PhaseResult> {
  const cpu0 = server.service.cpuNs();
  const startAt = now() + 300;
  const typed = await Promise.all(typers.map((w) => w.request<TypingResult>(command(startAt), waitMs + 60_000)));
  const sends = typed.flatMap((t) => t.sends);
  for (const s of sends) if (s.times.length) expected[s.client] = s.times.length;
  const reached = await watch.request<{ reached: number; missing: number[] }>({ cmd: 'docs.await', expected, timeoutMs: 60_000 }, 90_000);
  const cpuNs = server.service.cpuNs() - cpu0;
  const reports = await watch.request<ObserverReport[]>({ cmd: 'docs.collect' });
  const received = typed.reduce((acc, t) => ({ messages: acc.messages + t.received.messages, bytes: acc.bytes + t.received.bytes }), { messages: 0, bytes: 0 });
  return analysePhase(command(0).cmd === 'docs.burst' ? 'burst' : 'steady', sends, reports, reached.missing, recipients, cpuNs, received);
}

/** Open `loadDocs` documents with one editor and ~1 KB each; RSS and heap growth per document. */
async function memoryPerDoc(server: DocServer, opts: DocumentsOptions): Promise<{ bytesPerOpenDoc: number; heapPerOpenDoc: number }> {
  const seats = [];
  for (let i = 0; i < opts.loadDocs; i++) seats.push(await server.seat(1, `mem-${i}-${Date.now().toString(36)}`));
  await sleep(500);
  const before = await server.service.memory();
  const [loader] = startWorkers(1);
  try {
    await loader!.request({
      cmd: 'docs.load',
      protocol: server.protocol,
      url: server.wsUrl,
      docNames: seats.map((s) => s.docName),
      tokens: seats.map((s) => s.tokens[0]!),
      chars: opts.loadChars,
    }, 120_000);
    await sleep(1000);
    const after = await server.service.memory();
    return { bytesPerOpenDoc: (after.rss - before.rss) / opts.loadDocs, heapPerOpenDoc: (after.heapUsed - before.heapUsed) / opts.loadDocs };
  } finally {
    await stopWorkers([loader!]);
  }
}
