import * as decoding from 'lib0/decoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_CLOSE, COLLAB_LIMITS, COLLAB_MESSAGE } from '@brave/protocol';
import { reconnectDelay } from './backoff.ts';
import { openLocal, type LocalCopy, type LocalPlace } from './local.ts';
import { Unconfirmed, readReceipt } from './receipts.ts';
import { i18n } from '../app/i18n.ts';
import { LOCAL_WORDS } from './words.ts';

/** What the person sees about the document's connection. */
export type CollabState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; retryAt: number }
  | { kind: 'offline' }
  | { kind: 'refused'; message: string };

export interface CollabSnapshot {
  state: CollabState;
  /** True once there is text to show: from this device's copy or from the server. */
  loaded: boolean;
  /** Edits made here that the server has not confirmed it stored (its receipts say what it has). */
  unsent: boolean;
  /**
   * What the person is told: "saved on this device, not yet shared". Set with `unsent`
   * when not connected; while connected only after a short grace, so the confirmation of
   * each keystroke (milliseconds away) neither flickers nor is announced.
   */
  unshared: boolean;
  /** About the copy on this device (set aside, too large), in our words; null when all is well. */
  notice: string | null;
  /** Edits are kept on this device (a reload or a closed tab keeps them). */
  kept: boolean;
}

/** How long a connected editor waits for a receipt before saying an edit is not yet shared. */
export const UNSHARED_GRACE_MS = 2_000;
const START: CollabSnapshot = { state: { kind: 'connecting' }, loaded: false, unsent: false, unshared: false, notice: null, kept: false };

export interface CollabOptions {
  /** The page's origin, e.g. http://127.0.0.1:3000 (the ws URL is derived from it). */
  origin: string;
  name: string;
  /** The credential sent as the `token` query parameter; null connects with the session cookie alone. */
  token: string | null;
  /** Asks over HTTP whether we may still open the document: null if yes, else the reason. */
  checkAccess: () => Promise<string | null>;
  /** Where this device keeps its copy; null keeps none. */
  local: LocalPlace | null;
  /** Largest copy kept on this device (the server's document limit applies to it too). */
  maxLocalBytes?: number;
  random?: () => number;
}

/** Refusals after which this person may no longer open the document: their copy is wiped. */
const WIPE_ON = new Set<number>([COLLAB_CLOSE.unauthorized, COLLAB_CLOSE.forbidden, COLLAB_CLOSE.notFound]);


/** Close codes after which retrying would only be refused again. */
const FINAL: Record<number, () => string> = {
  [COLLAB_CLOSE.unauthorized]: () => i18n.t('notes:closed.unauthorized'),
  [COLLAB_CLOSE.forbidden]: () => i18n.t('notes:closed.forbidden'),
  [COLLAB_CLOSE.notFound]: () => i18n.t('notes:closed.notFound'),
  [COLLAB_CLOSE.tooLarge]: () => i18n.t('notes:closed.tooLarge'),
  // The websocket layer's own "message too big": resending the same change would be cut again.
  1009: () => i18n.t('notes:closed.tooLarge'),
};

/**
 * One Yjs document kept in sync over a stock y-websocket provider, with our own
 * reconnect policy: jittered backoff, a pause while the browser is offline, and an
 * HTTP check of access when the websocket is refused (browsers hide the refusal).
 */
