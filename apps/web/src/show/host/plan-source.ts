import { createContext, useContext } from 'react';
import type { Agreement, RoundSpec, ShowItem, ShowPlan } from '@brave/protocol';

/**
 * What the run-of-show planner edits and where its plan goes: the live convening (saved by
 * command), or a scheduled convening's form (handed back on every change, saved with the
 * form). Items may point only at these agreements and agenda rounds.
 */
export interface PlanSource {
  items: readonly ShowItem[];
  autoAdvance: boolean;
  /** The item happening now (live only): it cannot be taken out. */
  currentId: string | null;
  agreements: readonly Agreement[];
  agenda: readonly RoundSpec[];
  /** Whose template the planner offers and keeps (null: a quick convening, kept on this device). */
  communityId: string | null;
  /** Live: save by command. Absent: every change goes to `onChange`. */
  save?: (plan: ShowPlan) => Promise<boolean>;
  onChange?: (plan: ShowPlan) => void;
}

export const PlanSourceContext = createContext<PlanSource | null>(null);

/** The source of the planner around the caller (ItemFields reads the agreements and rounds from it). */
export function usePlanSource(): PlanSource {
  const source = useContext(PlanSourceContext);
  if (!source) throw new Error('usePlanSource outside a run-of-show planner');
  return source;
}
