// Bug: counts on the console read "2 room(s)", "1 person(s)", "1 pair(s) meet again".
// Every count now goes through one helper on Intl.PluralRules.

import { expect, it } from 'vitest';
import { breakouts, byCount, countOf } from '@brave/core';

it('counts read as real plurals, with the verb agreeing', () => {
  expect([0, 1, 2].map((n) => countOf(n, 'room'))).toEqual(['0 rooms', '1 room', '2 rooms']);
  expect([1, 3].map((n) => countOf(n, 'person', 'people'))).toEqual(['1 person', '3 people']);
  expect(`${countOf(1, 'pair')} ${byCount(1, 'meets', 'meet')} again`).toBe('1 pair meets again');
});

it('the room-making explains a plan without "(s)"', () => {
  const people = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}` }));
  const plan = breakouts.planBreakouts({ participants: people, history: [], strategy: { kind: 'random', by: 'count', rooms: 2 }, seed: 3 });
  const text = plan.explanation.lines.join(' ');
  expect(text).toContain('2 rooms');
  expect(text).not.toContain('(s)');
});
