import { LanguageCode, type MemberProfile, type MemberView, type WorkingGroupView } from '@brave/protocol';
import { sql } from 'kysely';
import { FORMER_MEMBERS_FACTOR } from '../config.ts';
import type { Tx } from '../store/transactions.ts';
import { CommunityTables } from './db.ts';

export const FORMER_MEMBER_NAME = 'Former member';

const MEMBER_COLUMNS = ['id', 'name', 'pronouns', 'channel', 'role', 'team', 'organisation', 'region', 'language', 'joined_at'] as const;
type MemberRow = { id: string; name: string; pronouns: string | null; channel: string | null; role: string | null; team: string | null; organisation: string | null; region: string | null; language: string | null; joined_at: number };

const PROFILE_FIELDS = ['name', 'pronouns', 'channel', 'role', 'team', 'organisation', 'region', 'language'] as const;

const toView = (r: MemberRow): MemberView => ({
  id: r.id,
  name: r.name,
  pronouns: r.pronouns,
  channel: r.channel,
  team: r.team,
  organisation: r.organisation,
  role: r.role,
  region: r.region,
  language: LanguageCode.safeParse(r.language).data ?? null,
  joinedAt: r.joined_at,
});

/**
 * Members of communities and their working groups, on either engine (db.ts): every write
 * one transaction, awaited until committed.
 */
export class MemberStore extends CommunityTables {
  /**
   * A new member, or 'full' when the community has `max` current members, or 'history-full'
   * when FORMER_MEMBERS_FACTOR × `max` people have ever joined (people who left keep a row).
   * Counted inside the write, one join of a community at a time, so simultaneous joins (from
   * any number of processes) cannot pass the limit together.
   */
  async add(communityId: string, id: string, profile: MemberProfile, now: number, max: number): Promise<MemberView | 'full' | 'history-full'> {
    const outcome = await this.write(
      communityId,
      async (tx) => {
        const counts = await tx
          .selectFrom('members')
          .select((eb) => [eb.fn.countAll<number>().as('everyone'), eb.fn.coalesce(eb.fn.sum<number>(sql<number>`CASE WHEN former = 0 THEN 1 ELSE 0 END`), eb.lit(0)).as('current')])
          .where('community_id', '=', communityId)
          .executeTakeFirstOrThrow();
        if (Number(counts.current) >= max) return 'full' as const;
        if (Number(counts.everyone) >= max * FORMER_MEMBERS_FACTOR) return 'history-full' as const;
        await tx
          .insertInto('members')
          .values({
            id,
            community_id: communityId,
            name: profile.name,
            pronouns: profile.pronouns ?? null,
            channel: profile.channel ?? null,
            role: profile.role ?? null,
            team: profile.team ?? null,
            organisation: profile.organisation ?? null,
            region: profile.region ?? null,
            language: profile.language ?? null,
            joined_at: now,
          })
          .execute();
        return 'ok' as const;
      },
      ['members', communityId],
    );
    return outcome === 'ok' ? (await this.get(communityId, id))! : outcome;
  }

  /** Current members, in the order they joined. */
  async list(communityId: string): Promise<MemberView[]> {
    const rows = await this.read((db) =>
      db.selectFrom('members').select(MEMBER_COLUMNS).where('community_id', '=', communityId).where('former', '=', 0).orderBy('joined_at').orderBy('id').execute(),
    );
    return rows.map(toView);
  }

  /** A current member (null once they left). */
  async get(communityId: string, memberId: string): Promise<MemberView | null> {
    const row = await this.read((db) => current(db, communityId, memberId).select(MEMBER_COLUMNS).executeTakeFirst());
    return row ? toView(row) : null;
  }

  /** Everyone who ever joined, with what the directory keeps of them (directory.ts). */
  async everyone(communityId: string): Promise<{ id: string; name: string; former: boolean; version: number }[]> {
    const rows = await this.read((db) =>
      db.selectFrom('members').select(['id', 'name', 'former', 'credential_version']).where('community_id', '=', communityId).orderBy('joined_at').orderBy('id').execute(),
    );
    return rows.map((r) => ({ id: r.id, name: r.name, former: r.former === 1, version: r.credential_version }));
  }

