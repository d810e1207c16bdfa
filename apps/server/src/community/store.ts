import type { CommunityInfo, CommunitySummary, FacilitatorView } from '@brave/protocol';
import { mayRemoveFacilitator } from '@brave/core';
import type { Tx } from '../store/transactions.ts';
import type { CommunityTables as Rows } from '../store/tables-community.ts';
import { CommunityTables, json, parseJson } from './db.ts';

const toInfo = (r: Rows['communities']): CommunityInfo => ({
  id: r.id,
  name: r.name,
  description: r.description,
  agreementSetId: r.agreement_set_id as CommunityInfo['agreementSetId'],
  agreements: parseJson(r.agreements),
  channels: parseJson(r.channels),
  caucusOptions: parseJson(r.caucus_options),
  retentionDays: r.retention_days,
  createdAt: r.created_at,
});

const settings = (info: CommunityInfo) => ({
  name: info.name,
  description: info.description,
  agreement_set_id: info.agreementSetId,
  agreements: json(info.agreements),
  channels: json(info.channels),
  caucus_options: json(info.caucusOptions),
  retention_days: info.retentionDays,
});

/** How many communities an account facilitates (created or joined as co-facilitator). */
const facilitatedBy = async (tx: Tx, accountId: string): Promise<number> =>
  Number((await tx.selectFrom('community_facilitators').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow()).n);

const isFacilitatorIn = async (tx: Tx, communityId: string, accountId: string): Promise<boolean> =>
  (await tx.selectFrom('community_facilitators').select('account_id').where('community_id', '=', communityId).where('account_id', '=', accountId).executeTakeFirst()) !== undefined;

/**
 * Communities, their facilitators and invite links, on either engine (db.ts). The count of
 * communities an account facilitates is checked under a lock per account, so two requests
 * at once (from any processes) cannot both take its last place.
 */
export class CommunityStore extends CommunityTables {
  /**
   * A new community with its creator as facilitator, or 'full' when the creator already
   * facilitates `maxPerAccount` communities.
   */
  async create(info: CommunityInfo, creator: { accountId: string; name: string }, inviteCode: string, maxPerAccount: number): Promise<'ok' | 'full'> {
    return this.write(
      info.id,
      async (tx) => {
        if ((await facilitatedBy(tx, creator.accountId)) >= maxPerAccount) return 'full' as const;
        await tx.insertInto('communities').values({ id: info.id, ...settings(info), created_at: info.createdAt }).execute();
        await tx.insertInto('community_facilitators').values({ community_id: info.id, account_id: creator.accountId, name: creator.name, since: info.createdAt }).execute();
        await tx.insertInto('member_invites').values({ community_id: info.id, code: inviteCode, created_at: info.createdAt }).execute();
        return 'ok' as const;
      },
      ['facilitating', creator.accountId],
    );
  }

  async get(id: string): Promise<CommunityInfo | null> {
    const row = await this.read((db) => db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst());
    return row ? toInfo(row) : null;
  }

  /** Ids of every community (the directory loads them at start-up). */
  async ids(): Promise<string[]> {
    return (await this.read((db) => db.selectFrom('communities').select('id').orderBy('created_at').execute())).map((r) => r.id);
  }

  /** Save new settings; channels that were dropped leave working groups and member profiles. */
  async update(info: CommunityInfo, droppedChannels: string[] = []): Promise<void> {
    await this.write(info.id, async (tx) => {
      await tx.updateTable('communities').set(settings(info)).where('id', '=', info.id).execute();
      for (const channel of droppedChannels) {
        await tx
          .deleteFrom('working_group_channels')
          .where('channel', '=', channel)
          .where('group_id', 'in', (eb) => eb.selectFrom('working_groups').select('id').where('community_id', '=', info.id))
          .execute();
        await tx.updateTable('members').set({ channel: null }).where('community_id', '=', info.id).where('channel', '=', channel).execute();
      }
    });
  }

