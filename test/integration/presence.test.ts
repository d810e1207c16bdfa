import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, type LiveClient } from '@brave/client';
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

it('gives every facilitator, and only facilitators, the invite codes', async () => {
  const { made, host } = await openConvening(server.url);
  const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
  const p = await joinAs(server.url, made.joinCode, 'Pat');
  const invite = await api.invite(server.url, made.id, co.joined.token);
  expect(invite).toMatchObject({ joinCode: made.joinCode, cohostCode: made.cohostCode });
  expect(invite.cohostUrl).toContain(`/j/${made.joinCode}?cohost=`);
  await expect(api.invite(server.url, made.id, p.joined.token)).rejects.toMatchObject({ status: 403 });
  for (const c of [host, co.client, p.client]) c.close();
});
