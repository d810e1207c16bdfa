import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { within } from './clock.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./probe.ts', import.meta.url));

/**
 * Every process the bench starts, so that all of them are ended by PID on any exit:
 * normal end, thrown error, Ctrl-C. Nothing is ever killed by name.
 */
const started = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

export function killAll(): void {
  for (const child of started) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  started.clear();
}

let hooked = false;
/** Install once: whatever way the bench ends, its children end with it. */
export function cleanUpOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

export interface MemoryReading {
  /** Resident set from /proc/<pid>/status (VmRSS), bytes. */
  rss: number;
  /** V8 heap in use, bytes, after a full GC (reported by the probe preloaded in the process). */
  heapUsed: number;
  external: number;
}

export interface Service {
  name: string;
  pid: number;
  port: number;
  url: string;
  child: ChildProcess;
  /** Total CPU time of all the process's threads so far, in nanoseconds. */
  cpuNs(): number;
  memory(): Promise<MemoryReading>;
  stop(): Promise<void>;
}

/**
 * Start a server (ours or a baseline) as its own Node process with the bench probe
 * preloaded, and wait for its "ready" line on stdout. The probe adds no code to the
 * server: it only answers memory questions over the IPC channel.
 */
export async function startService(opts: {
  name: string;
  script: string;
  env?: Record<string, string>;
  ready: RegExp;
  host?: string;
  /** Extra Node flags for this process only (e.g. --cpu-prof: NODE_OPTIONS refuses it). */
  nodeArgs?: string[];
}): Promise<Service> {
  const child = track(
    spawn(process.execPath, ['--expose-gc', ...(opts.nodeArgs ?? []), '--import', 'tsx', '--import', PROBE, opts.script], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', NODE_ENV: 'production', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  let output = '';
  const port = await within(
    new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = opts.ready.exec(output);
        if (m?.[1]) {
          child.stdout!.off('data', onData);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => (output.length < 20_000 ? (output += c.toString()) : undefined));
      child.once('exit', (code) => reject(new Error(`${opts.name} exited with ${code}:\n${output}`)));
    }),
    30_000,
    `${opts.name} start`,
  ).catch((err: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw err;
  });
  // Keep draining output so a chatty server can never block on a full pipe.
  child.stdout!.resume();
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let asked = 0;
  const readMemory = async (): Promise<MemoryReading> => {
    const id = ++asked;
    const reply = new Promise<{ heapUsed: number; external: number }>((resolve) => {
      const onMessage = (m: unknown) => {
        const msg = m as { type?: string; id?: number; heapUsed: number; external: number };
        if (msg.type === 'bench:mem' && msg.id === id) {
          child.off('message', onMessage);
          resolve(msg);
        }
      };
      child.on('message', onMessage);
    });
    child.send({ type: 'bench:mem', id });
    const heap = await within(reply, 10_000, `${opts.name} memory`);
    return { rss: rssBytes(pid), heapUsed: heap.heapUsed, external: heap.external };
  };
  return {
    name: opts.name,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    cpuNs: () => cpuNs(pid),
    async memory() {
      // Twice: the first full GC lets the allocator hand pages back, the second reads
      // a settled figure.
      await readMemory();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return readMemory();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await within(exited, 5_000, `${opts.name} stop`).catch(() => {
        child.kill('SIGKILL');
        return exited;
      });
    },
  };
}

/**
 * CPU time of a process in ns: the sum of every thread's on-CPU time from
 * /proc/<pid>/task/<tid>/schedstat (nanosecond resolution). Falls back to utime+stime
 * from /proc/<pid>/stat (10 ms ticks) when schedstat is not available.
 */
export function cpuNs(pid: number): number {
  try {
    let total = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const first = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0];
      total += Number(first);
    }
    if (total > 0) return total;
  } catch {
    // fall through to /proc/<pid>/stat
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1e9) / 100;
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** The soft limit on open files for this process (children inherit it). */
export function openFilesLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const m = /Max open files\s+(\d+|unlimited)/.exec(limits);
  return !m || m[1] === 'unlimited' ? Infinity : Number(m[1]);
}

/** A port free right now on 127.0.0.1 (for servers that cannot listen on port 0). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
