import type { Request } from 'express';
import type { ConveningView } from '@brave/protocol';
import type { AccountAuth } from '../accounts/auth.ts';
import type { CommunityLimits } from '../config.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { HttpError } from '../http/respond.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import type { Store } from '../store/types.ts';
import type { HubStore } from '../hub/store.ts';
import type { CommunityBell } from './bell.ts';
import { ClosedStates } from './closed-states.ts';
import type { CommunityDirectory } from './directory.ts';
import type { CommunityDocs } from './docs.ts';
import type { MemberTokens } from './member-tokens.ts';
import type { MemberStore } from './members-store.ts';
import { principals, type Principals } from './principals.ts';
import type { ScheduleRecord, ScheduleStore } from './schedule-store.ts';
import type { CommunityStore } from './store.ts';

export interface CommunityParts {
  communities: CommunityStore;
  members: MemberStore;
  schedule: ScheduleStore;
  docs: CommunityDocs;
  directory: CommunityDirectory;
  memberTokens: MemberTokens;
  /** Rung after a change the community home shows has committed (bell.ts). */
  bell: CommunityBell;
  /** The hub's posts and replies (hub/store.ts). */
  hub: HubStore;
}

export interface CommunityRouteDeps extends CommunityParts {
  store: Store;
  rooms: RoomRegistry;
  tokens: TokenService;
  auth: AccountAuth;
  publicUrl: string | undefined;
  joinRate: { burst: number; perSecond: number };
  /** How much one community (or account) may hold; checked inside each store write. */
  limits: CommunityLimits;
  now: () => number;
  /** Documents were deleted from the store: close them if they are open. */
  docsDeleted: (names: string[]) => void;
  /** Members, facilitators, working groups or channels changed: open documents re-check access. */
  communityChanged: (communityId: string) => void;
  /** A member left or was removed: what other parts keep about them goes too (their email: mail/). */
  memberLeft?: (communityId: string, memberId: string) => Promise<void>;
}

export interface Ctx extends CommunityRouteDeps {
  who: Principals;
  base(req: Request): string;
  /** Refuse with rate_limited when this address has called the public routes too often. */
  limit(req: Request): void;
  /**
   * Refuse with rate_limited when the community's facilitators made many new member links
   * just now. A re-issue stores nothing new, but it ends a credential and makes open
   * documents re-check access: bounded per community, whichever facilitator asks.
   */
  limitReissue(communityId: string): void;
  /** The convening's full state (null if it is gone). */
  state(conveningId: string): Promise<ConveningView | null>;
  /** The community's schedules, with live convenings that closed meanwhile marked ended. */
  schedules(communityId: string): Promise<ScheduleRecord[]>;
  /** Mark ended every started convening whose live state has closed. */
  refreshEnded(records: ScheduleRecord[]): Promise<void>;
}

export function makeContext(deps: CommunityRouteDeps): Ctx {
  const perIp = new RateLimiter(deps.joinRate.perSecond, deps.joinRate.burst, deps.now);
  const reissues = new RateLimiter(deps.limits.reissue.perSecond, deps.limits.reissue.burst, deps.now);
  // Closed convenings are folded once, not on every "my data" or export (closed-states.ts).
  const closed = new ClosedStates(deps.rooms);
  const rooms = closed.wrap();
  const state = (id: string) => closed.get(id);

  async function refreshEnded(records: ScheduleRecord[]): Promise<void> {
    for (const r of records) {
      if (r.status !== 'live' || !r.conveningId) continue;
      const s = await state(r.conveningId);
      if (s?.status !== 'closed') continue;
      const events = await deps.store.events(r.conveningId);
      const closedAt = events.findLast((e) => e.event.type === 'convening.closed')?.at ?? deps.now();
      await deps.schedule.markEnded(r.id, closedAt);
      r.status = 'ended';
      r.endedAt = closedAt;
    }
  }

  return {
    ...deps,
    rooms,
    who: principals({ auth: deps.auth, communities: deps.communities, members: deps.members, tokens: deps.memberTokens }),
    base: (req) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`,
    limit(req) {
      const wait = perIp.take(req.ip ?? 'unknown');
      if (wait > 0) throw new HttpError({ code: 'rate_limited', message: 'Too many requests from this address; please wait a moment.', retryAfterMs: wait });
    },
    limitReissue(communityId) {
      const wait = reissues.take(communityId);
      if (wait > 0) {
        throw new HttpError({ code: 'rate_limited', message: 'This community has made many new member links just now; please wait a little before making more.', retryAfterMs: wait });
      }
    },
    state,
    async schedules(communityId) {
      const list = await deps.schedule.list(communityId);
      await refreshEnded(list);
      return list;
    },
    refreshEnded,
  };
}
