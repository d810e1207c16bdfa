import { z } from 'zod';
import { PulseKind, ShowItemKind } from './show.ts';

/**
 * The convening report (issue 11): what a facilitator hands to their working group after
 * a convening, as JSON (this schema) and as Markdown. It names nobody: no rosters, no
 * senders, no triage notes; pulse results and hands are counts, never per person.
 * Built in core (report/build.ts) from the facilitator's own debrief.
 */

/**
 * Fewer answers than this and a pulse check's breakdown is left out (the total stays):
 * with two answers each person can read the other's off the counts.
 */
export const REPORT_SMALL_COUNT = 3;

export const ReportItem = z.object({
  title: z.string(),
  kind: ShowItemKind,
  /** Where it sat in the plan: ms from the start of the show, and how long it was planned. */
  plannedStartMs: z.number().int().nonnegative(),
  plannedMs: z.number().int().nonnegative(),
  /** When it actually began (ms from the start of the show) and how long it ran; null when never reached. */
  actualStartMs: z.number().int().nullable(),
  actualMs: z.number().int().nullable(),
  running: z.boolean(),
  extendedMinutes: z.number().int(),
});
export type ReportItem = z.infer<typeof ReportItem>;

export const ReportPulse = z.object({
  question: z.string(),
  kind: PulseKind,
  anonymous: z.boolean(),
  total: z.number().int().nonnegative(),
  /** Counts by answer, most first for words; null when fewer than REPORT_SMALL_COUNT answered. */
  counts: z.array(z.object({ answer: z.string(), count: z.number().int().nonnegative() })).nullable(),
});
export type ReportPulse = z.infer<typeof ReportPulse>;

/** Hands in one room: how often a hand went up, how often someone was given the floor. */
export const ReportHands = z.object({
  /** null: the main room. */
  room: z.string().nullable(),
  round: z.string().nullable(),
  raises: z.number().int().nonnegative(),
  turns: z.number().int().nonnegative(),
});
export type ReportHands = z.infer<typeof ReportHands>;

export const ConveningReport = z.object({
  title: z.string(),
  participants: z.number().int().nonnegative(),
  show: z.array(ReportItem),
  pulses: z.array(ReportPulse),
  hands: z.array(ReportHands),
  signals: z.object({ ouch: z.number().int().nonnegative(), whoops: z.number().int().nonnegative(), followedUp: z.number().int().nonnegative() }),
  rounds: z.array(
    z.object({
      name: z.string(),
      strategy: z.string(),
      rooms: z.array(z.object({ name: z.string(), kind: z.enum(['breakout', 'caucus']), size: z.number().int().nonnegative() })),
    }),
  ),
});
export type ConveningReport = z.infer<typeof ConveningReport>;

/** `GET /api/convenings/:id/report/:format`: the report as JSON or Markdown. */
export const ReportFormat = z.enum(['json', 'md']);
export type ReportFormat = z.infer<typeof ReportFormat>;
