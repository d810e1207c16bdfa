// A convening run in memory the way the server runs it: decide → append → fold → fan out.
// Core tests drive it with commands and then look at what each reader received.

import type { Command, ConveningView, CreateConveningBody, DomainEvent, LoggedEvent, Role } from '@brave/protocol';
import {
  decide,
  deliveries,
  emptyState,
  inAudience,
  openingEvents,
  reduce,
  viewFor,
  type Decision,
  type Delivery,
  type Viewer,
} from '../src/index.ts';

export const HOST: Viewer = { participantId: 'p_host', role: 'facilitator' };

/** One logged event and what the fan-out sent for it, computed when it happened. */
export interface Sent {
  logged: LoggedEvent;
  deliveries: Delivery[];
}

export class Sim {
  full: ConveningView = emptyState('c_test');
  readonly sent: Sent[] = [];
  now = 1_700_000_000_000;
  private counter = 0;

  constructor(body: Partial<CreateConveningBody> = {}) {
    const events = openingEvents(
      { title: 'Practice circle', hostName: 'Fran', ...body },
      { conveningId: 'c_test', joinCode: 'ABC234', hostId: HOST.participantId },
      this.newId,
    );
    this.append(events);
  }

  readonly newId = (prefix: string): string => `${prefix}_${++this.counter}`;

  /** Fold events into the full state and record their deliveries, as ConveningRoom.persist does. */
  append(events: DomainEvent[]): LoggedEvent[] {
    return events.map((event) => {
      const logged: LoggedEvent = { seq: this.full.seq + 1, at: this.now, event };
      this.full = reduce(this.full, logged);
      this.sent.push({ logged, deliveries: deliveries(event, this.full) });
      return logged;
    });
  }

  /** A person arrives (as POST /api/join does), affirming unless told not to. */
  join(name: string, role: Role = 'participant', affirm = true): Viewer {
    const viewer = { participantId: `p_${name.toLowerCase()}`, role };
    this.append([{ type: 'participant.joined', participantId: viewer.participantId, name, pronouns: null, role }]);
    if (affirm) this.ok(viewer, { type: 'agreements.affirm' });
    return viewer;
  }

  run(actor: Viewer, command: Command): Decision {
    const decision = decide(this.full, command, { actor, now: this.now, newId: this.newId });
    if (decision.ok) this.append(decision.events);
    return decision;
  }

  /** Run and insist it was accepted; returns the id the ack would carry. */
  ok(actor: Viewer, command: Command): string | undefined {
    const d = this.run(actor, command);
    if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code} ${d.error.message}`);
    return d.id;
  }

  tick(ms: number): void {
    this.now += ms;
  }

  /** Every event this reader was sent, in order, as the socket layer emits them. */
  receivedBy(viewer: Viewer, fromSeq = 0): LoggedEvent[] {
    const out: LoggedEvent[] = [];
    for (const { logged, deliveries: ds } of this.sent) {
      if (logged.seq <= fromSeq) continue;
      for (const d of ds) {
        if (inAudience(d.audience, viewer)) out.push({ seq: logged.seq, at: logged.at, event: structuredClone(d.event) });
      }
    }
    return out;
  }

  /** The view a reader builds by folding what it was sent on top of an earlier snapshot. */
  foldedBy(viewer: Viewer, start?: ConveningView): ConveningView {
    let state = start ? structuredClone(start) : emptyState('c_test');
    for (const e of this.receivedBy(viewer, start?.seq ?? 0)) state = reduce(state, e);
    return state;
  }

  snapshotFor(viewer: Viewer): ConveningView {
    return viewFor(this.full, viewer);
  }
}

/** Everything but the sequence number (a reader's seq only counts events it was sent). */
export function withoutSeq(view: ConveningView): Omit<ConveningView, 'seq'> {
  const { seq: _seq, ...rest } = view;
  return rest;
}
