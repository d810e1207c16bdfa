import { z } from 'zod';
import { Id } from './model.ts';
import { NoticeView } from './view.ts';

/**
 * The floor (issue 11): a speaking stack per room, the progressive-stack option, and
 * "respect silence". Commands, events and the view's part, kept in one file so the
 * shared unions only gain a spread each. Who sees what is in core/src/floor/policy.ts.
 */

/** Where a queue lives: "plenary" or one breakout room ("room:<roundId>:<roomId>"). */
export const FloorScope = z
  .string()
  .max(140)
  .regex(/^(plenary|room:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64})$/, 'must be "plenary" or a room of the running round');
export type FloorScope = z.infer<typeof FloorScope>;

export const FLOOR_LIMITS = {
  /** Hand raises and lowers one person may make per minute. */
  handChangesPerMinute: 8,
  silenceMinutesMin: 1,
  silenceMinutesMax: 30,
} as const;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

export const FLOOR_COMMANDS = [
  /** Put my hand up in the room I am in (plenary, or my breakout room). */
  cmd('hand.raise', {}),
  cmd('hand.lower', {}),
  /** Give the floor to the next person in line, or to the one named. */
  cmd('floor.call', { scope: FloorScope, participantId: Id.optional() }),
  /** The person speaking has finished. */
  cmd('floor.done', { scope: FloorScope }),
  /** Move someone to another place in line (0 is first). */
  cmd('floor.reorder', { scope: FloorScope, participantId: Id, toIndex: z.number().int().min(0).max(10_000) }),
  /** People who have not spoken yet go first. */
  cmd('floor.progressive', { on: z.boolean() }),
  cmd('silence.start', {
    minutes: z.number().int().min(FLOOR_LIMITS.silenceMinutesMin).max(FLOOR_LIMITS.silenceMinutesMax),
  }),
  cmd('silence.end', {}),
] as const;

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

/** Full state only (like a signal's readers): this person's recent raises and lowers, for the rate limit. */
const recent = z.array(z.number()).optional();

export const FLOOR_EVENTS = [
  /**
   * A hand went up. `order` is the line after it; during a silence the hand waits
   * (`held`) and only its owner and the room's facilitators hear of it until the end.
   */
  ev('hand.raised', { participantId: Id, scope: z.string(), held: z.boolean(), order: z.array(Id), recent }),
  ev('hand.lowered', { participantId: Id, scope: z.string(), held: z.boolean(), order: z.array(Id), recent }),
  /** `turns`: how many times they have had the floor here; facilitators only. */
  ev('floor.called', { participantId: Id, scope: z.string(), order: z.array(Id), turns: z.number().int().optional() }),
  ev('floor.done', { participantId: Id, scope: z.string() }),
  ev('floor.reordered', { scope: z.string(), order: z.array(Id) }),
  ev('floor.progressive', { on: z.boolean() }),
  ev('silence.started', { endsAt: z.number() }),
  /**
   * The silence is over: waiting hands join their lines (`queues`, by scope) and each
   * reader gets the room notices that were held for them (none in the stored log).
   */
  ev('silence.ended', { startedAt: z.number(), queues: z.record(z.string(), z.array(Id)), notices: z.array(NoticeView).optional() }),
] as const;

