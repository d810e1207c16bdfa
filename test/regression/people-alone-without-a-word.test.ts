// Bug: by choice with one person choosing Money, an affinity caucus with one member, or
// five people in caucus rooms of at most 2 each gave a room of one, and the explanation
// said nothing. Rooms of one are now reported (with choices), and a largest size never
// splits a group so that someone is left alone.

import { expect, it } from 'vitest';
import { planBreakouts } from '../../packages/core/src/breakouts/index.ts';
import type { EngineParticipant, Strategy } from '../../packages/core/src/breakouts/index.ts';

const people = (answers: [string, Partial<EngineParticipant>, number][]): EngineParticipant[] =>
  answers.flatMap(([prefix, fields, n]) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, ...fields })));
const plan = (participants: EngineParticipant[], strategy: Strategy) => planBreakouts({ participants, history: [], strategy, seed: 2 });

it('one person choosing Money: the room of one is reported', () => {
  const result = plan(people([['m', { channel: 'money' }, 1], ['n', { channel: 'narrative' }, 5]]), { kind: 'byChoice', field: 'channel', maxRoomSize: 6 });
  expect(result.explanation.alone.map((a) => a.room)).toEqual(['money-1']);
});

it('a caucus with one member: reported, without saying who', () => {
  const result = plan(people([['p', { affinity: 'person of color' }, 4], ['w', { affinity: 'white' }, 1]]), { kind: 'affinity', undecided: 'plenary' });
  expect(result.explanation.alone).toMatchObject([{ kind: 'caucus', options: ['keep', 'plenary'] }]);
  expect(JSON.stringify(result.explanation)).not.toContain('"w0"');
});

it('five people in caucus rooms of at most 2: nobody alone', () => {
  const result = plan(people([['p', { affinity: 'person of color' }, 5]]), { kind: 'affinity', undecided: 'plenary', maxRoomSize: 2 });
  expect(Math.min(...result.explanation.sizes)).toBeGreaterThanOrEqual(2);
});
