// Bug: malformed input reached the engine's internals and threw a TypeError instead of a
// PlanError: a missing strategy, a null history room, a null keep-apart group.

import { expect, it } from 'vitest';
import { PlanError, planBreakouts } from '../../packages/core/src/breakouts/index.ts';
import type { PlanInput } from '../../packages/core/src/breakouts/index.ts';

const base = { participants: [{ id: 'a' }, { id: 'b' }], history: [], strategy: { kind: 'random', by: 'count', rooms: 1 }, seed: 1 };

it.each([
  ['strategy missing', { ...base, strategy: undefined }],
  ['history: [null]', { ...base, history: [null] }],
  ['constraints: { keepApart: [null] }', { ...base, constraints: { keepApart: [null] } }],
])('%s is refused with a PlanError', (_label, input) => {
  expect(() => planBreakouts(input as unknown as PlanInput)).toThrow(PlanError);
});
