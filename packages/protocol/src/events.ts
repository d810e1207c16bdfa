import { z } from 'zod';
import {
  Agreement,
  AgreementSetId,
  Id,
  Role,
  SignalKind,
  SignalPolicy,
  SignalReaders,
  SignalStatus,
  Visibility,
} from './model.ts';
import { Channel, ProfileInput, RoundSpec } from './breakouts.ts';
import { RoomView, RoundView } from './view.ts';
import { FLOOR_EVENTS } from './floor.ts';
import { SHOW_EVENTS } from './show.ts';

/**
 * Domain events: the append-only log of a convening. The server stores them in full;
 * each reader receives them as the access policy lets them see (some fields nulled,
 * or a signal turned into a room notice). Folding them in order gives the state.
 */
const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

export const ConveningCreated = ev('convening.created', {
  conveningId: Id,
  title: z.string(),
  joinCode: z.string(),
  agreementSetId: AgreementSetId,
  agreements: z.array(Agreement),
  signalPolicy: SignalPolicy,
  // Added with communities; logs written before have none of these (defaults in brackets).
  /** The community it belongs to [the convening's own id: a quick convening is its own]. */
  communityId: Id.optional(),
  /** Channels people choose from [DEFAULT_CHANNELS]. */
  channels: z.array(Channel).optional(),
  /** Answer options of the caucus question [DEFAULT_CAUCUS_OPTIONS]. */
  caucusOptions: z.array(z.string()).optional(),
  /** Agenda outline written when it was scheduled [none]. */
  outline: z.array(z.string()).optional(),
});
export const ConveningClosed = ev('convening.closed', {});
export const ParticipantJoined = ev('participant.joined', {
  participantId: Id,
  name: z.string(),
  pronouns: z.string().nullable(),
  role: Role,
});
export const ParticipantAffirmed = ev('participant.affirmed', {
  participantId: Id,
  /**
   * A late arrival placed in a caucus round's room (their caucus, or the open room) as
   * they affirm. Only that room's members and hosts receive it; everyone else gets the
   * affirmation alone, with nothing after it to tie it to a room.
   */
  joined: z.object({ roundId: Id, roomId: Id }).optional(),
});
/**
 * Someone let out by the server (they left the community, or stopped facilitating it):
 * gone from the people and every room roster; signals they raised stay.
 */
export const ParticipantRemoved = ev('participant.removed', { participantId: Id });
export const AgreementsSet = ev('agreements.set', {
  agreementSetId: AgreementSetId,
  agreements: z.array(Agreement),
});
export const SpotlightSet = ev('spotlight.set', {
  agreementId: Id,
  text: z.string(),
  source: z.enum(['facilitator', 'reminder']),
});
export const SpotlightCleared = ev('spotlight.cleared', {});
export const RemindersScheduled = ev('reminders.scheduled', {
  everyMinutes: z.number(),
  startIndex: z.number().int(),
});
export const RemindersStopped = ev('reminders.stopped', {});
export const ReminderRequested = ev('reminder.requested', {
  requestId: Id,
  agreementId: Id,
  /** null for readers who may not know who asked (the asker chose to stay anonymous). */
  by: Id.nullable(),
  anonymous: z.boolean(),
  note: z.string().nullable(),
});
export const ReminderResolved = ev('reminder.resolved', { requestId: Id });
export const SignalRaised = ev('signal.raised', {
  signalId: Id,
  kind: SignalKind,
  visibility: Visibility,
  /** Where it was raised: "plenary" or a breakout room id. */
  scope: z.string(),
  by: Id.nullable(),
  explanation: z.string().nullable(),
  /** When true, the words (now and added later) go to facilitators only; named signals too unless the sender chose the room. */
  privateExplanation: z.boolean(),
  readers: SignalReaders.optional(),
});
/** What the rest of the room receives instead of signal.raised: a calm notice. */
export const SignalNoticed = ev('signal.noticed', {
  signalId: Id,
  kind: SignalKind,
  scope: z.string(),
  by: Id.nullable(),
  explanation: z.string().nullable(),
});
export const SignalExplained = ev('signal.explained', {
  signalId: Id,
  /** null only once retention has removed the words (see core retention.ts). */
  explanation: z.string().nullable(),
});
export const SignalTriaged = ev('signal.triaged', {
  signalId: Id,
  status: SignalStatus,
  note: z.string().nullable(),
  by: Id,
});

export const ProfileSet = ev('participant.profiled', { participantId: Id, profile: ProfileInput });
/** Private: delivered to its owner only, kept from everyone else, scrubbed at close unless kept. */
export const AffinityAnswered = ev('affinity.answered', { participantId: Id, answer: z.string().nullable(), keep: z.boolean() });
export const CaucusOptionsSet = ev('caucus.options.set', { options: z.array(z.string()) });
export const AgendaSet = ev('agenda.set', { agenda: z.array(RoundSpec) });
export const RoundOpened = ev('round.opened', { round: RoundView });
/** A room changed (someone moved, help asked/answered, hosts chosen). */
export const RoomUpdated = ev('room.updated', { roundId: Id, room: RoomView });
export const RoundRetimed = ev('round.retimed', { roundId: Id, endsAt: z.number() });
export const RoundWarned = ev('round.warned', { roundId: Id });
export const RoundEnded = ev('round.ended', { roundId: Id });
export const RoundBroadcast = ev('round.broadcast', { roundId: Id, text: z.string() });

export const DomainEvent = z.discriminatedUnion('type', [
  ProfileSet,
  AffinityAnswered,
  CaucusOptionsSet,
  AgendaSet,
  RoundOpened,
  RoomUpdated,
  RoundRetimed,
  RoundWarned,
  RoundEnded,
  RoundBroadcast,
  ConveningCreated,
  ConveningClosed,
  ParticipantJoined,
  ParticipantAffirmed,
  ParticipantRemoved,
  AgreementsSet,
  SpotlightSet,
  SpotlightCleared,
  RemindersScheduled,
  RemindersStopped,
  ReminderRequested,
  ReminderResolved,
  SignalRaised,
  SignalNoticed,
  SignalExplained,
  SignalTriaged,
  ...FLOOR_EVENTS,
  ...SHOW_EVENTS,
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type EventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/**
 * One entry of the log as sent: sequence number and time. Who acted is never on the
 * envelope (that would unmask anonymous signals); events that need it carry `by`.
 */
export const LoggedEvent = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  event: DomainEvent,
});
export type LoggedEvent = z.infer<typeof LoggedEvent>;
