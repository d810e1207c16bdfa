import { describe, expect, it } from 'vitest';
import { LIMITS, type SignalStatus } from '@brave/protocol';
import { canMove, foldAll, openSignals, RATE_WINDOW_MS, signalWaitMs } from '../src/index.ts';
import { HOST, Sim } from './fixture.ts';

describe('the facilitators’ signal queue', () => {
  const moves: [SignalStatus, SignalStatus, boolean][] = [
    ['raised', 'acknowledged', true],
    ['raised', 'addressed', true],
    ['raised', 'parked', true],
    ['acknowledged', 'addressed', true],
    ['acknowledged', 'parked', true],
    ['acknowledged', 'raised', false],
    ['parked', 'acknowledged', true],
    ['parked', 'addressed', true],
    ['parked', 'raised', false],
    ['addressed', 'acknowledged', true],
    ['addressed', 'parked', false],
    ['addressed', 'raised', false],
  ];
  it.each(moves)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('a signal can go raised → acknowledged → parked → addressed → reopened, each step with its note', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const id = sim.ok(ana, { type: 'signal.raise', kind: 'ouch' })!;
    for (const [status, note] of [
      ['acknowledged', 'Seen, making space now.'],
      ['parked', 'Coming back after the break.'],
      ['addressed', 'Talked it through together.'],
      ['acknowledged', 'Reopened at Ana’s request.'],
    ] as const) {
      sim.ok(HOST, { type: 'signal.triage', signalId: id, status, note });
    }
    expect(sim.full.signals[id]?.history.map((h) => [h.status, h.note])).toEqual([
      ['acknowledged', 'Seen, making space now.'],
      ['parked', 'Coming back after the break.'],
      ['addressed', 'Talked it through together.'],
      ['acknowledged', 'Reopened at Ana’s request.'],
    ]);
  });

  it('lists open signals oldest first, leaving addressed ones out', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const ids = [0, 1, 2].map(() => {
      sim.tick(1_000);
      return sim.ok(ana, { type: 'signal.raise', kind: 'whoops' })!;
    });
    sim.ok(HOST, { type: 'signal.triage', signalId: ids[1]!, status: 'addressed' });
    sim.ok(HOST, { type: 'signal.triage', signalId: ids[0]!, status: 'parked' });
    expect(openSignals(sim.full).map((s) => s.id)).toEqual([ids[0], ids[2]]);
  });
});

describe('rate limit: a few signals a minute per person', () => {
  it(`accepts ${LIMITS.signalsPerMinute} a minute, then says when the next one can go`, () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const first = sim.now;
    for (let i = 0; i < LIMITS.signalsPerMinute; i++) {
      sim.ok(ana, { type: 'signal.raise', kind: 'ouch' });
      sim.tick(2_000);
    }
    const d = sim.run(ana, { type: 'signal.raise', kind: 'ouch' });
    expect(d).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: first + RATE_WINDOW_MS - sim.now } });
    expect(!d.ok && d.error.message).toMatch(/\d+ s/);
    expect(Object.keys(sim.full.signals)).toHaveLength(LIMITS.signalsPerMinute);
  });

  it('opens again exactly when the oldest signal leaves the window', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    for (let i = 0; i < LIMITS.signalsPerMinute; i++) sim.ok(ana, { type: 'signal.raise', kind: 'ouch' });
    sim.tick(RATE_WINDOW_MS - 1);
    expect(signalWaitMs(sim.full, ana.participantId, sim.now)).toBe(1);
    sim.tick(1);
    expect(signalWaitMs(sim.full, ana.participantId, sim.now)).toBe(0);
    expect(sim.run(ana, { type: 'signal.raise', kind: 'ouch' }).ok).toBe(true);
  });

  it('is per person: someone else can still signal', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    const bo = sim.join('Bo');
    for (let i = 0; i < LIMITS.signalsPerMinute; i++) sim.ok(ana, { type: 'signal.raise', kind: 'ouch' });
    expect(sim.run(ana, { type: 'signal.raise', kind: 'ouch' }).ok).toBe(false);
    expect(sim.run(bo, { type: 'signal.raise', kind: 'ouch' }).ok).toBe(true);
  });

  it('counts anonymous signals too, and holds after the log is folded again (a restart)', () => {
    const sim = new Sim();
    const ana = sim.join('Ana');
    for (let i = 0; i < LIMITS.signalsPerMinute; i++) sim.ok(ana, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous' });
    sim.tick(10_000);
    const restarted = foldAll('c_test', sim.sent.map((s) => s.logged));
    expect(signalWaitMs(restarted, ana.participantId, sim.now)).toBe(RATE_WINDOW_MS - 10_000);
  });
});
