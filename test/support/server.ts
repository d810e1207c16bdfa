import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer, type RunningServer } from '../../apps/server/src/index.ts';
import type { CommunityHooks } from '../../apps/server/src/convening/room.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

export function tempDir(prefix = 'brave-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A real server in this process on a free port, with its own fresh SQLite file. */
export async function startTestServer(
  env: Record<string, string> = {},
  hooks?: Partial<CommunityHooks>,
): Promise<RunningServer & AsyncDisposable & { dataDir: string }> {
  const dir = tempDir();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, SECRET: TEST_SECRET, LOG: 'silent', ...env });
  const server = await startServer(config, hooks ? { hooks } : {});
  const close = async () => {
    await server.close();
    if (!env.DATA_DIR) dir.remove();
  };
  return { ...server, dataDir: config.dataDir, close, [Symbol.asyncDispose]: close };
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** kill -9, no goodbye. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** The real server as its own process (for kill -9 tests and benchmarks). */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', SECRET: TEST_SECRET, LOG: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // tsx compiles the server on start: on a loaded machine that alone can take most of a minute.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    port: Number(new URL(url).port),
    child,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A port that is free right now (for restarting a server on the same address). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
