import type { AckResult, DomainEvent } from '@brave/protocol';

/** An event as written: the actor is kept for audit but never sent to clients. */
export interface NewEvent {
  at: number;
  actor: string | null;
  event: DomainEvent;
}
export interface StoredEvent extends NewEvent {
  seq: number;
}

export interface ConveningRecord {
  id: string;
  joinCode: string;
  cohostCode: string;
  createdAt: number;
}

/** An answered command, kept so a retried command gets the same answer. */
export interface ActionRecord {
  actor: string;
  key: string;
  result: AckResult;
}

/**
 * Who decides for a convening, for how long: one row per convening in `leases`. The epoch
 * only ever grows; it is the fencing token every append of an owner carries (see
 * KyselyStore.append; the rules are in store/lease.ts), so an owner that paused past its lease cannot write after another
 * process took over. Expiry is read from the database's clock, never a process's, so two
 * processes with skewed clocks agree on it.
 */
export interface Lease {
  conveningId: string;
  owner: string;
  epoch: number;
  /** Milliseconds on the database's clock. */
  expiresAt: number;
}

/** Raised when a write did not happen. Nothing is acknowledged after it. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/**
 * Where convenings live. The embedded SQLite store fills it today; a PostgreSQL store
 * can fill the same contract. Every method resolves only once the data is durable.
 */
export interface Store {
  readonly kind: string;
  createConvening(record: ConveningRecord, events: NewEvent[]): Promise<StoredEvent[]>;
  conveningByJoinCode(joinCode: string): Promise<ConveningRecord | null>;
  convening(id: string): Promise<ConveningRecord | null>;
  /**
   * Append events (and the answer to the command that caused them) in one transaction.
   * With `fence`, the convening's lease must still be at that epoch, checked in the same
   * transaction; otherwise FencedError (store/lease.ts) and nothing is written.
   */
  append(conveningId: string, events: NewEvent[], action?: ActionRecord, fence?: { epoch: number }): Promise<StoredEvent[]>;
  events(conveningId: string, afterSeq?: number): Promise<StoredEvent[]>;
  actions(conveningId: string): Promise<ActionRecord[]>;
  /**
   * Rewrite stored events of one type in place (the only exception to append-only):
   * used to erase private answers when their owner did not ask us to keep them.
   */
  rewrite(
    conveningId: string,
    type: DomainEvent['type'],
    fn: (event: DomainEvent) => DomainEvent,
    /** clearActor: also forget who sent each of these events (retention). */
    options?: { clearActor?: boolean },
  ): Promise<number>;
  /** Forget the stored answers to a convening's commands (retention: they name people). */
  forgetActions(conveningId: string): Promise<number>;
  /**
   * Ownership when several processes share the database (store/lease.ts): take or extend
   * the lease (it is `owner`'s in the answer only when the caller got it), extend one held
   * at an epoch (false once it moved on), give it up, or read it.
   */
  acquireLease(conveningId: string, owner: string, ttlMs: number): Promise<Lease>;
  renewLease(lease: Lease, ttlMs: number): Promise<boolean>;
  releaseLease(lease: Lease): Promise<void>;
  lease(conveningId: string): Promise<Lease | null>;
  close(): Promise<void>;
}
