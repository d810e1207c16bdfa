// Bug: a room size was read as a minimum, so 7 people in rooms of 4 became one room of 7,
// 11 in rooms of 6 one room of 11, 19 in rooms of 10 one room of 19, and 11 in rooms of 4
// rooms of 6 and 5. Rooms now come as close to the asked size as the head count allows.

import { expect, it } from 'vitest';
import { planBreakouts } from '../../packages/core/src/breakouts/index.ts';

const sizes = (n: number, size: number): number[] =>
  planBreakouts({
    participants: Array.from({ length: n }, (_, i) => ({ id: `p${i}` })),
    history: [],
    strategy: { kind: 'mix', by: 'size', size },
    seed: 7,
  }).explanation.sizes;

it.each([
  [7, 4, [4, 3]],
  [11, 6, [6, 5]],
  [19, 10, [10, 9]],
  [11, 4, [4, 4, 3]],
])('%i people in rooms of %i get rooms of %j', (n, size, expected) => {
  expect(sizes(n, size)).toEqual(expected);
});
