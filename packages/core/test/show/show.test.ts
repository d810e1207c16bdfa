import { describe, expect, it } from 'vitest';
import type { ShowItem } from '@brave/protocol';
import { currentItem, debrief, foldAll, itemPulseId, nextDue, nextItem, overrunMs } from '../../src/index.ts';
import { HOST, Sim } from '../fixture.ts';

const MIN = 60_000;
const clock = { minuteMs: MIN, secondMs: 1000 };

function plan(sim: Sim, autoAdvance = false): ShowItem[] {
  const items: ShowItem[] = [
    { id: 'welcome', kind: 'welcome', title: 'Arriving', minutes: 5 },
    { id: 'touch', kind: 'agreements', title: 'Our agreements', minutes: 3, agreementId: sim.full.agreements[2]!.id },
    { id: 'check', kind: 'pulse', title: 'How are we?', minutes: 2, pulse: { question: 'How full is your cup?', kind: 'scale' } },
    { id: 'close', kind: 'closing', title: 'Closing circle', minutes: 10 },
  ];
  sim.ok(HOST, { type: 'show.plan', items, autoAdvance });
  return items;
}

describe('run of show', () => {
  it('starts at the first item and shows now and next with the time it is given', () => {
    const sim = new Sim();
    plan(sim);
    expect(sim.full.show.status).toBe('planned');
    expect(nextItem(sim.full)?.id).toBe('welcome');
    expect(sim.ok(HOST, { type: 'show.advance', fromItemId: null })).toBe('welcome');
    expect(currentItem(sim.full)?.title).toBe('Arriving');
    expect(nextItem(sim.full)?.title).toBe('Our agreements');
    expect(sim.full.show.endsAt).toBe(sim.now + 5 * MIN);
  });

  it('moves once when two facilitators press next for the same item', () => {
    const sim = new Sim();
    const co = sim.join('Co', 'cofacilitator');
    plan(sim);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    const before = sim.full.seq;
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'welcome' });
    sim.ok(co, { type: 'show.advance', fromItemId: 'welcome' });
    expect(currentItem(sim.full)?.id).toBe('touch');
    const entered = sim.sent.filter((s) => s.logged.seq > before && s.logged.event.type === 'show.entered');
    expect(entered).toHaveLength(1);
  });

  it('runs an item’s actions on entry: spotlights its agreement, starts its pulse check and closes it on leaving', () => {
    const sim = new Sim();
    plan(sim);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'welcome' });
    expect(sim.full.spotlight?.agreementId).toBe(sim.full.agreements[2]!.id);
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'touch' });
    const pulse = sim.full.pulses[itemPulseId('check')]!;
    expect(pulse).toMatchObject({ question: 'How full is your cup?', status: 'open', anonymous: true, results: 'facilitators' });
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'check' });
    expect(sim.full.pulses[itemPulseId('check')]!.status).toBe('closed');
  });

  it('shows overrun only once an item’s time is up, and more time or skipping clears it', () => {
    const sim = new Sim();
    plan(sim);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    expect(overrunMs(sim.full, sim.now + 5 * MIN)).toBe(0);
    sim.tick(7 * MIN);
    expect(overrunMs(sim.full, sim.now)).toBe(2 * MIN);
    // Five more minutes count from now, since the item already ran over.
    sim.ok(HOST, { type: 'show.extend', itemId: 'welcome', minutes: 5 });
    expect(overrunMs(sim.full, sim.now)).toBe(0);
    expect(sim.full.show.endsAt).toBe(sim.now + 5 * MIN);
    sim.tick(6 * MIN);
    expect(overrunMs(sim.full, sim.now)).toBe(MIN);
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'welcome' });
    expect(overrunMs(sim.full, sim.now)).toBe(0);
  });

  it('refuses to extend an item that is not the one happening now', () => {
    const sim = new Sim();
    plan(sim);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    const d = sim.run(HOST, { type: 'show.extend', itemId: 'touch', minutes: 5 });
    expect(d.ok ? null : d.error.code).toBe('conflict');
  });

  it('moves on by itself when set to, from a timer rebuilt from the log alone', () => {
    const sim = new Sim();
    plan(sim, true);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    // As after a restart: fold the stored log again and ask what is due.
    const rebuilt = foldAll('c_test', sim.sent.map((s) => s.logged));
    const due = nextDue(rebuilt, sim.now, clock)!;
    expect(due.at).toBe(sim.now + 5 * MIN);
    sim.now = due.at;
    sim.append(due.fire(sim.full, due.at));
    expect(currentItem(sim.full)?.id).toBe('touch');
    // A timer armed before someone pressed next does nothing when it fires late.
    const stale = nextDue(sim.full, sim.now, clock)!;
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'touch' });
    expect(stale.fire(sim.full, stale.at)).toEqual([]);
  });

  it('does not move on by itself unless set to', () => {
    const sim = new Sim();
    plan(sim, false);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    expect(nextDue(sim.full, sim.now, clock)).toBeNull();
  });

  it('keeps the item happening now when the plan is edited, and refuses to drop it', () => {
    const sim = new Sim();
    const items = plan(sim);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    const d = sim.run(HOST, { type: 'show.plan', items: items.slice(1), autoAdvance: false });
    expect(d.ok ? null : d.error.code).toBe('conflict');
    sim.ok(HOST, { type: 'show.plan', items: [items[0]!, items[3]!], autoAdvance: false });
    expect(nextItem(sim.full)?.id).toBe('close');
  });

  it('refuses items that cannot do their part', () => {
    const sim = new Sim();
    const bad = (item: ShowItem) => {
      const d = sim.run(HOST, { type: 'show.plan', items: [item], autoAdvance: false });
      return d.ok ? null : d.error.field;
    };
    expect(bad({ id: 'a', kind: 'agreements', title: 'Agreements', minutes: 2, agreementId: 'nope' })).toBe('items.0.agreementId');
    expect(bad({ id: 'b', kind: 'breakout', title: 'Pairs', minutes: 2, round: 3 })).toBe('items.0.round');
    expect(bad({ id: 'c', kind: 'pulse', title: 'Check', minutes: 2 })).toBe('items.0.pulse');
  });

  it('gives the debrief planned against actual time per item', () => {
    const sim = new Sim();
    plan(sim);
    sim.ok(HOST, { type: 'show.advance', fromItemId: null });
    sim.tick(7 * MIN);
    sim.ok(HOST, { type: 'show.advance', fromItemId: 'welcome' });
    sim.tick(MIN);
    const d = debrief(sim.full, HOST);
    expect(d.show.map((i) => [i.title, i.plannedMinutes, i.actualMs, i.running])).toEqual([
      ['Arriving', 5, 7 * MIN, false],
      ['Our agreements', 3, null, true],
      ['How are we?', 2, null, false],
      ['Closing circle', 10, null, false],
    ]);
  });
});
