import type Database from 'better-sqlite3';
import type { DocStore } from '../collab/doc-store.ts';
import { Router } from 'express';
import type { CommunityHooks } from '../convening/room.ts';
import { makeContext, type CommunityParts, type CommunityRouteDeps } from './context.ts';
import { CommunityBell } from './bell.ts';
import { CommunityDirectory } from './directory.ts';
import { CommunityDocs } from './docs.ts';
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
}

/**
 * Communities on the server's SQLite file. Built in two steps because the room registry
 * needs the hooks and the routes need the registry: `createCommunities` first, then
 * `communityApi` once the registry, tokens and account auth exist.
 */
export function createCommunities(deps: { db: Database.Database; docs: DocStore; secret: string; now: () => number; log: (msg: string, err?: unknown) => void }): Communities {
  const members = new MemberStore(deps.db);
  const communities = new CommunityStore(deps.db, members);
  const schedule = new ScheduleStore(deps.db);
  const memberTokens = new MemberTokens(deps.secret);
  const bell = new CommunityBell(deps.log);
  return {
    communities,
    members,
    schedule,
    docs: new CommunityDocs(deps.docs),
    memberTokens,
    directory: new CommunityDirectory(communities, memberTokens),
    bell,
    hooks: communityHooks({ schedule, members, bell, now: deps.now, log: deps.log }),
  };
}

/** The /api routes of communities (mount after the JSON body parser) and the retention sweeper. */
export function communityApi(
  deps: CommunityRouteDeps,
  sweep: { intervalMs: number; dayMs: number; log: (msg: string, err?: unknown) => void },
): { api: Router; sweeper: RetentionSweeper } {
  const ctx = makeContext(deps);
  const api = Router();
  communityRoutes(api, ctx);
  memberRoutes(api, ctx);
  conveningRoutes(api, ctx);
  return { api, sweeper: new RetentionSweeper(ctx, sweep) };
}
