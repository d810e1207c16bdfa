// The throwaway Redis that the cross-process fan-out tests will use: it answers on its
// port while running and is gone from it after stop (nothing left behind for the next run).

import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { available, startRedis } from '../support/engines.ts';

/** One RESP round trip over a plain socket: no client library needed to check the server. */
function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      resolve(d.toString().trim());
      socket.end();
    });
    socket.once('error', reject);
  });
}

it.skipIf(!available('redis'))('starts a Redis on a free port that answers, and stops it by its PID', async () => {
  const redis = await startRedis();
  expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
  expect(await ping(redis.port)).toBe('+PONG');
  await redis.stop();
  await expect(ping(redis.port)).rejects.toThrow(/ECONNREFUSED/);
});
