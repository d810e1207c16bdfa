// Bug: in a running caucus round, room.move told a facilitator outside a caucus whether
// X was in it: a move of X into the caucus was accepted only for people who chose it
// ("Only people who chose that caucus themselves can join it" for everyone else), and a
// move of X to plenary produced an update of exactly the caucus X had been in.

import { expect, it } from 'vitest';
import { HOST, Sim } from '../../packages/core/test/fixture.ts';

function world(ana: string, bo: string) {
  const sim = new Sim();
  const people = ['Ana', 'Bo', 'Cy', 'Dee'].map((n) => sim.join(n));
  [ana, bo, 'person of color', 'white'].forEach((answer, i) => sim.ok(people[i]!, { type: 'affinity.answer', answer }));
  sim.ok(HOST, { type: 'round.open', seed: 2, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
  return sim;
}

it('a facilitator outside the caucuses gets the same answer and events for any move, whatever Ana chose', () => {
  for (const toRoomId of ['caucus-0-1', 'caucus-1-1', null]) {
    const [one, two] = [world('person of color', 'white'), world('white', 'person of color')];
    const from = one.full.seq;
    const a = one.run(HOST, { type: 'room.move', participantId: 'p_ana', toRoomId });
    const b = two.run(HOST, { type: 'room.move', participantId: 'p_ana', toRoomId });
    expect(b, `move to ${toRoomId}`).toEqual(a);
    expect(two.receivedBy(HOST, from)).toEqual(one.receivedBy(HOST, from));
    // Ana stays where her own answer put her.
    expect(a.ok).toBe(false);
  }
});
