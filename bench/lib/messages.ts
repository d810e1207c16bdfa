/** What the bench orchestrator asks its worker processes to do, and what they answer. */

export type FanoutKind = 'ours' | 'socketio' | 'ws';
export type DocProtocol = 'yws' | 'hocus';

export type WorkerCommand =
  /** Open clients to a broadcast server. `tokens` for ours, `count` for the baselines. */
  | { cmd: 'fanout.connect'; kind: FanoutKind; url: string; tokens?: string[]; count?: number }
  /** Receive times of every broadcast so far, keyed by seq; clears them. */
  | { cmd: 'fanout.collect' }
  /** Connect participants (LiveClient) and affirm the agreements. */
  | { cmd: 'signals.connect'; url: string; tokens: string[] }
  | { cmd: 'signals.run'; perMinute: number; durationMs: number; startAt: number }
  /** Light typists: speak the wire protocol, send their own keystrokes, never apply others'. */
  | { cmd: 'docs.typists'; protocol: DocProtocol; url: string; docName: string; tokens: string[] }
  | { cmd: 'docs.steady'; perSecond: number; durationMs: number; startAt: number }
  | { cmd: 'docs.burst'; keys: number; startAt: number }
  /** Full editors (the stock provider, applying everything), used to measure arrival. */
  | { cmd: 'docs.observers'; protocol: DocProtocol; url: string; docName: string; tokens: string[] }
  /** Wait until every observer holds at least `expected` (clientID → clock). */
  | { cmd: 'docs.await'; expected: Record<string, number>; timeoutMs: number }
  | { cmd: 'docs.collect' }
  /** One light client per document, each writing `chars` characters once (memory per document). */
  | { cmd: 'docs.load'; protocol: DocProtocol; url: string; docNames: string[]; tokens: string[]; chars: number }
  /** At `startAt` everyone this worker holds drops at once and returns (see workers/storm.ts). */
  | { cmd: 'storm.run'; mode: StormMode; kind: FanoutKind; url: string; startAt: number }
  /** After a storm: how many pages hold `head`, and what arrived twice or never. */
  | { cmd: 'storm.check'; head: number }
  | { cmd: 'close' };

/** How long a storm may take before whoever is not back counts as failed. */
export const STORM_DEADLINE_MS = 150_000;

/** replay: clients come back with their last seq (a dropped network); reload: without (a page reload). */
export type StormMode = 'replay' | 'reload';

export interface StormResult {
  clients: number;
  failed: number;
  /** Handshakes refused or timed out during the storm (each page retries as LiveClient does). */
  retries: number;
  /** When the last page had its hello (ours) or was connected (baselines). */
  lastReadyAt: number;
  firstError?: string;
}

export interface StormCheck {
  resynced: number;
  duplicates: number;
  gaps: number;
  firstProblem?: string;
}

export interface ConnectResult {
  connected: number;
  failed: number;
  firstError?: string;
  ms: number;
}

export interface RaiseRecord {
  sentAt: number;
  ackMs: number;
  ok: boolean;
  code?: string;
  signalId?: string;
}

/** Send times of one typist's keystrokes, indexed by the Yjs clock of the keystroke. */
export interface TypistSends {
  client: number;
  times: number[];
}

export interface ObserverReport {
  /** clientID → arrival time of each clock (sparse: only what arrived since the last collect). */
  arrivals: Record<string, Record<number, number>>;
  textLength: number;
  /** A digest of the document text, to check that every observer holds the same text. */
  digest: string;
}

export interface TypingResult {
  sends: TypistSends[];
  received: { messages: number; bytes: number };
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Unsolicited: every client of this worker has received broadcast `seq`. */
export interface GotPush {
  push: 'got';
  seq: number;
}
