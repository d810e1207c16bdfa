import { describe, expect, it } from 'vitest';
import type { ShowItem } from '@brave/protocol';
import { currentItem, holdsSilence, nextDue } from '../../src/index.ts';
import { HOST, Sim } from '../fixture.ts';

const MIN = 60_000;
const CLOCK = { minuteMs: MIN, secondMs: 1000 };
const ITEMS: ShowItem[] = [
  { id: 'arrive', kind: 'welcome', title: 'Arriving', minutes: 5 },
  { id: 'still', kind: 'reflection', title: 'Sitting with it', minutes: 3 },
  { id: 'write', kind: 'reflection', title: 'Writing time', minutes: 4, quiet: false },
  { id: 'end', kind: 'closing', title: 'Closing circle', minutes: 10 },
];
function started(autoAdvance = false) {
  const sim = new Sim();
  const ana = sim.join('Ana');
  sim.ok(HOST, { type: 'show.plan', items: ITEMS, autoAdvance });
  sim.ok(HOST, { type: 'show.advance', fromItemId: null });
  return { sim, ana };
}
const types = (sim: Sim, from: number) => sim.sent.filter((s) => s.logged.seq > from).map((s) => s.logged.event.type);

describe('a reflection as a quiet moment', () => {
  it('holds the room in silence for the item’s minutes, and leaving it lets the waiting hand join the line', () => {
    const { sim, ana } = started();
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'arrive' });
    expect(sim.full.floor.silence).toEqual({ startedAt: sim.now, endsAt: sim.now + 3 * MIN });
    sim.ok(ana, { type: 'hand.raise' });
    expect(sim.full.floor.queues.plenary?.order ?? []).toEqual([]);

    const before = sim.full.seq;
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'still' });
    expect(types(sim, before)).toEqual(['silence.ended', 'show.entered']);
    expect(sim.full.floor.silence).toBeNull();
    expect(sim.full.floor.queues.plenary?.order).toEqual([ana.participantId]);
  });

  it('a reflection set not to be quiet starts no silence', () => {
    const { sim } = started();
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'arrive' });
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'still' });
    expect(currentItem(sim.full)?.id).toBe('write');
    expect(sim.full.floor.silence).toBeNull();
    expect(ITEMS.map(holdsSilence)).toEqual([false, true, false, false]);
  });

  it('when the item’s time ends and the show moves on by itself, the silence ends with it', () => {
    const { sim } = started(true);
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'arrive' });
    sim.tick(3 * MIN);
    // The silence and the item end at the same moment; the one timer fires what is due.
    for (let due = nextDue(sim.full, sim.now, CLOCK), n = 0; due && due.at <= sim.now && n < 5; due = nextDue(sim.full, sim.now, CLOCK), n++) {
      sim.append(due.fire(sim.full, sim.now));
    }
    expect(currentItem(sim.full)?.id).toBe('write');
    expect(sim.full.floor.silence).toBeNull();
  });

  it('a silence already running when the quiet item begins is released first, then the item’s own begins', () => {
    const { sim } = started();
    sim.ok(HOST, { type: 'silence.start', minutes: 10 });
    const before = sim.full.seq;
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'arrive' });
    expect(types(sim, before)).toEqual(['silence.ended', 'show.entered', 'silence.started']);
    expect(sim.full.floor.silence?.endsAt).toBe(sim.now + 3 * MIN);
  });

  it('more time for a quiet item keeps the quiet to its new end, still holding the hand raised in it', () => {
    const { sim, ana } = started();
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'arrive' });
    const began = sim.full.floor.silence!.startedAt;
    sim.tick(MIN);
    sim.ok(ana, { type: 'hand.raise' });
    sim.ok(HOST, { type: 'show.extend', itemId: 'still', minutes: 5 });
    expect(sim.full.floor.silence).toEqual({ startedAt: began, endsAt: sim.full.show.endsAt });
    expect(sim.full.show.endsAt).toBe(began + 8 * MIN);
    expect(sim.full.floor.queues.plenary?.order ?? []).toEqual([]);
  });

  it('more time after the quiet item ran out begins the quiet again; after “end the quiet now” it stays ended', () => {
    const { sim } = started();
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'arrive' });
    sim.tick(3 * MIN);
    for (let due = nextDue(sim.full, sim.now, CLOCK), n = 0; due && due.at <= sim.now && n < 5; due = nextDue(sim.full, sim.now, CLOCK), n++) {
      sim.append(due.fire(sim.full, sim.now));
    }
    expect(currentItem(sim.full)?.id).toBe('still');
    expect(sim.full.floor.silence).toBeNull();
    sim.ok(HOST, { type: 'show.extend', itemId: 'still', minutes: 2 });
    expect(sim.full.floor.silence?.endsAt).toBe(sim.now + 2 * MIN);

    sim.ok(HOST, { type: 'silence.end' });
    sim.ok(HOST, { type: 'show.extend', itemId: 'still', minutes: 2 });
    expect(sim.full.floor.silence).toBeNull();
  });

  it('only a reflection item may carry the quiet option', () => {
    const sim = new Sim();
    const d = sim.run(HOST, { type: 'show.plan', items: [{ id: 'a', kind: 'plenary', title: 'Talk', minutes: 5, quiet: true }], autoAdvance: false });
    expect(d).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'items.0.quiet' } });
  });
});
