import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { Socket as NetSocket } from 'node:net';
import { reduce } from '@brave/core';
import { LIMITS, PROTOCOL_VERSION, SOCKET_EVENTS, type ConveningView, type Hello, type LoggedEvent } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, postJson, record, until } from '../support/people.ts';

/**
 * Slow and stalled readers. One participant's client stops reading (its TCP socket is
 * paused, as a frozen phone would) while a busy facilitator keeps the room moving. Nobody
 * else may wait for it, and the server may not queue for it without bound: past
 * SOCKET_SEND_BUFFER_BYTES it is cut off, and it catches up by itself when it returns.
 */
const LIMIT = 512 * 1024;
let server: Awaited<ReturnType<typeof startTestServer>>;
const errors: string[] = [];
beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  server = await startTestServer({ SOCKET_SEND_BUFFER_BYTES: String(LIMIT), LOG: 'info' });
});
afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
});

/** A bare socket.io reader folding what it receives, with its TCP socket within reach. */
class RawReader {
  state: ConveningView | null = null;
  readonly disconnects: string[] = [];
  hellos = 0;
  eventsSeen = 0;
  readonly socket: Socket;
  constructor(url: string, token: string) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      auth: (cb) => cb({ token, protocolVersion: PROTOCOL_VERSION, ...(this.state ? { lastSeq: this.state.seq } : {}) }),
    });
    this.socket.on(SOCKET_EVENTS.hello, (h: Hello) => {
      this.hellos += 1;
      if (h.mode === 'snapshot') this.state = h.snapshot;
      else for (const e of h.events) this.fold(e);
    });
    this.socket.on(SOCKET_EVENTS.event, (e: LoggedEvent) => {
      this.eventsSeen += 1;
      this.fold(e);
    });
    this.socket.on('disconnect', (reason) => this.disconnects.push(reason));
  }
  private fold(e: LoggedEvent) {
    if (this.state && e.seq > this.state.seq) this.state = reduce(this.state, e);
  }
  /** The TCP socket under the websocket: pausing it is a reader that stopped reading. */
  tcp(): NetSocket {
    const transport = this.socket.io.engine.transport as unknown as { ws?: { _socket?: NetSocket } };
    const tcp = transport.ws?._socket;
    if (!tcp) throw new Error('no websocket transport');
    return tcp;
  }
  until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
    return vi.waitFor(() => expect(predicate()).toBe(true), { timeout: timeoutMs, interval: 20 });
  }
}

/**
 * Extra facilitator connections, each with its own command allowance so the load comes in
 * one burst. Raw engine.io websockets that only read their acks: the test process must not
 * spend its CPU parsing megabytes of broadcasts (a starved test process reads slowly and
 * would itself look like a stalled reader).
 */
async function facilitatorConnections(url: string, token: string, n: number) {
  return Promise.all(Array.from({ length: n }, () => commander(url, token)));
}
async function commander(url: string, token: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const waiting = new Map<number, (ack: { ok: boolean; seq?: number }) => void>();
  let next = 1;
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      const head = data.subarray(0, 12).toString();
      if (head.startsWith('0{')) ws.send(`40${JSON.stringify({ token, protocolVersion: PROTOCOL_VERSION })}`);
      else if (head.startsWith('42["hello"')) resolve();
      else if (head === '2') ws.send('3');
      else if (head.startsWith('43')) {
        const m = /^43(\d+)\[/.exec(data.toString());
        const id = Number(m?.[1]);
        waiting.get(id)?.((JSON.parse(data.toString().slice(2 + String(id).length)) as [{ ok: boolean; seq?: number }])[0]);
        waiting.delete(id);
      }
    });
    ws.once('error', reject);
  });
  return {
    send(key: string, command: object): Promise<{ ok: boolean; seq?: number }> {
      const id = next++;
      ws.send(`42${id}${JSON.stringify([SOCKET_EVENTS.command, { key, command }])}`);
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => ws.terminate(),
  };
}

const longText = (i: number, j: number) => `Agreement ${j} as rewritten for the ${i}th time: ${'we listen before we answer, '.repeat(14)}`.slice(0, LIMITS.agreementTextMax);
const agreementsSet = (i: number) => ({
  type: 'agreements.set' as const,
  agreements: Array.from({ length: LIMITS.agreementsMax }, (_, j) => ({ id: `a${j}`, text: longText(i, j) })),
});

describe('a reader who stops reading', () => {
  it('delays nobody, is cut off once its backlog passes the bound, and catches up by itself on return', async () => {
    const { made, host } = await openConvening(server.url);
    await ok(host, agreementsSet(0));
    const bystander = await joinAs(server.url, made.joinCode, 'Ana');
    const res = await postJson(server.url, '/api/join', { joinCode: made.joinCode, name: 'Frozen phone' });
    const token = (res.body as { token: string }).token;
    const stalled = new RawReader(server.url, token);
    await stalled.until(() => stalled.hellos === 1);
    const fac = await facilitatorConnections(server.url, made.facilitatorToken, 10);
    const startSeq = stalled.state!.seq;
    await until(bystander.client, (c) => c.state!.seq === startSeq);
    const seen = record(bystander.client);
    const bystanderStatus: string[] = [];
    bystander.client.on('status', (st) => bystanderStatus.push(st));

    stalled.tcp().pause();
    // A busy facilitator: many spotlights and rewrites of the agreements (about 17 KB each),
    // in bursts, until the server reports it cut the frozen reader off.
    // Waves of about 0.4 MB: the readers who read keep up between waves; the frozen one
    // falls a wave further behind each time, until the server reports it cut it off.
    let wave = 0;
    const acks: { ok: boolean; seq?: number }[] = [];
    while (!errors.some((e) => /fell \d+ bytes behind/.test(e))) {
      wave += 1;
      expect(wave, 'the server never bounded the stalled reader').toBeLessThan(80);
      const sends = fac.flatMap((s, k) =>
        Array.from({ length: 3 }, (_, i) => {
          const command = i === 2 ? { type: 'spotlight.set', agreementId: `a${(wave + k) % LIMITS.agreementsMax}` } : agreementsSet(wave * 100 + k * 10 + i);
          return s.send(`stall-${wave}-${k}-${i}`, command);
        }),
      );
      const answered = await Promise.all(sends);
      acks.push(...answered);
      const last = Math.max(...answered.map((a) => a.seq ?? 0));
      await Promise.all([bystander.client, host].map((c) => until(c, (x) => x.state!.seq >= last)));
    }
    expect(acks.every((a) => a.ok)).toBe(true);

    // Everyone else got every event, in order, with no gap.
    const head = Math.max(...acks.map((a) => a.seq ?? 0));
    await until(bystander.client, (c) => c.state!.seq === head);
    const seqs = seen.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: head - startSeq }, (_, i) => startSeq + 1 + i));
    expect(acks.length).toBe(head - startSeq);
    expect(bystanderStatus, 'the bystander lost its connection').toEqual([]);

    // The frozen phone wakes up: it was disconnected (not fed forever), and resyncs by itself.
    const before = stalled.eventsSeen;
    stalled.tcp().resume();
    await stalled.until(() => stalled.disconnects.length > 0 && stalled.hellos >= 2 && stalled.state?.seq === head);
    expect(before).toBe(0);
    expect(stalled.eventsSeen).toBeLessThan(head - startSeq);
    const fresh = await fetch(`${server.url}/api/convenings/${made.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(stalled.state).toEqual(((await fresh.json()) as { view: ConveningView }).view);

    for (const s of fac) s.close();
    stalled.socket.close();
    closeAll(host, bystander);
  });
});
