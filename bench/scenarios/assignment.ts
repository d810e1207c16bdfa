import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/procs.ts';
import { summarise, type Summary } from '../lib/stats.ts';
import { rosterOf, type BenchPerson } from './roster.ts';

const ENGINE = join(ROOT, 'packages/core/src/breakouts/index.ts');

/** The part of the engine's API the bench relies on (checked at run time). */
type PlanBreakouts = (input: {
  participants: BenchPerson[];
  history: string[][];
  strategy: { kind: 'mix'; by: 'size'; size: number };
  seed: number;
}) => { rooms: { members: string[] }[]; plenary: string[]; explanation?: { repeatPairs?: number } };

export interface AssignmentRow {
  n: number;
  source: string;
  rounds: number;
  engineMsPerRound: Summary;
  engineRepeats: number;
  /** Repeats the engine itself reported, to cross-check the bench's own count. */
  engineReportedRepeats: number | null;
  everyonePlaced: boolean;
  randomMsPerRound: Summary;
  randomRepeats: number;
}

export interface AssignmentResult {
  available: boolean;
  note?: string;
  rows: AssignmentRow[];
}

/** The engine is being written alongside the bench: load it only if it is there. */
async function loadEngine(): Promise<PlanBreakouts | string> {
  if (!existsSync(ENGINE)) return 'packages/core/src/breakouts/index.ts does not exist yet';
  try {
    const mod = (await import(pathToFileURL(ENGINE).href)) as { planBreakouts?: unknown };
    return typeof mod.planBreakouts === 'function' ? (mod.planBreakouts as PlanBreakouts) : 'planBreakouts is not exported yet';
  } catch (err) {
    return `the engine did not load: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Mix strategy, groups of 4, `rounds` rounds feeding history forward; random in the same run. */
export async function runAssignment(sizes: number[], rounds: number, log: (s: string) => void): Promise<AssignmentResult> {
  const engine = await loadEngine();
  if (typeof engine === 'string') return { available: false, note: engine, rows: [] };
  const rows: AssignmentRow[] = [];
  for (const n of sizes) {
    const { people, source } = rosterOf(n);
    const ids = people.map((p) => p.id);
    const mix = runRounds(rounds, (history, seed) => {
      const plan = engine({ participants: people, history, strategy: { kind: 'mix', by: 'size', size: 4 }, seed });
      return { rooms: plan.rooms.map((r) => r.members), reported: plan.explanation?.repeatPairs ?? null, plenary: plan.plenary.length };
    });
    const random = runRounds(rounds, (_history, seed) => ({ rooms: shuffleAndChunk(ids, 4, seed), reported: null, plenary: 0 }));
    const placed = mix.placedEveryone(ids);
    rows.push({
      n: people.length,
      source,
      rounds,
      engineMsPerRound: summarise(mix.ms),
      engineRepeats: mix.repeats,
      engineReportedRepeats: mix.reported,
      everyonePlaced: placed,
      randomMsPerRound: summarise(random.ms),
      randomRepeats: random.repeats,
    });
    log(`  assignment N=${people.length}: mix ${summarise(mix.ms).p50.toFixed(1)} ms/round, ${mix.repeats} repeat pairs; random ${random.repeats}`);
  }
  return { available: true, rows };
}

type Planner = (history: string[][], seed: number) => { rooms: string[][]; reported: number | null; plenary: number };

function runRounds(rounds: number, plan: Planner) {
  const history: string[][] = [];
  const met = new Set<string>();
  const ms: number[] = [];
  let repeats = 0;
  let reported: number | null = 0;
  let lastRooms: string[][] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const result = plan(history, 1000 + r);
    ms.push(performance.now() - t0);
    reported = result.reported === null || reported === null ? null : reported + result.reported;
    const fresh: string[] = [];
    for (const room of result.rooms) {
      for (let i = 0; i < room.length; i++) {
        for (let j = i + 1; j < room.length; j++) {
          const a = room[i]!;
          const b = room[j]!;
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          if (met.has(key)) repeats++;
          fresh.push(key);
        }
      }
      history.push([...room]);
    }
    for (const k of fresh) met.add(k);
    lastRooms = result.rooms;
  }
  return {
    ms,
    repeats,
    reported,
    placedEveryone(ids: string[]): boolean {
      const seen = lastRooms.flat();
      return seen.length === ids.length && new Set(seen).size === ids.length;
    },
  };
}

/** The plain baseline: a seeded shuffle, then rooms of `size` (a few get one more). */
export function shuffleAndChunk(ids: readonly string[], size: number, seed: number): string[][] {
  const a = [...ids];
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  const rooms = Math.max(1, Math.floor(a.length / size));
  const out: string[][] = Array.from({ length: rooms }, () => []);
  a.forEach((id, i) => out[i % rooms]!.push(id));
  return out;
}
