/**
 * `pnpm bench`: measures and prints; never fails on a figure. See docs/benchmarks.md.
 *   pnpm bench                    full run (several minutes; the machine should be quiet)
 *   pnpm bench -- --quick         small sizes, for development and a CI smoke
 *   pnpm bench -- --only fanout,reload,signals,assignment,schedule,documents,community,storage,cost
 *   (reload: only the largest fan-out N, then the replay and reload storms; fanout runs them too)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { now } from './lib/clock.ts';
import type { StormMode } from './lib/messages.ts';
import { cleanUpOnExit, killAll, openFilesLimit, ROOT } from './lib/procs.ts';
import { render, type Machine, type Results } from './report.ts';
import { runAssignment } from './scenarios/assignment.ts';
import { runCommunity } from './scenarios/community.ts';
import { measureBundle } from './scenarios/bundle.ts';
import { runDocuments } from './scenarios/documents.ts';
import { runFanout } from './scenarios/fanout.ts';
import { runSchedule } from './scenarios/schedule.ts';
import { runSignals } from './scenarios/signals.ts';
import { runStorage } from './scenarios/storage.ts';
import { judge } from './targets.ts';
import { writeDoc } from './write-doc.ts';

const SCENARIOS = ['fanout', 'reload', 'signals', 'assignment', 'schedule', 'documents', 'community', 'storage', 'cost'] as const;
type Scenario = (typeof SCENARIOS)[number];

function parseArgs(argv: string[]): { quick: boolean; only: Set<Scenario>; writeDocs: boolean; n: string | undefined } {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--only');
  const listed = i >= 0 ? (argv[i + 1] ?? '').split(',').map((s) => s.trim()) : [...SCENARIOS];
  const unknown = listed.filter((s) => !SCENARIOS.includes(s as Scenario));
  if (unknown.length) {
    console.error(`Unknown scenario(s): ${unknown.join(', ')}. Choose from ${SCENARIOS.join(', ')}.`);
    process.exit(2);
  }
  const n = argv.indexOf('--n');
  return { quick, only: new Set(listed as Scenario[]), writeDocs: !quick && i < 0 && !argv.includes('--no-docs'), n: n >= 0 ? argv[n + 1] : undefined };
}

function machine(): Machine {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpus: cpus().length,
    cpuModel: /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    os: `${process.platform} ${readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()}`,
  };
}

async function main(): Promise<void> {
  cleanUpOnExit();
  const args = parseArgs(process.argv.slice(2));
  const q = args.quick;
  const log = (s: string) => console.log(s);
  const started = now();
  const results: Omit<Results, 'targets'> = { startedAt: new Date().toISOString(), durationS: 0, quick: q, machine: machine() };
  log(`Brave Space bench (${q ? 'quick' : 'full'}): ${[...args.only].join(', ')}`);

  if (args.only.has('fanout') || args.only.has('reload')) {
    // Each server process holds N sockets; workers hold up to 500 each.
    const limit = openFilesLimit();
    // --n N (with --only reload): that N instead of the largest, for development.
    const n = Number(args.n);
    const all = (Number.isInteger(n) && n > 0 ? [n] : q ? [50, 200] : [200, 1000, 3000]).filter((x) => x + 500 < limit);
    if (!n && all.length < (q ? 2 : 3)) log(`  fan-out: open-file limit ${limit} is too low for the largest N; raise it with ulimit -n`);
    const whole = args.only.has('fanout');
    const sizes = whole ? all : all.slice(-1);
    const opts = { sizes, rounds: q || !whole ? 8 : 20, gapMs: 100, storms: ['replay', 'reload'] as StormMode[] };
    log(`fan-out: N = ${sizes.join(', ')}, ${opts.rounds} spotlights each, then the replay and reload storms`);
    results.fanout = [];
    for (const kind of whole ? (['ours', 'socketio', 'ws'] as const) : (['ours', 'socketio'] as const)) results.fanout.push(await runFanout(kind, opts, log));
  }
  if (args.only.has('signals')) {
    log('signals:');
    results.signals = await runSignals(q ? { participants: 60, perMinute: 4, durationMs: 8_000, triagers: 2 } : { participants: 500, perMinute: 4, durationMs: 30_000, triagers: 3 }, log);
  }
  if (args.only.has('assignment')) {
    log('assignment:');
    results.assignment = await runAssignment(q ? [40, 280] : [40, 280, 2000, 10000], 6, log);
    if (!results.assignment.available) log(`  assignment skipped: ${results.assignment.note}`);
  }
  if (args.only.has('schedule')) {
    // 40 million cells: what the server's default PLAN_BUDGET_MS (1 s) buys.
    const seeds = q ? 3 : 10;
    log(`schedule: known repeat-free designs, ${seeds} seeds, round by round vs planned together`);
    results.schedule = runSchedule(seeds, 40_000_000, log);
  }
  if (args.only.has('documents')) {
    const opts = q
      ? { sizes: [10, 50], observers: 2, perSecond: 2, steadyMs: 3_000, burstKeys: 10, loadDocs: 20, loadChars: 1000 }
      : { sizes: [10, 50, 200, 400], observers: 3, perSecond: 2, steadyMs: 10_000, burstKeys: 10, loadDocs: 100, loadChars: 1000 };
    log(`documents: ${opts.sizes.join(', ')} editors`);
    results.documents = [];
    for (const kind of ['ours', 'y-websocket', 'hocuspocus'] as const) results.documents.push(await runDocuments(kind, opts, log));
  }
  if (args.only.has('community')) {
    const opts = q ? { sizes: [200], convenings: 12, attendees: 40, reps: 40 } : { sizes: [500, 3000], convenings: 12, attendees: 150, reps: 60 };
    log(`community: ${opts.sizes.join(', ')} members, ${opts.convenings} closed convenings`);
    results.community = await runCommunity(opts, log);
  }
  if (args.only.has('storage')) {
    const opts = q ? { appends: 200, writers: [1, 4] } : { appends: 1000, writers: [1, 4, 16] };
    log(`storage: ${opts.appends} appends, ${opts.writers.join(' / ')} writers on one convening`);
    results.storage = await runStorage(opts, log);
  }
  if (args.only.has('cost')) {
    log('cost: web bundle');
    results.bundle = measureBundle(log);
  }

  results.durationS = (now() - started) / 1000;
  const full: Results = { ...results, targets: judge(results) };
  console.log(`\n${render(full)}\n`);
  writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify(full, null, 2)}\n`);
  console.log('Wrote bench-results.json');
  if (args.writeDocs) {
    writeDoc(render(full));
    console.log('Updated docs/benchmarks.md (latest figures)');
  }
}

main()
  .then(() => {
    killAll();
    process.exit(0);
  })
  .catch((err: unknown) => {
    console.error('bench failed:', err);
    killAll();
    process.exit(1);
  });
