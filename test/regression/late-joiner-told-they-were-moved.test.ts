// Bug: someone who arrived during a running round, affirmed the agreements and was placed
// in a room heard "You have been moved", although nobody moved them. Their screen now says
// what happened: they joined during the round, and where they are.

import { expect, it } from 'vitest';
import type { ConveningView } from '@brave/protocol';
import { reduce, viewFor } from '@brave/core';
import { HOST, Sim } from '../../packages/core/test/fixture.ts';
import { nextMoment, type Seen } from '../../apps/web/src/breakouts/participant/roundMoments.ts';

it('a late arrival hears that they joined during the round, and a later move is still a move', () => {
  const sim = new Sim();
  for (const name of ['Ana', 'Bo', 'Cy', 'Dee']) sim.join(name);
  sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Small groups', durationSeconds: 600, strategy: { kind: 'random', spec: { by: 'count', rooms: 2 } } } });
  sim.tick(30_000);
  const eve = sim.join('Eve', 'participant', false);
  let view: ConveningView = viewFor(sim.full, eve);
  const from = sim.full.seq;
  sim.ok(eve, { type: 'agreements.affirm' });

  // Eve's screen folds what she is sent one event at a time; the round area appears once
  // she has affirmed (before her room arrives), as the participant screen does.
  const said: string[] = [];
  let seen: Seen | null = null;
  for (const e of sim.receivedBy(eve, from)) {
    view = reduce(view, e);
    if (view.participants[eve.participantId]?.affirmedAt == null) continue;
    const moment = nextMoment(view, eve.participantId, sim.now, seen);
    seen = moment.seen;
    if (moment.said) said.push(moment.said);
  }
  const room = Object.values(view.rounds[view.activeRoundId!]!.rooms).find((r) => r.members.includes(eve.participantId))!;
  expect(said.at(-1)).toMatch(new RegExp(`^You joined during Small groups: you are in ${room.name} with `));
  expect(said.join(' ')).not.toMatch(/moved/);

  // A facilitator then moving her is a move, and says so.
  const other = Object.values(sim.full.rounds[sim.full.activeRoundId!]!.rooms).find((r) => r.id !== room.id)!;
  const before = sim.full.seq;
  sim.ok(HOST, { type: 'room.move', participantId: eve.participantId, toRoomId: other.id });
  for (const e of sim.receivedBy(eve, before)) view = reduce(view, e);
  expect(nextMoment(view, eve.participantId, sim.now, seen).said).toMatch(new RegExp(`^You have been moved. You are in ${other.name}`));
});
