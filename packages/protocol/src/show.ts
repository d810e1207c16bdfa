import { z } from 'zod';
import { AgendaItem } from './breakouts.ts';
import { Id, text } from './model.ts';

/**
 * The run of show (an ordered agenda of timed items) and pulse checks (one-question
 * check-ins) on the wire. Who answered a pulse check never leaves the server for an
 * anonymous check; everyone else receives aggregates (see core/src/pulse/policy.ts).
 */

export const SHOW_LIMITS = {
  itemsMax: 30,
  minutesMax: 240,
  extendMinutesMax: 60,
  questionMax: 200,
  optionMax: 60,
  optionsMax: 6,
  /** A one-word answer: letters, digits, ' and -, at most this long. */
  wordMax: 24,
  /** Words kept in a word list's tally (the most frequent). */
  wordsShown: 40,
  /** Answers (first or changed) one person may give to one check within a minute. */
  answersPerMinute: 6,
} as const;

export const ShowItemKind = z.enum(['welcome', 'agreements', 'plenary', 'reflection', 'breakout', 'shareback', 'pulse', 'closing']);
export type ShowItemKind = z.infer<typeof ShowItemKind>;

export const PulseKind = z.enum(['scale', 'word', 'choice']);
export type PulseKind = z.infer<typeof PulseKind>;
/** Who sees the live results: everyone in the convening, or the facilitators only. */
export const PulseResults = z.enum(['everyone', 'facilitators']);
export type PulseResults = z.infer<typeof PulseResults>;

export const PulseSpec = z
  .strictObject({
    question: text(SHOW_LIMITS.questionMax),
    kind: PulseKind,
    /** The choices of a "choice" check (2 to 6, each once); none for the other kinds. */
    options: z.array(text(SHOW_LIMITS.optionMax)).min(2).max(SHOW_LIMITS.optionsMax).optional(),
    /** Left out: facilitators only, until they share the results. */
    results: PulseResults.optional(),
    /** Left out: anonymous. When false, facilitators see who answered what. */
    anonymous: z.boolean().optional(),
  })
  .refine((p) => (p.kind === 'choice') === (p.options !== undefined), { message: 'a choice check needs its options, and only it', path: ['options'] })
  .refine((p) => !p.options || new Set(p.options).size === p.options.length, { message: 'each option must appear once', path: ['options'] });
export type PulseSpec = z.infer<typeof PulseSpec>;

/** Item ids are short so a pulse check started by an item can be named after it. */
export const ShowItemId = Id.max(40);

export const ShowItem = z.strictObject({
  id: ShowItemId,
  kind: ShowItemKind,
  title: text(80),
  minutes: z.number().int().min(1).max(SHOW_LIMITS.minutesMax),
  /** agreements: the agreement spotlighted on entry. */
  agreementId: Id.optional(),
  /** plenary: who speaks, or the topic. */
  speaker: text(80).optional(),
  /** breakout: the agenda round (0-based, as in `agenda.set`) whose preview opens on entry. */
  round: AgendaItem.optional(),
  /** pulse: the check started on entry. */
  pulse: PulseSpec.optional(),
  /** reflection: hold the room in a quiet moment for the item's minutes. Left out: on. */
  quiet: z.boolean().optional(),
});
export type ShowItem = z.infer<typeof ShowItem>;

export const ShowItems = z
  .array(ShowItem)
  .max(SHOW_LIMITS.itemsMax)
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'each item id must appear once');

/**
 * A whole run of show, as planned ahead on a community's scheduled convening (it becomes the
 * live convening's plan when it starts) or kept as the community's template for the next one.
 */
export const ShowPlan = z.strictObject({ items: ShowItems, autoAdvance: z.boolean() });
export type ShowPlan = z.infer<typeof ShowPlan>;

/** GET/PUT /api/communities/:id/show-template: the run of show the community starts from. */
export const ShowTemplate = ShowPlan.extend({ savedAt: z.number() });
export type ShowTemplate = z.infer<typeof ShowTemplate>;

/** Answer counts: by scale point ("1" to "5"), option, or lower-cased word. */
export const PulseTally = z.object({ total: z.number().int().nonnegative(), counts: z.record(z.string(), z.number().int().positive()) });
export type PulseTally = z.infer<typeof PulseTally>;

