import { postgresBin, redisBin, startPostgres, startRedis } from '../../test/support/engines.ts';
import { startOurs } from '../lib/ours.ts';
import { cpuNs, type MemoryReading, type Service } from '../lib/procs.ts';
import { oursDocServer } from './doc-servers.ts';
import { runDocuments, type DocumentsOptions, type DocumentsRun } from './documents.ts';
import { runFanout, type FanoutOptions, type FanoutRun, type ServerGroup } from './fanout.ts';

/**
 * `pnpm bench -- --nodes 1,2,3`: the same fan-out and documents runs against 1, 2 and 3 of
 * our processes side by side, all on one throwaway PostgreSQL (Debian's, fsync on). One
 * process runs without Redis, as a single process on PostgreSQL does; two or more share one
 * Redis, and their clients are spread evenly over them while the facilitator (and the
 * documents' observers) stay on the first. CPU is every server process plus redis-server,
 * so what the Redis hop costs a delivery is the difference from one process.
 */
export interface NodesRun {
  nodes: number;
  fanout: FanoutRun;
  documents: DocumentsRun;
}
export interface NodesResult {
  runs: NodesRun[];
  note?: string;
}

export interface NodesOptions {
  counts: number[];
  fanout: FanoutOptions;
  documents: DocumentsOptions;
}

let databases = 0;

/** `count` processes on one fresh database (and Redis when more than one), as one Service. */
async function startGroup(count: number, pgUrl: (db: string) => string, redis: { url: string; pid: number } | null): Promise<ServerGroup> {
  const env: Record<string, string> = { DATABASE_URL: pgUrl(`bench_nodes_${++databases}`), ...(count > 1 && redis ? { REDIS_URL: redis.url } : {}) };
  // One after another: the first migrates the fresh database, the others find it ready.
  const services: Service[] = [];
  for (let i = 0; i < count; i++) services.push(await startOurs(`ours×${count}`, { ...env, ...(count > 1 ? { NODE_ID: `bench-${i + 1}` } : {}) }));
  const redisNs = () => (count > 1 && redis ? cpuNs(redis.pid) : 0);
  const first = services[0]!;
  return {
    ...first,
    name: `ours×${count}`,
    urls: services.map((s) => s.url),
    cpuNs: () => services.reduce((sum, s) => sum + s.cpuNs(), 0) + redisNs(),
    ...(count > 1 ? { partNs: redisNs } : {}),
    async memory(): Promise<MemoryReading> {
      const all = await Promise.all(services.map((s) => s.memory()));
      return all.reduce((a, m) => ({ rss: a.rss + m.rss, heapUsed: a.heapUsed + m.heapUsed, external: a.external + m.external }), { rss: 0, heapUsed: 0, external: 0 });
    },
    async stop() {
      await Promise.all(services.map((s) => s.stop()));
    },
  };
}

export async function runNodes(opts: NodesOptions, log: (s: string) => void): Promise<NodesResult> {
  if (!postgresBin() || !redisBin()) return { runs: [], note: "not measured: Debian's postgresql and redis-server are needed (apt-get install postgresql redis-server)" };
  const pg = await startPostgres({ durable: true });
  const redis = opts.counts.some((c) => c > 1) ? await startRedis() : null;
  const result: NodesResult = { runs: [] };
  try {
    const url = (db: string) => pg.createDatabase(db);
    for (const count of opts.counts) {
      log(`nodes: ${count} process${count > 1 ? 'es on one Redis' : ' (no Redis)'}, PostgreSQL`);
      const fanout = await runFanout('ours', opts.fanout, log, () => startGroup(count, url, redis));
      const documents = await runDocuments('ours', opts.documents, log, async () => oursDocServer(await startGroup(count, url, redis)));
      result.runs.push({ nodes: count, fanout, documents });
    }
  } finally {
    await redis?.stop();
    pg.destroy();
  }
  return result;
}
