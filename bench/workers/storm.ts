import { io as ioClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_EVENTS, type Hello, type LoggedEvent } from '@brave/protocol';
import { now, sleep } from '../lib/clock.ts';
import type { FanoutKind, StormCheck, StormMode, StormResult } from '../lib/messages.ts';

/** Who comes back after a drop: ours with their credential (and, replaying, their last seq). */
export interface Returning {
  token: string;
  lastSeq: number | undefined;
}

/**
 * One returning screen, on the wire: a stock socket.io client that records what arrives
 * in order, so a duplicate or a gap shows (a LiveClient would fold both away quietly).
 * Ours counts from the hello's sequence number; the bare socket.io server has none, so
 * its pages only count what arrives after they connect.
 */
class Page {
  readyAt = 0;
  head = -1;
  duplicates = 0;
  gaps = 0;
  problem: string | undefined;
  readonly socket: Socket;

  constructor(kind: FanoutKind, url: string, who: Returning | null, onSeq: (seq: number) => void, onReady: () => void) {
    const auth = who ? { token: who.token, protocolVersion: PROTOCOL_VERSION, ...(who.lastSeq === undefined ? {} : { lastSeq: who.lastSeq }) } : {};
    this.socket = ioClient(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, timeout: 60_000, auth });
    const ready = () => {
      this.readyAt = now();
      onReady();
    };
    if (kind === 'ours') {
      this.socket.once(SOCKET_EVENTS.hello, (h: Hello) => {
        if (h.mode === 'snapshot') this.head = h.snapshot.seq;
        else {
          this.head = who?.lastSeq ?? -1;
          for (const e of h.events) this.take(e.seq);
          this.head = Math.max(this.head, h.head);
        }
        ready();
      });
      this.socket.on(SOCKET_EVENTS.event, (e: LoggedEvent) => {
        if (!this.readyAt) this.problem ??= `event ${e.seq} before hello`;
        else if (this.take(e.seq)) onSeq(e.seq);
      });
    } else {
      this.socket.once('connect', ready);
      this.socket.on('event', (e: { seq: number }) => {
        if (this.head < 0) this.head = e.seq - 1;
        if (this.take(e.seq)) onSeq(e.seq);
      });
    }
    this.socket.once('connect_error', (err) => {
      this.problem ??= err.message;
      onReady();
    });
  }

  /** In the bench's workload every event goes to everyone, so the next one is head + 1. */
  private take(seq: number): boolean {
    if (seq <= this.head) {
      this.duplicates++;
      return false;
    }
    if (seq > this.head + 1) this.gaps += seq - this.head - 1;
    this.head = seq;
    return true;
  }
}

/** The storm pages of one worker: everyone this worker held drops at once and returns. */
export class StormPages {
  private pages: Page[] = [];
  private readonly counts = new Map<number, number>();

  constructor(private readonly onComplete: (seq: number) => void) {}

  /** Who this worker's pages are, to hand to the next storm (a reload forgets the seq). */
  returning(mode: StormMode, tokens: string[]): Returning[] {
    return this.pages.map((p, i) => ({ token: tokens[i] ?? '', lastSeq: mode === 'replay' ? p.head : undefined }));
  }

  /**
   * At `startAt` every previous connection is closed (`drop`) and everyone reconnects at
   * once; resolves when every page has its hello (ours) or is connected (bare socket.io).
   */
  async storm(kind: FanoutKind, url: string, who: Returning[], drop: () => void, startAt: number): Promise<StormResult> {
    await sleep(Math.max(0, startAt - now()));
    drop();
    this.close();
    let waiting = who.length;
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    const onReady = () => --waiting === 0 && done();
    this.pages = who.map((w) => new Page(kind, url, kind === 'ours' ? w : null, (seq) => this.received(seq), onReady));
    if (who.length === 0) done();
    await all;
    const failed = this.pages.filter((p) => p.problem !== undefined && !p.readyAt);
    return {
      clients: who.length,
      failed: failed.length,
      lastReadyAt: Math.max(0, ...this.pages.map((p) => p.readyAt)),
      ...(failed[0]?.problem ? { firstError: failed[0].problem } : {}),
    };
  }

  /** After the storm: does every page hold `head`, and did anything arrive twice or not at all? */
  check(head: number): StormCheck {
    const problems = this.pages.map((p) => p.problem).filter((p): p is string => p !== undefined);
    return {
      resynced: this.pages.filter((p) => p.head === head && p.problem === undefined).length,
      duplicates: this.pages.reduce((s, p) => s + p.duplicates, 0),
      gaps: this.pages.reduce((s, p) => s + p.gaps, 0),
      ...(problems[0] ? { firstProblem: problems[0] } : {}),
    };
  }

  close(): void {
    for (const p of this.pages.splice(0)) p.socket.disconnect();
    this.counts.clear();
  }

  private received(seq: number): void {
    const count = (this.counts.get(seq) ?? 0) + 1;
    this.counts.set(seq, count);
    if (count === this.pages.length) this.onComplete(seq);
  }
}
