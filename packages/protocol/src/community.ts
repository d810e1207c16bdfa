import { z } from 'zod';
import { RoundSpec } from './breakouts.ts';
import { AgreementInput } from './commands.ts';
import { DocName } from './docs.ts';
import { HubPostView, HubReplyView } from './hub.ts';
import { LIMITS } from './limits.ts';
import { Agreement, AgreementSetId, Id, Translations, text } from './model.ts';
import { LanguageCode } from './language.ts';
import { ShowPlan } from './show.ts';

/**
 * Communities that last (issue 6): a network's space across many convenings. Routes are
 * under /api/communities (docs/api.md, docs/communities.md). Facilitators call them with
 * their account session (cookie + X-CSRF-Token); members with their member credential
 * (`Authorization: Bearer m1.…`), which they get from an invite link without an account.
 */

const Slug = z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be 1 to 32 lowercase letters, digits or -');

/** A channel of the community (a community of practice such as Money, Narrative, Policy). */
export const CommunityChannel = z.strictObject({ id: Slug, name: text(40), translations: Translations(40).optional() });
export type CommunityChannel = z.infer<typeof CommunityChannel>;

const channelList = z
  .array(CommunityChannel)
  .min(1)
  .max(8)
  .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'must not repeat a channel id');

/** Days after a convening ends until signal details and room rosters are deleted; null keeps them. */
export const RetentionDays = z.number().int().min(1).max(3650).nullable();
export type RetentionDays = z.infer<typeof RetentionDays>;

const description = z.string().trim().max(2_000);
const caucusOptions = z.array(text(60)).max(12);

export const CommunitySettings = z.strictObject({
  name: text(LIMITS.titleMax),
  description: description.default(''),
  /** A library set; 'custom' with `agreements` for the community's own words. */
  agreementSetId: AgreementSetId.default('touchstones'),
  agreements: z.array(AgreementInput).min(1).max(LIMITS.agreementsMax).optional(),
  channels: channelList,
  caucusOptions: caucusOptions.optional(),
  retentionDays: RetentionDays.default(90),
});
export type CommunitySettings = z.infer<typeof CommunitySettings>;

/** POST /api/communities */
export const CreateCommunityBody = CommunitySettings;
export type CreateCommunityBody = z.input<typeof CreateCommunityBody>;

/** PATCH /api/communities/:id (any subset; channels cannot lose a channel whose draft has words). */
export const UpdateCommunityBody = z.strictObject({
  name: text(LIMITS.titleMax).optional(),
  description: description.optional(),
  agreementSetId: AgreementSetId.optional(),
  agreements: z.array(AgreementInput).min(1).max(LIMITS.agreementsMax).optional(),
  channels: channelList.optional(),
  caucusOptions: caucusOptions.optional(),
  retentionDays: RetentionDays.optional(),
});
export type UpdateCommunityBody = z.infer<typeof UpdateCommunityBody>;

export const CommunityInfo = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  agreementSetId: AgreementSetId,
  agreements: z.array(Agreement),
  channels: z.array(CommunityChannel),
  caucusOptions: z.array(z.string()),
  retentionDays: RetentionDays,
  createdAt: z.number(),
});
export type CommunityInfo = z.infer<typeof CommunityInfo>;

/** GET /api/communities: the signed-in facilitator's communities. */
export const CommunitySummary = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  members: z.number().int(),
  next: z.object({ id: Id, title: z.string(), startsAt: z.number() }).nullable(),
});
export type CommunitySummary = z.infer<typeof CommunitySummary>;
export const CommunitiesResult = z.object({ communities: z.array(CommunitySummary) });
export type CommunitiesResult = z.infer<typeof CommunitiesResult>;

/** What a member tells the community about themselves; carried into every convening. */
export const MemberProfile = z.strictObject({
  name: text(LIMITS.nameMax),
  pronouns: text(LIMITS.pronounsMax).nullable().optional(),
  channel: Slug.nullable().optional(),
  role: text(60).nullable().optional(),
  team: text(60).nullable().optional(),
  organisation: text(80).nullable().optional(),
  region: text(60).nullable().optional(),
  /** The language this member reads: the app opens in it and their mail is written in it. */
  language: LanguageCode.nullable().optional(),
});
export type MemberProfile = z.infer<typeof MemberProfile>;

export const MemberView = z.object({
  id: Id,
  name: z.string(),
  pronouns: z.string().nullable(),
  channel: z.string().nullable(),
  team: z.string().nullable(),
  organisation: z.string().nullable(),
  /** Facilitators only (null for other members). */
  role: z.string().nullable(),
  region: z.string().nullable(),
  /** Their own and facilitators' view only (null for other members). */
  language: LanguageCode.nullable(),
  joinedAt: z.number(),
});
export type MemberView = z.infer<typeof MemberView>;