export const PulseOpen = z.object({
  id: Id,
  /** The run-of-show item that started it, if any. */
  itemId: ShowItemId.nullable(),
  question: z.string(),
  kind: PulseKind,
  options: z.array(z.string()),
  results: PulseResults,
  anonymous: z.boolean(),
});
export type PulseOpen = z.infer<typeof PulseOpen>;

export const PulseView = PulseOpen.extend({
  status: z.enum(['open', 'closed']),
  openedAt: z.number(),
  /** Answers by participant: the full state holds all; a reader gets their own (and, for a named check, facilitators all). */
  answers: z.record(z.string(), z.string()),
  /** When each person answered lately (the rate limit), shown to exactly those who see their answer. */
  times: z.record(z.string(), z.array(z.number())),
  /** The aggregate, for readers who may see it; null for the others. */
  tally: PulseTally.nullable(),
});
export type PulseView = z.infer<typeof PulseView>;

/** What actually happened to one item. */
export const ShowActual = z.object({ enteredAt: z.number(), leftAt: z.number().nullable(), extendedMinutes: z.number().int() });

export const ShowView = z.object({
  items: z.array(ShowItem),
  /** Move on by itself when an item's time is up. */
  autoAdvance: z.boolean(),
  status: z.enum(['planned', 'running', 'done']),
  currentId: ShowItemId.nullable(),
  /** When the current item's time is up (server clock). */
  endsAt: z.number().nullable(),
  actual: z.record(z.string(), ShowActual),
});
export type ShowView = z.infer<typeof ShowView>;

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });

/** Events of the run of show and pulse checks, joined into DomainEvent (events.ts). */
export const SHOW_EVENTS = [
  ev('show.planned', { items: z.array(ShowItem), autoAdvance: z.boolean() }),
  /** The show moved from one item to the next (itemId null: it is over; fromItemId null: it began). */
  ev('show.entered', { itemId: ShowItemId.nullable(), fromItemId: ShowItemId.nullable(), endsAt: z.number().nullable() }),
  ev('show.extended', { itemId: ShowItemId, minutes: z.number().int(), endsAt: z.number() }),
  /** Stored with an empty tally; readers who may not see the results receive null. */
  ev('pulse.opened', { pulse: PulseOpen, tally: PulseTally.nullable() }),
  /**
   * Stored in full: the answer, the one it replaces and who may see results at that moment.
   * Delivered to its author only (and, for a named check, to facilitators). participantId
   * is null once erased: an anonymous check's at close, every check's by retention
   * (core pulse/erase.ts); the count it moved stays.
   */
  ev('pulse.answered', { pulseId: Id, participantId: Id.nullable(), answer: z.string(), previous: z.string().nullable(), shown: PulseResults }),
  /** What readers of the results receive instead of pulse.answered: one count moved, never who. Never stored. */
  ev('pulse.tallied', { pulseId: Id, answer: z.string(), previous: z.string().nullable() }),
  /** Results shown to everyone or taken back to facilitators, stored with the tally at that moment (null for those who may not see it). */
  ev('pulse.shared', { pulseId: Id, results: PulseResults, tally: PulseTally.nullable() }),
  ev('pulse.closed', { pulseId: Id }),
] as const;

const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

/** Commands of the run of show and pulse checks, joined into Command (commands.ts). */
export const SHOW_COMMANDS = [
  cmd('show.plan', { items: ShowItems, autoAdvance: z.boolean() }),
  /** Start (fromItemId null) or move on from the item named: pressed twice, it moves once. */
  cmd('show.advance', { fromItemId: ShowItemId.nullable() }),
  cmd('show.extend', { itemId: ShowItemId, minutes: z.number().int().min(1).max(SHOW_LIMITS.extendMinutesMax) }),
  cmd('pulse.open', { pulse: PulseSpec }),
  /** "1" to "5", one of the options, or one word (checked against the check's kind). */
  cmd('pulse.answer', { pulseId: Id, answer: text(SHOW_LIMITS.optionMax) }),
  cmd('pulse.share', { pulseId: Id, results: PulseResults }),
  cmd('pulse.close', { pulseId: Id }),
] as const;
