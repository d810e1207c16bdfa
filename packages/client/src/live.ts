import { io, type Socket } from 'socket.io-client';
import {
  ConnectRefusal,
  PROTOCOL_VERSION,
  SOCKET_EVENTS,
  type AckResult,
  type ApiError,
  type ClientToServer,
  type Command,
  type ConveningView,
  type Hello,
  type LoggedEvent,
  type Presence,
  type Self,
  type ServerToClient,
} from '@brave/protocol';
import { reduce } from '@brave/core';
import { Emitter } from './emitter.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'closed';

export interface LiveClientOptions {
  /** Server base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  token: string;
  /** How long to wait for an ack before retrying the same command (same key). */
  ackTimeoutMs?: number;
  /** Attempts per command before giving up with a typed error. */
  attempts?: number;
  /**
   * The language refusals should be written in ('es'), sent as Accept-Language. Outside a
   * browser only: a browser sends its own, and the web app says refusals from its catalogue.
   */
  language?: string;
}

type Events = {
  /** The view changed (same object, mutated; `version` grows by one each time). */
  change: (state: ConveningView, version: number) => void;
  event: (e: LoggedEvent) => void;
  status: (s: ConnectionStatus, reason?: ApiError) => void;
  fault: (e: ApiError) => void;
  presence: (p: Presence) => void;
};

let counter = 0;
const newKey = (): string =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 10)}`.slice(0, 40);

/**
 * A live connection to one convening. Keeps the reader's view by folding the events
 * it receives with core's reducer, resumes from its last sequence number after any
 * disconnect, and retries commands with the same idempotency key until acknowledged.
 */
export class LiveClient extends Emitter<Events> {
  state: ConveningView | null = null;
  self: Self | null = null;
  status: ConnectionStatus = 'connecting';
  version = 0;
  private readonly socket: Socket<ServerToClient, ClientToServer>;
  private readonly pending: LoggedEvent[] = [];
  private firstHello: Promise<void>;

  constructor(private readonly options: LiveClientOptions) {
    super();
    this.socket = io(options.url, {
      path: '/socket.io',
      transports: ['websocket'],
      ...(options.language ? { extraHeaders: { 'accept-language': options.language } } : {}),
      autoConnect: false,
      reconnectionDelay: 300,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.5, // jitter: a restarted server is not hit by everyone at once
      auth: (cb) => cb({ token: options.token, protocolVersion: PROTOCOL_VERSION, lastSeq: this.state?.seq }),
    });
    this.firstHello = new Promise((resolve, reject) => {
      this.socket.once(SOCKET_EVENTS.hello, () => resolve());
      this.socket.on('connect_error', (err) => {
        const refusal = ConnectRefusal.safeParse((err as Error & { data?: unknown }).data);
        if (refusal.success) {
          this.setStatus('refused', refusal.data);
          reject(Object.assign(new Error(refusal.data.message), { code: refusal.data.code }));
        } else {
          this.setStatus(this.state ? 'reconnecting' : 'connecting');
        }
      });
    });
    this.firstHello.catch(() => undefined);
    this.socket.on(SOCKET_EVENTS.hello, (h) => this.onHello(h));
    this.socket.on(SOCKET_EVENTS.event, (e) => this.onEvent(e));
    this.socket.on(SOCKET_EVENTS.fault, (e) => this.emit('fault', e));
    this.socket.on(SOCKET_EVENTS.presence, (p) => this.emit('presence', p));
    this.socket.on('disconnect', (reason) => {
      if (this.status === 'closed') return;
      this.setStatus('reconnecting');
      // A server-side disconnect is not retried by socket.io itself; we do want to come back.
      if (reason === 'io server disconnect') setTimeout(() => this.status !== 'closed' && this.socket.connect(), 500 + Math.random() * 1000);
    });
  }

  /** Connect and resolve once the first snapshot or replay has been folded in. */
  connect(): Promise<void> {
    this.socket.connect();
    return this.firstHello;
  }

  /** Send a command; resolves with the server's answer (never rejects). */
  async send(command: Command, key: string = newKey()): Promise<AckResult> {
    const timeout = this.options.ackTimeoutMs ?? 5_000;
    const attempts = this.options.attempts ?? 4;
    for (let i = 0; i < attempts; i++) {
      if (this.status === 'closed' || this.status === 'refused') break;
      try {
        return (await this.socket.timeout(timeout).emitWithAck(SOCKET_EVENTS.command, { key, command })) as AckResult;
      } catch {
        // No answer in time: the same key makes a retry safe (the server answers once).
      }
    }
    return { ok: false, error: { code: 'internal', message: 'The server did not answer. Check your connection and try again.' } };
  }

  close(): void {
    this.setStatus('closed');
    this.socket.disconnect();
  }

  /** Drop the connection without closing, as a network failure would (tests, bots). */
  simulateDrop(): void {
    this.socket.io.engine?.close();
  }

  private onHello(h: Hello): void {
    this.self = h.self;
    if (h.mode === 'snapshot') {
      this.state = h.snapshot;
    } else if (this.state) {
      for (const e of h.events) this.apply(e);
    }
    for (const e of this.pending.splice(0)) this.apply(e);
    this.setStatus('live');
    this.changed();
  }

  private onEvent(e: LoggedEvent): void {
    // Until this connection's hello, events wait: a hello read from the log after the join
    // may cover them (several processes), and they must not run ahead of it.
    if (!this.state || this.status !== 'live') {
      this.pending.push(e);
      return;
    }
    if (this.apply(e)) {
      this.emit('event', e);
      this.changed();
    }
  }

  private apply(e: LoggedEvent): boolean {
    if (!this.state || e.seq <= this.state.seq) return false;
    this.state = reduce(this.state, e);
    return true;
  }

  private changed(): void {
    this.version += 1;
    if (this.state) this.emit('change', this.state, this.version);
  }

  private setStatus(s: ConnectionStatus, reason?: ApiError): void {
    if (this.status === s) return;
    this.status = s;
    this.emit('status', s, reason);
  }
}
