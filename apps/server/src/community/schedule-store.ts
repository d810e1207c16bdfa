import type { RoundSpec, ScheduledConvening, ShowPlan, ShowTemplate } from '@brave/protocol';
import type { Selectable } from 'kysely';
import type { CommunityTables as Rows } from '../store/tables-community.ts';
import { CommunityTables, json, parseJson } from './db.ts';

type ScheduleRow = Selectable<Rows['scheduled_convenings']>;

/** A scheduled convening as stored, with the bookkeeping the routes and the sweeper need. */
export interface ScheduleRecord extends ScheduledConvening {
  communityId: string;
  sequence: number;
  updatedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  sweptAt: number | null;
}

const toRecord = (r: ScheduleRow): ScheduleRecord => ({
  id: r.id,
  communityId: r.community_id,
  title: r.title,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  outline: parseJson(r.outline),
  rounds: parseJson(r.rounds),
  show: r.show === null ? null : parseJson(r.show),
  status: r.ended_at !== null ? 'ended' : r.convening_id !== null ? 'live' : 'scheduled',
  conveningId: r.convening_id,
  sequence: r.sequence,
  updatedAt: r.updated_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  sweptAt: r.swept_at,
});

/** The public shape of a stored schedule. */
export const scheduledView = (r: ScheduleRecord): ScheduledConvening => ({
  id: r.id,
  title: r.title,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  outline: r.outline,
  rounds: r.rounds,
  show: r.show,
  status: r.status,
  conveningId: r.conveningId,
});

/** Scheduled convenings of communities, and who met whom in them, on either engine (db.ts). */
export class ScheduleStore extends CommunityTables {
  /**
   * A new scheduled convening, or 'full' when the community has `max` of them, past ones
   * included (counted inside the write, one at a time per community, so simultaneous
   * requests from any processes cannot both pass).
   */
  async create(
    communityId: string,
    s: { id: string; title: string; startsAt: number; durationMinutes: number; outline: string[]; rounds: RoundSpec[]; show: ShowPlan | null },
    now: number,
    max: number,
  ): Promise<ScheduleRecord | 'full'> {
    const outcome = await this.write(
      null,
      async (tx) => {
        const { n } = await tx.selectFrom('scheduled_convenings').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow();
        if (Number(n) >= max) return 'full' as const;
        await tx
          .insertInto('scheduled_convenings')
          .values({ id: s.id, community_id: communityId, title: s.title, starts_at: s.startsAt, duration_minutes: s.durationMinutes, outline: json(s.outline), rounds: json(s.rounds), show: s.show ? json(s.show) : null, updated_at: now })
          .execute();
        return 'ok' as const;
      },
      ['schedules', communityId],
    );
    return outcome === 'ok' ? (await this.get(communityId, s.id))! : outcome;
  }

  async get(communityId: string, id: string): Promise<ScheduleRecord | null> {
    const row = await this.read((db) => db.selectFrom('scheduled_convenings').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst());
    return row ? toRecord(row) : null;
  }

  async list(communityId: string): Promise<ScheduleRecord[]> {
    const rows = await this.read((db) => db.selectFrom('scheduled_convenings').selectAll().where('community_id', '=', communityId).orderBy('starts_at').orderBy('id').execute());
    return rows.map(toRecord);
  }

  /** The community of a live convening (null for a quick convening). */
  async communityOf(conveningId: string): Promise<string | null> {
    return (await this.read((db) => db.selectFrom('scheduled_convenings').select('community_id').where('convening_id', '=', conveningId).executeTakeFirst()))?.community_id ?? null;
  }

  async update(r: ScheduleRecord, now: number): Promise<void> {
    await this.write(null, (tx) =>
      tx
        .updateTable('scheduled_convenings')
        .set((eb) => ({ title: r.title, starts_at: r.startsAt, duration_minutes: r.durationMinutes, outline: json(r.outline), rounds: json(r.rounds), show: r.show ? json(r.show) : null, sequence: eb('sequence', '+', 1), updated_at: now }))
        .where('community_id', '=', r.communityId)
        .where('id', '=', r.id)
        .execute(),
    );
  }

  /** Delete a schedule that has not started; false if it started meanwhile or is unknown. */
  async deleteUnstarted(communityId: string, id: string): Promise<boolean> {
    return this.write(null, async (tx) => {
      const done = await tx.deleteFrom('scheduled_convenings').where('community_id', '=', communityId).where('id', '=', id).where('convening_id', 'is', null).executeTakeFirst();
      return Number(done.numDeletedRows) === 1;
    });
  }

