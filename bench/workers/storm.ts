import { io as ioClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, SOCKET_EVENTS, type Hello, type LoggedEvent } from '@brave/protocol';
import { now, sleep } from '../lib/clock.ts';
import { STORM_DEADLINE_MS, type FanoutKind, type StormCheck, type StormMode, type StormResult } from '../lib/messages.ts';

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
  /** Handshakes refused or timed out before this page got in (it retried). */
  retries = 0;
  hellos = 0;
  readonly socket: Socket;

  constructor(kind: FanoutKind, url: string, who: Returning | null, onSeq: (seq: number) => void, onReady: () => void) {
    // Retrying as our LiveClient does (the same delays and jitter): a storm's refused or
    // timed-out handshakes come back, as real screens would. After a hello, a reconnect
    // resumes from what this page holds.
    const auth = (cb: (a: object) => void) => {
      const lastSeq = this.readyAt ? this.head : who?.lastSeq;
      cb(who ? { token: who.token, protocolVersion: PROTOCOL_VERSION, ...(lastSeq === undefined ? {} : { lastSeq }) } : {});
    };
    this.socket = ioClient(url, { path: '/socket.io', transports: ['websocket'], reconnectionDelay: 300, reconnectionDelayMax: 5_000, randomizationFactor: 0.5, timeout: 60_000, auth });
    const ready = () => {
      if (this.readyAt) return;
      this.readyAt = now();
      onReady();
    };
    if (kind === 'ours') {
      this.socket.on(SOCKET_EVENTS.hello, (h: Hello) => {
        if (h.mode === 'snapshot') {
          if (this.readyAt) this.problem ??= 'a snapshot after resuming';
          this.head = h.snapshot.seq;
        } else {
          if (!this.readyAt) this.head = who?.lastSeq ?? -1;
          for (const e of h.events) this.take(e.seq);
          this.head = Math.max(this.head, h.head);
        }
        this.hellos++;
        ready();
      });
      this.socket.on(SOCKET_EVENTS.event, (e: LoggedEvent) => {
        if (!this.readyAt) this.problem ??= `event ${e.seq} before hello`;
        else if (this.take(e.seq)) onSeq(e.seq);
      });
    } else {
      this.socket.on('connect', ready);
      this.socket.on('event', (e: { seq: number }) => {
        if (this.head < 0) this.head = e.seq - 1;
        if (this.take(e.seq)) onSeq(e.seq);
      });
    }
    this.socket.on('connect_error', () => this.retries++);
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
    // Bounded: whoever is not back within the deadline counts as failed.
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, STORM_DEADLINE_MS).unref());
    await Promise.race([all, deadline]);
    const failed = this.pages.filter((p) => !p.readyAt).length;
    return {
      clients: who.length,
      failed,
      retries: this.pages.reduce((s, p) => s + p.retries, 0),
      lastReadyAt: Math.max(0, ...this.pages.map((p) => p.readyAt)),
      ...(failed ? { firstError: `${failed} not back within ${STORM_DEADLINE_MS / 1000} s` } : {}),
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
