import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { joinAs, openConvening, until } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('smoke', () => {
  it('spotlight reaches a participant', async () => {
    const { made, host } = await openConvening(server.url);
    const { client } = await joinAs(server.url, made.joinCode, 'Ana');
    const first = host.state!.agreements[0]!;
    const ack = await host.send({ type: 'spotlight.set', agreementId: first.id });
    expect(ack.ok).toBe(true);
    const spot = await until(client, (c) => c.state!.spotlight);
    expect(spot.text).toBe(first.text);
    host.close();
    client.close();
  });
});
