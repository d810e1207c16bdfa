import type Database from 'better-sqlite3';
import type { RoundSpec, ScheduledConvening } from '@brave/protocol';
import { immediate } from '../store/sqlite.ts';
import { json, parseJson } from './db.ts';

type ScheduleRow = {
  id: string;
  community_id: string;
  title: string;
  starts_at: number;
  duration_minutes: number;
  outline: string;
  rounds: string;
  sequence: number;
  updated_at: number;
  convening_id: string | null;
  started_at: number | null;
  ended_at: number | null;
  swept_at: number | null;
};

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
  status: r.status,
  conveningId: r.conveningId,
});

/** Scheduled convenings of communities, and who met whom in them. */
export class ScheduleStore {
  /** Prepared once: it runs on every handshake and document check of a convening. */
  private readonly belongingQuery: Database.Statement;

  constructor(readonly db: Database.Database) {
    this.belongingQuery = db.prepare(
      `SELECT s.community_id AS communityId,
              EXISTS (SELECT 1 FROM members m WHERE m.community_id = s.community_id AND m.id = @p AND m.former = 1) AS former,
              EXISTS (SELECT 1 FROM community_facilitators f WHERE f.community_id = s.community_id AND f.account_id = @p) AS facilitator,
              EXISTS (SELECT 1 FROM accounts a WHERE a.id = @p) AS account
       FROM scheduled_convenings s WHERE s.convening_id = @c`,
    );
  }

