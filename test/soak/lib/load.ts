import type { LiveClient } from '@brave/client';
import type { AckResult, Command, ConveningView, SignalKind, Visibility } from '@brave/protocol';
import { between, pick, seeded } from './rng.ts';

/**
 * Mixed, seeded load on one convening: participants raise and explain signals, ask for
 * reminders and fill in profiles; the host spotlights, triages and runs breakout rounds
 * (open, move, close); a co-host resolves requests, broadcasts and clears spotlights.
 * Every command carries a unique marker text where it has text, so a duplicate or a loss
 * can be found in the stored log.
 */
export interface Sent {
  actor: string;
  command: Command;
  key: string;
  /** Unique text carried by the command, if it has one. */
  marker: string | null;
  ack: AckResult;
  /** Date.now() when the answer arrived. */
  answeredAt: number;
}

export type ActorRole = 'host' | 'cohost' | 'participant';
export interface Actor {
  name: string;
  role: ActorRole;
  client: LiveClient;
}

const KINDS: SignalKind[] = ['ouch', 'whoops'];
const VISIBILITIES: Visibility[] = ['named', 'anonymous_to_room', 'anonymous'];
const STATUSES = ['acknowledged', 'addressed', 'parked'] as const;

export class MixedLoad {
  readonly sent: Sent[] = [];
  private readonly signals: string[] = [];
  private readonly requests: string[] = [];
  private readonly own = new Map<string, string[]>();
  private stopped = false;
  private loops: Promise<void>[] = [];
  private readonly waiters: { n: number; resolve: () => void }[] = [];
  private readonly random: () => number;

  constructor(
    private readonly seed: number,
    private readonly actors: Actor[],
    private readonly participantIds: string[],
  ) {
    this.random = seeded(seed);
  }

  start(): void {
    this.loops = this.actors.map((a, i) => this.loop(a, i));
  }

  /** Resolves once `n` commands in all have been answered (with anything). */
  reached(n: number): Promise<void> {
    if (this.sent.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async loop(actor: Actor, index: number): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      const marker = `${actor.name} ${this.seed}/${n}`;
      const command = this.next(actor, marker);
      const key = `load-s${this.seed}-a${index}-${n}`;
      const ack = await actor.client.send(command, key);
      this.record({ actor: actor.name, command, key, marker: carries(command, marker) ? marker : null, ack, answeredAt: Date.now() });
      // A person's pace: a few actions a second, seeded.
      await new Promise((r) => setTimeout(r, between(this.random, 5, 40)));
    }
  }

  private record(s: Sent): void {
    this.sent.push(s);
    if (s.ack.ok && s.ack.id) {
      if (s.command.type === 'signal.raise') {
        this.signals.push(s.ack.id);
        this.own.set(s.actor, [...(this.own.get(s.actor) ?? []), s.ack.id]);
      }
      if (s.command.type === 'reminder.request') this.requests.push(s.ack.id);
    }
    for (const w of this.waiters.filter((x) => this.sent.length >= x.n)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
  }

  private next(actor: Actor, marker: string): Command {
    const state = actor.client.state!;
    if (actor.role === 'host') return this.hostMove(state, marker);
    if (actor.role === 'cohost') return this.cohostMove(state, marker);
    return this.participantMove(actor.name, state, marker);
  }

  private hostMove(s: ConveningView, marker: string): Command {
    const r = this.random();
    const round = s.activeRoundId ? s.rounds[s.activeRoundId] : undefined;
    const running = round?.status === 'running' ? round : undefined;
    if (r < 0.35) return { type: 'spotlight.set', agreementId: pick(this.random, s.agreements).id };
    if (r < 0.65 && this.signals.length > 0) {
      return { type: 'signal.triage', signalId: pick(this.random, this.signals), status: pick(this.random, STATUSES), note: marker };
    }
    if (!running) {
      const spec = { name: marker, strategy: { kind: 'random' as const, spec: { by: 'count' as const, rooms: 2 } }, durationSeconds: 600 };
      return { type: 'round.open', seed: between(this.random, 0, 10_000), spec };
    }
    const rooms = Object.values(running.rooms);
    if (r < 0.85 && rooms.length > 0) {
      const room = pick(this.random, rooms);
      return { type: 'room.move', participantId: pick(this.random, this.participantIds), toRoomId: room.id };
    }
    return { type: 'round.close' };
  }

  private cohostMove(s: ConveningView, marker: string): Command {
    const r = this.random();
    const running = s.activeRoundId && s.rounds[s.activeRoundId]?.status === 'running';
    if (r < 0.3 && this.requests.length > 0) return { type: 'reminder.resolve', requestId: pick(this.random, this.requests) };
    if (r < 0.5 && running) return { type: 'round.broadcast', text: marker };
    if (r < 0.65) return { type: 'spotlight.clear' };
    return { type: 'spotlight.set', agreementId: pick(this.random, s.agreements).id };
  }

  private participantMove(name: string, s: ConveningView, marker: string): Command {
    const r = this.random();
    const mine = this.own.get(name) ?? [];
    if (r < 0.45) {
      return { type: 'signal.raise', kind: pick(this.random, KINDS), visibility: pick(this.random, VISIBILITIES), explanation: marker };
    }
    if (r < 0.6 && mine.length > 0) return { type: 'signal.explain', signalId: pick(this.random, mine), explanation: marker };
    if (r < 0.8) return { type: 'reminder.request', agreementId: pick(this.random, s.agreements).id, note: marker, anonymous: this.random() < 0.5 };
    return { type: 'profile.set', profile: { region: marker } };
  }
}

/** Whether the command carries the marker text (so its event can be found by it). */
function carries(command: Command, marker: string): boolean {
  return JSON.stringify(command).includes(JSON.stringify(marker));
}
