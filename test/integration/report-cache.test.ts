import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConveningReport } from '@brave/protocol';
import { loadConfig, startServer } from '../../apps/server/src/index.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite.ts';
import type { StoredEvent } from '../../apps/server/src/store/types.ts';
import { closeAll, joinAs, ok, openConvening } from '../support/people.ts';
import { TEST_SECRET, tempDir } from '../support/server.ts';

/**
 * The debrief and the report read a convening's whole log. Asked again at the same point
 * of the log (nothing appended or rewritten since), the server answers from what it built
 * without reading the log again; the real SQLite store below only counts its whole-log
 * reads, so the test sees what the server did, not how long it took.
 */
class CountingStore extends SqliteStore {
  readonly wholeLogReads = new Map<string, number>();
  override events(conveningId: string, afterSeq?: number): Promise<StoredEvent[]> {
    if (afterSeq === undefined) this.wholeLogReads.set(conveningId, (this.wholeLogReads.get(conveningId) ?? 0) + 1);
    return super.events(conveningId, afterSeq);
  }
}

const dir = tempDir('brave-report-cache-');
let store: CountingStore;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir.path, SECRET: TEST_SECRET, LOG: 'silent' });
  store = await CountingStore.open(join(config.dataDir, 'brave-space.db'));
  server = await startServer(config, { store });
});
afterAll(async () => {
  await server.close();
  dir.remove();
});

const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const report = async (id: string, token: string) => ConveningReport.parse(await (await get(`/api/convenings/${id}/report/json`, token)).json());

describe('the debrief at the same point of the log', () => {
  it('is built once per reader, and again as soon as the log moves on', async () => {
    const { made, host } = await openConvening(server.url, { title: 'Policy circle' });
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    const cole = await joinAs(server.url, made.joinCode, 'Cole', { cohostCode: made.cohostCode });
    try {
      await ok(ana.client, { type: 'hand.raise' });
      const reads = () => store.wholeLogReads.get(made.id) ?? 0;
      expect((await report(made.id, made.facilitatorToken)).hands[0]).toMatchObject({ raises: 1 });
      const once = reads();
      // The same facilitator asks again, for the report in Markdown and for the debrief: no read.
      expect((await report(made.id, made.facilitatorToken)).hands[0]).toMatchObject({ raises: 1 });
      expect(await (await get(`/api/convenings/${made.id}/report/md`, made.facilitatorToken)).text()).toContain('| Main room | 1 | 0 |');
      expect((await get(`/api/convenings/${made.id}/debrief`, made.facilitatorToken)).status).toBe(200);
      expect(reads()).toBe(once);

      // Another facilitator has their own debrief (what they may see is theirs): one read.
      await report(made.id, cole.joined.token);
      expect(reads()).toBe(once + 1);

      // The log moves on: the next ask reads it again and counts the new hand.
      await ok(ana.client, { type: 'hand.lower' });
      await ok(ana.client, { type: 'hand.raise' });
      expect((await report(made.id, made.facilitatorToken)).hands[0]).toMatchObject({ raises: 2 });
      expect(reads()).toBe(once + 2);
    } finally {
      closeAll(host, ana, cole);
    }
  });
});
