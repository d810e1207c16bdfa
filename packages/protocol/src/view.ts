import { z } from 'zod';
import { Channel, ConfidentialNotes, RoundSpec } from './breakouts.ts';
import { FloorView } from './floor-view.ts';
import { PulseView, ShowView } from './show.ts';
import { Agreement, AgreementSetId, Id, Role, SignalKind, SignalPolicy, SignalReaders, SignalStatus, Visibility } from './model.ts';

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
  profile: z.object({
    channel: z.string().nullable(),
    role: z.string().nullable(),
    team: z.string().nullable(),
    organisation: z.string().nullable(),
    region: z.string().nullable(),
    orgType: z.string().nullable(),
  }),
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
  /** Full state only (see SignalReaders); stripped from every view sent out. */
  readers: SignalReaders.optional(),
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

/**
 * A breakout or caucus room. In the full state `members` is complete; a reader outside a
 * caucus sees `members: []` and only its `size`.
 */
export const RoomView = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['breakout', 'caucus']),
  /** For caucus rooms: the self-identification option it gathers. */
  caucus: z.string().nullable(),
  members: z.array(Id),
  size: z.number().int().nonnegative(),
  /** Facilitators responsible for the room (for a caucus: only those it chose). */
  hosts: z.array(Id),
  videoUrl: z.string().nullable(),
  /** For self-select rounds: how many people may pick this room. */
  cap: z.number().int().nullable(),
  /** When the room last asked for help and nobody has answered yet. */
  helpRequestedAt: z.number().nullable(),
  /**
   * Set when the room is confidential: its roster, notes and signals are for its members
   * and the hosts they let in; `notes` says what happens to its notes at the round's close.
   * Absent in rooms logged before confidential rooms existed.
   */
  confidential: z.strictObject({ notes: ConfidentialNotes }).nullable().optional(),
  /**
   * Facilitators knocking to be let into a confidential room. Its members see them all; a
   * facilitator outside sees only their own knock.
   */
  knocks: z.array(Id).optional(),
});
export type RoomView = z.infer<typeof RoomView>;

export const RoundView = z.object({
  id: Id,
  name: z.string(),
  strategy: z.string(),
  status: z.enum(['running', 'ended']),
  startedAt: z.number(),
  endsAt: z.number(),
  /** Seconds of grace after the end before everyone is back in plenary. */
  graceSeconds: z.number(),
  /** Set once the one-minute warning went out. */
  warnedAt: z.number().nullable(),
  rooms: z.record(z.string(), RoomView),
  endedAt: z.number().nullable(),
});
export type RoundView = z.infer<typeof RoundView>;

export const ConveningView = z.object({
  id: Id,
  title: z.string(),
  joinCode: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: z.number(),
  agreementSetId: AgreementSetId,
  agreements: z.array(Agreement),
  signalPolicy: SignalPolicy,
  /** The community it belongs to; a quick convening's is its own id. */
  communityId: Id,
  /** Channels people choose from (profile.channel is one of their ids). */
  channels: z.array(Channel),
  /** Agenda outline written when it was scheduled (may be empty). */
  outline: z.array(z.string()),
  participants: z.record(z.string(), ParticipantView),
  spotlight: SpotlightView.nullable(),
  reminders: z.object({ everyMinutes: z.number(), startIndex: z.number(), startedAt: z.number() }).nullable(),
  /** Signals this reader may follow: all of them for facilitators, their own for others. */
  signals: z.record(z.string(), SignalView),
  /** Calm room notices of other people's signals (most recent last, bounded). */
  notices: z.array(NoticeView),
  reminderRequests: z.record(z.string(), ReminderRequestView),
  /** Answer options of the private caucus question (editable by facilitators). */
  caucusOptions: z.array(z.string()),
  /**
   * Private self-identification, by participant. The full state holds everyone's;
   * a reader only ever receives their own entry.
   */
  affinity: z.record(z.string(), z.object({ answer: z.string().nullable(), keep: z.boolean() })),
  /** Rounds prepared ahead, started one click each. */
  agenda: z.array(RoundSpec),
  /** Latest message a facilitator sent to every room. */
  broadcast: z.object({ text: z.string(), at: z.number(), roundId: Id }).nullable(),
  /** Breakout rounds, the running one and those already ended (by round id). */
  rounds: z.record(z.string(), RoundView),
  activeRoundId: Id.nullable(),
  /** Speaking lines and silence (issue 11; see floor-view.ts). */
  floor: FloorView,
  /** The run of show: the planned items, now and next, and what actually happened. */
  show: ShowView,
  /** Pulse checks by id (answers and tallies as this reader may see them). */
  pulses: z.record(z.string(), PulseView),
  /** Sequence number of the last event folded in. */
  seq: z.number().int().nonnegative(),
});
export type ConveningView = z.infer<typeof ConveningView>;
