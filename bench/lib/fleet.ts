import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { within } from './clock.ts';
import type { GotPush, WorkerCommand, WorkerReply } from './messages.ts';
import { ROOT, track } from './procs.ts';

const WORKER = fileURLToPath(new URL('../worker.ts', import.meta.url));

/** One worker process holding many simulated clients, driven over IPC. */
export class Worker {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly gotHandlers = new Set<(seq: number) => void>();

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: unknown) => {
      const msg = m as WorkerReply | GotPush;
      if ('push' in msg) {
        for (const fn of this.gotHandlers) fn(msg.seq);
        return;
      }
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.ok) w.resolve(msg.result);
      else w.reject(new Error(msg.error));
    });
    child.once('exit', (code, signal) => {
      for (const w of this.waiting.values()) w.reject(new Error(`worker exited (${code ?? signal})`));
      this.waiting.clear();
    });
  }

  request<T>(command: WorkerCommand, timeoutMs = 120_000): Promise<T> {
    const id = ++this.next;
    const answer = new Promise<unknown>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.child.send({ id, ...command });
    return within(answer, timeoutMs, `worker ${command.cmd}`) as Promise<T>;
  }

  onGot(fn: (seq: number) => void): () => void {
    this.gotHandlers.add(fn);
    return () => this.gotHandlers.delete(fn);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ cmd: 'close' }, 15_000).catch(() => undefined);
    this.child.kill('SIGTERM');
    await within(exited, 5_000, 'worker exit').catch(() => {
      this.child.kill('SIGKILL');
      return exited;
    });
  }
}

/** Forks the workers; each answers its first command once it is up. */
export function startWorkers(count: number): Worker[] {
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) {
    const child = track(
      fork(WORKER, [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    workers.push(new Worker(child));
  }
  return workers;
}

export async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.stop()));
}

/** Deal items round-robin: worker i gets items i, i+k, i+2k… */
export function deal<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = Array.from({ length: k }, () => []);
  items.forEach((item, i) => out[i % k]!.push(item));
  return out;
}
