import { io, type Socket } from 'socket.io-client';
import {
  CommunityChanged,
  ConnectRefusal,
  DOORBELL_EVENTS,
  DOORBELL_NAMESPACE,
  PROTOCOL_VERSION,
  type ApiError,
  type DoorbellAuth,
  type DoorbellToClient,
  type DoorbellToServer,
} from '@brave/protocol';
import { Emitter } from './emitter.ts';
import type { ConnectionStatus } from './live.ts';

export interface CommunityDoorbellOptions {
  /** Server base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  communityId: string;
  /** A member's `m1.…` credential; leave out for a facilitator (the session cookie is sent). */
  token?: string;
  /** Headers for the handshake outside browsers (a facilitator's cookie in tests and bots). */
  extraHeaders?: Record<string, string>;
}

type Events = {
  /** Something the community home shows changed: fetch it again. */
  ring: (change: CommunityChanged) => void;
  /** `live` again after a drop means rings may have been missed: fetch once then too. */
  status: (s: ConnectionStatus, reason?: ApiError) => void;
};

/** How long to wait before asking again after the server said "not so fast" (ms, before jitter). */
const BUSY_RETRY_MS = 2_000;
const BUSY_RETRY_MAX_MS = 30_000;

/**
 * The community doorbell (docs/communities.md): one socket.io connection to the
 * `/community` namespace that says when the community's home changed, and nothing more.
 * It never carries the change itself; the reader fetches the home over HTTP, as it may
 * see it. Reconnects with jitter after a drop, waits and retries when the server is busy,
 * and stops (status `refused`) when the credential no longer opens the community.
 */
export class CommunityDoorbell extends Emitter<Events> {
  status: ConnectionStatus = 'connecting';
  private readonly socket: Socket<DoorbellToClient, DoorbellToServer>;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private busyDelay = BUSY_RETRY_MS;

  constructor(options: CommunityDoorbellOptions) {
    super();
    const auth: DoorbellAuth = { communityId: options.communityId, protocolVersion: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) };
    this.socket = io(new URL(DOORBELL_NAMESPACE, options.url).href, {
      path: '/socket.io',
      transports: ['websocket'],
      // A connection of its own: socket.io would otherwise share one with a LiveClient of the
      // same server, whose handshake headers and reconnection this one must not depend on.
      forceNew: true,
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5, // jitter: a restarted server is not hit by every open home at once
      auth,
      ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
    });
    this.socket.on('connect', () => {
      this.busyDelay = BUSY_RETRY_MS;
      this.setStatus('live');
    });
    this.socket.on('connect_error', (err) => {
      const refusal = ConnectRefusal.safeParse((err as Error & { data?: unknown }).data);
      if (!refusal.success) return this.setStatus(this.status === 'connecting' ? 'connecting' : 'reconnecting');
      if (refusal.data.code === 'rate_limited') {
        // Busy, not refused: socket.io does not retry a refusal by itself, so we do, more slowly each time.
        this.setStatus('reconnecting', refusal.data);
        this.later(this.busyDelay);
        this.busyDelay = Math.min(this.busyDelay * 2, BUSY_RETRY_MAX_MS);
        return;
      }
      this.setStatus('refused', refusal.data);
      this.socket.disconnect();
    });
    this.socket.on('disconnect', (reason) => {
      if (this.status === 'closed' || this.status === 'refused') return;
      this.setStatus('reconnecting');
      // The server let us out (a membership ended?): ask again, and the handshake says why.
      if (reason === 'io server disconnect') this.later(500);
    });
    this.socket.on(DOORBELL_EVENTS.changed, (msg: unknown) => {
      const change = CommunityChanged.safeParse(msg);
      if (change.success) this.emit('ring', change.data);
    });
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    if (this.retry) clearTimeout(this.retry);
    this.setStatus('closed');
    this.socket.disconnect();
  }

  private later(ms: number): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(
      () => {
        this.retry = null;
        if (this.status !== 'closed' && this.status !== 'refused') this.socket.connect();
      },
      ms * (0.75 + Math.random() * 0.5),
    );
  }

  private setStatus(s: ConnectionStatus, reason?: ApiError): void {
    if (this.status === s) return;
    this.status = s;
    this.emit('status', s, reason);
  }
}
