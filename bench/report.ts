import type { AssignmentResult } from './scenarios/assignment.ts';
import type { BundleResult } from './scenarios/bundle.ts';
import type { CommunityResult } from './scenarios/community.ts';
import type { DocumentsRun } from './scenarios/documents.ts';
import type { FanoutRun } from './scenarios/fanout.ts';
import { DURING } from './scenarios/storm.ts';
import type { ScheduleResult } from './scenarios/schedule.ts';
import type { SignalsResult } from './scenarios/signals.ts';
import type { StorageResult } from './scenarios/storage.ts';
import { ratio } from './lib/stats.ts';
import { fmt, kb, table, times } from './lib/table.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
}

export interface Results {
  startedAt: string;
  durationS: number;
  quick: boolean;
  machine: Machine;
  fanout?: FanoutRun[];
  signals?: SignalsResult;
  assignment?: AssignmentResult;
  schedule?: ScheduleResult;
  documents?: DocumentsRun[];
  community?: CommunityResult;
  storage?: StorageResult;
  bundle?: BundleResult;
  targets: Target[];
}

export interface Target {
  what: string;
  status: 'PASS' | 'SHORT' | 'NOT MEASURED';
  detail: string;
}

export function render(r: Results): string {
  const out: string[] = [`Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB RAM, Node ${r.machine.node}, ${r.machine.os}`];
  out.push(`Run: ${r.startedAt}, ${r.quick ? 'QUICK (small sizes, not comparable with full runs)' : 'full'}, ${r.durationS.toFixed(0)} s`);
  if (r.fanout) out.push('', '## Fan-out: facilitator spotlight to N participants', fanoutTable(r.fanout), '', fanoutRatios(r.fanout));
  if (r.fanout?.some((x) => x.storms.length)) out.push('', '## Storms: everyone drops at once and returns, with their last seq (replay) or without (reload)', stormTable(r.fanout));
  if (r.signals) out.push('', '## Signals: participants raising ouch/whoops while facilitators triage', signalsTable(r.signals));
  if (r.assignment) out.push('', '## Assignment: mix strategy, groups of 4, 6 rounds with history, vs shuffle-and-chunk', assignmentTable(r.assignment));
  if (r.schedule) out.push('', '## Schedule: several mix rounds planned together vs one at a time, on designs with a repeat-free schedule', scheduleTable(r.schedule));
  if (r.documents) out.push('', '## Documents: editors in one Yjs document', documentsTable(r.documents));
  if (r.community) out.push('', '## Communities: HTTP reads and joins vs the same rows straight from SQLite', communityTable(r.community));
  if (r.storage) out.push('', '## Storage: convening append (one event + its answer, committed), SQLite vs PostgreSQL', storageTable(r.storage));
  out.push('', '## Cost', costTable(r));
  out.push('', '## Targets', table(['target', 'status', 'detail'], r.targets.map((t) => [t.what, t.status, t.detail])));
  return out.join('\n');
}

function fanoutTable(runs: FanoutRun[]): string {
  const rows: (string | number)[][] = [];
  for (const run of runs) {
    if (run.error && !run.points.length) rows.push([run.kind, '–', 'error', run.error.slice(0, 60), '', '', '', '', '', '']);
    for (const p of run.points) {
      rows.push([run.kind, p.n, p.connected, p.latencyMs.p50, p.latencyMs.p99, p.latencyMs.max, p.deliveriesPerSec, p.lost, p.cpuUsPerDelivery, `${(p.connectMs / 1000).toFixed(1)} s`, p.connectCpuUs]);
    }
  }
  return table(['server', 'N', 'connected', 'p50 ms', 'p99 ms', 'max ms', 'deliveries/s', 'lost', 'CPU µs/delivery', 'connect', 'CPU µs/connect'], rows);
}

