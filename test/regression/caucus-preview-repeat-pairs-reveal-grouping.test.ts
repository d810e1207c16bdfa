// Bug: the caucus preview's "N pair(s) meet again" was counted inside the caucus rooms.
// Beside "Who was where" of two earlier mix rounds, that count could leave exactly one
// possible grouping of 6 people, so a facilitator outside the caucuses could read them.

import { expect, it } from 'vitest';
import type { RoundSpec } from '@brave/protocol';
import { HOST, Sim } from '../../packages/core/test/fixture.ts';

const trios: RoundSpec = { name: 'Trios', durationSeconds: 600, strategy: { kind: 'mix', spec: { by: 'size', size: 3 } } };
const caucuses: RoundSpec = { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } };

/** Six people, two mix rounds; then three of them choose one caucus and three the other. */
function world(chooses: (trio: string[][]) => string[]) {
  const sim = new Sim();
  const people = ['Ana', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay'].map((n) => sim.join(n));
  for (const seed of [1, 2]) {
    sim.ok(HOST, { type: 'round.open', seed, spec: trios });
    sim.ok(HOST, { type: 'round.close' });
  }
  const first = Object.values(Object.values(sim.full.rounds)[0]!.rooms).map((r) => r.members);
  const poc = new Set(chooses(first));
  for (const p of people) sim.ok(p, { type: 'affinity.answer', answer: poc.has(p.participantId) ? 'person of color' : 'white' });
  return sim;
}

it('the caucus preview reads the same whichever three people share a caucus', () => {
  // One world puts a whole earlier trio together (three pairs meet again), the other
  // splits every trio; the caucuses have three people each either way.
  const together = world((rooms) => rooms[0]!);
  const split = world((rooms) => [rooms[0]![0]!, rooms[0]![1]!, rooms[1]![0]!]);
  const a = together.run(HOST, { type: 'round.preview', spec: caucuses, seed: 9 });
  const b = split.run(HOST, { type: 'round.preview', spec: caucuses, seed: 9 });
  expect(a.ok && a.preview?.rooms.map((r) => r.size)).toEqual([3, 3]);
  expect(b).toEqual(a);
});