  /** Their name if they are a current member whose credential version is `version`. */
  async active(communityId: string, memberId: string, version: number): Promise<{ name: string } | null> {
    return (await this.read((db) => current(db, communityId, memberId).select('name').where('credential_version', '=', version).executeTakeFirst())) ?? null;
  }

  /** Their name, also for people who left (as they chose to leave it). */
  async anyName(communityId: string, memberId: string): Promise<string | null> {
    const row = await this.read((db) => db.selectFrom('members').select('name').where('community_id', '=', communityId).where('id', '=', memberId).executeTakeFirst());
    return row?.name ?? null;
  }

  async version(communityId: string, memberId: string): Promise<number | null> {
    return this.read(async (db) => (await current(db, communityId, memberId).select('credential_version').executeTakeFirst())?.credential_version ?? null);
  }

  /** A new credential version: every earlier credential of this member stops working. */
  async bumpVersion(communityId: string, memberId: string): Promise<number | null> {
    return this.write(communityId, async (tx) => {
      const row = await tx
        .updateTable('members')
        .set((eb) => ({ credential_version: eb('credential_version', '+', 1) }))
        .where('community_id', '=', communityId)
        .where('id', '=', memberId)
        .where('former', '=', 0)
        .returning('credential_version')
        .executeTakeFirst();
      return row?.credential_version ?? null;
    });
  }

  /**
   * Keep the SHA-256 of a re-issued link's one-time code (replacing any earlier one): the
   * link hands over nothing itself, so a facilitator who saw it cannot quietly be the member.
   */
  async setClaim(communityId: string, memberId: string, codeHash: string, expiresAt: number): Promise<void> {
    await this.write(null, (tx) =>
      tx.updateTable('members').set({ claim_hash: codeHash, claim_expires_at: expiresAt }).where('community_id', '=', communityId).where('id', '=', memberId).where('former', '=', 0).execute(),
    );
  }

  /**
   * Burn a claim code: the member and credential version it opens, or null when it is
   * unknown, used, replaced or expired. One conditional update, so two claims of one code
   * cannot both win.
   */
  async claim(communityId: string, codeHash: string, now: number): Promise<{ memberId: string; version: number } | null> {
    return this.write(null, async (tx) => {
      const row = await tx
        .updateTable('members')
        .set({ claim_hash: null, claim_expires_at: null })
        .where('community_id', '=', communityId)
        .where('claim_hash', '=', codeHash)
        .where('former', '=', 0)
        .where('claim_expires_at', '>', now)
        .returning(['id', 'credential_version'])
        .executeTakeFirst();
      return row ? { memberId: row.id, version: row.credential_version } : null;
    });
  }

  async updateProfile(communityId: string, memberId: string, patch: Partial<MemberProfile>): Promise<MemberView | null> {
    const fields = PROFILE_FIELDS.filter((f) => patch[f] !== undefined);
    if (fields.length > 0) {
      const set = Object.fromEntries(fields.map((f) => [f, patch[f] ?? null])) as Partial<Record<(typeof PROFILE_FIELDS)[number], string | null>> & { name?: string };
      await this.write(communityId, (tx) => tx.updateTable('members').set(set).where('community_id', '=', communityId).where('id', '=', memberId).where('former', '=', 0).execute());
    }
    return this.get(communityId, memberId);
  }

  async keptAnswer(communityId: string, memberId: string): Promise<string | null> {
    return this.read(async (db) => (await current(db, communityId, memberId).select('kept_answer').executeTakeFirst())?.kept_answer ?? null);
  }

  async setKeptAnswer(communityId: string, memberId: string, answer: string | null): Promise<void> {
    await this.write(null, (tx) => tx.updateTable('members').set({ kept_answer: answer }).where('community_id', '=', communityId).where('id', '=', memberId).where('former', '=', 0).execute());
  }

