import { z } from 'zod';
import { Id, text, Translations } from './model.ts';

/**
 * Breakout rounds on the wire: strategies (mirroring the core assignment engine),
 * round specs, previews. Caucus rosters never appear in anything sent to someone
 * outside the caucus; see core/src/policy.ts.
 */

/** A channel's id: a short slug, stable across the community's convenings and documents. */
export const ChannelId = z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1 to 32 lowercase letters, digits or -');
export type ChannelId = z.infer<typeof ChannelId>;
export const Channel = z.strictObject({ id: ChannelId, name: text(40), translations: Translations(40).optional() });
export type Channel = z.infer<typeof Channel>;
/** The channels a community (or convening) offers: 1 to 8, each id once. */
export const ChannelList = z
  .array(Channel)
  .min(1)
  .max(8)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'each channel id must appear once');
export const DEFAULT_CHANNELS: readonly Channel[] = [
  { id: 'money', name: 'Money' },
  { id: 'narrative', name: 'Narrative' },
  { id: 'policy', name: 'Policy' },
];
/** The default channel ids (kept for code written before channels became per community). */
export const CHANNELS = ['money', 'narrative', 'policy'] as const;
export const DEFAULT_CAUCUS_OPTIONS = ['person of color', 'white'];
/** One item of a scheduled convening's agenda outline. */
export const OutlineItem = text(200);

const count = z.number().int().min(1).max(1000);
const roomSpec = z.union([
  z.strictObject({ by: z.literal('count'), rooms: count }),
  z.strictObject({ by: z.literal('size'), size: z.number().int().min(2).max(100) }),
]);
const unanswered = z.enum(['open-room', 'plenary']);
/** What to do with a room that would hold one person (see core/breakouts/alone.ts). */
export const AloneChoice = z.enum(['keep', 'merge', 'open-room', 'plenary']);
export type AloneChoice = z.infer<typeof AloneChoice>;
/** The facilitator's choice per room of one, by room key. */
const aloneChoices = z
  .record(z.string().max(80), AloneChoice)
  .refine((choices) => Object.keys(choices).length <= 100, 'at most 100 rooms of one')
  .optional();

export const StrategySpec = z.union([
  z.strictObject({ kind: z.literal('random'), spec: roomSpec }),
  z.strictObject({ kind: z.literal('mix'), spec: roomSpec, avoidSameTeam: z.boolean().optional() }),
  z.strictObject({
    kind: z.literal('byChoice'),
    field: z.enum(['channel', 'role']),
    maxRoomSize: z.number().int().min(2).max(500),
    unanswered: unanswered.optional(),
    alone: aloneChoices,
  }),
  z.strictObject({
    kind: z.literal('affinity'),
    maxRoomSize: z.number().int().min(2).max(500).optional(),
    undecided: unanswered,
    alone: aloneChoices,
  }),
  z.strictObject({
    kind: z.literal('cohorts'),
    teamsPerCohort: z.strictObject({ min: z.number().int().min(1).max(20), max: z.number().int().min(1).max(20) }).optional(),
    balance: z.enum(['mix', 'similar']).optional(),
  }),
  z.strictObject({
    kind: z.literal('selfSelect'),
    rooms: z.array(z.strictObject({ id: Id, name: text(60), cap: z.number().int().min(1).max(1000) })).min(1).max(200),
  }),
  z.strictObject({
    kind: z.literal('manual'),
    rooms: z.array(z.strictObject({ id: Id, name: text(60) })).min(1).max(500),
    placements: z.record(Id, Id),
  }),
]);
export type StrategySpec = z.infer<typeof StrategySpec>;

export const ConstraintsSpec = z.strictObject({
  keepTogether: z.array(z.array(Id).min(2).max(50)).max(100).optional(),
  keepApart: z.array(z.array(Id).min(2).max(50)).max(100).optional(),
  onePerRoom: z.literal('facilitators').nullable().optional(),
});
export type ConstraintsSpec = z.infer<typeof ConstraintsSpec>;

