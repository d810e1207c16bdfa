import { z } from 'zod';
import { Id } from './model.ts';

/** The floor's part of a convening view (see floor.ts for its commands and events). */
export const FloorQueue = z.object({
  /** Who is waiting, first in line first. */
  order: z.array(Id),
  /** Hands raised during a silence: facilitators see all, a participant only their own. */
  waiting: z.array(Id),
  speaking: Id.nullable(),
  /** Times each person had the floor here; facilitators only (empty for everyone else). */
  turns: z.record(z.string(), z.number().int()),
});
export type FloorQueue = z.infer<typeof FloorQueue>;

export const FloorView = z.object({
  progressive: z.boolean(),
  /** Lines this reader may see, by scope: plenary and the rooms whose roster they see. */
  queues: z.record(z.string(), FloorQueue),
  silence: z.object({ startedAt: z.number(), endsAt: z.number() }).nullable(),
  /** Full state only: recent raise/lower times by person (empty in every view sent out). */
  recent: z.record(z.string(), z.array(z.number())),
});
export type FloorView = z.infer<typeof FloorView>;
