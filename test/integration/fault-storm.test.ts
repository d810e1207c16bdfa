import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, tempDir, type ServerProcess } from '../support/server.ts';
import { mib, quietPort } from '../soak/lib/proc.ts';
import { stormScenario } from '../soak/lib/storm.ts';
import { JoinResult } from '@brave/protocol';
import { ok, openConvening, postJson } from '../support/people.ts';
import { ReloadedPage } from './fault-reload-helpers.ts';

/**
 * Two hundred participants drop at once and come back, three times, while the
 * facilitator carries on. The server runs as its own process so its memory (VmRSS) is
 * its own. `pnpm soak` runs bigger crowds and more storms.
 */
const PEOPLE = 200;
/** A reload storm CI can afford; `pnpm bench -- --only reload` runs 3,000. */
const RELOADERS = 300;
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

describe('reload storm', () => {
  it(`${RELOADERS} people reload at once while the room carries on: each gets one snapshot and every event after it exactly once`, { timeout: 180_000 }, async () => {
    const { made, host } = await openConvening(server!.url, { title: 'Reload storm' });
    const pages: ReloadedPage[] = [];
    try {
      const tokens: string[] = [];
      for (let i = 0; i < RELOADERS; i += 50) {
        const batch = Array.from({ length: Math.min(50, RELOADERS - i) }, (_, j) => postJson(server!.url, '/api/join', { joinCode: made.joinCode, name: `Reload ${i + j + 1}` }));
        for (const res of await Promise.all(batch)) tokens.push(JoinResult.parse(res.body).token);
      }
      const agreements = host.state!.agreements;
      for (let round = 1; round <= 2; round++) {
        for (const p of pages.splice(0)) p.close();
        // Everyone comes back at once, without a last sequence number, while the facilitator acts.
        pages.push(...tokens.map((t) => new ReloadedPage(server!.url, t)));
        let last = 0;
        for (let i = 0; i < 4; i++) last = (await ok(host, { type: 'spotlight.set', agreementId: agreements[(round + i) % agreements.length]!.id })).seq!;
        await waitFor(() => pages.every((p) => p.head >= last), 90_000, () => `${pages.filter((p) => p.head < last).length} pages not caught up to ${last}`);
        const problems = pages.flatMap((p, i) => p.check().map((x) => `round ${round}, page ${i}: ${x}`));
        expect(problems).toEqual([]);
        // What they hold is what the room holds: the spotlight the facilitator set last.
        expect(new Set(pages.map((p) => p.head))).toEqual(new Set([last]));
      }
    } finally {
      for (const p of pages) p.close();
      host.close();
    }
  });
});

/** Resolve once `done()` holds, checked as events arrive (every 20 ms), or fail saying what is left. */
function waitFor(done: () => boolean, timeoutMs: number, left: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = setInterval(() => {
      if (done()) {
        clearInterval(tick);
        resolve();
      } else if (performance.now() - started > timeoutMs) {
        clearInterval(tick);
        reject(new Error(left()));
      }
    }, 20);
  });
}
