import { z } from 'zod';
import { LIMITS } from './limits.ts';

/** Trimmed, non-empty text without control characters, at most `max` characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
export type Id = z.infer<typeof Id>;

export const JoinCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, 'must be 4 to 12 letters or digits'));

export const Role = z.enum(['facilitator', 'cofacilitator', 'participant', 'observer']);
export type Role = z.infer<typeof Role>;

/**
 * A community's own words in other languages than the one they were written in
 * (docs/languages.md): readers see their language where one is given, the original otherwise.
 */
export const Translations = (max: number) => z.strictObject({ es: text(max).optional() });
export type Translations = { es?: string | undefined };

export const Agreement = z.object({ id: Id, text: text(LIMITS.agreementTextMax), translations: Translations(LIMITS.agreementTextMax).optional() });
export type Agreement = z.infer<typeof Agreement>;

export const AgreementSetId = z.enum(['touchstones', 'race-dialogue', 'solidarity', 'network', 'custom']);
export type AgreementSetId = z.infer<typeof AgreementSetId>;

export const SignalKind = z.enum(['ouch', 'whoops']);
export type SignalKind = z.infer<typeof SignalKind>;

/**
 * named: the room sees who. anonymous_to_room: the room does not, facilitators do.
 * anonymous: nobody but the sender ever learns who.
 */
export const Visibility = z.enum(['named', 'anonymous_to_room', 'anonymous']);
export type Visibility = z.infer<typeof Visibility>;

/**
 * Who reads the words sent with a signal, or added to it later. Anonymous signals'
 * words always go to the facilitators only; a named signal's words go to the room only
 * when its sender says so. Left out, it is the facilitators.
 */
export const ExplanationAudience = z.enum(['facilitators', 'room']);
export type ExplanationAudience = z.infer<typeof ExplanationAudience>;

export const SignalStatus = z.enum(['raised', 'acknowledged', 'addressed', 'parked']);
export type SignalStatus = z.infer<typeof SignalStatus>;

/**
 * Who may read a signal raised in a breakout room, fixed when it is raised: the room's
 * members then, and its hosts then (null: every facilitator). Kept in the log so live
 * delivery, replays and snapshots agree however people move later. Never sent to clients.
 */
export const SignalReaders = z.object({ members: z.array(Id), hosts: z.array(Id).nullable() });
export type SignalReaders = z.infer<typeof SignalReaders>;

export const SignalPolicy = z
  .object({
    allowed: z.array(Visibility).min(1).max(3),
    default: Visibility,
  })
  .refine((p) => p.allowed.includes(p.default), { message: 'default must be one of allowed', path: ['default'] });
export type SignalPolicy = z.infer<typeof SignalPolicy>;

export const DEFAULT_SIGNAL_POLICY: SignalPolicy = {
  allowed: ['named', 'anonymous_to_room', 'anonymous'],
  default: 'anonymous_to_room',
};
