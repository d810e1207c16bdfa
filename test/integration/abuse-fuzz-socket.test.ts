import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import type { Socket } from 'socket.io-client';
import type { LiveClient } from '@brave/client';
import { AckResult, ApiError, PROTOCOL_VERSION, SOCKET_EVENTS, type ConveningView } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { joinAs, ok, openConvening, record, until } from '../support/people.ts';
import { mint } from './collab-helpers.ts';
import { COMMAND_TYPES, healthy, rawSocket, type TestServer } from './abuse-helpers.ts';

/**
 * Property-based garbage on the socket: every kind of `command` payload (wrong types,
 * huge strings, deep nesting, unknown command types, binary, prototype tricks), commands
 * without an ack, with only an ack or extra arguments, unknown event names (with and
 * without an ack), and raw socket.io frames below the SDK. Each gets a typed answer (on
 * its ack whenever the emit carries one, else a `fault`) or its own connection closed; a
 * participant connected throughout notices nothing at all, and a spotlight sent
 * afterwards still reaches them.
 * Seeds are pinned; a failure prints the seed and path to replay it.
 */
let server: TestServer;
let host: LiveClient;
let bystander: LiveClient;
let observerToken: string;
let malToken: string;
let before: ConveningView;
const noticed = { faults: [] as unknown[], statuses: [] as string[], events: [] as unknown[] };

beforeAll(async () => {
  server = await startTestServer();
  const opened = await openConvening(server.url, { title: 'Fuzzing' });
  host = opened.host;
  const ana = await joinAs(server.url, opened.made.joinCode, 'Ana');
  bystander = ana.client;
  const oli = await joinAs(server.url, opened.made.joinCode, 'Oli');
  oli.client.close();
  // The garbage comes from an observer (no valid command of theirs changes anything)
  // and, for raw frames, from a participant.
  observerToken = mint({ conveningId: opened.made.id, participantId: oli.joined.participantId, role: 'observer' });
  malToken = (await joinAs(server.url, opened.made.joinCode, 'Mal')).joined.token;
  await until(bystander, (c) => Object.keys(c.state!.participants).length === 4);
  before = structuredClone(bystander.state!);
  bystander.on('fault', (f) => noticed.faults.push(f));
  bystander.on('status', (s) => noticed.statuses.push(s));
  noticed.events = record(bystander);
});
afterAll(async () => {
  host.close();
  bystander.close();
  await server.close();
});

/** A connection that is replaced when the server closes it or its command allowance runs low. */
function rotating(url: string, token: string) {
  let socket: Socket | null = null;
  let uses = 0;
  return async (): Promise<Socket> => {
    if (!socket || !socket.connected || ++uses > 30) {
      socket?.close();
      socket = await rawSocket(url, token);
      uses = 0;
    }
    return socket;
  };
}

const nest = (depth: number, leaf: unknown = 'x'): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const junkType = fc.constantFrom(...COMMAND_TYPES, 'spotlight.explode', '__proto__', 'constructor', '', 'SIGNAL.RAISE');
const fields = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
const payload = fc.oneof(
  fc.jsonValue({ maxDepth: 5 }),
  fc.record({ key: fc.oneof(fc.string({ maxLength: 70 }), fc.jsonValue()), command: fc.tuple(junkType, fields).map(([type, f]) => ({ ...f, type })) }, { requiredKeys: [] }),
  fc.record({ key: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string())), command: fc.oneof(fc.string(), fc.integer(), fc.array(fc.jsonValue())) }),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => ({ key: 'huge-string-01', command: { type: 'signal.raise', kind: 'ouch', explanation: 'é'.repeat(n / 2) } })),
  fc.integer({ min: 50, max: 3_000 }).map((d) => ({ key: 'deep-nesting-01', command: { type: 'agreements.set', agreements: nest(d) } })),
  fc.integer({ min: 50, max: 3_000 }).map((d) => nest(d)),
  fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
  fc.record({ key: fc.constant('binary-inside1'), command: fc.record({ type: junkType, blob: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)) }) }),
  fc.constant(JSON.parse('{"key":"proto-pollution","command":{"type":"agreements.affirm","__proto__":{"role":"facilitator"}}}') as unknown),
  fc.constant(undefined),
);
const MODES = ['ack', 'no ack', 'unknown event', 'ack only', 'extra arguments', 'unknown event with ack'] as const;
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', SOCKET_EVENTS.command]);
const eventName = fc.string({ maxLength: 30 }).filter((s) => !RESERVED.has(s));

/** Wait for this socket's next `fault`, or its disconnection. */
const nextFault = (s: Socket) =>
  new Promise<unknown>((resolve) => {
    const done = (v: unknown) => {
      s.off(SOCKET_EVENTS.fault, done);
      s.off('disconnect', closed);
      resolve(v);
    };
    const closed = () => done('closed');
    s.on(SOCKET_EVENTS.fault, done);
    s.on('disconnect', closed);
  });

