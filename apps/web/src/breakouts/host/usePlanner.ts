import { useState } from 'react';
import type { PlanMove, RoundPreview, RoundSpec } from '@brave/protocol';
import { useCommand } from '../../live/useCommand.ts';
import { planKey } from './specForm.ts';
import { newSeed } from './words.ts';

export interface Plan {
  spec: RoundSpec;
  key: string;
  seed: number;
  /** The facilitator's edits, replayed by the server on every preview and on opening. */
  moves: PlanMove[];
  preview: RoundPreview;
  /** The agenda item this plan starts (later mix rounds of the agenda are planned with it). */
  agendaItem: number | null;
}

/**
 * Preview, shuffle, edit and open a round. The server plans every time (it knows who is
 * here and who met whom), so an edit is a move added to the list and a fresh preview;
 * opening sends the same seed and moves, which gives the same rooms.
 */
export function usePlanner(agendaItem: number | null = null, onOpened?: () => void) {
  const { send, pending, error, clearError } = useCommand();
  const [plan, setPlan] = useState<Plan | null>(null);

  const run = async (spec: RoundSpec, seed: number | undefined, moves: PlanMove[]): Promise<boolean> => {
    const item = agendaItem !== null ? { agendaItem } : {};
    const result = await send({ type: 'round.preview', spec, ...(seed !== undefined ? { seed } : {}), ...(moves.length > 0 ? { moves } : {}), ...item });
    if (!result.ok || !result.preview) return false;
    setPlan({ spec, key: planKey(spec), seed: result.preview.seed, moves, preview: result.preview, agendaItem });
    return true;
  };

  return {
    plan,
    pending,
    error,
    clearError,
    preview: (spec: RoundSpec) => run(spec, undefined, []),
    shuffle: () => (plan ? run(plan.spec, newSeed(), []) : Promise.resolve(false)),
    /** The same arrangement and moves with a changed spec (a choice for a room of one). */
    replan: (spec: RoundSpec) => (plan ? run(spec, plan.seed, plan.moves) : Promise.resolve(false)),
    move: (participantId: string, toRoomKey: string | null) => {
      if (!plan) return Promise.resolve(false);
      const moves = [...plan.moves.filter((m) => m.participantId !== participantId), { participantId, toRoomKey }];
      return run(plan.spec, plan.seed, moves);
    },
    /** Open exactly what was previewed, with the video links as they are now. */
    open: async (spec: RoundSpec): Promise<boolean> => {
      if (!plan) return false;
      const item = plan.agendaItem !== null ? { agendaItem: plan.agendaItem } : {};
      const result = await send({ type: 'round.open', spec, seed: plan.seed, ...(plan.moves.length > 0 ? { moves: plan.moves } : {}), ...item });
      if (result.ok) {
        setPlan(null);
        onOpened?.();
      }
      return result.ok;
    },
    discard: () => {
      setPlan(null);
      clearError();
    },
  };
}
