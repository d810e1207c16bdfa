import type { CommandOf, ConveningView, ShowItem } from '@brave/protocol';
import { accept, refuse, type Decision } from '../result.ts';
import { enterEvents } from './enter.ts';
import { extendQuietEvents } from './quiet.ts';

interface ShowContext {
  now: number;
  secondMs?: number;
}
type ShowCommand = 'show.plan' | 'show.advance' | 'show.extend';
type Handlers = { [T in ShowCommand]: (s: ConveningView, c: CommandOf<T>, x: ShowContext) => Decision };

/** What a plan's items may point to: the agreements in the set and the number of agenda rounds. */
export interface PlanContext {
  agreementIds: readonly string[];
  rounds: number;
}

/**
 * What an item needs to do its part: the agreement it spotlights, the round it previews,
 * its check. The same rules for a live convening's plan and one planned ahead on a
 * community's scheduled convening (whose agreements and rounds are the community's).
 */
export function planProblem(items: readonly ShowItem[], to: PlanContext): Decision | null {
  for (const [i, item] of items.entries()) {
    const problem = itemProblem(to, item, i);
    if (problem) return problem;
  }
  return null;
}

function itemProblem(to: PlanContext, item: ShowItem, index: number): Decision | null {
  const field = (name: string) => ({ field: `items.${index}.${name}` });
  if (item.kind === 'agreements' && item.agreementId !== undefined && !to.agreementIds.includes(item.agreementId)) {
    return refuse('not_found', `“${item.title}” spotlights an agreement that is not in this convening’s set.`, field('agreementId'));
  }
  if (item.kind === 'breakout' && item.round !== undefined && item.round >= to.rounds) {
    return refuse('bad_request', `“${item.title}” points to a breakout round that is not on the agenda.`, field('round'));
  }
  if (item.kind === 'pulse' && !item.pulse) return refuse('bad_request', `“${item.title}” needs its question.`, field('pulse'));
  if (item.kind !== 'pulse' && item.pulse) return refuse('bad_request', 'Only a pulse-check item carries a question.', field('pulse'));
  if (item.kind !== 'reflection' && item.quiet !== undefined) return refuse('bad_request', 'Only a quiet reflection can hold the room in silence.', field('quiet'));
  return null;
}

export const SHOW_HANDLERS: Handlers = {
  'show.plan': (s, c) => {
    const problem = planProblem(c.items, { agreementIds: s.agreements.map((a) => a.id), rounds: s.agenda.length });
    if (problem) return problem;
    const current = s.show.currentId;
    if (current !== null && !c.items.some((i) => i.id === current)) {
      return refuse('conflict', 'The item happening now cannot be taken out. Move on from it first.', { field: 'items' });
    }
    return accept([{ type: 'show.planned', items: c.items, autoAdvance: c.autoAdvance }]);
  },

  // Idempotent by item id: a second press meant for the same item finds it already left.
  'show.advance': (s, c, { now, secondMs }) => {
    if (s.show.status === 'done' || s.show.currentId !== c.fromItemId) return accept([]);
    if (s.show.items.length === 0) return refuse('conflict', 'There is nothing in the run of show yet.');
    const events = enterEvents(s, now, secondMs);
    const entered = events.find((e) => e.type === 'show.entered');
    return accept(events, entered?.itemId ?? undefined);
  },

  'show.extend': (s, c, { now, secondMs = 1000 }) => {
    if (s.show.status !== 'running' || s.show.currentId !== c.itemId || s.show.endsAt === null) {
      return refuse('conflict', 'That item is not the one happening now.', { field: 'itemId' });
    }
    // More time counts from now when the item has already run over.
    const endsAt = Math.max(s.show.endsAt, now) + c.minutes * 60 * secondMs;
    const item = s.show.items.find((i) => i.id === c.itemId);
    return accept([{ type: 'show.extended', itemId: c.itemId, minutes: c.minutes, endsAt }, ...extendQuietEvents(s, item, s.show.endsAt, endsAt, now)]);
  },
};
