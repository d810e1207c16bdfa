import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import { startTestServer } from '../support/server.ts';
import { joinAs, openConvening } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const online = (c: LiveClient, n: number) =>
  new Promise<void>((resolve) => {
    const off = c.on('presence', (p) => {
      if (p.online === n) {
        off();
        resolve();
      }
    });
  });

it('tells the room how many people are connected, without names', async () => {
  const { made, host } = await openConvening(server.url);
  const three = online(host, 3);
  const a = (await joinAs(server.url, made.joinCode, 'Ana')).client;
  const b = (await joinAs(server.url, made.joinCode, 'Bo')).client;
  await three;
  const two = online(a, 2);
  b.close();
  await two;
  host.close();
  a.close();
});