function fanoutRatios(runs: FanoutRun[]): string {
  const ours = runs.find((r) => r.kind === 'ours');
  const rows: (string | number)[][] = [];
  for (const p of ours?.points ?? []) {
    const sio = runs.find((r) => r.kind === 'socketio')?.points.find((q) => q.n === p.n);
    const ws = runs.find((r) => r.kind === 'ws')?.points.find((q) => q.n === p.n);
    rows.push([
      p.n,
      times(ratio(p.latencyMs.p99, sio?.latencyMs.p99 ?? NaN)),
      times(ratio(p.latencyMs.p99, ws?.latencyMs.p99 ?? NaN)),
      times(ratio(p.deliveriesPerSec, sio?.deliveriesPerSec ?? NaN)),
      times(ratio(p.deliveriesPerSec, ws?.deliveriesPerSec ?? NaN)),
      times(ratio(p.cpuUsPerDelivery, sio?.cpuUsPerDelivery ?? NaN)),
    ]);
  }
  return table(['ours at N', 'p99 / socket.io', 'p99 / ws', 'throughput / socket.io', 'throughput / ws', 'CPU / socket.io'], rows);
}

function stormTable(runs: FanoutRun[]): string {
  const rows: (string | number)[][] = [];
  for (const run of runs) {
    for (const s of run.storms) {
      const judged = run.kind === 'ours';
      rows.push([run.kind, s.mode, s.clients, s.failed, s.retries, `${fmt(s.ms)} ms`, s.cpuUsPerClient, s.resynced, judged ? s.duplicates : '–', judged ? s.gaps : `(${fmt(s.gaps)} lost)`]);
    }
  }
  return `${table(['server', 'storm', 'clients', 'failed', 'retried', 'all back in', 'CPU µs/client', 'hold the last event', 'duplicates', 'gaps'], rows)}
(the facilitator sends ${DURING} spotlights during the storm and one after; the bare socket.io server has no resync, so what it lost while clients were away is shown, not judged)`;
}

function signalsTable(s: SignalsResult): string {
  const refused = Object.entries(s.refused).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  return table(['participants', 'signals/s', 'sent', 'acked', 'in queue', 'triaged', 'ack p50', 'ack p99', 'to facilitator p50', 'p99', 'triage ack p99', 'accounted for'], [
    [s.connected, s.signalsPerSec, s.sent, s.acked, s.inQueue, s.triaged, s.ackMs.p50, s.ackMs.p99, s.toFacilitatorMs.p50, s.toFacilitatorMs.p99, s.triageAckMs.p99, s.accountedFor ? 'yes' : `NO${s.error ? ` (${s.error})` : ''}`],
  ]) + `\nrefused: ${refused} (times in ms)`;
}

function assignmentTable(a: AssignmentResult): string {
  if (!a.available) return `not measured: ${a.note}`;
  return table(['N', 'roster', 'engine ms/round p50', 'max', 'repeat pairs', 'random ms/round', 'random repeat pairs', 'everyone placed'], a.rows.map((r) => [
    r.n, r.source, r.engineMsPerRound.p50, r.engineMsPerRound.max, r.engineRepeats, r.randomMsPerRound.p50, r.randomRepeats, r.everyonePlaced ? 'yes' : 'NO',
  ]));
}

function scheduleTable(s: ScheduleResult): string {
  const rows = s.rows.map((r) => [
    `${r.design} (${r.people} in ${r.size}s × ${r.rounds})`,
    r.roundByRound.best,
    r.roundByRound.median,
    r.roundByRound.msPerSchedule.p50,
    r.together.best,
    r.together.worst,
    `${r.together.zeroSeeds}/${r.seeds}`,
    r.together.msPerSchedule.p50,
    r.together.msPerSchedule.max,
    r.cellsPerMs,
  ]);
  const head = ['design', 'round by round: best', 'median', 'ms', 'together: best', 'worst', 'repeat-free seeds', 'ms p50', 'ms max', 'search cells/ms'];
  return `${table(head, rows)}
(repeat pairs over the whole schedule; ${s.rows[0]?.seeds ?? 0} seeds each; search budget ${(s.budget / 1e6).toFixed(0)} million cells; ms per whole schedule)`;
}

