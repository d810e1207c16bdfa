import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { LiveClient } from '@brave/client';
import { PROTOCOL_VERSION, type Command } from '@brave/protocol';
import { TokenService } from '../../apps/server/src/auth/tokens.ts';
import { startTestServer, TEST_SECRET } from '../support/server.ts';
import { apiError, closeAll, joinAs, ok, openConvening, record, until } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const HOUR = 3_600_000;
const viewOf = (conveningId: string, token?: string) =>
  fetch(new URL(`/api/convenings/${conveningId}`, server.url), token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

/** Tamper with the claims of a real token, keeping its signature. */
function withClaims(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [v, body, mac] = token.split('.');
  const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
  change(claims);
  return `${v}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${mac}`;
}

/** Connect and report how the handshake was refused. */
async function refusal(token: string): Promise<{ code: string; status: string }> {
  const client = new LiveClient({ url: server.url, token });
  try {
    await client.connect();
    return { code: 'connected', status: client.status };
  } catch (err) {
    return { code: (err as { code: string }).code, status: client.status };
  } finally {
    client.close();
  }
}

describe('credentials', () => {
  it('forged, tampered, expired, foreign-convening and missing tokens get 401 on HTTP and at the socket handshake', async () => {
    const a = await openConvening(server.url);
    const b = await openConvening(server.url);
    const { joined } = await joinAs(server.url, a.made.joinCode, 'Ana');
    const otherServer = new TokenService('another-server-secret-that-is-long-enough-0123', HOUR);
    const past = new TokenService(TEST_SECRET, HOUR, () => Date.now() - 2 * HOUR);
    const bad: Record<string, string> = {
      garbage: 'not-a-token',
      forged: otherServer.issue({ conveningId: a.made.id, participantId: joined.participantId, role: 'facilitator' }),
      promoted: withClaims(joined.token, (c) => (c.r = 'facilitator')),
      expired: past.issue({ conveningId: a.made.id, participantId: joined.participantId, role: 'participant' }),
      extended: withClaims(past.issue({ conveningId: a.made.id, participantId: joined.participantId, role: 'participant' }), (c) => (c.exp = Date.now() + HOUR)),
    };
    for (const [what, token] of Object.entries(bad)) {
      const res = await viewOf(a.made.id, token);
      expect(res.status, what).toBe(401);
      expect(apiError(await res.json()).code).toBe('unauthorized');
      expect(await refusal(token), what).toEqual({ code: 'unauthorized', status: 'refused' });
    }
    // A real token of convening A opens nothing of convening B.
    expect((await viewOf(b.made.id, a.made.facilitatorToken)).status).toBe(401);
    expect((await viewOf(b.made.id, joined.token)).status).toBe(401);
    expect((await viewOf(a.made.id)).status).toBe(401);
    // And the genuine one works.
    expect((await viewOf(a.made.id, joined.token)).status).toBe(200);
    closeAll(a.host, b.host);
  });

  it('a socket without credentials, or speaking another protocol version, is refused with a typed reason', async () => {
    const attempt = (auth: object) => {
      const s = io(server.url, { transports: ['websocket'], auth, reconnection: false });
      return new Promise<unknown>((resolve) => {
        s.on('connect', () => resolve('connected'));
        s.on('connect_error', (err) => resolve((err as Error & { data?: unknown }).data));
      }).finally(() => s.close());
    };
    const made = await openConvening(server.url);
    expect(await attempt({})).toMatchObject({ code: 'unauthorized' });
    expect(await attempt({ token: made.made.facilitatorToken, protocolVersion: PROTOCOL_VERSION + 1 })).toMatchObject({ code: 'protocol_mismatch' });
    closeAll(made.host);
  });

  it('a token for a person this convening never admitted opens nothing', async () => {
    const { made, host } = await openConvening(server.url);
    const ghost = new TokenService(TEST_SECRET, HOUR).issue({ conveningId: made.id, participantId: 'p_ghost', role: 'facilitator' });
    expect((await viewOf(made.id, ghost)).status).toBe(401);
    expect(await refusal(ghost)).toEqual({ code: 'unauthorized', status: 'refused' });
    closeAll(host);
  });
});

describe('roles', () => {
  it('a participant can perform no facilitator action: each is refused as forbidden and nobody sees a change', async () => {
    const { made, host } = await openConvening(server.url);
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    const bo = await joinAs(server.url, made.joinCode, 'Bo');
    const boSaw = record(bo.client);
    const signalId = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })).id!;
    const requestId = (await ok(ana.client, { type: 'reminder.request', agreementId: host.state!.agreements[0]!.id })).id!;
    const before = structuredClone(host.state!);
    const attempts: Command[] = [
      { type: 'agreements.set', agreements: [{ text: 'Whatever I say goes.' }] },
      { type: 'spotlight.set', agreementId: before.agreements[1]!.id },
      { type: 'spotlight.clear' },
      { type: 'reminders.schedule', everyMinutes: 1 },
      { type: 'reminders.stop' },
      { type: 'reminder.resolve', requestId },
      { type: 'signal.triage', signalId, status: 'addressed', note: 'closing my own' },
      { type: 'convening.close' },
    ];
    for (const command of attempts) {
      const ack = await ana.client.send(command);
      expect(ack, command.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(!ack.ok && ack.error.message).toMatch(/facilitator/i);
    }
    // A later event everyone receives shows nothing happened in between.
    await ok(host, { type: 'spotlight.set', agreementId: before.agreements[2]!.id });
    await until(bo.client, (c) => c.state!.spotlight);
    expect(boSaw.map((e) => e.event.type)).toEqual(['signal.noticed', 'spotlight.set']);
    expect(host.state!.agreements).toEqual(before.agreements);
    expect(host.state!.status).toBe('open');
    expect(host.state!.signals[signalId]?.status).toBe('raised');
    expect(host.state!.reminderRequests[requestId]?.resolved).toBe(false);
    closeAll(host, ana, bo);
  });

  it('a co-facilitator may run the room but not end the convening', async () => {
    const { made, host } = await openConvening(server.url);
    const co = await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode });
    await ok(co.client, { type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id });
    const ack = await co.client.send({ type: 'convening.close' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    closeAll(host, co);
  });

  it('a participant never receives anything from another convening', async () => {
    const a = await openConvening(server.url);
    const b = await openConvening(server.url);
    const ana = await joinAs(server.url, a.made.joinCode, 'Ana');
    const bea = await joinAs(server.url, b.made.joinCode, 'Bea');
    const anaSaw = record(ana.client);
    await ok(bea.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'in B' });
    await ok(b.host, { type: 'spotlight.set', agreementId: b.host.state!.agreements[0]!.id });
    await ok(a.host, { type: 'spotlight.set', agreementId: a.host.state!.agreements[5]!.id });
    await until(ana.client, (c) => c.state!.spotlight);
    expect(anaSaw).toHaveLength(1);
    expect(ana.client.state!.spotlight?.agreementId).toBe(a.host.state!.agreements[5]!.id);
    expect(ana.client.state!.notices).toEqual([]);
    expect(Object.keys(ana.client.state!.participants)).not.toContain(bea.joined.participantId);
    closeAll(a.host, b.host, ana, bea);
  });
});
