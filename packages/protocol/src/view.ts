import { z } from 'zod';
import { Agreement, AgreementSetId, Id, Role, SignalKind, SignalPolicy, SignalStatus, Visibility } from './model.ts';

/**
 * The state of a convening as one reader may see it. The server holds the full state;
 * every snapshot it sends is this shape after the access policy has removed what the
 * reader may not see. Clients fold live events into it with the same reducer.
 */
export const ParticipantView = z.object({
  id: Id,
  name: z.string(),
  pronouns: z.string().nullable(),
  role: Role,
  joinedAt: z.number(),
  affirmedAt: z.number().nullable(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const TriageNote = z.object({
  status: SignalStatus,
  note: z.string().nullable(),
  by: Id,
  at: z.number(),
});
export type TriageNote = z.infer<typeof TriageNote>;

export const SignalView = z.object({
  id: Id,
  kind: SignalKind,
  visibility: Visibility,
  scope: z.string(),
  by: Id.nullable(),
  explanation: z.string().nullable(),
  privateExplanation: z.boolean(),
  status: SignalStatus,
  history: z.array(TriageNote),
  raisedAt: z.number(),
  updatedAt: z.number(),
});
export type SignalView = z.infer<typeof SignalView>;

export const NoticeView = z.object({
  id: Id,
  kind: SignalKind,
  scope: z.string(),
  by: Id.nullable(),
  explanation: z.string().nullable(),
  at: z.number(),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const ReminderRequestView = z.object({
  id: Id,
  agreementId: Id,
  by: Id.nullable(),
  anonymous: z.boolean(),
  note: z.string().nullable(),
  at: z.number(),
  resolved: z.boolean(),
});
export type ReminderRequestView = z.infer<typeof ReminderRequestView>;

export const SpotlightView = z.object({
  agreementId: Id,
  text: z.string(),
  source: z.enum(['facilitator', 'reminder']),
  at: z.number(),
  seq: z.number(),
});
export type SpotlightView = z.infer<typeof SpotlightView>;

export const ConveningView = z.object({
  id: Id,
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.number(),
  agreementSetId: AgreementSetId,
  agreements: z.array(Agreement),
  signalPolicy: SignalPolicy,
  participants: z.record(z.string(), ParticipantView),
  spotlight: SpotlightView.nullable(),
  reminders: z.object({ everyMinutes: z.number(), startIndex: z.number(), startedAt: z.number() }).nullable(),
  /** Signals this reader may follow: all of them for facilitators, their own for others. */
  signals: z.record(z.string(), SignalView),
  /** Calm room notices of other people's signals (most recent last, bounded). */
  notices: z.array(NoticeView),
  reminderRequests: z.record(z.string(), ReminderRequestView),
  /** Sequence number of the last event folded in. */
  seq: z.number().int().nonnegative(),
});
export type ConveningView = z.infer<typeof ConveningView>;
