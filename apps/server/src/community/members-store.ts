import type Database from 'better-sqlite3';
import type { MemberProfile, MemberView, WorkingGroupView } from '@brave/protocol';
import { FORMER_MEMBERS_FACTOR } from '../config.ts';
import { immediate } from '../store/sqlite.ts';
import { inList } from './db.ts';

export const FORMER_MEMBER_NAME = 'Former member';

type MemberRow = {
  id: string;
  name: string;
  pronouns: string | null;
  channel: string | null;
  role: string | null;
  team: string | null;
  organisation: string | null;
  region: string | null;
  joined_at: number;
};

const PROFILE_FIELDS = ['name', 'pronouns', 'channel', 'role', 'team', 'organisation', 'region'] as const;

const toView = (r: MemberRow): MemberView => ({
  id: r.id,
  name: r.name,
  pronouns: r.pronouns,
  channel: r.channel,
  team: r.team,
  organisation: r.organisation,
  role: r.role,
  region: r.region,
  joinedAt: r.joined_at,
});

/** Members of communities and their working groups. */
export class MemberStore {
  constructor(readonly db: Database.Database) {}

  /**
   * A new member, or 'full' when the community has `max` current members, or 'history-full'
   * when FORMER_MEMBERS_FACTOR × `max` people have ever joined (people who left keep a row).
   * Counted inside the write, so simultaneous joins cannot pass the limit together.
   */
  add(communityId: string, id: string, profile: MemberProfile, now: number, max: number): MemberView | 'full' | 'history-full' {
    const outcome = immediate(this.db, () => {
      const counts = this.db
        .prepare('SELECT COUNT(*) AS everyone, COALESCE(SUM(former = 0), 0) AS current FROM members WHERE community_id = ?')
        .get(communityId) as { everyone: number; current: number };
      if (counts.current >= max) return 'full' as const;
      if (counts.everyone >= max * FORMER_MEMBERS_FACTOR) return 'history-full' as const;
      this.db
        .prepare(
          `INSERT INTO members (id, community_id, name, pronouns, channel, role, team, organisation, region, joined_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, communityId, profile.name, profile.pronouns ?? null, profile.channel ?? null, profile.role ?? null, profile.team ?? null, profile.organisation ?? null, profile.region ?? null, now);
      return 'ok' as const;
    });
    return outcome === 'ok' ? this.get(communityId, id)! : outcome;
  }

  /** Current members, in the order they joined. */
  list(communityId: string): MemberView[] {
    return (this.db.prepare('SELECT * FROM members WHERE community_id = ? AND former = 0 ORDER BY joined_at, id').all(communityId) as MemberRow[]).map(toView);
  }

  /** A current member (null once they left). */
  get(communityId: string, memberId: string): MemberView | null {
    const row = this.db.prepare('SELECT * FROM members WHERE community_id = ? AND id = ? AND former = 0').get(communityId, memberId) as MemberRow | undefined;
    return row ? toView(row) : null;
  }

  active(communityId: string, memberId: string, version: number): { name: string } | null {
    return (
      (this.db
        .prepare('SELECT name FROM members WHERE community_id = ? AND id = ? AND former = 0 AND credential_version = ?')
        .get(communityId, memberId, version) as { name: string } | undefined) ?? null
    );
  }

  /** Their name, also for people who left (as they chose to leave it). */
  anyName(communityId: string, memberId: string): string | null {
    return (this.db.prepare('SELECT name FROM members WHERE community_id = ? AND id = ?').pluck().get(communityId, memberId) as string | undefined) ?? null;
  }

  /** Did this person belong to the community and leave (or get removed)? */
  isFormer(communityId: string, memberId: string): boolean {
    return this.db.prepare('SELECT 1 FROM members WHERE community_id = ? AND id = ? AND former = 1').get(communityId, memberId) !== undefined;
  }

  version(communityId: string, memberId: string): number | null {
    return (this.db.prepare('SELECT credential_version FROM members WHERE community_id = ? AND id = ? AND former = 0').pluck().get(communityId, memberId) as number | undefined) ?? null;
  }

  /** A new credential version: every earlier credential of this member stops working. */
  bumpVersion(communityId: string, memberId: string): number | null {
    return immediate(this.db, () => {
      const done = this.db.prepare('UPDATE members SET credential_version = credential_version + 1 WHERE community_id = ? AND id = ? AND former = 0').run(communityId, memberId);
      return done.changes === 1 ? this.version(communityId, memberId) : null;
    });
  }

  /**
   * Keep the SHA-256 of a re-issued link's one-time code (replacing any earlier one): the
   * link hands over nothing itself, so a facilitator who saw it cannot quietly be the member.
   */
  setClaim(communityId: string, memberId: string, codeHash: string, expiresAt: number): void {
    immediate(this.db, () =>
      this.db.prepare('UPDATE members SET claim_hash = ?, claim_expires_at = ? WHERE community_id = ? AND id = ? AND former = 0').run(codeHash, expiresAt, communityId, memberId),
    );
  }

  /**
   * Burn a claim code: the member and credential version it opens, or null when it is
   * unknown, used, replaced or expired. One write, so two claims of one code cannot both win.
   */
  claim(communityId: string, codeHash: string, now: number): { memberId: string; version: number } | null {
    return immediate(this.db, () => {
      const row = this.db
        .prepare('SELECT id, credential_version AS v FROM members WHERE community_id = ? AND claim_hash = ? AND former = 0 AND claim_expires_at > ?')
        .get(communityId, codeHash, now) as { id: string; v: number } | undefined;
      if (!row) return null;
      this.db.prepare('UPDATE members SET claim_hash = NULL, claim_expires_at = NULL WHERE id = ?').run(row.id);
      return { memberId: row.id, version: row.v };
    });
  }

  updateProfile(communityId: string, memberId: string, patch: Partial<MemberProfile>): MemberView | null {
    const fields = PROFILE_FIELDS.filter((f) => patch[f] !== undefined);
    if (fields.length > 0) {
      const sets = fields.map((f) => `${f} = ?`).join(', ');
      immediate(this.db, () =>
        this.db.prepare(`UPDATE members SET ${sets} WHERE community_id = ? AND id = ? AND former = 0`).run(...fields.map((f) => patch[f] ?? null), communityId, memberId),
      );
    }
    return this.get(communityId, memberId);
  }

  keptAnswer(communityId: string, memberId: string): string | null {
    return (this.db.prepare('SELECT kept_answer FROM members WHERE community_id = ? AND id = ? AND former = 0').pluck().get(communityId, memberId) as string | null | undefined) ?? null;
  }

  setKeptAnswer(communityId: string, memberId: string, answer: string | null): void {
    immediate(this.db, () => this.db.prepare('UPDATE members SET kept_answer = ? WHERE community_id = ? AND id = ? AND former = 0').run(answer, communityId, memberId));
  }

  /**
   * End a membership: the credential stops working, working groups lose them, and all
   * they told us goes except their name (kept for the group's records unless they asked
   * for it to be replaced).
   */
  leave(communityId: string, memberId: string, replaceName: boolean, now: number): boolean {
    return immediate(this.db, () => {
      const done = this.db
        .prepare(
          `UPDATE members SET former = 1, left_at = ?, credential_version = credential_version + 1, kept_answer = NULL, claim_hash = NULL, claim_expires_at = NULL,
             pronouns = NULL, channel = NULL, role = NULL, team = NULL, organisation = NULL, region = NULL,
             name = CASE WHEN ? THEN ? ELSE name END
           WHERE community_id = ? AND id = ? AND former = 0`,
        )
        .run(now, replaceName ? 1 : 0, FORMER_MEMBER_NAME, communityId, memberId);
      if (done.changes !== 1) return false;
      this.db.prepare('DELETE FROM working_group_members WHERE member_id = ?').run(memberId);
      return true;
    });
  }

  // ---------- working groups ----------

  groups(communityId: string): WorkingGroupView[] {
    const groups = this.db.prepare('SELECT id, name FROM working_groups WHERE community_id = ? ORDER BY created_at, id').all(communityId) as { id: string; name: string }[];
    if (groups.length === 0) return [];
    const ids = groups.map((g) => g.id);
    const members = this.db.prepare(`SELECT group_id AS g, member_id AS m FROM working_group_members WHERE group_id IN ${inList(ids.length)}`);
    const channels = this.db.prepare(`SELECT group_id AS g, channel AS c FROM working_group_channels WHERE group_id IN ${inList(ids.length)}`);
    const memberRows = members.all(...ids) as { g: string; m: string }[];
    const channelRows = channels.all(...ids) as { g: string; c: string }[];
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      channels: channelRows.filter((r) => r.g === g.id).map((r) => r.c),
      members: memberRows.filter((r) => r.g === g.id).map((r) => r.m),
    }));
  }

  group(communityId: string, groupId: string): WorkingGroupView | null {
    return this.groups(communityId).find((g) => g.id === groupId) ?? null;
  }

  /** A new working group, or 'full' when the community has `max` of them (counted in the write). */
  createGroup(communityId: string, group: WorkingGroupView, now: number, max: number): 'ok' | 'full' {
    return immediate(this.db, () => {
      const count = this.db.prepare('SELECT COUNT(*) FROM working_groups WHERE community_id = ?').pluck().get(communityId) as number;
      if (count >= max) return 'full' as const;
      this.writeGroup(communityId, group, now);
      return 'ok' as const;
    });
  }

  /** Replace a working group's name, channels and members in one write. */
  putGroup(communityId: string, group: WorkingGroupView, now: number): void {
    immediate(this.db, () => this.writeGroup(communityId, group, now));
  }

  private writeGroup(communityId: string, group: WorkingGroupView, now: number): void {
    this.db
      .prepare(
        `INSERT INTO working_groups (id, community_id, name, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name`,
      )
      .run(group.id, communityId, group.name, now);
    this.db.prepare('DELETE FROM working_group_members WHERE group_id = ?').run(group.id);
    this.db.prepare('DELETE FROM working_group_channels WHERE group_id = ?').run(group.id);
    const addMember = this.db.prepare('INSERT OR IGNORE INTO working_group_members (group_id, member_id) VALUES (?, ?)');
    const addChannel = this.db.prepare('INSERT OR IGNORE INTO working_group_channels (group_id, channel) VALUES (?, ?)');
    for (const m of group.members) addMember.run(group.id, m);
    for (const c of group.channels) addChannel.run(group.id, c);
  }

  deleteGroup(communityId: string, groupId: string): boolean {
    return immediate(this.db, () => this.db.prepare('DELETE FROM working_groups WHERE community_id = ? AND id = ?').run(communityId, groupId).changes === 1);
  }
}
