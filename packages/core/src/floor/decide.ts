import { windowWaitMs } from '../rate.ts';
import type { CommandOf, ConveningView, DomainEvent } from '@brave/protocol';
import { FLOOR_LIMITS } from '@brave/protocol';
import { accept, refuse, type Decision } from '../result.ts';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { passesTurn, placeInLine, PLENARY, progressiveOrder, queueOf, runsScope, scopeHolding, scopeOfPerson, seesScope } from './queue.ts';
import { endSilenceEvents, startSilenceEvents } from './silence.ts';

export interface FloorContext {
  actor: Viewer;
  now: number;
  /** Length of a "second" in ms (1000; tests shorten it, as for breakout rounds). */
  secondMs?: number;
}

type FloorType = 'hand.raise' | 'hand.lower' | 'floor.call' | 'floor.done' | 'floor.reorder' | 'floor.progressive' | 'silence.start' | 'silence.end';
type Handlers = { [T in FloorType]: (s: ConveningView, c: CommandOf<T>, x: FloorContext) => Decision };

export const HAND_WINDOW_MS = 60_000;

/** This person's raises and lowers in the last minute, with now; or how long to wait. */
function handBudget(s: ConveningView, id: string, now: number): { recent: number[] } | Decision {
  const recent = (s.floor.recent[id] ?? []).filter((t) => t > now - HAND_WINDOW_MS);
  const wait = windowWaitMs(recent, now, FLOOR_LIMITS.handChangesPerMinute, HAND_WINDOW_MS);
  if (wait === 0) return { recent: [...recent, now] };
  return refuse('rate_limited', `Your hand has gone up and down several times this minute. You can change it again in ${Math.ceil(wait / 1000)} s.`, {
    retryAfterMs: wait,
  });
}
const isDecision = (x: object): x is Decision => 'ok' in x;

const notInRoom = () => refuse('not_found', 'There is no line to run in that room.', { field: 'scope' });

/** Why someone who may not pass the turn here is refused: facilitators learn the room is not theirs. */
function cannotPass(s: ConveningView, scope: string, actor: Viewer): Decision {
  if (isFacilitator(actor.role)) return notInRoom();
  return scope === PLENARY || !seesScope(s, scope, actor)
    ? refuse('forbidden', 'The facilitators run this line. In a breakout room or caucus, the people in it pass the turn along.')
    : notInRoom();
}

/** A hand leaves a line: from the waiting hands during a silence, or from the line itself. */
function lowered(s: ConveningView, id: string, scope: string, recent: number[]): DomainEvent {
  const q = queueOf(s, scope);
  const held = q.waiting.includes(id);
  return { type: 'hand.lowered', participantId: id, scope, held, order: q.order.filter((x) => x !== id), recent };
}

export const FLOOR_HANDLERS: Handlers = {
  'hand.raise': (s, _c, { actor, now }) => {
    const id = actor.participantId;
    if (!s.participants[id]?.affirmedAt) return refuse('conflict', 'Please affirm the agreements before raising your hand.');
    const scope = scopeOfPerson(s, id);
    const q = queueOf(s, scope);
    if (q.order.includes(id) || q.waiting.includes(id)) return accept([]);
    const budget = handBudget(s, id, now);
    if (isDecision(budget)) return budget;
    const events: DomainEvent[] = [];
    // A hand still up in a room one has left comes down there first.
    const elsewhere = scopeHolding(s, id, scope);
    if (elsewhere) events.push(lowered(s, id, elsewhere, budget.recent));
    const held = s.floor.silence !== null;
    const order = held ? q.order : placeInLine(q.order, id, q.turns, s.floor.progressive);
    events.push({ type: 'hand.raised', participantId: id, scope, held, order, recent: budget.recent });
    return accept(events);
  },

  'hand.lower': (s, _c, { actor, now }) => {
    const id = actor.participantId;
    const scope = scopeHolding(s, id, scopeOfPerson(s, id));
    if (!scope) return accept([]);
    const budget = handBudget(s, id, now);
    if (isDecision(budget)) return budget;
    return accept([lowered(s, id, scope, budget.recent)]);
  },

  'floor.call': (s, c, { actor }) => {
    if (!passesTurn(s, c.scope, actor)) return cannotPass(s, c.scope, actor);
    const q = queueOf(s, c.scope);
    const next = c.participantId ?? q.order[0];
    if (next === undefined) return refuse('conflict', 'Nobody is waiting to speak here.');
    if (!q.order.includes(next)) return refuse('not_found', 'That person is not in line here.', { field: 'participantId' });
    // The people in a room call in the order of the line; choosing someone else is a facilitator's call.
    if (next !== q.order[0] && !runsScope(s, c.scope, actor)) {
      return refuse('forbidden', 'In your room the turn goes to whoever is next in line.', { field: 'participantId' });
    }
    const order = q.order.filter((x) => x !== next);
    return accept([{ type: 'floor.called', participantId: next, scope: c.scope, order, turns: (q.turns[next] ?? 0) + 1 }]);
  },

  'floor.done': (s, c, { actor }) => {
    if (!passesTurn(s, c.scope, actor)) return cannotPass(s, c.scope, actor);
    const speaking = queueOf(s, c.scope).speaking;
    return speaking === null ? accept([]) : accept([{ type: 'floor.done', participantId: speaking, scope: c.scope }]);
  },

  'floor.reorder': (s, c, { actor }) => {
    if (!runsScope(s, c.scope, actor)) return notInRoom();
    const q = queueOf(s, c.scope);
    const from = q.order.indexOf(c.participantId);
    if (from < 0) return refuse('not_found', 'That person is not in line here.', { field: 'participantId' });
    const to = Math.min(c.toIndex, q.order.length - 1);
    if (to === from) return accept([]);
    const order = q.order.filter((x) => x !== c.participantId);
    order.splice(to, 0, c.participantId);
    return accept([{ type: 'floor.reordered', scope: c.scope, order }]);
  },

  'floor.progressive': (s, c, { actor }) => {
    if (s.floor.progressive === c.on) return accept([]);
    const events: DomainEvent[] = [{ type: 'floor.progressive', on: c.on }];
    // Switching it on sorts the lines this facilitator runs; others sort as hands go up.
    if (c.on) {
      for (const [scope, q] of Object.entries(s.floor.queues)) {
        if (!seesScope(s, scope, actor)) continue;
        const order = progressiveOrder(q.order, q.turns);
        if (order.join() !== q.order.join()) events.push({ type: 'floor.reordered', scope, order });
      }
    }
    return accept(events);
  },

  'silence.start': (s, c, { now, secondMs = 1000 }) => accept(startSilenceEvents(s, c.minutes, now, secondMs * 60)),

  'silence.end': (s) => accept(endSilenceEvents(s)),
};