  /**
   * A new scheduled convening, or 'full' when the community has `max` of them, past ones
   * included (counted inside the write, so simultaneous requests cannot both pass).
   */
  create(
    communityId: string,
    s: { id: string; title: string; startsAt: number; durationMinutes: number; outline: string[]; rounds: RoundSpec[] },
    now: number,
    max: number,
  ): ScheduleRecord | 'full' {
    const outcome = immediate(this.db, () => {
      const count = this.db.prepare('SELECT COUNT(*) FROM scheduled_convenings WHERE community_id = ?').pluck().get(communityId) as number;
      if (count >= max) return 'full' as const;
      this.db
        .prepare(
          `INSERT INTO scheduled_convenings (id, community_id, title, starts_at, duration_minutes, outline, rounds, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.id, communityId, s.title, s.startsAt, s.durationMinutes, json(s.outline), json(s.rounds), now);
      return 'ok' as const;
    });
    return outcome === 'ok' ? this.get(communityId, s.id)! : outcome;
  }

  get(communityId: string, id: string): ScheduleRecord | null {
    const row = this.db.prepare('SELECT * FROM scheduled_convenings WHERE community_id = ? AND id = ?').get(communityId, id) as ScheduleRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(communityId: string): ScheduleRecord[] {
    return (this.db.prepare('SELECT * FROM scheduled_convenings WHERE community_id = ? ORDER BY starts_at, id').all(communityId) as ScheduleRow[]).map(toRecord);
  }

  /** The community of a live convening (null for a quick convening). */
  communityOf(conveningId: string): string | null {
    return (this.db.prepare('SELECT community_id FROM scheduled_convenings WHERE convening_id = ?').pluck().get(conveningId) as string | undefined) ?? null;
  }

  /**
   * What decides whether a participant of a convening still belongs to its community, in
   * one query: null for a quick convening (no schedule points at it).
   */
  belonging(conveningId: string, participantId: string): { former: boolean; facilitator: boolean; account: boolean } | null {
    const row = this.belongingQuery.get({ c: conveningId, p: participantId }) as { former: number; facilitator: number; account: number } | undefined;
    return row ? { former: row.former === 1, facilitator: row.facilitator === 1, account: row.account === 1 } : null;
  }

  update(r: ScheduleRecord, now: number): void {
    immediate(this.db, () =>
      this.db
        .prepare(
          `UPDATE scheduled_convenings SET title = ?, starts_at = ?, duration_minutes = ?, outline = ?, rounds = ?,
             sequence = sequence + 1, updated_at = ? WHERE community_id = ? AND id = ?`,
        )
        .run(r.title, r.startsAt, r.durationMinutes, json(r.outline), json(r.rounds), now, r.communityId, r.id),
    );
  }

  /** Delete a schedule that has not started; false if it started meanwhile or is unknown. */
  deleteUnstarted(communityId: string, id: string): boolean {
    return immediate(this.db, () => this.db.prepare('DELETE FROM scheduled_convenings WHERE community_id = ? AND id = ? AND convening_id IS NULL').run(communityId, id).changes === 1);
  }

  /** Link the live convening; false when another start won the race. */
  markStarted(communityId: string, id: string, conveningId: string, at: number): boolean {
    return immediate(
      this.db,
      () =>
        this.db
          .prepare('UPDATE scheduled_convenings SET convening_id = ?, started_at = ? WHERE community_id = ? AND id = ? AND convening_id IS NULL')
          .run(conveningId, at, communityId, id).changes === 1,
    );
  }

  markEnded(id: string, at: number): void {
    immediate(this.db, () => this.db.prepare('UPDATE scheduled_convenings SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id));
  }

  markSwept(id: string, at: number): void {
    immediate(this.db, () => this.db.prepare('UPDATE scheduled_convenings SET swept_at = ? WHERE id = ?').run(at, id));
  }

  /** Convenings started and not yet known to have ended (checked against their live state). */
  unfinished(): ScheduleRecord[] {
    return (this.db.prepare('SELECT * FROM scheduled_convenings WHERE convening_id IS NOT NULL AND ended_at IS NULL').all() as ScheduleRow[]).map(toRecord);
  }

  /** Ended, not yet swept, convenings of one community that ended before the cut-off. */
  sweepable(communityId: string, cutoff: number): ScheduleRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM scheduled_convenings WHERE community_id = ? AND ended_at IS NOT NULL AND ended_at < ? AND swept_at IS NULL')
        .all(communityId, cutoff) as ScheduleRow[]
    ).map(toRecord);
  }

  // ---------- who met whom ----------

  /** The groups of one round's breakout rooms (never caucus rooms), in one write. */
  recordMeetings(communityId: string, conveningId: string, groups: string[][], at: number): void {
    if (groups.length === 0) return;
    immediate(this.db, () => {
      const insert = this.db.prepare('INSERT INTO community_meetings (community_id, convening_id, members, at) VALUES (?, ?, ?, ?)');
      for (const g of groups) insert.run(communityId, conveningId, json(g), at);
    });
  }

  /** Groups who met in the community's convenings (optionally leaving one convening out). */
  meetings(communityId: string, exceptConvening?: string): string[][] {
    const rows = this.db
      .prepare('SELECT members FROM community_meetings WHERE community_id = ? AND convening_id != ? ORDER BY at')
      .pluck()
      .all(communityId, exceptConvening ?? '') as string[];
    return rows.map((r) => parseJson<string[]>(r));
  }

  deleteMeetingsBefore(communityId: string, cutoff: number): number {
    return immediate(this.db, () => this.db.prepare('DELETE FROM community_meetings WHERE community_id = ? AND at < ?').run(communityId, cutoff).changes);
  }

  /** Drop someone who left from the recorded groups: their history is no longer needed. */
  forgetMember(communityId: string, memberId: string): void {
    immediate(this.db, () => {
      const rows = this.db.prepare('SELECT rowid AS id, members FROM community_meetings WHERE community_id = ?').all(communityId) as { id: number; members: string }[];
      const update = this.db.prepare('UPDATE community_meetings SET members = ? WHERE rowid = ?');
      for (const r of rows) {
        const members = parseJson<string[]>(r.members);
        if (members.includes(memberId)) update.run(json(members.filter((m) => m !== memberId)), r.id);
      }
    });
  }
}