  /** Link the live convening; false when another start won the race. */
  async markStarted(communityId: string, id: string, conveningId: string, at: number): Promise<boolean> {
    return this.write(communityId, async (tx) => {
      const done = await tx
        .updateTable('scheduled_convenings')
        .set({ convening_id: conveningId, started_at: at })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .where('convening_id', 'is', null)
        .executeTakeFirst();
      return Number(done.numUpdatedRows) === 1;
    });
  }

  async markEnded(id: string, at: number): Promise<void> {
    await this.write(null, (tx) => tx.updateTable('scheduled_convenings').set({ ended_at: at }).where('id', '=', id).where('ended_at', 'is', null).execute());
  }

  async markSwept(id: string, at: number): Promise<void> {
    await this.write(null, (tx) => tx.updateTable('scheduled_convenings').set({ swept_at: at }).where('id', '=', id).execute());
  }

  /** Convenings started and not yet known to have ended (checked against their live state). */
  async unfinished(): Promise<ScheduleRecord[]> {
    const rows = await this.read((db) => db.selectFrom('scheduled_convenings').selectAll().where('convening_id', 'is not', null).where('ended_at', 'is', null).execute());
    return rows.map(toRecord);
  }

  /** Ended, not yet swept, convenings of one community that ended before the cut-off. */
  async sweepable(communityId: string, cutoff: number): Promise<ScheduleRecord[]> {
    const rows = await this.read((db) =>
      db.selectFrom('scheduled_convenings').selectAll().where('community_id', '=', communityId).where('ended_at', 'is not', null).where('ended_at', '<', cutoff).where('swept_at', 'is', null).execute(),
    );
    return rows.map(toRecord);
  }

  // ---------- who met whom ----------

  /** The groups of one round's breakout rooms (never caucus rooms), in one write. */
  async recordMeetings(communityId: string, conveningId: string, groups: string[][], at: number): Promise<void> {
    if (groups.length === 0) return;
    await this.write(null, (tx) =>
      tx
        .insertInto('community_meetings')
        .values(groups.map((g) => ({ community_id: communityId, convening_id: conveningId, members: json(g), at })))
        .execute(),
    );
  }

  /** Groups who met in the community's convenings (optionally leaving one convening out). */
  async meetings(communityId: string, exceptConvening?: string): Promise<string[][]> {
    const rows = await this.read((db) =>
      db.selectFrom('community_meetings').select('members').where('community_id', '=', communityId).where('convening_id', '!=', exceptConvening ?? '').orderBy('at').execute(),
    );
    return rows.map((r) => parseJson<string[]>(r.members));
  }

  async deleteMeetingsBefore(communityId: string, cutoff: number): Promise<number> {
    return this.write(null, async (tx) => Number((await tx.deleteFrom('community_meetings').where('community_id', '=', communityId).where('at', '<', cutoff).executeTakeFirst()).numDeletedRows));
  }

  /**
   * Drop someone who left from the recorded groups: their history is no longer needed.
   * The table has no key of its own (and PostgreSQL no rowid), so a row is named by all it
   * holds; identical rows get the same change, which is right.
   */
  async forgetMember(communityId: string, memberId: string): Promise<void> {
    await this.write(null, async (tx) => {
      const rows = await tx.selectFrom('community_meetings').select(['convening_id', 'members', 'at']).where('community_id', '=', communityId).execute();
      for (const r of rows) {
        const members = parseJson<string[]>(r.members);
        if (!members.includes(memberId)) continue;
        await tx
          .updateTable('community_meetings')
          .set({ members: json(members.filter((m) => m !== memberId)) })
          .where('community_id', '=', communityId)
          .where('convening_id', '=', r.convening_id)
          .where('at', '=', r.at)
          .where('members', '=', r.members)
          .execute();
      }
    });
  }

  // ---------- the community's run-of-show template ----------

  async showTemplate(communityId: string): Promise<ShowTemplate | null> {
    const row = await this.read((db) => db.selectFrom('show_templates').select(['plan', 'saved_at']).where('community_id', '=', communityId).executeTakeFirst());
    return row ? { ...parseJson<ShowPlan>(row.plan), savedAt: row.saved_at } : null;
  }

  /** Keep `plan` as the community's template (one per community: the newest wins). */
  async keepShowTemplate(communityId: string, plan: ShowPlan, now: number): Promise<void> {
    await this.write(null, (tx) =>
      tx
        .insertInto('show_templates')
        .values({ community_id: communityId, plan: json(plan), saved_at: now })
        .onConflict((oc) => oc.column('community_id').doUpdateSet({ plan: json(plan), saved_at: now }))
        .execute(),
    );
  }

  async dropShowTemplate(communityId: string): Promise<void> {
    await this.write(null, (tx) => tx.deleteFrom('show_templates').where('community_id', '=', communityId).execute());
  }
}
