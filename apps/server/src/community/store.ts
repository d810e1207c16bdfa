import type Database from 'better-sqlite3';
import type { CommunityChannel, CommunityInfo, CommunitySummary, FacilitatorView } from '@brave/protocol';
import { mayRemoveFacilitator } from '@brave/core';
import { immediate } from '../store/sqlite.ts';
import type { CommunityFacts, DirectorySource } from './directory.ts';
import { json, parseJson } from './db.ts';
import type { MemberStore } from './members-store.ts';

type CommunityRow = {
  id: string;
  name: string;
  description: string;
  agreement_set_id: CommunityInfo['agreementSetId'];
  agreements: string;
  channels: string;
  caucus_options: string;
  retention_days: number | null;
  created_at: number;
};

const toInfo = (r: CommunityRow): CommunityInfo => ({
  id: r.id,
  name: r.name,
  description: r.description,
  agreementSetId: r.agreement_set_id,
  agreements: parseJson(r.agreements),
  channels: parseJson(r.channels),
  caucusOptions: parseJson(r.caucus_options),
  retentionDays: r.retention_days,
  createdAt: r.created_at,
});

/**
 * Communities, their facilitators and invite links (SQLite tables of the communities
 * migration). Synchronous: better-sqlite3 has committed when a call returns.
 */
export class CommunityStore implements DirectorySource {
  constructor(
    readonly db: Database.Database,
    private readonly members: MemberStore,
  ) {}