/**
 * What becomes of a confidential room's notes when its round closes: deleted, or kept for
 * its members only until the community's retention period. Chosen before the room opens
 * (or when it is marked live), and told to everyone in it.
 */
export const ConfidentialNotes = z.enum(['delete', 'keep']);
export type ConfidentialNotes = z.infer<typeof ConfidentialNotes>;
/**
 * Which rooms of a round are confidential: every room, every caucus room, or the rooms
 * named by key or name.
 */
export const ConfidentialSpec = z.strictObject({
  rooms: z.union([z.literal('all'), z.literal('caucuses'), z.array(z.string().max(80)).min(1).max(200)]),
  notes: ConfidentialNotes,
});
export type ConfidentialSpec = z.infer<typeof ConfidentialSpec>;

/** Everything needed to open a round; also what a prepared agenda holds. */
export const RoundSpec = z.strictObject({
  name: text(80),
  strategy: StrategySpec,
  constraints: ConstraintsSpec.optional(),
  durationSeconds: z.number().int().min(30).max(4 * 3600),
  graceSeconds: z.number().int().min(0).max(300).optional(),
  /** Video-call links by room key or name, so people can jump to the matching call. */
  videoUrls: z.record(z.string().max(80), z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(500)).optional(),
  /** Confidential rooms: see docs/breakouts.md, "Confidential rooms". */
  confidential: ConfidentialSpec.optional(),
});
export type RoundSpec = z.infer<typeof RoundSpec>;

/**
 * Which agenda item a preview or opening starts (0-based). Later mix rounds of the
 * agenda for the same people are then planned together with it.
 */
export const AgendaItem = z.number().int().min(0).max(19);

/** A facilitator's edit to a previewed plan: move one person to a room (or plenary). */
export const PlanMove = z.strictObject({ participantId: Id, toRoomKey: z.string().max(80).nullable() });
export type PlanMove = z.infer<typeof PlanMove>;

export const PreviewRoom = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(['breakout', 'caucus']),
  caucus: z.string().nullable(),
  /** Empty for caucus rooms: their rosters are for their members. */
  members: z.array(Id),
  size: z.number().int(),
});
/** A room that would hold one person, and what became of it. Never names anyone. */
export const AloneCase = z.object({
  room: z.string(),
  name: z.string(),
  kind: z.enum(['breakout', 'caucus']),
  /** The choices that fit this room; the first is what happens unless another is chosen. */
  options: z.array(AloneChoice),
  choice: AloneChoice,
  /** Where the person went: a room key, null for the main room; absent when kept. */
  to: z.string().nullable().optional(),
});
export type AloneCase = z.infer<typeof AloneCase>;
export const RoundPreview = z.object({
  seed: z.number().int(),
  rooms: z.array(PreviewRoom),
  /** Who stays in plenary; empty in caucus rounds, where it would hint at answers. */
  plenary: z.array(Id),
  plenarySize: z.number().int(),
  repeatPairs: z.number().int(),
  lines: z.array(z.string()),
  /** Rooms of one, each with the choices offered for it. */
  alone: z.array(AloneCase),
  /** Set when later agenda rounds were planned together with this one. */
  together: z
    .object({
      rounds: z.number().int(),
      /** Pairs who meet again, over all those rounds. */
      repeatPairs: z.number().int(),
      /** The same, had each round been planned on its own, one after the other. */
      roundByRoundRepeatPairs: z.number().int(),
      budgetMs: z.number().int(),
      /** How long planning took; null when the server did not measure it. */
      tookMs: z.number().int().nullable(),
    })
    .optional(),
});
export type RoundPreview = z.infer<typeof RoundPreview>;

/** What a participant tells about themselves (public to the convening). */
export const ProfileInput = z.strictObject({
  /** One of the convening's channel ids (checked against them when set). */
  channel: ChannelId.nullable().optional(),
  role: text(60).nullable().optional(),
  team: text(60).nullable().optional(),
  organisation: text(80).nullable().optional(),
  region: text(60).nullable().optional(),
  orgType: text(60).nullable().optional(),
});
export type ProfileInput = z.infer<typeof ProfileInput>;
