/**
 * The community's retention rule: signal details and room rosters of a convening are
 * deleted once it ended more than `retentionDays` ago. Pure: `now` is an argument, and so
 * is the length of a day (tests shorten it, like the reminder minute).
 */
export const DAY_MS = 86_400_000;

/** Anything that ended before this moment is due; null when the community keeps everything. */
export function retentionCutoff(now: number, retentionDays: number | null, dayMs = DAY_MS): number | null {
  return retentionDays === null ? null : now - retentionDays * dayMs;
}

/** Is a convening that ended at `endedAt` due to be swept now? (Never if it has not ended.) */
export function retentionDue(endedAt: number | null, retentionDays: number | null, now: number, dayMs = DAY_MS): boolean {
  const cutoff = retentionCutoff(now, retentionDays, dayMs);
  return cutoff !== null && endedAt !== null && endedAt < cutoff;
}
