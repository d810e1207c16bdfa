import type { Command, RoundSpec } from '@brave/protocol';
import { describe, expect, it } from 'vitest';
import { decide, type PlanBudget } from '../../src/index.ts';
import { laterMixRounds } from '../../src/rounds/together.ts';
import { HOST, Sim } from '../fixture.ts';

const BUDGET: PlanBudget = { work: 2_000_000, ms: 100 };
const mix = (name: string, size: number, avoidSameTeam?: boolean): RoundSpec => ({
  name,
  strategy: { kind: 'mix', spec: { by: 'size', size }, ...(avoidSameTeam !== undefined ? { avoidSameTeam } : {}) },
  durationSeconds: 300,
});
const caucus: RoundSpec = { name: 'Caucus', strategy: { kind: 'affinity', undecided: 'open-room' }, durationSeconds: 600 };

function convening(agenda: RoundSpec[]): Sim {
  const sim = new Sim();
  for (let i = 0; i < 12; i++) sim.join(`Person${i}`);
  sim.append([{ type: 'agenda.set', agenda }]);
  return sim;
}

const ask = (sim: Sim, command: Command, budget: PlanBudget | null = BUDGET) =>
  decide(sim.full, command, { actor: HOST, now: sim.now, newId: sim.newId, ...(budget ? { planBudget: budget } : {}) });

describe('which agenda rounds are planned together', () => {
  const agenda = [mix('Pairs', 2), caucus, mix('Threes', 3), mix('Team-blind threes', 3, true), mix('Fours', 4, false)];

  it('takes the later mix rounds with the same wishes, whatever their room sizes, skipping others', () => {
    expect(laterMixRounds(agenda, agenda[0]!, 0).map((s) => s.name)).toEqual(['Threes', 'Fours']);
    expect(laterMixRounds(agenda, agenda[3]!, 3)).toEqual([]);
    expect(laterMixRounds(agenda, agenda[2]!, 2).map((s) => s.name)).toEqual(['Fours']);
  });

  it('plans one round at a time without an agenda item, for other strategies, or without a budget', () => {
    expect(laterMixRounds(agenda, agenda[0]!, undefined)).toEqual([]);
    expect(laterMixRounds(agenda, caucus, 1)).toEqual([]);
    const sim = convening(agenda);
    const without = ask(sim, { type: 'round.preview', spec: agenda[0]!, seed: 3, agendaItem: 0 }, null);
    expect(without.ok && without.preview?.together).toBeUndefined();
    const loose = ask(sim, { type: 'round.preview', spec: agenda[0]!, seed: 3 });
    expect(loose.ok && loose.preview?.together).toBeUndefined();
  });

  it('plans one round at a time beyond 1,000 people, and says nothing about a schedule', () => {
    const sim = new Sim();
    for (let i = 0; i < 1001; i++) sim.join(`Crowd${i}`);
    sim.append([{ type: 'agenda.set', agenda: [mix('Fours', 4), mix('Fours again', 4)] }]);
    const preview = ask(sim, { type: 'round.preview', spec: sim.full.agenda[0]!, seed: 5, agendaItem: 0 });
    if (!preview.ok || !preview.preview) throw new Error('preview refused');
    expect(preview.preview.together).toBeUndefined();
    expect(preview.preview.lines.some((line) => line.startsWith('Planned'))).toBe(false);
    expect(preview.preview.rooms.reduce((sum, r) => sum + r.size, 0)).toBe(1001);
  }, 30_000);

  it('opens exactly the rooms the preview showed, and tells the facilitator about the whole schedule', () => {
    const sim = convening(agenda);
    const preview = ask(sim, { type: 'round.preview', spec: agenda[0]!, seed: 11, agendaItem: 0 });
    if (!preview.ok || !preview.preview) throw new Error('preview refused');
    expect(preview.preview.together).toMatchObject({ rounds: 3, budgetMs: 100, tookMs: null });
    expect(preview.preview.lines[0]).toMatch(/^Planned 3 rounds of the agenda together within 0\.1 s: /);
    const opened = ask(sim, { type: 'round.open', spec: agenda[0]!, seed: 11, agendaItem: 0 });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.preview?.rooms).toEqual(preview.preview.rooms);
    sim.append(opened.events);
    expect(Object.values(sim.full.rounds[opened.id!]!.rooms).map((r) => r.members)).toEqual(preview.preview.rooms.map((r) => r.members));
  });
});