  /**
   * End a membership: the credential stops working, working groups lose them, and all
   * they told us goes except their name (kept for the group's records unless they asked
   * for it to be replaced).
   */
  async leave(communityId: string, memberId: string, replaceName: boolean, now: number): Promise<boolean> {
    return this.write(communityId, async (tx) => {
      const done = await tx
        .updateTable('members')
        .set((eb) => ({
          former: 1,
          left_at: now,
          credential_version: eb('credential_version', '+', 1),
          kept_answer: null,
          claim_hash: null,
          claim_expires_at: null,
          pronouns: null,
          channel: null,
          role: null,
          team: null,
          organisation: null,
          region: null,
          language: null,
          ...(replaceName ? { name: FORMER_MEMBER_NAME } : {}),
        }))
        .where('community_id', '=', communityId)
        .where('id', '=', memberId)
        .where('former', '=', 0)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      await tx.deleteFrom('working_group_members').where('member_id', '=', memberId).execute();
      return true;
    });
  }

  // ---------- working groups ----------

  async groups(communityId: string): Promise<WorkingGroupView[]> {
    return this.read(async (db) => {
      const groups = await db.selectFrom('working_groups').select(['id', 'name']).where('community_id', '=', communityId).orderBy('created_at').orderBy('id').execute();
      if (groups.length === 0) return [];
      const ids = groups.map((g) => g.id);
      const memberRows = await db.selectFrom('working_group_members').select(['group_id', 'member_id']).where('group_id', 'in', ids).execute();
      const channelRows = await db.selectFrom('working_group_channels').select(['group_id', 'channel']).where('group_id', 'in', ids).execute();
      return groups.map((g) => ({
        id: g.id,
        name: g.name,
        channels: channelRows.filter((r) => r.group_id === g.id).map((r) => r.channel),
        members: memberRows.filter((r) => r.group_id === g.id).map((r) => r.member_id),
      }));
    });
  }

  async group(communityId: string, groupId: string): Promise<WorkingGroupView | null> {
    return (await this.groups(communityId)).find((g) => g.id === groupId) ?? null;
  }

  /** A new working group, or 'full' when the community has `max` of them (counted in the write, one at a time). */
  async createGroup(communityId: string, group: WorkingGroupView, now: number, max: number): Promise<'ok' | 'full'> {
    return this.write(
      communityId,
      async (tx) => {
        const { count } = await tx.selectFrom('working_groups').select((eb) => eb.fn.countAll<number>().as('count')).where('community_id', '=', communityId).executeTakeFirstOrThrow();
        if (Number(count) >= max) return 'full' as const;
        await writeGroup(tx, communityId, group, now);
        return 'ok' as const;
      },
      ['groups', communityId],
    );
  }

  /** Replace a working group's name, channels and members in one write. */
  async putGroup(communityId: string, group: WorkingGroupView, now: number): Promise<void> {
    await this.write(communityId, (tx) => writeGroup(tx, communityId, group, now));
  }

  async deleteGroup(communityId: string, groupId: string): Promise<boolean> {
    return this.write(communityId, async (tx) => Number((await tx.deleteFrom('working_groups').where('community_id', '=', communityId).where('id', '=', groupId).executeTakeFirst()).numDeletedRows) === 1);
  }
}

const current = (db: Tx, communityId: string, memberId: string) => db.selectFrom('members').where('community_id', '=', communityId).where('id', '=', memberId).where('former', '=', 0);

async function writeGroup(tx: Tx, communityId: string, group: WorkingGroupView, now: number): Promise<void> {
  await tx
    .insertInto('working_groups')
    .values({ id: group.id, community_id: communityId, name: group.name, created_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: group.name }))
    .execute();
  await tx.deleteFrom('working_group_members').where('group_id', '=', group.id).execute();
  await tx.deleteFrom('working_group_channels').where('group_id', '=', group.id).execute();
  const members = [...new Set(group.members)];
  const channels = [...new Set(group.channels)];
  if (members.length > 0) await tx.insertInto('working_group_members').values(members.map((m) => ({ group_id: group.id, member_id: m }))).execute();
  if (channels.length > 0) await tx.insertInto('working_group_channels').values(channels.map((c) => ({ group_id: group.id, channel: c }))).execute();
}
