import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { crashScenario } from '../soak/lib/crash.ts';
import { quietPort } from '../soak/lib/proc.ts';

/**
 * kill -9 of the server at seeded moments of mixed load (signals, spotlights, triage,
 * breakout rounds, document typing), then a restart on the same data and port. Each seed
 * runs on the server the previous one restarted. `pnpm soak` runs many more seeds.
 * What must hold is listed in test/soak/lib/crash.ts; a failure names the seed to replay.
 */
const SEEDS = [11, 2024, 90210];
const dir = tempDir();
let env: Record<string, string>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  env = { DATA_DIR: dir.path, PORT: String(await quietPort()), LOG: 'silent' };
  server = await spawnServer(env);
});
afterAll(async () => {
  await server?.stop();
  dir.remove();
});

describe('kill -9 during mixed load', () => {
  for (const seed of SEEDS) {
    it(`loses nothing acknowledged, duplicates nothing, and every client resumes (seed ${seed})`, { timeout: 120_000 }, async () => {
      const report = await crashScenario({ seed, env, server: server! });
      server = report.server;
      expect(report.problems, `seed ${seed}`).toEqual([]);
      // The run did what it claims: acknowledged work on both sides of the kill, and typing.
      expect(report.ackedBeforeKill).toBeGreaterThan(0);
      expect(report.acked).toBeGreaterThan(report.ackedBeforeKill);
      expect(report.linesAckedBeforeKill).toBeGreaterThan(0);
    });
  }
});
