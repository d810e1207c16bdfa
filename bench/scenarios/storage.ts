import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../apps/server/src/store/database.ts';
import { KyselyStore, type SeqStrategy } from '../../apps/server/src/store/kysely-store.ts';
import type { NewEvent } from '../../apps/server/src/store/types.ts';
import { postgresBin, startPostgres } from '../../test/support/engines.ts';
import { now } from '../lib/clock.ts';
import { round, summarise, type Summary } from '../lib/stats.ts';

/**
 * Append latency of the convening store (one event plus the command's answer, committed)
 * on SQLite and on a real, durable PostgreSQL (fsync on, a throwaway cluster on this
 * machine), with 1 writer and with several writers on one convening, for both ways of
 * numbering concurrent appends (kysely-store.ts SeqStrategy).
 */
export interface StorageRow {
  engine: string;
  writers: number;
  latencyMs: Summary;
  appendsPerSec: number;
  /** Appends refused (store_unavailable) out of all tried. */
  refused: number;
  gapFree: boolean;
}
export interface StorageResult {
  rows: StorageRow[];
  note?: string;
}

export interface StorageOptions {
  appends: number;
  writers: number[];
}

const event = (i: number): NewEvent => ({
  at: i,
  actor: 'p_host',
  event: { type: 'spotlight.set', agreementId: `a${i % 8}`, text: 'Listen to understand', source: 'facilitator' },
});

/** `fenced`: each append carries the lease's epoch, as an owner among several processes does (store/lease.ts). */
async function measure(engine: string, databases: Database[], writers: number, appends: number, seq?: SeqStrategy, fenced = false): Promise<StorageRow> {
  const stores = databases.map((d) => new KyselyStore(d, seq ? { seq } : {}));
  const id = `c_${engine.replace(/\W/g, '')}_${writers}${fenced ? '_f' : ''}`;
  await stores[0]!.createConvening({ id, joinCode: id, cohostCode: id, createdAt: 0 }, []);
  const fence = fenced ? { epoch: (await stores[0]!.acquireLease(id, 'bench', 3_600_000)).epoch } : undefined;
  for (let i = 0; i < 50; i++) await stores[0]!.append(id, [event(i)]); // warm up
  const latencies: number[] = [];
  let refused = 0;
  const started = now();
  // Each writer appends in turn (as a room does: one command at a time), all writers at once.
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const store = stores[w % stores.length]!;
      for (let i = 0; i < Math.ceil(appends / writers); i++) {
        const t = now();
        try {
          await store.append(id, [event(i)], { actor: `w${w}`, key: `k${i}`, result: { ok: true } }, fence);
          latencies.push(now() - t);
        } catch {
          refused++;
        }
      }
    }),
  );
  const elapsed = (now() - started) / 1000;
  const seqs = (await stores[0]!.events(id)).map((e) => e.seq);
  return {
    engine: `${engine}${seq || fenced ? ` (${[seq, fenced ? 'fenced' : ''].filter(Boolean).join(', ')})` : ''}`,
    writers,
    latencyMs: summarise(latencies),
    appendsPerSec: round(latencies.length / elapsed),
    refused,
    gapFree: seqs.every((s, i) => s === i + 1),
  };
}

export async function runStorage(opts: StorageOptions, log: (s: string) => void): Promise<StorageResult> {
  const rows: StorageRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'brave-bench-store-'));
  try {
    const sqlite = await openDatabase({ sqliteFile: join(dir, 'bench.db') });
    // SQLite is one process: its writers share one connection.
    for (const writers of opts.writers) rows.push(await measure('sqlite', [sqlite], writers, opts.appends));
    rows.push(await measure('sqlite', [sqlite], 1, opts.appends, undefined, true));
    await sqlite.close();
    log(`  sqlite: ${rows.map((r) => `${r.writers} writer(s) p50 ${round(r.latencyMs.p50)} ms`).join(', ')}`);
    if (!postgresBin()) return { rows, note: "PostgreSQL not measured: Debian's postgresql is not installed" };
    const pg = await startPostgres();
    try {
      for (const seq of ['lock', 'retry'] as const) {
        const url = pg.createDatabase(`bench_${seq}`);
        // Two processes' worth of pools, as two server processes would have.
        const pools = [await openDatabase({ databaseUrl: url, sqliteFile: '' }), await openDatabase({ databaseUrl: url, sqliteFile: '' })];
        for (const writers of opts.writers) {
          const row = await measure('postgres', writers === 1 ? pools.slice(0, 1) : pools, writers, opts.appends, seq);
          rows.push(row);
          log(`  ${row.engine}: ${writers} writer(s) p50 ${round(row.latencyMs.p50)} ms p99 ${round(row.latencyMs.p99)} ms, refused ${row.refused}`);
        }
        // The owner of a convening among several processes: one writer, every append fenced.
        if (seq === 'lock') rows.push(await measure('postgres', pools.slice(0, 1), 1, opts.appends, seq, true));
        for (const p of pools) await p.close();
      }
    } finally {
      pg.destroy();
    }
    return { rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
