import type { Generated } from 'kysely';

/**
 * Row types of the community tables (migrations 0004_communities and 0005: claim codes) as
 * both engines return them; part of the Kysely Schema (store/schema.ts). Read and written
 * by community/*-store.ts and community/docs.ts only. JSON columns are text.
 */
export interface CommunityTables {
  communities: {
    id: string;
    name: string;
    description: string;
    agreement_set_id: string;
    agreements: string;
    channels: string;
    caucus_options: string;
    retention_days: number | null;
    created_at: number;
  };
  community_facilitators: { community_id: string; account_id: string; name: string; since: number };
  facilitator_invites: { token_hash: string; community_id: string; created_by: string; created_at: number; expires_at: number; used_at: number | null };
  member_invites: { community_id: string; code: string; created_at: number };
  members: {
    id: string;
    community_id: string;
    name: string;
    pronouns: string | null;
    channel: string | null;
    role: string | null;
    team: string | null;
    organisation: string | null;
    region: string | null;
    credential_version: Generated<number>;
    kept_answer: string | null;
    former: Generated<number>;
    joined_at: number;
    left_at: number | null;
    claim_hash: string | null;
    claim_expires_at: number | null;
  };
  working_groups: { id: string; community_id: string; name: string; created_at: number };
  working_group_members: { group_id: string; member_id: string };
  working_group_channels: { group_id: string; channel: string };
  scheduled_convenings: {
    id: string;
    community_id: string;
    title: string;
    starts_at: number;
    duration_minutes: number;
    outline: string;
    rounds: string;
    /** A ShowPlan as JSON, or null (migration 0008). */
    show: string | null;
    sequence: Generated<number>;
    updated_at: number;
    convening_id: string | null;
    started_at: number | null;
    ended_at: number | null;
    swept_at: number | null;
  };
  /** Each community's run-of-show template (migration 0008). */
  show_templates: { community_id: string; plan: string; saved_at: number };
  community_meetings: { community_id: string; convening_id: string; members: string; at: number };
}
