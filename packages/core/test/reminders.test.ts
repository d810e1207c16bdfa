import { describe, expect, it } from 'vitest';
import { nextReminderAt, reminderSpotlight, reminderStartIndex } from '../src/index.ts';
import { HOST, Sim } from './fixture.ts';

const clock = { minuteMs: 1_000 };

/** Fire the tick at `at` as the server does: its spotlight becomes the state the next tick reads. */
function show(sim: Sim, at: number) {
  const e = reminderSpotlight(sim.full, at, clock);
  if (e) sim.append([e]);
  return e;
}

describe('scheduled reminders', () => {
  it('are not due when none are scheduled, after they stop, or once the convening is closed', () => {
    const sim = new Sim();
    expect(nextReminderAt(sim.full, sim.now, clock)).toBeNull();
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 2 });
    expect(nextReminderAt(sim.full, sim.now, clock)).not.toBeNull();
    sim.ok(HOST, { type: 'reminders.stop' });
    expect(nextReminderAt(sim.full, sim.now, clock)).toBeNull();
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 2 });
    sim.ok(HOST, { type: 'convening.close' });
    expect(nextReminderAt(sim.full, sim.now, clock)).toBeNull();
  });

  it('fall due every N minutes from when they were scheduled', () => {
    const sim = new Sim();
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 3 });
    const start = sim.now;
    expect(nextReminderAt(sim.full, start, clock)).toBe(start + 3_000);
    expect(nextReminderAt(sim.full, start + 2_999, clock)).toBe(start + 3_000);
    expect(nextReminderAt(sim.full, start + 3_000, clock)).toBe(start + 6_000);
    expect(nextReminderAt(sim.full, start + 10_000, clock)).toBe(start + 12_000);
  });

  it('rotate through the set in order from the start index, wrapping around', () => {
    const sim = new Sim({ agreementSetId: 'race-dialogue' });
    const ids = sim.full.agreements.map((a) => a.id);
    sim.ok(HOST, { type: 'spotlight.set', agreementId: ids[2]! });
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 1 });
    const start = sim.now;
    expect(reminderSpotlight(sim.full, start + 999, clock)).toBeNull();
    const shown = [1, 2, 3, 4, 5, 6].map((tick) => show(sim, start + tick * 1_000));
    expect(shown.map((s) => s?.agreementId)).toEqual([ids[3], ids[4], ids[0], ids[1], ids[2], ids[3]]);
    expect(shown[0]).toEqual({ type: 'spotlight.set', agreementId: ids[3], text: sim.full.agreements[3]!.text, source: 'reminder' });
  });

  it('keep rotating over the edited set when agreements change', () => {
    const sim = new Sim();
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 1 });
    const start = sim.now;
    sim.ok(HOST, { type: 'agreements.set', agreements: [{ id: 'a', text: 'Alpha' }, { id: 'b', text: 'Beta' }] });
    expect([1, 2, 3].map((t) => show(sim, start + t * 1_000)?.text)).toEqual(['Alpha', 'Beta', 'Alpha']);
  });

  it('move one agreement per tick that fires, even when a busy server fires them late', () => {
    const sim = new Sim({ agreementSetId: 'race-dialogue' });
    const ids = sim.full.agreements.map((a) => a.id);
    sim.ok(HOST, { type: 'spotlight.set', agreementId: ids[0]! });
    sim.ok(HOST, { type: 'reminders.schedule', everyMinutes: 1 });
    const start = sim.now;
    // The first tick fires two and a half periods late, the next on time after it.
    const late = start + 2_500;
    expect(show(sim, late)?.agreementId).toBe(ids[1]);
    expect(show(sim, nextReminderAt(sim.full, late, clock)!)?.agreementId).toBe(ids[2]);
  });

  it('start after the spotlighted agreement, or at the top when nothing is spotlighted', () => {
    const sim = new Sim();
    expect(reminderStartIndex(sim.full)).toBe(0);
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements.at(-1)!.id });
    expect(reminderStartIndex(sim.full)).toBe(0);
    sim.ok(HOST, { type: 'spotlight.set', agreementId: sim.full.agreements[5]!.id });
    expect(reminderStartIndex(sim.full)).toBe(6);
  });
});
