import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { AgendaItem, ConfidentialNotes, PlanMove, ProfileInput, RoundSpec } from './breakouts.ts';
import { FLOOR_COMMANDS } from './floor.ts';
import { SHOW_COMMANDS } from './show.ts';
import { ExplanationAudience, Id, SignalKind, SignalStatus, Visibility, text, AgreementSetId, Translations } from './model.ts';

/**
 * Everything a client can ask the server to do, as one discriminated union. Each is
 * sent as the `command` socket event with an idempotency key and answered by an ack.
 */
const cmd = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

export const AgreementInput = z.strictObject({ id: Id.optional(), text: text(LIMITS.agreementTextMax), translations: Translations(LIMITS.agreementTextMax).optional() });
export type AgreementInput = z.infer<typeof AgreementInput>;

export const Command = z.discriminatedUnion('type', [
  cmd('agreements.affirm', {}),
  cmd('agreements.set', {
    agreementSetId: AgreementSetId.optional(),
    agreements: z.array(AgreementInput).min(1).max(LIMITS.agreementsMax),
  }),
  cmd('spotlight.set', { agreementId: Id }),
  cmd('spotlight.clear', {}),
  cmd('reminders.schedule', {
    everyMinutes: z.number().min(LIMITS.reminderMinutesMin).max(LIMITS.reminderMinutesMax),
  }),
  cmd('reminders.stop', {}),
  cmd('reminder.request', {
    agreementId: Id,
    note: text(LIMITS.noteMax).optional(),
    anonymous: z.boolean().optional(),
  }),
  cmd('reminder.resolve', { requestId: Id }),
  cmd('signal.raise', {
    kind: SignalKind,
    visibility: Visibility.optional(),
    explanation: text(LIMITS.explanationMax).optional(),
    /** Who reads the words, now and added later; left out: the facilitators only. */
    explanationFor: ExplanationAudience.optional(),
  }),
  cmd('signal.explain', { signalId: Id, explanation: text(LIMITS.explanationMax) }),
  cmd('signal.triage', {
    signalId: Id,
    status: SignalStatus.exclude(['raised']),
    note: text(LIMITS.noteMax).optional(),
  }),
  cmd('convening.close', {}),
  // Breakouts (issue 3)
  cmd('profile.set', { profile: ProfileInput }),
  cmd('affinity.answer', { answer: z.string().trim().min(1).max(60).nullable(), keep: z.boolean().optional() }),
  cmd('caucus.options.set', { options: z.array(text(60)).min(1).max(12) }),
  cmd('agenda.set', { agenda: z.array(RoundSpec).max(20) }),
  cmd('round.preview', { spec: RoundSpec, seed: z.number().int().min(0).max(2 ** 31).optional(), moves: z.array(PlanMove).max(2000).optional(), agendaItem: AgendaItem.optional() }),
  cmd('round.open', { spec: RoundSpec, seed: z.number().int().min(0).max(2 ** 31), moves: z.array(PlanMove).max(2000).optional(), agendaItem: AgendaItem.optional() }),
  cmd('round.extend', { seconds: z.number().int().min(-3600).max(3600) }),
  cmd('round.close', {}),
  cmd('round.broadcast', { text: text(LIMITS.noteMax) }),
  cmd('room.move', { participantId: Id, toRoomId: Id.nullable() }),
  cmd('room.help', {}),
  /** In a self-select round: go to a room of your choice (while it has space). */
  cmd('room.join', { roomId: Id }),
  cmd('room.help.answer', { roomId: Id }),
  /** A caucus member invites a facilitator in (or out) of their caucus. */
  cmd('room.hosts.set', { roomId: Id, hostIds: z.array(Id).max(10) }),
  /** A facilitator marks a running room confidential (it stays so until the round closes). */
  cmd('room.confidential.set', { roomId: Id, notes: ConfidentialNotes }),
  /** A facilitator outside a confidential room asks to be let in. */
  cmd('room.knock', { roomId: Id }),
  /** A member of a confidential room lets a knocking facilitator in, or declines. */
  cmd('room.knock.answer', { roomId: Id, facilitatorId: Id, letIn: z.boolean() }),
  ...FLOOR_COMMANDS,
  ...SHOW_COMMANDS,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** The envelope of the `command` event: the key makes retries safe. */
export const CommandEnvelope = z.strictObject({
  key: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  command: Command,
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;
