import { LiveClient, type ConnectionStatus } from '@brave/client';
import type { ApiError, ConveningView, Self } from '@brave/protocol';

/** One render's worth of a live convening. A new object whenever anything shown changes. */
export interface LiveSnapshot {
  client: LiveClient | null;
  state: ConveningView | null;
  self: Self | null;
  status: ConnectionStatus;
  /** LiveClient.version: grows by one per folded change (the state itself is mutated in place). */
  version: number;
  /** Why the server refused us, or the last fault it sent; cleared once live again. */
  problem: ApiError | null;
}

export const IDLE: LiveSnapshot = { client: null, state: null, self: null, status: 'connecting', version: 0, problem: null };

/**
 * Adapts a LiveClient to useSyncExternalStore. LiveClient mutates `state` in place and
 * bumps `version`, so the snapshot is rebuilt (new identity) on every change or status.
 */
export class LiveStore {
  private snapshot: LiveSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];

  constructor(readonly client: LiveClient) {
    this.snapshot = { ...IDLE, client };
    this.offs.push(
      client.on('change', () => this.refresh()),
      client.on('status', (status, reason) => this.refresh(status === 'live' ? null : reason)),
      client.on('fault', (fault) => {
        // The server no longer knows this credential: retrying would only loop.
        if (fault.code === 'unauthorized') client.close();
        this.refresh(fault);
      }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  start(): void {
    // A refusal also arrives as a status change, so the rejection needs no handling here.
    this.client.connect().catch(() => undefined);
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
    this.client.close();
  }

  private refresh(problem?: ApiError | null): void {
    const c = this.client;
    this.snapshot = {
      client: c,
      state: c.state,
      self: c.self,
      status: c.status,
      version: c.version,
      problem: problem === undefined ? this.snapshot.problem : problem,
    };
    for (const listener of this.listeners) listener();
  }
}

export function openStore(token: string): LiveStore {
  return new LiveStore(new LiveClient({ url: window.location.origin, token }));
}
