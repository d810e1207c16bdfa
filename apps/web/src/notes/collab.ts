import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '@brave/protocol';
import { reconnectDelay } from './backoff.ts';

/** What the person sees about the document's connection. */
export type CollabState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; retryAt: number }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string };

export interface CollabSnapshot {
  state: CollabState;
  /** True once the document has loaded from the server at least once. */
  loaded: boolean;
  /** Edits made here that the server has not received yet (typed while disconnected). */
  unsent: boolean;
}

export interface CollabOptions {
  /** The page's origin, e.g. http://127.0.0.1:3000 (the ws URL is derived from it). */
  origin: string;
  name: string;
  /** The credential sent as the `token` query parameter; null connects with the session cookie alone. */
  token: string | null;
  /** Asks over HTTP whether we may still open the document: null if yes, else the reason. */
  checkAccess: () => Promise<string | null>;
  random?: () => number;
}

/** Close codes after which retrying would only be refused again. */
const FINAL: Record<number, string> = {
  [COLLAB_CLOSE.unauthorized]: 'Your place in the convening is no longer valid here; please join again.',
  [COLLAB_CLOSE.forbidden]: 'You no longer have access to this document.',
  [COLLAB_CLOSE.notFound]: 'This document is no longer available.',
  [COLLAB_CLOSE.tooLarge]: 'That change is too large to save here. Undo it, then choose Try again.',
  // The websocket layer's own "message too big": resending the same change would be cut again.
  1009: 'That change is too large to save here. Undo it, then choose Try again.',
};

/**
 * One Yjs document kept in sync over a stock y-websocket provider, with our own
 * reconnect policy: jittered backoff, a pause while the browser is offline, and an
 * HTTP check of access when the websocket is refused (browsers hide the refusal).
 */
export class CollabConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private snapshot: CollabSnapshot = { state: { kind: 'connecting' }, loaded: false, unsent: false };
  private readonly listeners = new Set<() => void>();
  private failures = 0;
  private opened = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly random: () => number;

  constructor(private readonly options: CollabOptions) {
    this.random = options.random ?? Math.random;
    const ws = options.origin.replace(/^http/, 'ws');
    // The name goes into the path as one segment; the server decodes it.
    this.provider = new WebsocketProvider(`${ws}/collab`, encodeURIComponent(options.name), this.doc, {
      connect: false,
      params: options.token ? { token: options.token } : {},
      // Every tab goes through the server, so access rules and the connection state mean what they say.
      disableBc: true,
    });
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.opened = true;
    });
    this.provider.on('sync', (synced) => {
      if (!synced) return;
      this.failures = 0;
      this.set({ state: { kind: 'connected' }, loaded: true, unsent: false });
    });
    this.provider.on('connection-close', (event) => this.onClose(event));
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider && !this.provider.synced && !this.snapshot.unsent) this.set({ unsent: true });
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  start(): void {
    if (navigator.onLine === false) this.set({ state: { kind: 'offline' } });
    else this.provider.connect();
  }

  /** Try again now (after a refusal, or to skip the wait). */
  retry(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.set({ state: this.snapshot.loaded ? { kind: 'reconnecting', retryAt: Date.now() } : { kind: 'connecting' } });
    this.provider.connect();
  }

  destroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onClose(event: CloseEvent | null): void {
    // y-websocket would retry on its own schedule (no jitter): we take over from here.
    this.provider.shouldConnect = false;
    if (this.stopped) return;
    const wasOpen = this.opened;
    this.opened = false;
    if (navigator.onLine === false) return this.set({ state: { kind: 'offline' } });
    const final = event ? FINAL[event.code] : undefined;
    // The server's reason names what changed (e.g. moved to another room); ours says what to do.
    if (final) return this.set({ state: { kind: 'refused', message: event?.code === COLLAB_CLOSE.forbidden && event.reason ? event.reason : final } });
    this.failures = wasOpen ? 0 : this.failures + 1;
    // A refused upgrade looks like any failed connection to a browser: ask over HTTP why.
    if (!wasOpen && this.failures % 3 === 1) void this.checkAccess();
    let delay = reconnectDelay(this.failures, this.random);
    if (event?.code === COLLAB_CLOSE.rateLimited) delay = Math.max(delay, 5_000);
    this.schedule(delay);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.set({ state: this.snapshot.loaded ? { kind: 'reconnecting', retryAt: Date.now() + delay } : { kind: 'connecting' } });
    this.timer = setTimeout(() => {
      if (!this.stopped && navigator.onLine !== false) this.provider.connect();
    }, delay);
  }

  private async checkAccess(): Promise<void> {
    const reason = await this.options.checkAccess().catch(() => null);
    if (reason && !this.stopped && this.snapshot.state.kind !== 'connected') {
      clearTimeout(this.timer);
      this.set({ state: { kind: 'refused', message: reason } });
    }
  }

  private readonly onOffline = (): void => {
    if (this.stopped) return;
    clearTimeout(this.timer);
    // Close now rather than wait for the socket to notice: edits keep landing in the local
    // document and are sent when we are back.
    if (this.provider.ws) this.provider.disconnect();
    this.set({ state: { kind: 'offline' } });
  };

  private readonly onOnline = (): void => {
    if (this.stopped || this.snapshot.state.kind !== 'offline') return;
    this.failures = 0;
    this.schedule(reconnectDelay(0, this.random));
  };

  private set(patch: Partial<CollabSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
