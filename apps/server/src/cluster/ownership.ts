import type { Lease } from '../store/lease.ts';
import type { Store } from '../store/types.ts';

/**
 * The leases this process holds: taken on demand (a command arrives, or a loaded convening
 * has no live owner), renewed every third of their lifetime, given up on a clean stop.
 * A renewal that finds the lease moved on, or an append fenced off, drops it at once.
 */
export class Ownership {
  private readonly held = new Map<string, Lease>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    readonly nodeId: string,
    private readonly ttlMs: number,
    private readonly lost: (conveningId: string) => void,
    private readonly log: (msg: string, err?: unknown) => void,
  ) {
    this.timer = setInterval(() => void this.renewAll(), Math.max(50, Math.floor(ttlMs / 3)));
    this.timer.unref();
  }

  epoch(conveningId: string): number | undefined {
    return this.held.get(conveningId)?.epoch;
  }

  /**
   * Take (or keep) the lease; the answer names whoever holds it now. `taken` runs in the
   * same tick as the lease becomes ours, before any command can see this process as owner.
   */
  async claim(conveningId: string, taken: () => void): Promise<Lease> {
    const lease = await this.store.acquireLease(conveningId, this.nodeId, this.ttlMs);
    if (lease.owner !== this.nodeId) return lease;
    const had = this.held.get(conveningId)?.epoch === lease.epoch;
    this.held.set(conveningId, lease);
    if (!had) taken();
    return lease;
  }

  drop(conveningId: string, epoch?: number): void {
    const lease = this.held.get(conveningId);
    if (!lease || (epoch !== undefined && lease.epoch !== epoch)) return;
    this.held.delete(conveningId);
    this.lost(conveningId);
  }

  private async renewAll(): Promise<void> {
    for (const lease of [...this.held.values()]) {
      try {
        if (!(await this.store.renewLease(lease, this.ttlMs))) {
          this.log(`cluster: lost convening ${lease.conveningId} (epoch ${lease.epoch}) to another process`);
          this.drop(lease.conveningId, lease.epoch);
        }
      } catch (err) {
        // The database is away: keep the lease in mind; if it runs out meanwhile, the next
        // owner's epoch fences our appends off.
        this.log(`cluster: could not renew convening ${lease.conveningId}`, err);
      }
    }
  }

  /** Give every lease up (a clean stop), so another process takes over without waiting. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const leases = [...this.held.values()];
    this.held.clear();
    await Promise.all(leases.map((l) => this.store.releaseLease(l).catch(() => undefined)));
  }
}