export const FacilitatorView = z.object({ accountId: Id, name: z.string(), since: z.number() });
export type FacilitatorView = z.infer<typeof FacilitatorView>;

/** Named set of members with edit rights on the toolkit drafts of chosen channels. */
export const WorkingGroupBody = z.strictObject({
  name: text(80),
  channels: z.array(Slug).max(8),
  members: z.array(Id).max(500),
});
export type WorkingGroupBody = z.infer<typeof WorkingGroupBody>;
export const WorkingGroupView = z.object({ id: Id, name: z.string(), channels: z.array(z.string()), members: z.array(Id) });
export type WorkingGroupView = z.infer<typeof WorkingGroupView>;

/** POST /api/communities/:id/convenings: a convening planned ahead. */
export const ScheduleBody = z.strictObject({
  title: text(LIMITS.titleMax),
  /** Epoch milliseconds. */
  startsAt: z.number().int().min(0),
  durationMinutes: z.number().int().min(5).max(24 * 60),
  outline: z.array(text(200)).max(30).default([]),
  /** Breakout rounds planned ahead; they become the live convening's agenda. */
  rounds: z.array(RoundSpec).max(20).default([]),
  /** The run of show planned ahead; it becomes the live convening's plan. */
  show: ShowPlan.nullable().default(null),
});
export type ScheduleBody = z.input<typeof ScheduleBody>;
export const UpdateScheduleBody = z.strictObject({
  title: text(LIMITS.titleMax).optional(),
  startsAt: z.number().int().min(0).optional(),
  durationMinutes: z.number().int().min(5).max(24 * 60).optional(),
  outline: z.array(text(200)).max(30).optional(),
  rounds: z.array(RoundSpec).max(20).optional(),
  show: ShowPlan.nullable().optional(),
});
export type UpdateScheduleBody = z.infer<typeof UpdateScheduleBody>;

export const ScheduledStatus = z.enum(['scheduled', 'live', 'ended']);
export const ScheduledConvening = z.object({
  id: Id,
  title: z.string(),
  startsAt: z.number(),
  durationMinutes: z.number().int(),
  outline: z.array(z.string()),
  rounds: z.array(RoundSpec),
  show: ShowPlan.nullable(),
  status: ScheduledStatus,
  /** The live convening, once a facilitator started it. */
  conveningId: Id.nullable(),
});
export type ScheduledConvening = z.infer<typeof ScheduledConvening>;

/** One toolkit draft on the home page: its document and who is working on it. */
export const ToolkitDraft = z.object({
  channel: CommunityChannel,
  doc: DocName,
  workingGroups: z.array(z.object({ id: Id, name: z.string() })),
  editors: z.array(z.object({ id: Id, name: z.string() })),
  publication: z.object({ url: z.string(), label: z.string(), publishedAt: z.number() }).nullable(),
});
export type ToolkitDraft = z.infer<typeof ToolkitDraft>;

export const CommunityViewer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('facilitator'), accountId: Id, name: z.string() }),
  z.object({ kind: z.literal('member'), memberId: Id, name: z.string(), canEdit: z.array(z.string()) }),
]);
export type CommunityViewer = z.infer<typeof CommunityViewer>;

/** GET /api/communities/:id: the community home page, as this viewer may see it. */
export const CommunityHome = z.object({
  community: CommunityInfo,
  viewer: CommunityViewer,
  facilitators: z.array(FacilitatorView),
  members: z.array(MemberView),
  workingGroups: z.array(WorkingGroupView),
  upcoming: z.array(ScheduledConvening),
  past: z.array(ScheduledConvening),
  toolkit: z.array(ToolkitDraft),
});
export type CommunityHome = z.infer<typeof CommunityHome>;

/** GET /api/invites/:code: what an invite link shows before someone joins. */
export const InviteInfo = z.object({
  communityId: Id,
  name: z.string(),
  description: z.string(),
  channels: z.array(CommunityChannel),
  agreements: z.array(Agreement),
});
export type InviteInfo = z.infer<typeof InviteInfo>;

/** The code of a member invite link (`…/c/<id>/join#code=…`), as GET /api/invites/:code takes it. */
export const InviteCode = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'is not an invite code');
export type InviteCode = z.infer<typeof InviteCode>;

/** POST /api/communities/:id/facilitators: accept a co-facilitator invite (single use, 7 days). */
export const AcceptFacilitatorBody = z.strictObject({ code: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, 'is not an invite code') });
export type AcceptFacilitatorBody = z.infer<typeof AcceptFacilitatorBody>;

