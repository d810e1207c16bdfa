// Bug: a facilitator outside a caucus could ask "is X in this caucus?" with round.preview:
// a move of X into the caucus was accepted exactly for people who chose it and refused
// for everyone else, and moving X to plenary shrank the previewed caucus only for members.

import { expect, it } from 'vitest';
import type { Command, RoundSpec } from '@brave/protocol';
import { HOST, Sim } from '../../packages/core/test/fixture.ts';

const caucuses: RoundSpec = { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } };

/** Ana and Bo swap answers between the two worlds, so every caucus has the same size in both. */
function world(ana: string, bo: string): Sim {
  const sim = new Sim();
  const people = ['Ana', 'Bo', 'Cy', 'Dee'].map((n) => sim.join(n));
  [ana, bo, 'person of color', 'white'].forEach((answer, i) => sim.ok(people[i]!, { type: 'affinity.answer', answer }));
  return sim;
}

const preview = (sim: Sim, moves: { participantId: string; toRoomKey: string | null }[]) =>
  sim.run(HOST, { type: 'round.preview', spec: caucuses, seed: 4, moves } satisfies Command);

it('a preview answers the same for a move of Ana, whether or not Ana chose that caucus', () => {
  const [one, two] = [world('person of color', 'white'), world('white', 'person of color')];
  const caucus = (sim: Sim) => sim.run(HOST, { type: 'round.preview', spec: caucuses, seed: 4 });
  expect(caucus(one)).toEqual(caucus(two));
  const keys = ['caucus-0-1', 'caucus-1-1', null];
  for (const toRoomKey of keys) {
    const a = preview(one, [{ participantId: 'p_ana', toRoomKey }]);
    const b = preview(two, [{ participantId: 'p_ana', toRoomKey }]);
    expect(b, `move to ${toRoomKey}`).toEqual(a);
    // Nobody is moved into a caucus by someone else.
    if (toRoomKey !== null) expect(a.ok).toBe(false);
  }
});
