import type { AckResult, CommandEnvelope, ConveningView, DomainEvent } from '@brave/protocol';
import { Id, LIMITS } from '@brave/protocol';
import {
  RETENTION_EVENT_TYPES,
  PULSE_ANSWER_TYPES,
  TURNS_EVENT_TYPES,
  withoutAnonymousAuthors,
  admissionEvents,
  decide,
  deliveries,
  emptyState,
  nextDue,
  redactForRetention,
  reduce,
  removalEvents,
  withoutTurns,
  type DecideContext,
  type Delivery,
  type Viewer,
} from '@brave/core';
import { FencedError } from '../store/lease.ts';
import { StoreUnavailableError, type Store, type StoredEvent } from '../store/types.ts';
import type { AdmitRequest, AdmitResult, RoomCluster } from './cluster.ts';
import { deleteEndedNotes, deleteLeftoverNotes, type DeleteNotes } from './confidential.ts';
import { pastMeetingsOf, tellClosed, tellKeptAnswers, tellRoundEnded, type CommunityHooks } from './hooks.ts';
import { SnapshotText, replayFor, type SnapshotParts } from './hello-text.ts';
import { newId } from './ids.ts';

/**
 * Matrix cells the whole-schedule search reads per millisecond, measured with
 * `pnpm bench -- --only schedule` on a loaded 2-core machine (it reads more when idle).
 * A fixed rate keeps the search deterministic: a preview and the opening that follows
 * do the same work and give the same rooms, however busy the machine is.
 */
const SEARCH_CELLS_PER_MS = 40_000;

function planningOf(budgetMs: number | undefined): Pick<DecideContext, 'planBudget' | 'clock'> {
  if (!budgetMs) return {};
  return { planBudget: { work: budgetMs * SEARCH_CELLS_PER_MS, ms: budgetMs }, clock: () => performance.now() };
}

/** Where a room sends what it has decided; the socket.io adapter implements it. */
export interface Fanout {
  deliver(conveningId: string, delivery: Delivery, envelope: { seq: number; at: number }): void;
  /** Is this person connected right now (to this server)? */
  online(conveningId: string, participantId: string): boolean;
  /** Several processes: who is connected to any of them (asked before planning a round). */
  present?(conveningId: string): Promise<Set<string>>;
  /** Disconnect this person's live connections (they were let out; reconnecting is refused). */
  expel(conveningId: string, participantId: string): void;
}

export type { CommunityHooks } from './hooks.ts';

export interface RoomOptions {
  now: () => number;
  reminderMinuteMs: number;
  roundSecondMs: number;
  /** Search time for planning several agenda rounds together (0 or absent: one at a time). */
  planBudgetMs?: number;
  log: (msg: string, err?: unknown) => void;
  hooks?: Partial<CommunityHooks>;
  /** Several processes (REDIS_URL): only the lease holder decides; see convening/cluster.ts. */
  cluster?: RoomCluster;
  /** Deletes closed rounds' confidential notes (convening/confidential.ts). */
  deleteNotes?: DeleteNotes;
}

export type { AdmitRequest, AdmitResult } from './cluster.ts';

const planned = (type: CommandEnvelope['command']['type']) => type === 'round.preview' || type === 'round.open';

/**
 * One live convening: its full state, folded from the log. Commands run one at a time:
 * decide (core) → append durably (store) → fold → fan out → answer. If the append
 * fails nothing is folded, sent or acknowledged.
 */
