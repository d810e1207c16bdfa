import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { mib, quietPort } from '../soak/lib/proc.ts';
import { stormScenario } from '../soak/lib/storm.ts';

/**
 * Two hundred participants drop at once and come back, three times, while the
 * facilitator carries on. The server runs as its own process so its memory (VmRSS) is
 * its own. `pnpm soak` runs bigger crowds and more storms.
 */
const PEOPLE = 200;
const dir = tempDir();
let server: ServerProcess | undefined;

beforeAll(async () => {
  server = await spawnServer({ DATA_DIR: dir.path, PORT: String(await quietPort()), LOG: 'silent' });
});
afterAll(async () => {
  await server?.stop();
  dir.remove();
});

describe('reconnect storm', () => {
  it(`${PEOPLE} people drop at once and return: all resync, none counted twice, memory back near its level`, { timeout: 180_000 }, async () => {
    const report = await stormScenario(server!, { people: PEOPLE, storms: 3 });
    // Includes the memory check: the first storm may grow the server once (≤ 64 MiB), later
    // storms must not keep adding (≤ 24 MiB + 32 KiB a person over the level after the first).
    expect(report.problems, `rss ${report.rss.map(mib).join(' → ')}`).toEqual([]);
    expect(report.rss).toHaveLength(4);
  });
});
