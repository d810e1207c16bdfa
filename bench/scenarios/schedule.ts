import { planSchedule } from '../../packages/core/src/breakouts/index.ts';
import { now } from '../lib/clock.ts';
import { summarise, type Summary } from '../lib/stats.ts';

/** Designs known to have a schedule where nobody meets twice (resolvable designs). */
export const DESIGNS = [
  { name: "Kirkman's schoolgirls", people: 15, size: 3, rounds: 7 },
  { name: 'affine plane AG(2,4)', people: 16, size: 4, rounds: 5 },
  { name: 'affine plane AG(2,5)', people: 25, size: 5, rounds: 6 },
  { name: 'social golfers 8-4-8', people: 32, size: 4, rounds: 8 },
] as const;

export interface ScheduleRow {
  design: string;
  people: number;
  size: number;
  rounds: number;
  seeds: number;
  /** Today's engine, one round at a time: repeat pairs best and median over the seeds. */
  roundByRound: { best: number; median: number; msPerSchedule: Summary };
  /** The whole-schedule planner with the same seeds and budget. */
  together: { best: number; worst: number; zeroSeeds: number; msPerSchedule: Summary };
  /** Search cells read per ms of search (total time minus the round-by-round start). */
  cellsPerMs: number;
}

export interface ScheduleResult {
  budget: number;
  rows: ScheduleRow[];
}

/** For each design: round by round vs planned together, over `seeds` seeds, `budget` cells each. */
export function runSchedule(seeds: number, budget: number, log: (s: string) => void): ScheduleResult {
  const rows: ScheduleRow[] = [];
  for (const d of DESIGNS) {
    const participants = Array.from({ length: d.people }, (_, i) => ({ id: `golfer-${i}` }));
    const rounds = Array.from({ length: d.rounds }, () => ({ by: 'size' as const, size: d.size }));
    const run = (seed: number, work: number) => {
      const t0 = now();
      const plan = planSchedule({ participants, history: [], rounds, seed, budget: work });
      return { plan, ms: now() - t0 };
    };
    const warm = Array.from({ length: seeds }, (_, s) => run(1000 + s, 0));
    const whole = Array.from({ length: seeds }, (_, s) => run(1000 + s, budget));
    const warmRepeats = warm.map((w) => w.plan.repeatPairs).sort((a, b) => a - b);
    const wholeRepeats = whole.map((w) => w.plan.repeatPairs);
    const searchMs = whole.reduce((sum, w, s) => sum + Math.max(0, w.ms - warm[s]!.ms), 0);
    const work = whole.reduce((sum, w) => sum + w.plan.work, 0);
    const row: ScheduleRow = {
      design: d.name,
      people: d.people,
      size: d.size,
      rounds: d.rounds,
      seeds,
      roundByRound: { best: warmRepeats[0]!, median: warmRepeats[Math.floor(seeds / 2)]!, msPerSchedule: summarise(warm.map((w) => w.ms)) },
      together: { best: Math.min(...wholeRepeats), worst: Math.max(...wholeRepeats), zeroSeeds: wholeRepeats.filter((r) => r === 0).length, msPerSchedule: summarise(whole.map((w) => w.ms)) },
      cellsPerMs: searchMs > 0 ? Math.round(work / searchMs) : 0,
    };
    rows.push(row);
    log(`  ${d.people}/${d.size}×${d.rounds}: round by round best ${row.roundByRound.best}; together best ${row.together.best}, worst ${row.together.worst}, ${row.together.zeroSeeds}/${seeds} seeds repeat-free`);
  }
  return { budget, rows };
}
