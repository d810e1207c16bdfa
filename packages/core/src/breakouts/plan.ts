// The single entry point: validate, build the shared context, run the chosen
// strategy, then write the explanation.

import { planAffinity } from './affinity.ts';
import { planByChoice } from './choice.ts';
import { planCohorts } from './cohorts.ts';
import { createContext } from './context.ts';
import type { Context, Draft } from './context.ts';
import { planManual, planSelfSelect } from './direct.ts';
import { PlanError } from './errors.ts';
import { finishPlan } from './explain.ts';
import { planMixed } from './random.ts';
import type { Plan, PlanInput, Strategy } from './types.ts';
import { validateInput } from './validate.ts';

export function planBreakouts(input: PlanInput): Plan {
  validateInput(input);
  const ctx = createContext(input);
  return finishPlan(ctx, runStrategy(ctx, input.strategy));
}

function runStrategy(ctx: Context, strategy: Strategy): Draft {
  switch (strategy.kind) {
    case 'random':
    case 'mix':
      return planMixed(ctx, strategy);
    case 'byChoice':
      return planByChoice(ctx, strategy);
    case 'affinity':
      return planAffinity(ctx, strategy);
    case 'cohorts':
      return planCohorts(ctx, strategy);
    case 'selfSelect':
      return planSelfSelect(ctx, strategy);
    case 'manual':
      return planManual(ctx, strategy);
    default:
      throw new PlanError('UNKNOWN_STRATEGY', 'Unknown strategy.');
  }
}
