import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/procs.ts';

/** A person as the assignment engine sees them (ids and the attributes it may use). */
export interface BenchPerson {
  id: string;
  team?: string | null;
  organisation?: string | null;
  region?: string | null;
  orgType?: string | null;
  channel?: string | null;
  role?: string | null;
}

/** Synthetic rosters kept in the repo (test/fixtures); synthesised ones stand in if absent. */
const FIXTURES = join(ROOT, 'test/fixtures');

function fixture(name: string, tag: string): BenchPerson[] | null {
  const file = join(FIXTURES, name);
  if (!existsSync(file)) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as { participants: (BenchPerson & Record<string, unknown>)[] };
  return data.participants.map((p) => ({
    id: `${tag}-${p.id}`,
    team: p.team ? `${tag}-${p.team}` : null,
    organisation: p.organisation ? `${tag}-${p.organisation}` : null,
    region: p.region ?? null,
    orgType: p.orgType ?? null,
    channel: p.channel ?? null,
    role: p.role ?? null,
  }));
}

const REGIONS = ['Northeast', 'Southeast', 'Midwest', 'Southwest', 'West'];
const CHANNELS = ['money', 'narrative', 'policy'];

/** Made-up people in teams of 3 to 7, when no fixture is at hand. */
function synthesise(count: number, tag: string): BenchPerson[] {
  const out: BenchPerson[] = [];
  let team = 0;
  while (out.length < count) {
    const size = 3 + (team % 5);
    for (let k = 0; k < size && out.length < count; k++) {
      const i = out.length;
      out.push({
        id: `${tag}-${i}`,
        team: `${tag}-t${team}`,
        organisation: `${tag}-o${Math.floor(team / 2)}`,
        region: REGIONS[team % REGIONS.length]!,
        orgType: team % 3 === 0 ? 'community organisation' : 'health system',
        channel: CHANNELS[i % CHANNELS.length]!,
      });
    }
    team++;
  }
  return out;
}

/** Copies of a roster with fresh ids (and teams), up to `count` people. */
function grow(base: BenchPerson[], count: number): BenchPerson[] {
  const out: BenchPerson[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (const p of base) {
      if (out.length >= count) break;
      out.push(copy === 0 ? p : { ...p, id: `${p.id}~${copy}`, team: p.team ? `${p.team}~${copy}` : null, organisation: p.organisation ? `${p.organisation}~${copy}` : null });
    }
  }
  return out;
}

export interface Roster {
  people: BenchPerson[];
  source: string;
}

/**
 * 40 and 280 from the learning network (topped up from the city-wide meeting), 2,000
 * from the national convening, 10,000 grown from it. Synthesised when fixtures are absent.
 */
export function rosterOf(count: number): Roster {
  const learning = fixture('learning-network.json', 'ln');
  const city = fixture('citywide-collaborative.json', 'cw');
  const national = fixture('national-convening.json', 'nc');
  if (count <= 400 && learning) {
    const pool = [...learning, ...(city ?? [])];
    const source = count <= learning.length ? 'learning-network.json' : 'learning-network.json + citywide-collaborative.json';
    return { people: grow(pool, count), source: pool.length >= count ? source : `${source}, grown` };
  }
  if (national) return { people: grow(national, count), source: count <= national.length ? 'national-convening.json' : 'national-convening.json, grown ×5' };
  return { people: synthesise(count, 'syn'), source: 'synthesised (fixtures not found)' };
}
