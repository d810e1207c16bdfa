/**
 * One wall clock for every bench process. All processes run on this machine, so
 * `performance.timeOrigin` (when the process started, on the realtime clock) plus the
 * monotonic `performance.now()` gives sub-millisecond timestamps that can be compared
 * across processes: a receiver subtracts the sender's timestamp. Cross-process skew is
 * the error of timeOrigin itself (well under a millisecond on one kernel).
 */
export const now = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolve with `p`, or reject once `ms` have passed (the bench never waits forever). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
