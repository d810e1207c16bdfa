import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.ts';

/**
 * Throwaway real servers for tests: a PostgreSQL cluster (Debian's `postgresql`, driven by
 * initdb / pg_ctl) and a Redis (`redis-server`), each on 127.0.0.1 and a free port, with its
 * data in a temp folder that goes away on stop. No mocks of either.
 *
 * Outside CI a machine without the packages skips these tests with a loud message; under
 * CI (`CI=1`, set by .ci/run and scripts/test.mjs) a missing package fails them instead.
 */

const inCi = (): boolean => Boolean(process.env.CI && process.env.CI !== '0' && process.env.CI !== 'false');

/** The newest /usr/lib/postgresql/<major>/bin that has initdb, or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((d) => existsSync(join(root, d, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : null;
}

export const redisBin = (): string | null => (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null);

/**
 * Whether tests of `engine` can run here. Call at the top of a test file:
 * `describe.skipIf(!available('postgres'))(…)`. Throws under CI when it cannot.
 */
export function available(engine: 'postgres' | 'redis'): boolean {
  const found = engine === 'postgres' ? postgresBin() !== null : redisBin() !== null;
  if (found) return true;
  const pkg = engine === 'postgres' ? 'postgresql' : 'redis-server';
  if (inCi()) throw new Error(`CI must run the ${engine} tests, but Debian's ${pkg} is not installed.`);
  console.warn(`\n*** SKIPPING ${engine.toUpperCase()} TESTS: Debian's ${pkg} is not installed (apt-get install ${pkg}). CI runs them. ***\n`);
  return false;
}

export interface PostgresServer {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<db> */
  url(database?: string): string;
  /** A fresh, empty database; returns its DATABASE_URL. */
  createDatabase(name: string): string;
  /** Postmaster PID while running. */
  pid(): number | null;
  /** pg_ctl stop (fast): the server refuses connections until start(). */
  stop(): void;
  /** Start it again on the same port and data. */
  start(): void;
  /** Stop and delete the data directory. */
  destroy(): void;
  [Symbol.asyncDispose](): Promise<void>;
}

const running = new Set<PostgresServer>();
process.once('exit', () => {
  for (const s of running) {
    const pid = s.pid();
    if (pid) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
    }
  }
});

/**
 * initdb refuses to run as root; as root the cluster belongs to the `postgres` system user
 * (created by Debian's package) and every binary runs through runuser.
 */
function asOwner(bin: string, args: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
}

function run(argv: string[]): string {
  return execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new PostgreSQL cluster, started. `durable: false` turns fsync off (tests that never crash the OS). */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error("Debian's postgresql is not installed (apt-get install postgresql).");
  const dir = mkdtempSync(join(tmpdir(), 'brave-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) chownSync(dir, Number(run(['id', '-u', 'postgres']).trim()), Number(run(['id', '-g', 'postgres']).trim()));
  run(asOwner(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']));
  const port = await freePort();
  const conf = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'max_connections = 200',
    'shared_buffers = 32MB',
    ...(options.durable === false ? ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off'] : []),
  ];
  const confFile = join(data, 'postgresql.auto.conf');
  writeFileSync(confFile, `${readFileSync(confFile, 'utf8')}\n${conf.join('\n')}\n`);
  const pgCtl = (args: string[]) => run(asOwner(join(bin, 'pg_ctl'), ['-D', data, '-s', ...args]));
  const start = () => void pgCtl(['-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const pidFile = join(data, 'postmaster.pid');
  const pid = () => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) || null : null);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const stop = () => {
    if (pid()) pgCtl(['-m', 'fast', '-w', 'stop']);
  };
  const server: PostgresServer = {
    port,
    url,
    pid,
    stop,
    start,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      run([join(bin, 'createdb'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return url(name);
    },
    destroy() {
      stop();
      running.delete(server);
      rmSync(dir, { recursive: true, force: true });
    },
    [Symbol.asyncDispose]() {
      server.destroy();
      return Promise.resolve();
    },
  };
  start();
  running.add(server);
  return server;
}

export interface RedisServer {
  port: number;
  url: string;
  pid: number;
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** A Redis with nothing saved to disk, on a free port (or `port`, to start it again where it was); stopped by its PID. */
export async function startRedis(options: { port?: number } = {}): Promise<RedisServer> {
  const bin = redisBin();
  if (!bin) throw new Error("Debian's redis-server is not installed (apt-get install redis-server).");
  const port = options.port ?? (await freePort());
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { port, url: `redis://127.0.0.1:${port}`, pid: child.pid!, stop, [Symbol.asyncDispose]: stop };
}