  /** Communities with a retention period (the sweeper's list). */
  async withRetention(): Promise<{ id: string; retentionDays: number }[]> {
    const rows = await this.read((db) => db.selectFrom('communities').select(['id', 'retention_days']).where('retention_days', 'is not', null).execute());
    return rows.map((r) => ({ id: r.id, retentionDays: r.retention_days! }));
  }

  /** The account's communities with their member count and next scheduled convening. */
  async summariesOf(accountId: string, now: number): Promise<CommunitySummary[]> {
    return this.read(async (db) => {
      const rows = await db
        .selectFrom('communities as c')
        .innerJoin('community_facilitators as f', 'f.community_id', 'c.id')
        .select((eb) => [
          'c.id',
          'c.name',
          'c.description',
          eb.selectFrom('members as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.community_id', '=', 'c.id').where('m.former', '=', 0).as('members'),
        ])
        .where('f.account_id', '=', accountId)
        .orderBy('c.created_at')
        .execute();
      const out: CommunitySummary[] = [];
      for (const r of rows) {
        const next = await db
          .selectFrom('scheduled_convenings')
          .select(['id', 'title', 'starts_at'])
          .where('community_id', '=', r.id)
          .where('ended_at', 'is', null)
          .where('starts_at', '>=', now - 86_400_000)
          .orderBy('starts_at')
          .limit(1)
          .executeTakeFirst();
        out.push({ id: r.id, name: r.name, description: r.description, members: Number(r.members ?? 0), next: next ? { id: next.id, title: next.title, startsAt: next.starts_at } : null });
      }
      return out;
    });
  }

  // ---------- facilitators ----------

  async facilitators(communityId: string): Promise<FacilitatorView[]> {
    const rows = await this.read((db) => db.selectFrom('community_facilitators').select(['account_id', 'name', 'since']).where('community_id', '=', communityId).orderBy('since').execute());
    return rows.map((r) => ({ accountId: r.account_id, name: r.name, since: r.since }));
  }

  async isFacilitator(communityId: string, accountId: string): Promise<boolean> {
    return this.read((db) => isFacilitatorIn(db, communityId, accountId));
  }

  /** Keep the shown name in step with the account's (it may have been changed). */
  async refreshName(accountId: string, name: string): Promise<void> {
    const stale = await this.read((db) =>
      db.selectFrom('community_facilitators').select('community_id').where('account_id', '=', accountId).where('name', '!=', name).execute(),
    );
    if (stale.length === 0) return;
    await this.write(null, (tx) => tx.updateTable('community_facilitators').set({ name }).where('account_id', '=', accountId).execute());
    for (const s of stale) await this.changed(s.community_id);
  }

  /** Remove one facilitator unless they are the last; decided inside the write. */
  async removeFacilitator(communityId: string, accountId: string): Promise<'ok' | 'not-found' | 'last'> {
    return this.write(
      communityId,
      async (tx) => {
        const all = await tx.selectFrom('community_facilitators').select('account_id').where('community_id', '=', communityId).execute();
        const outcome = mayRemoveFacilitator(
          all.map((f) => f.account_id),
          accountId,
        );
        if (outcome !== 'ok') return outcome;
        await tx.deleteFrom('community_facilitators').where('community_id', '=', communityId).where('account_id', '=', accountId).execute();
        return 'ok';
      },
      ['facilitators', communityId],
    );
  }

  /**
   * A co-facilitator invite, or 'full' when `maxOpen` invites of the community are neither
   * used nor expired. Used and expired ones are dropped on the way (nothing reads them), so
   * the table stays bounded; a refusal changes nothing.
   */
  async createFacilitatorInvite(row: { tokenHash: string; communityId: string; createdBy: string; createdAt: number; expiresAt: number }, maxOpen: number): Promise<'ok' | 'full'> {
    return this.write(
      null,
      async (tx) => {
        const { n } = await tx
          .selectFrom('facilitator_invites')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('community_id', '=', row.communityId)
          .where('used_at', 'is', null)
          .where('expires_at', '>', row.createdAt)
          .executeTakeFirstOrThrow();
        if (Number(n) >= maxOpen) return 'full' as const;
        await tx
          .deleteFrom('facilitator_invites')
          .where('community_id', '=', row.communityId)
          .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', row.createdAt)]))
          .execute();
        await tx
          .insertInto('facilitator_invites')
          .values({ token_hash: row.tokenHash, community_id: row.communityId, created_by: row.createdBy, created_at: row.createdAt, expires_at: row.expiresAt })
          .execute();
        return 'ok' as const;
      },
      ['invites', row.communityId],
    );
  }