describe('fuzzing the socket', () => {
  it('every command payload, missing ack and unknown event gets a typed answer, or only its own connection closed', async () => {
    const attacker = rotating(server.url, observerToken);
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom(...MODES), eventName, fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 }), async (p, mode, name, extra) => {
        const s = await attacker();
        let outcome: string;
        if (mode !== 'no ack' && mode !== 'unknown event') {
          // Every emit that carries an acknowledgement gets an answer, whatever its arguments.
          const args = { ack: [SOCKET_EVENTS.command, p], 'ack only': [SOCKET_EVENTS.command], 'extra arguments': [SOCKET_EVENTS.command, p, ...extra], 'unknown event with ack': [name, p] }[mode];
          const answer = await s
            .timeout(10_000)
            .emitWithAck(...(args as [typeof SOCKET_EVENTS.command, unknown]))
            .catch(() => (s.connected ? 'no answer' : 'closed'));
          const parsed = AckResult.safeParse(answer);
          outcome = parsed.success ? (parsed.data.ok ? 'ok' : parsed.data.error.code) : String(answer);
          expect(outcome, `${JSON.stringify(p)?.slice(0, 200)} got no answer`).not.toBe('no answer');
          if (!parsed.success) expect(outcome).toBe('closed');
          if (mode !== 'ack' && parsed.success) expect(outcome).toBe('bad_request');
        } else {
          const fault = nextFault(s);
          if (mode === 'no ack') s.emit(SOCKET_EVENTS.command, p);
          else s.emit(name, p);
          const f = await fault;
          outcome = f === 'closed' ? 'closed' : ApiError.parse(f).code;
          if (f !== 'closed') expect(outcome).toBe('bad_request');
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: 200, seed: 20250515, endOnFailure: true },
    );
    // Most garbage is refused by the schema; the rest by role or rate. Nothing else.
    expect([...outcomes.keys()].every((o) => ['ok', 'bad_request', 'forbidden', 'rate_limited', 'closed'].includes(o)), JSON.stringify([...outcomes])).toBe(true);
    expect(outcomes.get('bad_request')).toBeGreaterThan(50);
    expect(await healthy(server.url)).toBe(true);
  });

  it('raw socket.io frames (malformed packets, stray acks, missing attachments, other namespaces, binary) harm only their sender', async () => {
    const frame = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 100 }).map((s) => `4${s}`),
      fc.tuple(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7'), fc.jsonValue({ maxDepth: 3 })).map(([t, v]) => `4${t}${JSON.stringify(v)}`),
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([id, v]) => `43${id}${JSON.stringify([v])}`),
      fc.tuple(fc.nat(99), fc.jsonValue({ maxDepth: 3 })).map(([n, v]) => `45${n}-${JSON.stringify(['command', v])}`),
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([id, v]) => `42${id}${JSON.stringify(['command', { key: 'raw-frame-key', command: v }])}`),
      fc.jsonValue({ maxDepth: 3 }).map((v) => `40/admin,${JSON.stringify(v)}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    );
    const conn = rawConnections(server.url, malToken);
    const outcomes = { alive: 0, closed: 0 };
    await fc.assert(
      fc.asyncProperty(frame, async (f) => {
        const ws = await conn.open();
        ws.send(f);
        outcomes[await conn.probe(ws)] += 1;
      }),
      { numRuns: 120, seed: 7_777, endOnFailure: true },
    );
    conn.close();
    expect(outcomes.alive + outcomes.closed).toBe(120);
    expect(outcomes.closed).toBeGreaterThan(0);
    expect(await healthy(server.url)).toBe(true);
  });

  it('the participant connected throughout noticed nothing, and still gets the next spotlight', async () => {
    expect(noticed).toEqual({ faults: [], statuses: [], events: [] });
    expect(bystander.status).toBe('live');
    expect(bystander.state).toEqual(before);
    const agreementId = host.state!.agreements[2]!.id;
    await ok(host, { type: 'spotlight.set', agreementId });
    await until(bystander, (c) => c.state!.spotlight?.agreementId === agreementId);
  });
});

/**
 * Raw engine.io/socket.io over a websocket: handshake by hand, then anything. `probe`
 * asks a harmless question with an ack id and reports whether the server still answers
 * on this connection, or closed it.
 */
function rawConnections(url: string, token: string) {
  let current: WebSocket | null = null;
  let sent = 0;
  let probeId = 1_000;
  const open = async (): Promise<WebSocket> => {
    if (current && current.readyState === WebSocket.OPEN && sent++ < 25) return current;
    current?.terminate();
    sent = 0;
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    await new Promise<void>((resolve, reject) => {
      ws.on('message', function onMessage(data: Buffer) {
        const text = data.toString();
        if (text.startsWith('0{')) ws.send(`40${JSON.stringify({ token, protocolVersion: PROTOCOL_VERSION })}`);
        else if (text.startsWith('42["hello"')) {
          ws.off('message', onMessage);
          resolve();
        } else if (text === '2') ws.send('3');
      });
      ws.once('error', reject);
      ws.once('close', () => reject(new Error('closed during the handshake')));
    });
    ws.on('message', (data: Buffer) => data.toString() === '2' && ws.send('3'));
    current = ws;
    return ws;
  };
  const probe = (ws: WebSocket): Promise<'alive' | 'closed'> => {
    if (ws.readyState !== WebSocket.OPEN) return Promise.resolve('closed');
    const id = probeId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connection neither answered nor closed (frame before probe ${id})`)), 10_000);
      const onMessage = (data: Buffer) => {
        if (!data.toString().startsWith(`43${id}[`)) return;
        finish('alive');
      };
      const onClose = () => finish('closed');
      const finish = (r: 'alive' | 'closed') => {
        clearTimeout(timer);
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(r);
      };
      ws.on('message', onMessage);
      ws.once('close', onClose);
      ws.send(`42${id}${JSON.stringify(['command', { key: `probe-${id}-key`, command: { type: 'agreements.affirm' } }])}`);
    });
  };
  return { open, probe, close: () => current?.terminate() };
}