function documentsTable(runs: DocumentsRun[]): string {
  const rows: (string | number)[][] = [];
  for (const run of runs) {
    if (!run.available) rows.push([run.kind, '–', run.note ?? 'not available', '', '', '', '', '', '', '']);
    for (const p of run.points) {
      const s = p.steady;
      const b = p.burst;
      rows.push([`${run.kind}${run.persists ? ' (persists)' : ''}`, p.editors, s.propagationMs.p50, s.propagationMs.p95, s.propagationMs.p99, s.missing, b.propagationMs.p95, b.convergenceMs, b.relayPerSec, s.cpuUsPerDelivery, s.converged && b.converged ? 'yes' : 'NO']);
    }
  }
  return table(['server', 'editors', 'steady p50', 'p95', 'p99', 'missing', 'burst p95', 'burst converge', 'relay keys/s', 'CPU µs/delivery', 'converged'], rows) + '\n(times in ms; steady = each editor typing ~2 keys/s; burst = every editor types a run of keys at once)';
}

function communityTable(c: CommunityResult): string {
  const rows: (string | number)[][] = [];
  for (const p of c.points) {
    for (const x of p.rows) {
      rows.push([p.members, x.op, x.latencyMs.p50, x.latencyMs.p95, x.cpuUsPerCall, kb(x.responseBytes), x.floorMs.p50, times(ratio(x.latencyMs.p50, x.floorMs.p50)), times(ratio(x.cpuUsPerCall, x.floorCpuUs))]);
    }
  }
  const sizes = c.points.map((p) => `${p.members} members: ${p.convenings} closed convenings × ${p.attendees} attending, ${p.eventsStored.toLocaleString('en-US')} events stored`).join('; ');
  return `${table(['members', 'call', 'p50 ms', 'p95 ms', 'server CPU µs', 'response', 'floor p50 ms', 'p50 / floor', 'CPU / floor'], rows)}\n${sizes || 'not measured'}${c.error ? `\nerror: ${c.error}` : ''}\n(read after a server restart; floor = same rows read from SQLite and JSON-serialised in one process)`;
}

function storageTable(s: StorageResult): string {
  const rows = s.rows.map((r) => [r.engine, r.writers, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.latencyMs.max, r.appendsPerSec, r.refused, r.gapFree ? 'yes' : 'NO']);
  return `${table(['store', 'writers', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'appends/s', 'refused', 'gap-free'], rows)}${s.note ? `\n${s.note}` : ''}\n(PostgreSQL: a throwaway cluster on this machine with fsync on; several writers = two connection pools, as two processes, on one convening)`;
}

function costTable(r: Results): string {
  const rows: (string | number)[][] = [];
  for (const run of r.fanout ?? []) {
    const p = run.points.at(-1);
    if (p) rows.push([`${run.kind}: memory per connected participant (N=${p.n})`, `${kb(p.rssPerParticipant)} RSS, ${kb(p.heapPerParticipant)} heap`]);
  }
  for (const run of r.fanout ?? []) {
    for (const p of run.points) rows.push([`${run.kind}: server CPU per delivered message (N=${p.n})`, `${fmt(p.cpuUsPerDelivery)} µs`]);
  }
  const ours = r.fanout?.find((x) => x.kind === 'ours')?.points.at(-1);
  if (ours) rows.push([`ours: server CPU to admit one connection (hello with roster of ${ours.n})`, `${fmt(ours.connectCpuUs)} µs`]);
  for (const d of r.documents ?? []) {
    if (d.bytesPerOpenDoc !== undefined) rows.push([`${d.kind}: memory per open document (1 editor, ~1 KB text)`, `${kb(d.heapPerOpenDoc ?? NaN)} heap, ${d.bytesPerOpenDoc > 0 ? `${kb(d.bytesPerOpenDoc)} RSS` : 'RSS change below noise'}`]);
  }
  if (r.bundle) {
    rows.push(['participant view, gzip (JS + CSS loaded for /c/)', r.bundle.available ? `${kb(r.bundle.gzipBytes)} (${kb(r.bundle.rawBytes)} raw, ${r.bundle.files.length} files)` : `not measured: ${r.bundle.note}`]);
  }
  return rows.length ? table(['what', 'figure'], rows) : 'nothing measured';
}
