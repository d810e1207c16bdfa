import type { LiveClient } from '@brave/client';
import type { Socket } from 'socket.io-client';
import { openDatabase } from '../../apps/server/src/store/database.ts';
import { KyselyStore } from '../../apps/server/src/store/kysely-store.ts';
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from '../support/engines.ts';
import { spawnServer, tempDir, type ServerProcess } from '../support/server.ts';

/**
 * Real server processes (each with its own DATA_DIR and NODE_ID) on one throwaway
 * PostgreSQL and one Redis, and a store on the same database to read the log and leases.
 */
export interface TestCluster {
  pg: PostgresServer;
  redis: RedisServer;
  store: KyselyStore;
  nodes: Map<string, ServerProcess>;
  url(node: string): string;
  /** Start Redis again on its port (after `redis.stop()`). */
  restartRedis(): Promise<void>;
  close(): Promise<void>;
}

export async function startCluster(names: string[], env: Record<string, string> = {}): Promise<TestCluster> {
  const [pg, redis] = await Promise.all([startPostgres({ durable: false }), startRedis()]);
  const databaseUrl = pg.createDatabase('cluster');
  // Migrated once here, so the processes start on a ready schema (they would also agree).
  const store = new KyselyStore(await openDatabase({ databaseUrl, sqliteFile: '' }));
  const dirs = names.map(() => tempDir('brave-cluster-'));
  const started = await Promise.all(
    names.map((id, i) => spawnServer({ PORT: '0', DATA_DIR: dirs[i]!.path, DATABASE_URL: databaseUrl, REDIS_URL: redis.url, NODE_ID: id, LEASE_TTL_MS: '1500', ...env })),
  );
  const nodes = new Map(started.map((s, i) => [names[i]!, s]));
  const cluster: TestCluster = {
    pg,
    redis,
    store,
    nodes,
    url: (node) => nodes.get(node)!.url,
    async restartRedis() {
      cluster.redis = await startRedis({ port: cluster.redis.port });
    },
    async close() {
      await Promise.all([...nodes.values()].map((n) => n.stop()));
      await store.close();
      await cluster.redis.stop();
      pg.destroy();
      for (const d of dirs) d.remove();
    },
  };
  return cluster;
}

/** Every socket.io frame a client receives, as text: what went over the wire to that person's screen. */
export function probe(client: LiveClient): string[] {
  const frames: string[] = [];
  const socket = (client as unknown as { socket: Socket }).socket;
  socket.io.on('packet', (p: { data?: unknown }) => frames.push(JSON.stringify(p.data ?? null)));
  return frames;
}