/** POST /api/communities/:id/members: join through the community's invite link. */
export const MemberJoinBody = z.strictObject({ code: z.string().min(8).max(64) }).extend(MemberProfile.shape);
export type MemberJoinBody = z.infer<typeof MemberJoinBody>;
export const MemberCredential = z.object({ communityId: Id, memberId: Id, token: z.string() });
export type MemberCredential = z.infer<typeof MemberCredential>;

/**
 * POST /api/communities/:id/members/claim: redeem the one-time code of a re-issued member
 * link (`…/c/<id>/welcome#claim=…`, 7 days) for a fresh member credential.
 */
export const ClaimBody = z.strictObject({ code: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, 'is not a claim code') });
export type ClaimBody = z.infer<typeof ClaimBody>;

/** Links a facilitator hands over: member invite, co-facilitator invite, re-issued credential. */
export const LinkResult = z.object({ url: z.string(), expiresAt: z.number().nullable() });
export type LinkResult = z.infer<typeof LinkResult>;

/** POST /api/communities/:id/convenings/:sid/{start,host,join}: a credential for the live convening. */
export const ConveningEntry = z.object({
  conveningId: Id,
  participantId: Id,
  token: z.string(),
  role: z.enum(['facilitator', 'participant']),
  /** Where the web app continues: /host/<id> or /c/<id>. */
  path: z.string(),
});
export type ConveningEntry = z.infer<typeof ConveningEntry>;

/** GET /api/communities/:id/me: everything the community holds about this member. */
export const MyData = z.object({
  member: MemberView,
  workingGroups: z.array(z.object({ id: Id, name: z.string(), channels: z.array(z.string()) })),
  /** The caucus answer they chose to keep for later convenings, if any. */
  keptCaucusAnswer: z.string().nullable(),
  convenings: z.array(
    z.object({
      id: Id,
      title: z.string(),
      startedAt: z.number(),
      rooms: z.array(z.object({ round: z.string(), room: z.string(), kind: z.enum(['breakout', 'caucus']) })),
      signals: z.array(z.object({ kind: z.enum(['ouch', 'whoops']), at: z.number(), visibility: z.string(), explanation: z.string().nullable() })),
    }),
  ),
  metWith: z.number().int(),
  /** What they wrote in the hub: their posts (group-private ones included) and replies. */
  hub: z.object({
    posts: z.array(z.object({ id: Id, title: z.string(), body: z.string(), createdAt: z.number(), hidden: z.boolean() })),
    replies: z.array(z.object({ id: Id, postId: Id, postTitle: z.string(), body: z.string(), createdAt: z.number(), hidden: z.boolean() })),
  }),
});
export type MyData = z.infer<typeof MyData>;

/** DELETE /api/communities/:id/me (and a facilitator's DELETE …/members/:memberId). */
export const LeaveBody = z.strictObject({
  /** Replace their name by "Former member" in past convenings and document versions. */
  replaceName: z.boolean().default(false),
});
export type LeaveBody = z.input<typeof LeaveBody>;

/** DELETE /api/communities/:id: the facilitator types the name to confirm. */
export const DeleteCommunityBody = z.strictObject({ confirmName: z.string().max(LIMITS.titleMax) });
export type DeleteCommunityBody = z.infer<typeof DeleteCommunityBody>;

/**
 * GET /api/communities/:id/export: the community as JSON. Rooms carry rosters for
 * breakout rooms only; caucus rooms carry their name and size, never who was in them,
 * and no one's caucus answer appears anywhere.
 */
export const CommunityExport = z.object({
  format: z.literal('brave-space.community.v1'),
  exportedAt: z.number(),
  community: CommunityInfo,
  facilitators: z.array(FacilitatorView),
  members: z.array(MemberView),
  workingGroups: z.array(WorkingGroupView),
  convenings: z.array(
    z.object({
      id: Id,
      title: z.string(),
      startsAt: z.number(),
      status: ScheduledStatus,
      outline: z.array(z.string()),
      agreements: z.array(Agreement),
      rounds: z.array(
        z.object({
          name: z.string(),
          rooms: z.array(z.object({ name: z.string(), kind: z.enum(['breakout', 'caucus']), size: z.number().int(), members: z.array(z.string()).optional() })),
        }),
      ),
      signals: z.array(z.object({ kind: z.enum(['ouch', 'whoops']), at: z.number(), status: z.string() })),
    }),
  ),
  documents: z.array(z.object({ name: DocName, title: z.string(), markdown: z.string() })),
  /** The hub's threads as the exporting facilitator reads them (hidden ones marked). */
  hub: z.array(z.object({ post: HubPostView.omit({ mine: true }), replies: z.array(HubReplyView.omit({ mine: true })) })),
});
export type CommunityExport = z.infer<typeof CommunityExport>;
