import type { DocStore } from '../collab/doc-store.ts';
import { Router } from 'express';
import type { CommunityHooks } from '../convening/room.ts';
import type { Database } from '../store/database.ts';
import { hubRoutes } from '../hub/routes.ts';
import { HubStore } from '../hub/store.ts';
import { makeContext, type CommunityParts, type CommunityRouteDeps } from './context.ts';
import { CommunityBell } from './bell.ts';
import { CommunityDirectory, type DirectoryEntry } from './directory.ts';
import { CommunityDocs } from './docs.ts';
import type { CommunityNews } from './news.ts';
import { communityHooks } from './hooks.ts';
import { MemberTokens } from './member-tokens.ts';
import { MemberStore } from './members-store.ts';
import { communityRoutes } from './routes-community.ts';
import { conveningRoutes } from './routes-convenings.ts';
import { memberRoutes } from './routes-members.ts';
import { ScheduleStore } from './schedule-store.ts';
import { CommunityStore } from './store.ts';
import { RetentionSweeper } from './sweeper.ts';

export { CommunityBell } from './bell.ts';
export { CommunityDirectory, type CommunityFacts, type MemberPrincipal } from './directory.ts';
export { RetentionSweeper, type SweepResult } from './sweeper.ts';

export interface Communities extends CommunityParts {
  /** For RoomRegistry options (created before the registry exists). */
  hooks: CommunityHooks;
  /**
   * Several processes: announce every committed write on `news`, and on another process's
   * news read that community again, then `recheck` it (open document connections).
   */
  shareAcross(news: CommunityNews, recheck: (communityId: string) => void): Promise<void>;
}

/** One community as the directory keeps it, read from the stores. */
async function entryOf(communities: CommunityStore, members: MemberStore, schedule: ScheduleStore, communityId: string): Promise<DirectoryEntry | null> {
  const info = await communities.get(communityId);
  if (!info) return null;
  const facilitators = await communities.facilitators(communityId);
  const people = await members.everyone(communityId);
  const present = people.filter((m) => !m.former);
  return {
    facts: {
      communityId,
      name: info.name,
      channels: info.channels.map((c) => ({ ...c })),
      facilitators: facilitators.map((f) => f.accountId),
      members: present.map((m) => ({ id: m.id, name: m.name })),
      workingGroups: await members.groups(communityId),
    },
    versions: new Map(present.map((m) => [m.id, m.version])),
    // A member's name first: an id that is both (never, in practice) shows as the member.
    former: new Set(people.filter((m) => m.former).map((m) => m.id)),
    convenings: (await schedule.list(communityId)).flatMap((s) => (s.conveningId ? [s.conveningId] : [])),
    names: new Map([...facilitators.map((f) => [f.accountId, f.name] as const), ...people.map((m) => [m.id, m.name] as const)]),
  };
}

/**
 * Communities on the server's database (either engine). Built in two steps because the
 * room registry needs the hooks and the routes need the registry: `createCommunities`
 * first (then `await directory.load()`), then `communityApi` once the registry, tokens and
 * account auth exist.
 */
export function createCommunities(deps: { database: Database; docs: DocStore; secret: string; now: () => number; log: (msg: string, err?: unknown) => void }): Communities {
  const memberTokens = new MemberTokens(deps.secret);
  // The stores tell the directory of each committed write; it is made first and reads them lazily.
  const parts: { communities?: CommunityStore; members?: MemberStore; schedule?: ScheduleStore } = {};
  const directory = new CommunityDirectory(
    { ids: () => parts.communities!.ids(), entry: (id) => entryOf(parts.communities!, parts.members!, parts.schedule!, id) },
    memberTokens,
    deps.log,
  );
  let news: CommunityNews | null = null;
  const changed = (id: string) => {
    const read = directory.refresh(id);
    news?.announce(id);
    return read;
  };
  const members = (parts.members = new MemberStore(deps.database, changed));
  const communities = (parts.communities = new CommunityStore(deps.database, changed));
  const schedule = (parts.schedule = new ScheduleStore(deps.database, changed));
  const bell = new CommunityBell(deps.log);
  return {
    communities,
    members,
    schedule,
    docs: new CommunityDocs(deps.docs),
    hub: new HubStore(deps.database),
    memberTokens,
    directory,
    bell,
    hooks: communityHooks({ schedule, members, directory, bell, now: deps.now, log: deps.log }),
    shareAcross(shared, recheck) {
      news = shared;
      return shared.listen(async (id) => {
        await directory.refresh(id);
        recheck(id);
      });
    },
  };
}

/**
 * The /api routes of communities and of their hubs (mount both after the JSON body parser;
 * two routers so each access matrix reads its own route list) and the retention sweeper.
 */
export function communityApi(
  deps: CommunityRouteDeps,
  sweep: { intervalMs: number; dayMs: number; log: (msg: string, err?: unknown) => void },
): { api: Router; hub: Router; sweeper: RetentionSweeper } {
  const ctx = makeContext(deps);
  const api = Router();
  communityRoutes(api, ctx);
  memberRoutes(api, ctx);
  conveningRoutes(api, ctx);
  const hub = Router();
  hubRoutes(hub, ctx, deps.hub);
  return { api, hub, sweeper: new RetentionSweeper(ctx, sweep) };
}