export class ConveningRoom {
  private state: ConveningView;
  private readonly recent: StoredEvent[] = [];
  private readonly answered = new Map<string, AckResult>();
  private readonly snapshotText = new SnapshotText();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
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
    room.armTimer();
    deleteLeftoverNotes(options.deleteNotes, room.state, options.log);
    return room;
  }

  get snapshot(): Readonly<ConveningView> {
    return this.state;
  }

  /**
   * May this credential's holder come in (socket, API, documents)? They must be a participant
   * here and, in a community convening, still of the community: leaving it ends access to
   * its past convenings too. A failed lookup refuses.
   */
  admits(participantId: string): boolean {
    if (!this.state.participants[participantId]) return false;
    try {
      return this.options.hooks?.stillBelongs?.(this.id, participantId) ?? true;
    } catch (err) {
      this.options.log(`convening ${this.id}: could not check who still belongs`, err);
      return false;
    }
  }

  /** Run a client's command. Same key from the same person → same answer, done once. */
  command(actor: Viewer, envelope: CommandEnvelope): Promise<AckResult> {
    if (this.follower) return this.options.cluster!.forward(this.id, { kind: 'command', actor, envelope });
    return this.serial(async () => {
      const answerKey = `${actor.participantId}:${envelope.key}`;
      const earlier = this.answered.get(answerKey);
      if (earlier) return earlier;
      const type = envelope.command.type;
      // Fetched inside the queue, so commands still run in the order they came.
      const pastMeetings = planned(type) ? await pastMeetingsOf(this.options.hooks, this.id, this.options.log) : [];
      const now = this.options.now();
      const present = planned(type) && this.options.cluster ? await this.fanout.present?.(this.id) : undefined;
      const online = present ? (p: string) => present.has(p) : (p: string) => this.fanout.online(this.id, p);
      const secondMs = this.options.roundSecondMs;
      const keptBefore = this.state.affinity[actor.participantId]?.keep ?? false;
      const planning = planningOf(this.options.planBudgetMs);
      const decision = decide(this.state, envelope.command, { actor, now, newId, online, secondMs, pastMeetings, ...planning });
      if (!decision.ok) return { ok: false, error: decision.error } satisfies AckResult;
      const result: AckResult = {
        ok: true,
        ...(decision.id ? { id: decision.id } : {}),
        ...(decision.preview ? { preview: decision.preview } : {}),
      };
      // The answer is stored with the events so a retry after a restart gets it whole. This
      // room is the log's only writer, so the seq of its last event is known before appending.
      const count = decision.events.length;
      const answer: AckResult = count > 0 ? { ...result, seq: this.state.seq + count } : result;
      const stored = await this.persist(decision.events, actor.participantId, now, { actor: actor.participantId, key: envelope.key, result: answer });
      if (!stored.ok) return stored;
      this.answered.set(answerKey, answer);
      await tellKeptAnswers(this.options.hooks, this.id, stored.events, keptBefore, this.options.log);
      return answer;
    });
  }

  /**
   * Let someone in (POST /api/join, or a community member with their own id). Resolves once
   * their arrival is durable. Admitting someone already here is safe: it only updates their
   * profile, and answers with the role they have (never a silent upgrade).
   */
  admit(person: AdmitRequest): Promise<AdmitResult> {
    if (this.follower) return this.options.cluster!.forward(this.id, { kind: 'admit', person });
    return this.serial(async (): Promise<AdmitResult> => {
      const participantId = person.participantId ?? newId('p');
      if (!Id.safeParse(participantId).success) return { ok: false, error: { code: 'bad_request', message: 'That participant id is not valid.' } };
      const admission = admissionEvents(this.state, { ...person, participantId });
      const admitted = { ok: true as const, participantId, role: admission.role, existing: admission.existing };
      if (this.state.status === 'closed') {
        // After the end, people already in may still come back to read; nobody new joins.
        return admission.existing ? admitted : { ok: false, error: { code: 'closed', message: 'This convening has ended.' } };
      }
      const stored = await this.persist(admission.events, participantId, this.options.now());
      return stored.ok ? admitted : stored;
    });
  }

  /**
   * Let someone out (they left the community, or stopped facilitating it). Once that is
   * durable their live connections are cut; the handshake, the API and the document gates
   * no longer know them. True when they were here; throws when the store refused.
   */
  remove(participantId: string): Promise<boolean> {
    if (this.follower) return this.options.cluster!.forward(this.id, { kind: 'remove', participantId });
    return this.serial(async () => {
      const events = removalEvents(this.state, participantId);
      if (events.length === 0) return false;
      const stored = await this.persist(events, null, this.options.now());
      if (!stored.ok) throw new StoreUnavailableError(`convening ${this.id}: could not let ${participantId} out`);
      this.fanout.expel(this.id, participantId);
      return true;
    });
  }

  /**
   * Rewrite stored events of some types in place (the only exception to append-only), then
   * refold, so snapshots, replays and the debrief match the store from now on.
   */
  rewrite(types: readonly DomainEvent['type'][], fn: (e: DomainEvent) => DomainEvent, options: { clearActor?: boolean } = {}): Promise<number> {
    return this.serial(async () => {
      let changed = 0;
      for (const type of types) changed += await this.store.rewrite(this.id, type, fn, options);
      if (changed === 0) return 0;
      this.state = emptyState(this.id);
      this.recent.length = 0;
      for (const e of await this.store.events(this.id)) this.fold(e);
      return changed;
    });
  }

  /**
   * Retention (see core retention.ts): no signal details, room rosters, or who sent those
   * events; the stored answers to commands go too (a round's answer lists its rooms).
   */
  async applyRetention(): Promise<number> {
    const changed = await this.rewrite(RETENTION_EVENT_TYPES, redactForRetention, { clearActor: true });
    return this.serial(async () => {
      this.answered.clear();
      return changed + (await this.store.forgetActions(this.id));
    });
  }

  /**
   * First message to a (re)connecting reader, as JSON text: a replay of what they missed,
   * or a snapshot whose shared part is serialised once per sequence number for everyone
   * (hello-text.ts), so a crowd (re)connecting at once does not serialise the whole
   * roster once per person.
   */
  helloText(viewer: Viewer, lastSeq: number | undefined): string {
    const hello = this.hello(viewer, lastSeq);
    return typeof hello === 'string' ? hello : hello.head + hello.tail.toString('utf8');
  }

  /**
   * The same hello for a writer that sends bytes: a replay as text, a snapshot as its two
   * parts (hello-text.ts), the shared one already UTF-8 and ending with `suffix`.
   */
  hello(viewer: Viewer, lastSeq: number | undefined, suffix = ''): string | SnapshotParts {
    const self = { participantId: viewer.participantId, role: viewer.role, conveningId: this.id };
    const replay = replayFor(this.recent, this.state, viewer, lastSeq, self);
    return replay ? JSON.stringify(replay) : this.snapshotText.parts(this.state, viewer, self, suffix);
  }

  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Another process owns this convening: commands go there, and this copy follows the log. */
  private get follower(): boolean {
    const cluster = this.options.cluster;
    return cluster !== undefined && cluster.epoch(this.id) === undefined;
  }

  /** A follower reads what the owner appended (the log is the truth). Null: nothing to wait for. */
  catchUp(): Promise<void> | null {
    if (!this.follower) return null;
    return this.serial(async () => {
      for (const e of await this.store.events(this.id, this.state.seq)) this.fold(e);
    });
  }

  /** This process took the lease: read what the last owner wrote, then arm timers as a restart does. */
  lead(): Promise<void> {
    return this.serial(async () => {
      for (const e of await this.store.events(this.id, this.state.seq)) this.fold(e);
      for (const a of await this.store.actions(this.id)) this.answered.set(`${a.actor}:${a.key}`, a.result);
      this.armTimer();
    });
  }

  /** The lease moved on (lost, or fenced off): stop deciding here. */
  follow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async persist(
    events: DomainEvent[],
    actor: string | null,
    at: number,
    action?: { actor: string; key: string; result: AckResult },
  ): Promise<{ ok: true; events: StoredEvent[] } | { ok: false; error: { code: 'store_unavailable'; message: string } }> {
    if (events.length === 0) return { ok: true, events: [] };
    const cluster = this.options.cluster;
    const epoch = cluster?.epoch(this.id);
    let stored: StoredEvent[];
    try {
      if (cluster && epoch === undefined) throw new FencedError(this.id, 0, null);
      stored = await this.store.append(this.id, events.map((event) => ({ at, actor, event })), action, epoch === undefined ? undefined : { epoch });
    } catch (err) {
      if (err instanceof FencedError) cluster?.fenced(this.id, err.epoch);
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
      // Here, so a round ended by command, timer or close all reach the community's history.
      await tellRoundEnded(this.options.hooks, this.state, e.event, this.options.log);
      await deleteEndedNotes(this.options.deleteNotes, this.state, e.event, this.options.log);
    }
    if (stored.some((e) => e.event.type === 'convening.closed')) {
      await this.forgetAtClose();
      tellClosed(this.options.hooks, this.id, this.options.log);
    }
    if (stored.length > 0) this.armTimer();
    return { ok: true, events: stored };
  }

  /** At close, erase self-identification that its owner did not ask us to keep, turn counts, and who answered anonymous pulse checks. */
  private async forgetAtClose(): Promise<void> {
    const unkept = (e: DomainEvent): DomainEvent =>
      e.type === 'affinity.answered' && !this.state.affinity[e.participantId]?.keep ? { ...e, answer: null } : e;
    const erase = (e: DomainEvent): DomainEvent => withoutAnonymousAuthors(this.state.pulses)(withoutTurns(unkept(e)));
    try {
      await this.store.rewrite(this.id, 'affinity.answered', erase);
      for (const type of TURNS_EVENT_TYPES) await this.store.rewrite(this.id, type, erase);
      // Who sent an answer is its author too: that column goes with it.
      for (const type of PULSE_ANSWER_TYPES) await this.store.rewrite(this.id, type, erase, { clearActor: true });
      for (const e of this.recent) e.event = erase(e.event);
    } catch (err) {
      this.options.log(`convening ${this.id}: could not erase private answers at close`, err);
    }
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

  /**
   * One timer per convening for everything on a clock (reminders, round warnings and
   * endings), re-armed from the state after every change, so restarts just resume.
   */
  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const clock = { minuteMs: this.options.reminderMinuteMs, secondMs: this.options.roundSecondMs };
    const due = nextDue(this.state, this.options.now(), clock);
    // Timers fire once: only on the owner (a new owner re-arms them in lead()).
    if (due === null || this.closed || this.follower) return;
    this.timer = setTimeout(() => {
      void this.serial(async () => {
        // Timers may fire a few ms before the clock reads due.at; firing now would re-arm
        // for the same moment and fire it twice. Wait out the rest instead.
        if (this.options.now() < due.at) return this.armTimer();
        const events = due.fire(this.state, this.options.now());
        const done = events.length > 0 ? await this.persist(events, null, this.options.now()) : { ok: false };
        if (done.ok) return;
        if (events.length === 0) this.armTimer();
        // The store refused: try again shortly rather than losing the warning or the ending.
        else this.timer = setTimeout(() => this.armTimer(), 1_000).unref();
      });
    }, Math.min(2 ** 31 - 1, Math.max(0, due.at - this.options.now())));
    this.timer.unref();
  }
}