  /**
   * A new community with its creator as facilitator, or 'full' when the creator already
   * facilitates `maxPerAccount` communities: counted inside the write, so two simultaneous
   * requests cannot both pass.
   */
  create(info: CommunityInfo, creator: { accountId: string; name: string }, inviteCode: string, maxPerAccount: number): 'ok' | 'full' {
    return immediate(this.db, () => {
      if (this.facilitatedBy(creator.accountId) >= maxPerAccount) return 'full' as const;
      this.db
        .prepare(
          `INSERT INTO communities (id, name, description, agreement_set_id, agreements, channels, caucus_options, retention_days, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(info.id, info.name, info.description, info.agreementSetId, json(info.agreements), json(info.channels), json(info.caucusOptions), info.retentionDays, info.createdAt);
      this.db
        .prepare('INSERT INTO community_facilitators (community_id, account_id, name, since) VALUES (?, ?, ?, ?)')
        .run(info.id, creator.accountId, creator.name, info.createdAt);
      this.db.prepare('INSERT INTO member_invites (community_id, code, created_at) VALUES (?, ?, ?)').run(info.id, inviteCode, info.createdAt);
      return 'ok' as const;
    });
  }

  /** How many communities an account facilitates (created or joined as co-facilitator). */
  private facilitatedBy(accountId: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM community_facilitators WHERE account_id = ?').pluck().get(accountId) as number;
  }

  get(id: string): CommunityInfo | null {
    const row = this.db.prepare('SELECT * FROM communities WHERE id = ?').get(id) as CommunityRow | undefined;
    return row ? toInfo(row) : null;
  }

  /** Save new settings; channels that were dropped leave working groups and member profiles. */
  update(info: CommunityInfo, droppedChannels: string[] = []): void {
    immediate(this.db, () => {
      this.db
        .prepare(
          `UPDATE communities SET name = ?, description = ?, agreement_set_id = ?, agreements = ?, channels = ?, caucus_options = ?, retention_days = ?
           WHERE id = ?`,
        )
        .run(info.name, info.description, info.agreementSetId, json(info.agreements), json(info.channels), json(info.caucusOptions), info.retentionDays, info.id);
      for (const channel of droppedChannels) {
        this.db
          .prepare('DELETE FROM working_group_channels WHERE channel = ? AND group_id IN (SELECT id FROM working_groups WHERE community_id = ?)')
          .run(channel, info.id);
        this.db.prepare('UPDATE members SET channel = NULL WHERE community_id = ? AND channel = ?').run(info.id, channel);
      }
    });
  }

  /** Communities with a retention period (the sweeper's list). */
  withRetention(): { id: string; retentionDays: number }[] {
    return this.db.prepare('SELECT id, retention_days AS retentionDays FROM communities WHERE retention_days IS NOT NULL').all() as {
      id: string;
      retentionDays: number;
    }[];
  }

  /** The account's communities with their member count and next scheduled convening. */
  summariesOf(accountId: string, now: number): CommunitySummary[] {
    const rows = this.db
      .prepare(
        `SELECT c.id, c.name, c.description,
           (SELECT COUNT(*) FROM members m WHERE m.community_id = c.id AND m.former = 0) AS members
         FROM communities c JOIN community_facilitators f ON f.community_id = c.id
         WHERE f.account_id = ? ORDER BY c.created_at`,
      )
      .all(accountId) as { id: string; name: string; description: string; members: number }[];
    const next = this.db.prepare(
      `SELECT id, title, starts_at AS startsAt FROM scheduled_convenings
       WHERE community_id = ? AND ended_at IS NULL AND starts_at >= ? ORDER BY starts_at LIMIT 1`,
    );
    return rows.map((r) => ({ ...r, next: (next.get(r.id, now - 86_400_000) as CommunitySummary['next'] | undefined) ?? null }));
  }

  // ---------- facilitators ----------

  facilitators(communityId: string): FacilitatorView[] {
    return this.db
      .prepare('SELECT account_id AS accountId, name, since FROM community_facilitators WHERE community_id = ? ORDER BY since')
      .all(communityId) as FacilitatorView[];
  }

  isFacilitator(communityId: string, accountId: string): boolean {
    return this.db.prepare('SELECT 1 FROM community_facilitators WHERE community_id = ? AND account_id = ?').get(communityId, accountId) !== undefined;
  }

  /** Keep the shown name in step with the account's (it may have been changed). */
  refreshName(accountId: string, name: string): void {
    const stale = this.db.prepare('SELECT 1 FROM community_facilitators WHERE account_id = ? AND name != ?').get(accountId, name);
    if (stale) immediate(this.db, () => this.db.prepare('UPDATE community_facilitators SET name = ? WHERE account_id = ?').run(name, accountId));
  }

  /** Remove one facilitator unless they are the last; decided inside the write. */
  removeFacilitator(communityId: string, accountId: string): 'ok' | 'not-found' | 'last' {
    return immediate(this.db, () => {
      const outcome = mayRemoveFacilitator(this.facilitators(communityId).map((f) => f.accountId), accountId);
      if (outcome !== 'ok') return outcome;
      this.db.prepare('DELETE FROM community_facilitators WHERE community_id = ? AND account_id = ?').run(communityId, accountId);
      return 'ok';
    });
  }

  /**
   * A co-facilitator invite, or 'full' when `maxOpen` invites of the community are neither
   * used nor expired. Used and expired ones are dropped on the way (nothing reads them), so
   * the table stays bounded; a refusal changes nothing.
   */
  createFacilitatorInvite(row: { tokenHash: string; communityId: string; createdBy: string; createdAt: number; expiresAt: number }, maxOpen: number): 'ok' | 'full' {
    return immediate(this.db, () => {
      const open = this.db
        .prepare('SELECT COUNT(*) FROM facilitator_invites WHERE community_id = ? AND used_at IS NULL AND expires_at > ?')
        .pluck()
        .get(row.communityId, row.createdAt) as number;
      if (open >= maxOpen) return 'full' as const;
      this.db.prepare('DELETE FROM facilitator_invites WHERE community_id = ? AND (used_at IS NOT NULL OR expires_at <= ?)').run(row.communityId, row.createdAt);
      this.db
        .prepare('INSERT INTO facilitator_invites (token_hash, community_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(row.tokenHash, row.communityId, row.createdBy, row.createdAt, row.expiresAt);
      return 'ok' as const;
    });
  }

  /**
   * Use a co-facilitator invite once: the account joins the facilitators. 'full' (the invite
   * stays unused) when the account already facilitates `maxPerAccount` communities.
   */
  acceptFacilitatorInvite(tokenHash: string, communityId: string, account: { id: string; name: string }, now: number, maxPerAccount: number): 'ok' | 'invalid' | 'full' {
    return immediate(this.db, () => {
      const live = this.db
        .prepare('SELECT 1 FROM facilitator_invites WHERE token_hash = ? AND community_id = ? AND used_at IS NULL AND expires_at > ?')
        .get(tokenHash, communityId, now);
      if (!live) return 'invalid' as const;
      if (!this.isFacilitator(communityId, account.id) && this.facilitatedBy(account.id) >= maxPerAccount) return 'full' as const;
      this.db.prepare('UPDATE facilitator_invites SET used_at = ? WHERE token_hash = ?').run(now, tokenHash);
      this.db
        .prepare('INSERT OR IGNORE INTO community_facilitators (community_id, account_id, name, since) VALUES (?, ?, ?, ?)')
        .run(communityId, account.id, account.name, now);
      return 'ok' as const;
    });
  }

  // ---------- member invite ----------

  memberInviteCode(communityId: string): string | null {
    return (this.db.prepare('SELECT code FROM member_invites WHERE community_id = ?').pluck().get(communityId) as string | undefined) ?? null;
  }

  rotateMemberInvite(communityId: string, code: string, now: number): void {
    immediate(this.db, () =>
      this.db
        .prepare(
          `INSERT INTO member_invites (community_id, code, created_at) VALUES (?, ?, ?)
           ON CONFLICT(community_id) DO UPDATE SET code = excluded.code, created_at = excluded.created_at`,
        )
        .run(communityId, code, now),
    );
  }

  communityByInviteCode(code: string): CommunityInfo | null {
    const id = this.db.prepare('SELECT community_id FROM member_invites WHERE code = ?').pluck().get(code) as string | undefined;
    return id ? this.get(id) : null;
  }

  // ---------- the directory (documents ask these) ----------

  facts(communityId: string): CommunityFacts | null {
    const info = this.get(communityId);
    if (!info) return null;
    return {
      communityId,
      name: info.name,
      channels: info.channels.map((c: CommunityChannel) => ({ ...c })),
      facilitators: this.facilitators(communityId).map((f) => f.accountId),
      members: this.members.list(communityId).map((m) => ({ id: m.id, name: m.name })),
      workingGroups: this.members.groups(communityId),
    };
  }

  activeMember(communityId: string, memberId: string, version: number): { name: string } | null {
    return this.members.active(communityId, memberId, version);
  }

  nameOf(communityId: string, id: string): string | null {
    const member = this.members.anyName(communityId, id);
    if (member !== null) return member;
    return (this.db.prepare('SELECT name FROM community_facilitators WHERE community_id = ? AND account_id = ?').pluck().get(communityId, id) as string | undefined) ?? null;
  }
}
