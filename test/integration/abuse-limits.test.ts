import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import WebSocket from 'ws';
import type { LiveClient } from '@brave/client';
import { LIMITS, PROTOCOL_VERSION, SOCKET_EVENTS } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { apiError, joinAs, newAddress, ok, openConvening, postJson, record, until } from '../support/people.ts';
import { healthy, rawSocket, type TestServer } from './abuse-helpers.ts';

/**
 * The edges of the live connection: which sites may open one (Origin), how fast one
 * connection or one address may go, and how large one message may be. Whoever hits a
 * limit gets a typed answer or loses only their own connection; nobody else notices.
 */
const PARTNER = 'https://partner.example.org';
let server: TestServer;
let host: LiveClient;
let bystander: LiveClient;
let joinCode: string;
let token: string;
const noticed = { faults: [] as unknown[], statuses: [] as string[] };
beforeAll(async () => {
  server = await startTestServer({ ALLOWED_ORIGINS: `${PARTNER}, https://other-partner.example.org`, JOIN_RATE_BURST: '30', JOIN_RATE_PER_SECOND: '1' });
  const opened = await openConvening(server.url, { title: 'Limits' });
  host = opened.host;
  joinCode = opened.made.joinCode;
  bystander = (await joinAs(server.url, joinCode, 'Ana')).client;
  bystander.on('fault', (f) => noticed.faults.push(f));
  bystander.on('status', (s) => noticed.statuses.push(s));
  token = (await joinAs(server.url, joinCode, 'Mal')).joined.token;
});
afterAll(async () => {
  host.close();
  bystander.close();
  await server.close();
});

/** The socket.io handshake over long-polling, as a browser page on `origin` would start it. */
function pollingHandshake(origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: origin ? { origin } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}
/** A websocket upgrade straight to socket.io from `origin`: 101 when opened, else the HTTP status. */
function upgrade(origin?: string): Promise<number> {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, origin ? { origin } : {});
  return new Promise((resolve) => {
    ws.once('open', () => (ws.terminate(), resolve(101)));
    ws.once('unexpected-response', (_req, res) => (res.resume(), resolve(res.statusCode ?? 0)));
    ws.once('error', () => resolve(0));
  });
}

describe('origin check on socket.io', () => {
  it('refuses pages from elsewhere; accepts our own origin, ALLOWED_ORIGINS, and clients that send none', async () => {
    const own = new URL(server.url).origin;
    const cases: Record<string, string | undefined> = {
      own,
      'allowed partner': PARTNER,
      'second allowed partner': 'https://other-partner.example.org',
      'no origin (a bot with a token)': undefined,
      elsewhere: 'https://evil.example',
      'look-alike': `${PARTNER}.evil.example`,
      'another port of ours': own.replace(/:\d+$/, ':1'),
      'sandboxed frame': 'null',
    };
    const seen: Record<string, [number, number]> = {};
    for (const [what, origin] of Object.entries(cases)) seen[what] = [await pollingHandshake(origin), await upgrade(origin)];
    // Refused upgrades are answered by engine.io itself, always as 400 (polling gets 403).
    expect(seen).toEqual({
      own: [200, 101],
      'allowed partner': [200, 101],
      'second allowed partner': [200, 101],
      'no origin (a bot with a token)': [200, 101],
      elsewhere: [403, 400],
      'look-alike': [403, 400],
      'another port of ours': [403, 400],
      'sandboxed frame': [403, 400],
    });
  });

  it('a valid credential does not make a foreign page acceptable', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { origin: 'https://evil.example' });
    const status = await new Promise<number>((resolve) => {
      ws.once('open', () => {
        ws.send(`40${JSON.stringify({ token, protocolVersion: PROTOCOL_VERSION })}`);
        resolve(101);
      });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(400);
  });
});

describe('rate limits', () => {
  it('one connection flooding commands is told to wait (retryAfterMs), while others are served in full', async () => {
    const flood = await rawSocket(server.url, token);
    const answers = Promise.all(
      Array.from({ length: LIMITS.commandBurst * 3 }, (_, i) => flood.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, { key: `flood-key-${i}`, command: { type: 'agreements.affirm' } })),
    );
    const others = await Promise.all(Array.from({ length: 10 }, () => bystander.send({ type: 'agreements.affirm' })));
    const limited = (await answers).filter((a: { ok: boolean }) => !a.ok) as { error: { code: string; retryAfterMs: number } }[];
    expect(limited.length).toBeGreaterThanOrEqual(LIMITS.commandBurst);
    for (const a of limited) expect(a.error).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
    expect(Math.min(...limited.map((a) => a.error.retryAfterMs))).toBeGreaterThan(0);
    expect(others.every((a) => a.ok)).toBe(true);
    // After the wait it names, the same connection is served again.
    await new Promise((r) => setTimeout(r, Math.max(...limited.map((a) => a.error.retryAfterMs))));
    expect(await flood.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, { key: 'after-the-wait', command: { type: 'agreements.affirm' } })).toMatchObject({ ok: true });
    flood.close();
  });

  it('one address creating (and joining) too fast gets 429 with Retry-After; another address does not', async () => {
    const address = newAddress();
    // All at once, as a script would: the allowance (30 here, then 1 a second) is shared by create and join.
    const answers = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => postJson(server.url, '/api/convenings', { title: `Burst ${i}` }, address)),
      ...Array.from({ length: 15 }, (_, i) => postJson(server.url, '/api/join', { joinCode, name: `Burst ${i}` }, address)),
    ]);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((a) => a.status !== 429).every((a) => a.status === 201)).toBe(true);
    for (const a of limited) {
      expect(apiError(a.body)).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
      expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await postJson(server.url, '/api/convenings', { title: 'Someone else' })).status).toBe(201);
  });
});

describe('size limits on the socket', () => {
  it(`a message over ${LIMITS.socketMessageBytes / 1024} KiB closes only its sender; one just under gets a typed refusal`, async () => {
    const seen = record(bystander);
    const sender = await rawSocket(server.url, token);
    const under = { key: 'just-under-64k', command: { type: 'signal.raise', kind: 'ouch', explanation: 'x'.repeat(LIMITS.socketMessageBytes - 1_000) } };
    expect(await sender.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, under)).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'command.explanation' } });
    const gone = new Promise<string>((resolve) => sender.once('disconnect', resolve));
    sender.emit(SOCKET_EVENTS.command, { key: 'over-the-limit', command: { type: 'signal.raise', kind: 'ouch', explanation: 'x'.repeat(LIMITS.socketMessageBytes + 10) } }, () => undefined);
    expect(await gone).toMatch(/transport (close|error)/);
    sender.close();

    expect(await healthy(server.url)).toBe(true);
    const agreementId = host.state!.agreements[4]!.id;
    await ok(host, { type: 'spotlight.set', agreementId });
    await until(bystander, (c) => c.state!.spotlight?.agreementId === agreementId);
    expect(seen.map((e) => e.event.type)).toEqual(['spotlight.set']);
    expect(noticed).toEqual({ faults: [], statuses: [] });
  });
});
