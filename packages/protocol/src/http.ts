import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { Agreement, AgreementSetId, Id, JoinCode, Role, Visibility, text } from './model.ts';
import { AgreementInput } from './commands.ts';

/** Bodies and answers of the JSON API. See docs/api.md. */
export const CreateConveningBody = z.strictObject({
  title: text(LIMITS.titleMax),
  agreementSetId: AgreementSetId.optional(),
  agreements: z.array(AgreementInput).min(1).max(LIMITS.agreementsMax).optional(),
  /** Which visibilities participants may choose, and the pre-selected one. */
  signalVisibility: z
    .strictObject({ allowed: z.array(Visibility).min(1).max(3).optional(), default: Visibility.optional() })
    .optional(),
  hostName: text(LIMITS.nameMax).optional(),
});
export type CreateConveningBody = z.infer<typeof CreateConveningBody>;

export const CreateConveningResult = z.object({
  id: Id,
  joinCode: z.string(),
  facilitatorToken: z.string(),
  /** Code that lets co-facilitators join with facilitator rights. */
  cohostCode: z.string(),
  hostUrl: z.string(),
  joinUrl: z.string(),
});
export type CreateConveningResult = z.infer<typeof CreateConveningResult>;

export const JoinBody = z.strictObject({
  joinCode: JoinCode,
  name: text(LIMITS.nameMax),
  pronouns: text(LIMITS.pronounsMax).optional(),
  /** Present only for co-facilitators, from the host's invite link. */
  cohostCode: z.string().max(64).optional(),
});
export type JoinBody = z.infer<typeof JoinBody>;

export const JoinResult = z.object({ conveningId: Id, participantId: Id, token: z.string(), role: Role });
export type JoinResult = z.infer<typeof JoinResult>;

export const HealthResult = z.object({
  ok: z.literal(true),
  protocolVersion: z.number(),
  store: z.string(),
  /** Several processes only: whether this one reaches Redis (without it, only its own sockets hear it). */
  redis: z.enum(['connected', 'disconnected']).optional(),
});
export type HealthResult = z.infer<typeof HealthResult>;

export const AgreementSetInfo = z.object({
  id: AgreementSetId,
  title: z.string(),
  summary: z.string(),
  agreements: z.array(Agreement),
});
export type AgreementSetInfo = z.infer<typeof AgreementSetInfo>;

export const JoinInfo = z.object({ conveningId: Id, title: z.string(), status: z.enum(['open', 'closed']) });
export type JoinInfo = z.infer<typeof JoinInfo>;

export const InviteResult = z.object({ joinCode: z.string(), cohostCode: z.string(), joinUrl: z.string(), cohostUrl: z.string() });
export type InviteResult = z.infer<typeof InviteResult>;
