import { retentionCutoff } from '@brave/core';
import type { RoomRegistry } from '../convening/registry.ts';
import type { Ctx } from './context.ts';

export interface SweepResult {
  convenings: number;
  documents: number;
  meetings: number;
  /** Hub posts deleted (their replies with them). */
  hubPosts: number;
}

/**
 * The retention rule, applied on a timer: for each community with a retention period,
 * each of its convenings that ended longer ago loses signal details and room rosters
 * (core redactForRetention, through the live room so nobody is served stale rosters),
 * its room and caucus notes are deleted, and so is the history of who met whom from
 * before the cut-off. A swept convening is marked, so it is not redone. Hub posts written
 * before the cut-off are deleted with their replies.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(
    private readonly ctx: Pick<Ctx, 'communities' | 'schedule' | 'docs' | 'hub' | 'bell' | 'refreshEnded' | 'docsDeleted' | 'now'> & { rooms: Pick<RoomRegistry, 'retain'> },
    private readonly options: { intervalMs: number; dayMs: number; log: (msg: string, err?: unknown) => void },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.sweepOnce().catch((err) => this.options.log('retention: sweep failed', err));
    }, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; overlapping calls share the pass already running. */
  sweepOnce(now = this.ctx.now()): Promise<SweepResult> {
    this.running ??= this.sweep(now).finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(now: number): Promise<SweepResult> {
    const { schedule, docs } = this.ctx;
    const result: SweepResult = { convenings: 0, documents: 0, meetings: 0, hubPosts: 0 };
    await this.ctx.refreshEnded(await schedule.unfinished());
    for (const c of await this.ctx.communities.withRetention()) {
      const cutoff = retentionCutoff(now, c.retentionDays, this.options.dayMs);
      if (cutoff === null) continue;
      for (const s of await schedule.sweepable(c.id, cutoff)) {
        const conveningId = s.conveningId!;
        await this.ctx.rooms.retain(conveningId);
        const notes = (await docs.namesWithPrefix(`notes:${conveningId}:`)).filter((n) => n !== `notes:${conveningId}:plenary`);
        // Dropped from memory first (on every process), so no queued write brings them back after the delete.
        this.ctx.docsDeleted(notes);
        await docs.deleteRows(notes);
        await schedule.markSwept(s.id, now);
        result.convenings += 1;
        result.documents += notes.length;
      }
      result.meetings += await schedule.deleteMeetingsBefore(c.id, cutoff);
      const gone = await this.ctx.hub.deleteBefore(c.id, cutoff);
      // Open hub screens fetch again, so nobody keeps reading what retention removed.
      if (gone > 0) this.ctx.bell.ring(c.id, { kind: 'hub' });
      result.hubPosts += gone;
    }
    return result;
  }
}
