// Bug: during a running caucus round, a late arrival who answered the caucus question and
// then affirmed produced `participant.affirmed` and, at the next seq and the same instant,
// a `room.updated` for their caucus with its size one larger. Everyone outside the caucus
// could tie the two together and learn the person's answer.

import { expect, it } from 'vitest';
import type { LoggedEvent } from '@brave/protocol';
import { viewFor, type Viewer } from '@brave/core';
import { HOST, Sim } from '../../packages/core/test/fixture.ts';

/** A caucus round with an open room, then Dee arrives late and answers `answer`. */
function lateArrival(answer: string | null) {
  const sim = new Sim();
  const bo = sim.join('Bo');
  const [ana, cy] = [sim.join('Ana'), sim.join('Cy')];
  sim.ok(ana, { type: 'affinity.answer', answer: 'person of color' });
  sim.ok(cy, { type: 'affinity.answer', answer: 'white' });
  sim.ok(bo, { type: 'affinity.answer', answer: 'prefer not to say' });
  sim.ok(HOST, { type: 'round.open', seed: 1, spec: { name: 'Caucuses', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'open-room' } } });
  const from = sim.full.seq;
  sim.tick(60_000);
  const dee = sim.join('Dee', 'participant', false);
  sim.ok(dee, { type: 'affinity.answer', answer });
  sim.ok(dee, { type: 'agreements.affirm' });
  return { sim, from, bo, dee };
}

const seen = (sim: Sim, v: Viewer, from: number): LoggedEvent[] => sim.receivedBy(v, from);

it('outside a caucus, a late arrival looks the same whichever caucus they chose, or none', () => {
  const worlds = ['person of color', 'white', 'prefer not to say', null].map(lateArrival);
  const [poc, white] = worlds as [ReturnType<typeof lateArrival>, ReturnType<typeof lateArrival>];
  // The facilitator, invited into no room, is outside every room: all four look the same.
  const hostSaw = worlds.map((w) => ({ events: seen(w.sim, HOST, w.from), rounds: viewFor(w.sim.full, HOST).rounds }));
  for (const s of hostSaw) expect(s).toEqual(hostSaw[0]);
  // Bo, in the open room, is outside both caucuses: choosing either looks the same to Bo.
  const boSaw = [poc, white].map((w) => ({ events: seen(w.sim, w.bo, w.from), rounds: viewFor(w.sim.full, w.bo).rounds }));
  expect(boSaw[1]).toEqual(boSaw[0]);
  // Dee is in the caucus they chose, and knows it.
  const mine = Object.values(viewFor(poc.sim.full, poc.dee).rounds).flatMap((r) => Object.values(r.rooms)).find((r) => r.members.includes(poc.dee.participantId));
  expect(mine?.caucus).toBe('person of color');
});
