// Garbage at the engine's entry: whatever arrives, only a PlanError may come out.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanError, planBreakouts } from '../../src/breakouts/index.ts';
import type { PlanInput } from '../../src/breakouts/index.ts';

/** Runs the engine; returns 'plan' or 'PlanError', and fails the test on anything else thrown. */
function outcome(input: unknown): 'plan' | 'PlanError' {
  try {
    planBreakouts(input as PlanInput);
    return 'plan';
  } catch (error) {
    if (error instanceof PlanError) return 'PlanError';
    throw error;
  }
}

const kinds = fc.constantFrom('random', 'mix', 'byChoice', 'affinity', 'cohorts', 'selfSelect', 'manual', 'other');
const small = fc.oneof(fc.anything({ maxDepth: 2 }), fc.integer({ min: -2, max: 6 }), fc.constantFrom('channel', 'role', 'count', 'size', 'open-room', 'plenary'));
/** Strategies that look nearly right: a known kind with fields of any shape. */
const strategyArb = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    {
      kind: kinds,
      by: small,
      rooms: fc.oneof(small, fc.array(fc.oneof(fc.anything({ maxDepth: 1 }), fc.record({ id: small, name: small, cap: small })), { maxLength: 3 })),
      size: small,
      field: small,
      maxRoomSize: small,
      options: fc.oneof(small, fc.array(small, { maxLength: 3 })),
      undecided: small,
      unanswered: small,
      teamsPerCohort: fc.oneof(small, fc.record({ min: small, max: small })),
      balance: small,
      unteamed: small,
      placements: fc.oneof(small, fc.dictionary(fc.string(), small)),
      alone: fc.oneof(small, fc.dictionary(fc.string(), small)),
      avoidSameTeam: small,
    },
    { requiredKeys: ['kind'] },
  ),
);
const personArb = fc.oneof(
  fc.anything({ maxDepth: 1 }),
  fc.record(
    { id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), small), isFacilitator: small, channel: small, team: small, region: small, orgType: small, affinity: small, choice: small },
    { requiredKeys: ['id'] },
  ),
);
const inputArb = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    {
      participants: fc.oneof(small, fc.array(personArb, { maxLength: 6 })),
      history: fc.oneof(small, fc.array(fc.oneof(small, fc.array(small, { maxLength: 3 })), { maxLength: 3 })),
      strategy: strategyArb,
      constraints: fc.oneof(small, fc.record({ keepTogether: fc.oneof(small, fc.array(small)), keepApart: fc.oneof(small, fc.array(small)), onePerRoom: small })),
      seed: fc.oneof(small, fc.integer()),
    },
    { requiredKeys: [] },
  ),
);

describe('the engine entry under arbitrary input', () => {
  it('either plans or throws a PlanError, nothing else', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(['plan', 'PlanError']).toContain(outcome(input));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('still plans well-formed input it used to accept', () => {
    const input = { participants: [{ id: 'a' }, { id: 'b' }], history: [], strategy: { kind: 'random', by: 'count', rooms: 1 }, seed: 1 };
    expect(outcome(input)).toBe('plan');
  });
});
