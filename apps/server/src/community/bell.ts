import type { CommunityChanged } from '@brave/protocol';

export type BellListener = (communityId: string, change: CommunityChanged) => void;

/**
 * The community doorbell's button (docs/communities.md, "The home stays current"). Routes
 * ring it after a change has committed; the realtime channel (realtime/community-channel.ts)
 * listens and tells the open homes of that community to fetch again. It carries no data,
 * so who may see what stays decided where the home is built. A listener that throws is
 * logged and never fails the route that rang.
 */
export class CommunityBell {
  private readonly listeners = new Set<BellListener>();

  constructor(private readonly log: (msg: string, err?: unknown) => void = () => undefined) {}

  /** Listen for rings; returns the way to stop. */
  listen(fn: BellListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  ring(communityId: string, change: CommunityChanged): void {
    for (const fn of this.listeners) {
      try {
        fn(communityId, change);
      } catch (err) {
        this.log(`community ${communityId}: the doorbell failed to ring`, err);
      }
    }
  }
}