export class CollabConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private snapshot: CollabSnapshot = START;
  private local: LocalCopy | null = null;
  private readonly unconfirmed = new Unconfirmed();
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bytes the copy on this device may hold by now (an upper bound, measured when it passes the limit). */
  private localBytes = 0;
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
    this.provider.messageHandlers[COLLAB_MESSAGE.stored] = (_encoder, decoder) => this.onReceipt(decoding.readVarUint8Array(decoder));
    this.provider.on('status', ({ status }) => {
      if (status !== 'connected') return;
      this.opened = true;
      // Ask for receipts before our first edit goes out: the answer says what is stored.
      this.provider.ws?.send(Uint8Array.of(COLLAB_MESSAGE.stored));
    });
    this.provider.on('sync', (synced) => {
      if (!synced) return;
      this.failures = 0;
      this.set({ state: { kind: 'connected' }, loaded: true });
    });
    this.provider.on('connection-close', (event) => this.onClose(event));
    this.doc.on('update', this.onUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  /** Load this device's copy (if any), then connect: what was typed offline is there before the server answers. */
  async start(): Promise<void> {
    await this.openCopy();
    if (this.stopped) return;
    if (navigator.onLine === false) this.set({ state: { kind: 'offline' } });
    else this.provider.connect();
  }

  private async openCopy(): Promise<void> {
    if (!this.options.local) return;
    const max = this.options.maxLocalBytes ?? COLLAB_LIMITS.docBytes;
    const copy = await openLocal(this.options.local, this.doc, max, Date.now()).catch(() => null);
    if (!copy) return;
    if (this.stopped) return void copy.stop();
    this.local = copy;
    this.localBytes = Y.encodeStateAsUpdate(this.doc).length;
    // The copy does not say which of its edits the server lacks: all of it waits for a receipt.
    if (copy.unsent) this.unconfirmed.add(Y.encodeStateAsUpdate(this.doc));
    this.set({ loaded: copy.had || this.snapshot.loaded, notice: copy.notice, unsent: copy.unsent, unshared: copy.unsent, kept: true });
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
    clearTimeout(this.graceTimer);
    this.doc.off('update', this.onUpdate);
    void this.local?.stop();
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
    if (this.snapshot.unsent) this.set({ unshared: true });
    const final = event ? FINAL[event.code] : undefined;
    if (event && WIPE_ON.has(event.code)) this.wipe();
    // The server's reason names what changed (e.g. moved to another room); ours says what to do.
    if (final) return this.set({ state: { kind: 'refused', message: event?.code === COLLAB_CLOSE.forbidden && event.reason ? event.reason : final() } });
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
      this.wipe();
      this.set({ state: { kind: 'refused', message: reason } });
    }
  }

  /** This person may no longer open the document: nothing of it stays on this device. */
  private wipe(): void {
    const local = this.local;
    this.local = null;
    this.unconfirmed.clear();
    clearTimeout(this.graceTimer);
    this.set({ unsent: false, unshared: false, kept: false });
    if (local) void local.wipe();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Ours to confirm: what the person typed here, not what the server or this device's copy brought.
    if (origin === this.provider || origin instanceof IndexeddbPersistence) return;
    this.unconfirmed.add(update);
    this.keepWithinLimit(update.length);
    if (this.snapshot.unsent) return;
    this.local?.setUnsent(true);
    const connected = this.snapshot.state.kind === 'connected';
    this.set({ unsent: true, unshared: !connected });
    clearTimeout(this.graceTimer);
    if (connected) this.graceTimer = setTimeout(() => this.snapshot.unsent && this.set({ unshared: true }), UNSHARED_GRACE_MS);
  };

  private onReceipt(data: Uint8Array): void {
    const receipt = readReceipt(data);
    if (!receipt || this.stopped || !this.unconfirmed.confirm(receipt) || !this.snapshot.unsent) return;
    clearTimeout(this.graceTimer);
    this.local?.setUnsent(false);
    this.set({ unsent: false, unshared: false });
  }

  /** A copy on this device never grows past the document limit: past it, this device stops keeping one. */
  private keepWithinLimit(added: number): void {
    const max = this.options.maxLocalBytes ?? COLLAB_LIMITS.docBytes;
    if (!this.local || (this.localBytes += added) <= max) return;
    this.localBytes = Y.encodeStateAsUpdate(this.doc).length;
    if (this.localBytes <= max) return;
    void this.local.stop();
    this.local = null;
    this.set({ notice: LOCAL_WORDS.tooLargeNow, kept: false });
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
