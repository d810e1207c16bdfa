import { LiveClient } from '@brave/client';
import { io as ioClient, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { now, within } from '../lib/clock.ts';
import type { ConnectResult, FanoutKind, StormMode } from '../lib/messages.ts';
import type { Returning } from './storm.ts';

/** The broadcast receivers of one worker: ours (LiveClient) or a baseline's raw client. */
export class FanoutClients {
  private readonly closers: (() => void)[] = [];
  /** Who each client is (ours: credential and the last seq it folded), for a storm. */
  private readonly who: (() => Returning)[] = [];
  private readonly times = new Map<number, number[]>();

  constructor(private readonly onComplete: (seq: number) => void) {}

  get size(): number {
    return this.closers.length;
  }

  async connect(kind: FanoutKind, url: string, tokens: string[] | undefined, count: number | undefined): Promise<ConnectResult> {
    const started = now();
    const jobs = tokens ?? Array.from({ length: count ?? 0 }, () => '');
    let failed = 0;
    let firstError: string | undefined;
    // A bounded number of handshakes in flight, as a crowd arriving, not a flood.
    const batch = 25;
    for (let i = 0; i < jobs.length; i += batch) {
      const results = await Promise.allSettled(jobs.slice(i, i + batch).map((token) => this.open(kind, url, token)));
      for (const r of results) {
        if (r.status === 'rejected') {
          failed++;
          firstError ??= String(r.reason instanceof Error ? r.reason.message : r.reason);
        }
      }
    }
    return { connected: jobs.length - failed, failed, ms: now() - started, ...(firstError ? { firstError } : {}) };
  }

  /** Receive times so far, keyed by seq; cleared after each collect. */
  collect(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [seq, list] of this.times) out[seq] = list;
    this.times.clear();
    return out;
  }

  close(): void {
    for (const close of this.closers.splice(0)) close();
    this.who.length = 0;
  }

  /** Everyone held, as they would come back: a reload forgets the last seq, a replay keeps it. */
  returning(mode: StormMode): Returning[] {
    return this.who.map((w) => {
      const r = w();
      return mode === 'replay' ? r : { token: r.token, lastSeq: undefined };
    });
  }

  private received(seq: number): void {
    let list = this.times.get(seq);
    if (!list) this.times.set(seq, (list = []));
    list.push(now());
    if (list.length === this.closers.length) this.onComplete(seq);
  }

  private open(kind: FanoutKind, url: string, token: string): Promise<void> {
    if (kind === 'ours') return this.openOurs(url, token);
    if (kind === 'socketio') return this.openSocketIo(url);
    return this.openWs(url);
  }

  private async openOurs(url: string, token: string): Promise<void> {
    const client = new LiveClient({ url, token });
    try {
      await within(client.connect(), 60_000, 'hello');
    } catch (err) {
      client.close();
      throw err;
    }
    // Each client's copy of the roster (about 200 bytes a person) is dropped after hello
    // so that 3,000 simulated screens fit in a few worker processes; folding a spotlight
    // never reads it. The server-side work is unchanged.
    if (client.state) client.state.participants = {};
    client.on('event', (e) => this.received(e.seq));
    this.closers.push(() => client.close());
    this.who.push(() => ({ token, lastSeq: client.state?.seq }));
  }

  private openSocketIo(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket: Socket = ioClient(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, timeout: 60_000 });
      socket.once('connect', () => {
        socket.on('event', (payload: { seq: number }) => this.received(payload.seq));
        this.closers.push(() => socket.disconnect());
        this.who.push(() => ({ token: '', lastSeq: undefined }));
        resolve();
      });
      socket.once('connect_error', (err) => {
        socket.disconnect();
        reject(err);
      });
    });
  }

  private openWs(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
      socket.once('open', () => {
        socket.on('message', (data: Buffer) => {
          const msg = JSON.parse(data.toString()) as { seq?: number };
          if (typeof msg.seq === 'number') this.received(msg.seq);
        });
        this.closers.push(() => socket.terminate());
        this.who.push(() => ({ token: '', lastSeq: undefined }));
        resolve();
      });
      socket.once('error', reject);
    });
  }
}
