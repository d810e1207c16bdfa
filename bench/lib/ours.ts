import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveClient } from '@brave/client';
import { CreateConveningResult, JoinResult } from '@brave/protocol';
import { within } from './clock.ts';
import { ROOT, startService, type Service } from './procs.ts';

const SECRET = 'bench-secret-that-is-long-enough-for-hmac-0123456789';

/** Our real server as its own process (`apps/server/src/main.ts`), on a fresh DATA_DIR; `env` adds to its settings (DATABASE_URL, REDIS_URL). */
export async function startOurs(name = 'ours', env: Record<string, string> = {}): Promise<Service & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'brave-bench-'));
  try {
    const service = await startService({
      name,
      script: join(ROOT, 'apps/server/src/main.ts'),
      env: { PORT: '0', DATA_DIR: dataDir, SECRET, LOG: 'info', ...env },
      ready: /running at http:\/\/[^:\s]+:(\d+)/,
      // BENCH_PROFILE_DIR=/some/dir: our server writes a CPU profile there when it stops.
      ...(process.env.BENCH_PROFILE_DIR ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] } : {}),
    });
    return {
      ...service,
      dataDir,
      async stop() {
        await service.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

export interface Convening {
  made: CreateConveningResult;
  host: LiveClient;
}

let created = 0;
let joined = 0;

export async function openConvening(url: string, title: string): Promise<Convening> {
  // Like joins below: each convening is opened "from" its own loopback address, so the
  // per-address creation limit does not cap how many documents the bench can open.
  const n = created++;
  const res = await fetch(new URL('/api/convenings', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `127.78.${(n >> 8) & 255}.${n & 255}` },
    body: JSON.stringify({ title, hostName: 'Bench facilitator' }),
  });
  if (res.status !== 201) throw new Error(`creating a convening was refused: HTTP ${res.status} ${await res.text()}`);
  const made = CreateConveningResult.parse(await res.json());
  const host = new LiveClient({ url, token: made.facilitatorToken, ackTimeoutMs: 15_000 });
  await within(host.connect(), 30_000, 'facilitator hello');
  return { made, host };
}

/**
 * Admit `count` people through POST /api/join, a few at a time. The join limit is per
 * address; the server trusts X-Forwarded-For from loopback (as behind a proxy), so each
 * simulated person presents its own address in 127.77.0.0/16, as real people would
 * arrive from their own networks. Nothing is sent anywhere but 127.0.0.1.
 */
export async function joinMany(
  url: string,
  joinCode: string,
  count: number,
  opts: { cohostCode?: string; offset?: number; prefix?: string } = {},
): Promise<string[]> {
  const tokens: string[] = new Array<string>(count);
  let next = 0;
  const one = async (i: number) => {
    const n = (opts.offset ?? 0) + i;
    const address = joined++;
    const res = await fetch(new URL('/api/join', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `127.77.${(address >> 8) & 255}.${address & 255}` },
      body: JSON.stringify({ joinCode, name: `${opts.prefix ?? 'Person'} ${n + 1}`, ...(opts.cohostCode ? { cohostCode: opts.cohostCode } : {}) }),
    });
    if (res.status !== 201) throw new Error(`join ${n} refused: HTTP ${res.status} ${await res.text()}`);
    tokens[i] = JoinResult.parse(await res.json()).token;
  };
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return tokens;
}
