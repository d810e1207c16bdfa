/**
 * `pnpm soak`: the fault suite, repeated for minutes. Alternates kill -9 runs under mixed
 * load (a new seed each time, each on the server the previous one restarted) with
 * reconnect storms of a bigger crowd, then prints what held and what did not.
 *
 *   SOAK_MINUTES=3      how long to keep going (a run in progress is finished)
 *   SOAK_SEED=1         first seed; seeds then count up, so any failure can be replayed
 *   SOAK_PEOPLE=500     crowd size of each reconnect storm
 *   SOAK_STORM_EVERY=4  a storm after every this many crash runs
 *   SOAK_OUT=path.json  also write the results there
 *
 * Exits non-zero if anything was lost, duplicated or left behind.
 */
import { writeFileSync } from 'node:fs';
import { spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { crashScenario, type CrashReport } from './lib/crash.ts';
import { mib, quietPort } from './lib/proc.ts';
import { stormScenario, type StormReport } from './lib/storm.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? 3);
const firstSeed = Number(process.env.SOAK_SEED ?? 1);
const people = Number(process.env.SOAK_PEOPLE ?? 500);
const stormEvery = Number(process.env.SOAK_STORM_EVERY ?? 4);

const running = new Set<ServerProcess>();
const stopping = new Set<ServerProcess>();
/** Follow a server we started: keep the tail of its output, and say so if it dies on its own. */
function track(p: ServerProcess): ServerProcess {
  running.add(p);
  let tail = '';
  const keep = (c: Buffer) => (tail = (tail + c.toString()).slice(-4_000));
  p.child.stdout?.on('data', keep);
  p.child.stderr?.on('data', keep);
  p.child.once('exit', (code, signal) => {
    running.delete(p);
    if (signal !== 'SIGKILL' && !stopping.has(p)) console.error(`server ${p.child.pid} exited by itself (${code ?? signal}):\n${tail}`);
  });
  const stop = p.stop.bind(p);
  p.stop = () => (stopping.add(p), stop());
  return p;
}
/** Servers we started end with us, by PID, however we end. */
function killOurs(): void {
  for (const p of running) if (p.child.pid && p.child.exitCode === null) process.kill(p.child.pid, 'SIGKILL');
}
process.on('exit', killOurs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

async function main(): Promise<number> {
  const deadline = Date.now() + minutes * 60_000;
  const crashDir = tempDir('brave-soak-');
  const env = { DATA_DIR: crashDir.path, PORT: String(await quietPort()), LOG: 'silent' };
  let server = track(await spawnServer(env));
  const crashes: Omit<CrashReport, 'server'>[] = [];
  const storms: StormReport[] = [];
  console.log(`soak: ${minutes} min, seeds from ${firstSeed}, storms of ${people} every ${stormEvery} crash runs`);

  for (let seed = firstSeed; Date.now() < deadline; seed++) {
    const { server: next, ...report } = await crashScenario({ seed, env, server });
    server = track(next);
    crashes.push(report);
    const refused = Object.entries(report.refused).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    console.log(
      `crash seed ${seed}: killed after ${report.crashAfter} answers; ${report.acked}/${report.sent} acknowledged (${report.ackedBeforeKill} before the kill), refused: ${refused}; ` +
        `${report.lines} lines typed; back in ${report.downMs} ms; ${report.problems.length ? `PROBLEMS: ${report.problems.join(' | ')}` : 'nothing lost'}`,
    );
    if ((seed - firstSeed + 1) % stormEvery === 0 && Date.now() < deadline) storms.push(await storm());
  }
  await server.stop();
  crashDir.remove();
  if (storms.length === 0) storms.push(await storm());

  const problems = [...crashes.flatMap((c) => c.problems.map((p) => `seed ${c.seed}: ${p}`)), ...storms.flatMap((s) => s.problems)];
  const down = crashes.map((c) => c.downMs).sort((a, b) => a - b);
  const summary = {
    minutes,
    crashRuns: crashes.length,
    seeds: crashes.map((c) => c.seed),
    commandsSent: sum(crashes.map((c) => c.sent)),
    acknowledged: sum(crashes.map((c) => c.acked)),
    acknowledgedBeforeKill: sum(crashes.map((c) => c.ackedBeforeKill)),
    linesTyped: sum(crashes.map((c) => c.lines)),
    backAfterKillMs: { p50: down[Math.floor(down.length / 2)] ?? 0, max: down.at(-1) ?? 0 },
    storms: storms.map((s) => ({ people: s.people, storms: s.storms, settleMs: s.settleMs, rss: s.rss.map(mib) })),
    problems,
  };
  console.log(JSON.stringify(summary, null, 2));
  if (process.env.SOAK_OUT) writeFileSync(process.env.SOAK_OUT, JSON.stringify({ ...summary, crashes, storms }, null, 2));
  console.log(problems.length ? `soak: ${problems.length} problem(s)` : 'soak: everything acknowledged survived; nothing duplicated; everyone came back');
  return problems.length ? 1 : 0;
}

async function storm(): Promise<StormReport> {
  const dir = tempDir('brave-storm-');
  const proc = track(await spawnServer({ DATA_DIR: dir.path, PORT: String(await quietPort()), LOG: 'silent' }));
  try {
    const report = await stormScenario(proc, { people, storms: 3 });
    console.log(`storm: ${people} people × 3, settled in ${report.settleMs.join(' / ')} ms, rss ${report.rss.map(mib).join(' → ')}; ${report.problems.length ? `PROBLEMS: ${report.problems.join(' | ')}` : 'all resynced, none counted twice'}`);
    return report;
  } finally {
    await proc.stop();
    dir.remove();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