  /**
   * Use a co-facilitator invite once: the account joins the facilitators. 'full' (the invite
   * stays unused) when the account already facilitates `maxPerAccount` communities.
   */
  async acceptFacilitatorInvite(tokenHash: string, communityId: string, account: { id: string; name: string }, now: number, maxPerAccount: number): Promise<'ok' | 'invalid' | 'full'> {
    return this.write(
      communityId,
      async (tx) => {
        const live = await tx
          .selectFrom('facilitator_invites')
          .select('token_hash')
          .where('token_hash', '=', tokenHash)
          .where('community_id', '=', communityId)
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst();
        if (!live) return 'invalid' as const;
        if (!(await isFacilitatorIn(tx, communityId, account.id)) && (await facilitatedBy(tx, account.id)) >= maxPerAccount) return 'full' as const;
        // Used once: the conditional update is what a second use at the same moment loses on.
        const used = await tx.updateTable('facilitator_invites').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) return 'invalid' as const;
        await tx
          .insertInto('community_facilitators')
          .values({ community_id: communityId, account_id: account.id, name: account.name, since: now })
          .onConflict((oc) => oc.columns(['community_id', 'account_id']).doNothing())
          .execute();
        return 'ok' as const;
      },
      ['facilitating', account.id],
    );
  }

  /**
   * Delete a community in one transaction: its convenings' logs and answered commands,
   * whatever `alsoInside` deletes (its documents: purge.ts), then its row, which takes every
   * row of its own with it (the tables cascade).
   */
  async purge(communityId: string, conveningIds: string[], alsoInside: (tx: Tx) => Promise<void>): Promise<void> {
    await this.write(communityId, async (tx) => {
      if (conveningIds.length > 0) {
        await tx.deleteFrom('events').where('convening_id', 'in', conveningIds).execute();
        await tx.deleteFrom('actions').where('convening_id', 'in', conveningIds).execute();
        await tx.deleteFrom('convenings').where('id', 'in', conveningIds).execute();
        // Without its row an owner still running it elsewhere is fenced off at its next append.
        await tx.deleteFrom('leases').where('convening_id', 'in', conveningIds).execute();
      }
      await alsoInside(tx);
      await tx.deleteFrom('communities').where('id', '=', communityId).execute();
    });
  }

  // ---------- member invite ----------

  async memberInviteCode(communityId: string): Promise<string | null> {
    return (await this.read((db) => db.selectFrom('member_invites').select('code').where('community_id', '=', communityId).executeTakeFirst()))?.code ?? null;
  }

  async rotateMemberInvite(communityId: string, code: string, now: number): Promise<void> {
    await this.write(null, (tx) =>
      tx
        .insertInto('member_invites')
        .values({ community_id: communityId, code, created_at: now })
        .onConflict((oc) => oc.column('community_id').doUpdateSet({ code, created_at: now }))
        .execute(),
    );
  }

  async communityByInviteCode(code: string): Promise<CommunityInfo | null> {
    const row = await this.read((db) => db.selectFrom('member_invites').select('community_id').where('code', '=', code).executeTakeFirst());
    return row ? this.get(row.community_id) : null;
  }

  /** A facilitator's name as this community shows it (document version authors). */
  async facilitatorName(communityId: string, accountId: string): Promise<string | null> {
    return (
      (await this.read((db) => db.selectFrom('community_facilitators').select('name').where('community_id', '=', communityId).where('account_id', '=', accountId).executeTakeFirst()))?.name ?? null
    );
  }
}
