import type { Server } from 'socket.io';

/** The Redis connections of one process: socket.io's adapter (publish, subscribe) and our forwarding channel. */
export interface RedisLink {
  /** Connected right now (what /healthz reports). */
  connected(): boolean;
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, listener: (message: string) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  close(): Promise<void>;
}

/** How long socket.io waits for the other processes' answers (presence counts across processes). */
const REQUESTS_TIMEOUT_MS = 3_000;

/**
 * Connect to Redis and put socket.io's Redis adapter on `io`: a broadcast from any process
 * reaches the sockets of that room on every process. Loaded only when REDIS_URL is set, so
 * the single process pays nothing for it. While Redis is away node-redis reconnects on its
 * own; broadcasts then reach this process's own sockets only, and forwarding times out
 * (typed, nothing acknowledged).
 */
export async function connectRedis(io: Server, url: string, log: (msg: string, err?: unknown) => void, back: () => void): Promise<RedisLink> {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const options = { url, socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000), connectTimeout: 5_000 } };
  const pub = createClient(options);
  const sub = pub.duplicate();
  const rpc = pub.duplicate();
  // Forwarded commands fail at once while Redis is away instead of waiting in a queue and
  // running later, after their sender was told nothing was done.
  const ask = pub.duplicate({ disableOfflineQueue: true });
  const clients = [pub, sub, rpc, ask];
  let warned = false;
  for (const client of clients) {
    client.on('error', (err) => {
      if (!warned) log('redis: connection lost; serving this process only until it is back', err);
      warned = true;
    });
    client.on('ready', () => {
      if (!warned || !clients.every((c) => c.isReady)) return;
      warned = false;
      log('redis: connected again');
      back();
    });
  }
  await Promise.all(clients.map((c) => c.connect()));
  io.adapter(createAdapter(pub, sub, { requestsTimeout: REQUESTS_TIMEOUT_MS }));
  return {
    connected: () => clients.every((c) => c.isReady),
    publish: async (channel, message) => void (await ask.publish(channel, message)),
    subscribe: (channel, listener) => rpc.subscribe(channel, listener),
    unsubscribe: (channel) => rpc.unsubscribe(channel),
    async close() {
      await Promise.all(clients.map((c) => (c.isOpen ? c.quit().then(() => undefined, () => c.disconnect()) : Promise.resolve())));
    },
  };
}
