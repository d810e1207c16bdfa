/**
 * How long until one more action fits in a sliding window of `limit` actions per
 * `windowMs`: 0 if it fits now, else at least 1 ms. `times` are the person's earlier
 * actions in ascending order; the ones older than the window are ignored. Shared by
 * signals, hands and pulse answers, whose limits live in their state.
 */
export function windowWaitMs(times: readonly number[], now: number, limit: number, windowMs: number): number {
  const recent = times.filter((t) => t > now - windowMs);
  if (recent.length < limit) return 0;
  return Math.max(1, recent[recent.length - limit]! + windowMs - now);
}
