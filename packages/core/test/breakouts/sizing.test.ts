// The sizing rule, checked for every small roster: rooms of the asked size, a few one
// larger or one smaller, sizes never more than one apart, and nobody alone unless they
// are the only person.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakouts } from '../../src/breakouts/index.ts';
import type { EngineParticipant } from '../../src/breakouts/index.ts';
import { ids, seedArb } from './helpers.ts';

const people = (n: number): EngineParticipant[] => ids(n).map((id) => ({ id }));
const sizesOf = (n: number, spec: { by: 'size'; size: number } | { by: 'count'; rooms: number }, seed = 1, kind: 'random' | 'mix' = 'random') =>
  planBreakouts({ participants: people(n), history: [], strategy: { kind, ...spec }, seed }).explanation.sizes;

/**
 * Fewest rooms off the asked size over EVERY way (balanced or not) to split n people into
 * rooms of s - 1, s and s + 1 with no room below 2; null when no such split exists.
 */
function fewestOffSize(n: number, s: number): number | null {
  let best: number | null = null;
  for (let smaller = 0; smaller * (s - 1) <= n; smaller++) {
    if (smaller > 0 && s - 1 < 2) break;
    for (let larger = 0; smaller * (s - 1) + larger * (s + 1) <= n; larger++) {
      const rest = n - smaller * (s - 1) - larger * (s + 1);
      if (rest % s === 0 && (best === null || smaller + larger < best)) best = smaller + larger;
    }
  }
  return best;
}

describe('the sizing rule', () => {
  it('rooms of the asked size: within one of it whenever a split allows, fewest rooms off it, never a room of one', () => {
    for (let n = 1; n <= 60; n++) {
      for (let s = 2; s <= 10; s++) {
        const sizes = sizesOf(n, { by: 'size', size: s });
        const label = `${n} people in rooms of ${s}: ${sizes.join(' + ')}`;
        expect(sizes.reduce((a, b) => a + b, 0), label).toBe(n);
        expect(Math.max(...sizes) - Math.min(...sizes), label).toBeLessThanOrEqual(1);
        if (n >= 2) expect(Math.min(...sizes), label).toBeGreaterThanOrEqual(2);
        const fewest = fewestOffSize(n, s);
        if (n >= 2 && fewest !== null) {
          for (const size of sizes) expect(Math.abs(size - s), label).toBeLessThanOrEqual(1);
          expect(sizes.filter((size) => size !== s).length, label).toBe(fewest);
        }
      }
    }
  });

  it('says in the explanation how the rooms relate to the asked size', () => {
    const plan = planBreakouts({ participants: people(7), history: [], strategy: { kind: 'random', by: 'size', size: 4 }, seed: 3 });
    expect(plan.explanation.lines).toContain('Asked for rooms of 4: 1 room of 4 and 1 of 3.');
  });

  it('a count gives that many rooms, one apart at most, capped so nobody is alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 70 }), seedArb, fc.constantFrom('random' as const, 'mix' as const), (n, rooms, seed, kind) => {
        const sizes = sizesOf(n, { by: 'count', rooms }, seed, kind);
        expect(sizes.length).toBe(Math.min(rooms, Math.max(1, Math.floor(n / 2))));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        if (n >= 2) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('mix sizes its rooms by the same rule as random', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 2, max: 10 }), seedArb, (n, size, seed) => {
        expect(sizesOf(n, { by: 'size', size }, seed, 'mix')).toEqual(sizesOf(n, { by: 'size', size }, seed, 'random'));
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('a largest room size splits a group evenly and leaves nobody alone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 10 }), seedArb, (n, maxRoomSize, seed) => {
        const participants = ids(n).map((id) => ({ id, channel: 'money' }));
        const plan = planBreakouts({ participants, history: [], strategy: { kind: 'byChoice', field: 'channel', maxRoomSize }, seed });
        const sizes = plan.explanation.sizes;
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(maxRoomSize === 2 ? 3 : maxRoomSize);
        expect(sizes.length).toBe(maxRoomSize === 2 ? Math.floor(n / 2) : Math.ceil(n / maxRoomSize));
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});
