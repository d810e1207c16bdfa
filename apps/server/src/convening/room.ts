import type { AckResult, CommandEnvelope, ConveningView, DomainEvent, Hello, LoggedEvent } from '@brave/protocol';
import { LIMITS, PROTOCOL_VERSION } from '@brave/protocol';
import {
  decide,
  deliveries,
  emptyState,
  inAudience,
  nextReminderAt,
  reduce,
  reminderSpotlight,
  viewFor,
  type Delivery,
  type Viewer,
} from '@brave/core';
import { StoreUnavailableError, type Store, type StoredEvent } from '../store/types.ts';
import { newId } from './ids.ts';

/** Where a room sends what it has decided; the socket.io adapter implements it. */
export interface Fanout {
  deliver(conveningId: string, delivery: Delivery, envelope: { seq: number; at: number }): void;
}

export interface RoomOptions {
  now: () => number;
  reminderMinuteMs: number;
  log: (msg: string, err?: unknown) => void;
}

/**
 * One live convening: its full state, folded from the log. Commands run one at a time:
 * decide (core) → append durably (store) → fold → fan out → answer. If the append
 * fails nothing is folded, sent or acknowledged.
 */
export class ConveningRoom {
  private state: ConveningView;
  private readonly recent: StoredEvent[] = [];
  private readonly answered = new Map<string, AckResult>();
  private queue: Promise<unknown> = Promise.resolve();
  private reminderTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    readonly id: string,
    private readonly store: Store,
    private readonly fanout: Fanout,
    private readonly options: RoomOptions,
  ) {
    this.state = emptyState(id);
  }

  static async load(id: string, store: Store, fanout: Fanout, options: RoomOptions): Promise<ConveningRoom> {
    const room = new ConveningRoom(id, store, fanout, options);
    for (const e of await store.events(id)) room.fold(e);
    for (const a of await store.actions(id)) room.answered.set(`${a.actor}:${a.key}`, a.result);
    room.armReminders();
    return room;
  }

  get snapshot(): Readonly<ConveningView> {
    return this.state;
  }

  /** Run a client's command. Same key from the same person → same answer, done once. */
  command(actor: Viewer, envelope: CommandEnvelope): Promise<AckResult> {
    return this.serial(async () => {
      const answerKey = `${actor.participantId}:${envelope.key}`;
      const earlier = this.answered.get(answerKey);
      if (earlier) return earlier;
      const now = this.options.now();
      const decision = decide(this.state, envelope.command, { actor, now, newId });
      if (!decision.ok) return { ok: false, error: decision.error } satisfies AckResult;
      const result: AckResult = { ok: true, ...(decision.id ? { id: decision.id } : {}) };
      const stored = await this.persist(decision.events, actor.participantId, now, { actor: actor.participantId, key: envelope.key, result });
      if (!stored.ok) return stored;
      const last = stored.events.at(-1);
      const answer: AckResult = last ? { ...result, seq: last.seq } : result;
      this.answered.set(answerKey, answer);
      return answer;
    });
  }

  /** Admit a new person (from POST /api/join). Resolves once their arrival is durable. */
  admit(person: { name: string; pronouns: string | null; role: Viewer['role'] }): Promise<{ ok: true; participantId: string } | { ok: false; error: { code: 'store_unavailable' | 'closed'; message: string } }> {
    return this.serial(async () => {
      if (this.state.status === 'closed') return { ok: false as const, error: { code: 'closed' as const, message: 'This convening has ended.' } };
      const participantId = newId('p');
      const stored = await this.persist([{ type: 'participant.joined', participantId, ...person }], participantId, this.options.now());
      return stored.ok ? { ok: true as const, participantId } : stored;
    });
  }

  /** First message to a (re)connecting reader: a replay of what they missed, or a snapshot. */
  hello(viewer: Viewer, lastSeq: number | undefined): Hello {
    const self = { participantId: viewer.participantId, role: viewer.role, conveningId: this.id };
    const oldest = this.recent[0]?.seq ?? Infinity;
    if (lastSeq !== undefined && lastSeq <= this.state.seq && (lastSeq + 1 >= oldest || lastSeq === this.state.seq)) {
      const events: LoggedEvent[] = [];
      for (const e of this.recent) {
        if (e.seq <= lastSeq) continue;
        const visible = this.visibleTo(e, viewer);
        if (visible) events.push({ seq: e.seq, at: e.at, event: visible });
      }
      return { mode: 'replay', protocolVersion: PROTOCOL_VERSION, self, events, head: this.state.seq };
    }
    return { mode: 'snapshot', protocolVersion: PROTOCOL_VERSION, self, snapshot: viewFor(this.state, viewer) };
  }

  stop(): void {
    this.closed = true;
    if (this.reminderTimer) clearTimeout(this.reminderTimer);
  }

  private visibleTo(e: StoredEvent, viewer: Viewer): DomainEvent | null {
    for (const d of deliveries(e.event, this.state)) if (inAudience(d.audience, viewer)) return d.event;
    return null;
  }

  private async persist(
    events: DomainEvent[],
    actor: string | null,
    at: number,
    action?: { actor: string; key: string; result: AckResult },
  ): Promise<{ ok: true; events: StoredEvent[] } | { ok: false; error: { code: 'store_unavailable'; message: string } }> {
    if (events.length === 0) return { ok: true, events: [] };
    let stored: StoredEvent[];
    try {
      stored = await this.store.append(this.id, events.map((event) => ({ at, actor, event })), action);
    } catch (err) {
      this.options.log(`convening ${this.id}: write refused`, err);
      const message =
        err instanceof StoreUnavailableError
          ? 'We could not save that just now, so it was not sent. Please try again.'
          : 'Something went wrong saving that; it was not sent.';
      return { ok: false, error: { code: 'store_unavailable', message } };
    }
    for (const e of stored) {
      this.fold(e);
      for (const d of deliveries(e.event, this.state)) this.fanout.deliver(this.id, d, { seq: e.seq, at: e.at });
    }
    if (stored.some((e) => e.event.type.startsWith('reminders.') || e.event.type === 'agreements.set')) this.armReminders();
    return { ok: true, events: stored };
  }

  private fold(e: StoredEvent): void {
    this.state = reduce(this.state, e);
    this.recent.push(e);
    if (this.recent.length > LIMITS.replayMax) this.recent.splice(0, this.recent.length - LIMITS.replayMax);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Scheduled reminders: one timer per room, re-armed from state after every change. */
  private armReminders(): void {
    if (this.reminderTimer) clearTimeout(this.reminderTimer);
    this.reminderTimer = null;
    const clock = { minuteMs: this.options.reminderMinuteMs };
    const due = nextReminderAt(this.state, this.options.now(), clock);
    if (due === null || this.closed) return;
    this.reminderTimer = setTimeout(() => {
      void this.serial(async () => {
        const spotlight = reminderSpotlight(this.state, due, clock);
        if (spotlight) await this.persist([spotlight], null, this.options.now());
        this.armReminders();
      });
    }, Math.max(0, due - this.options.now()));
    this.reminderTimer.unref();
  }
}
