import type { Generated } from 'kysely';

/**
 * Row types of the hub tables (migration 0010_hub) as both engines return them; part of the
 * Kysely Schema (store/schema.ts). Read and written by hub/store.ts only.
 *
 * - `hub_posts`: `links` and `tags` are JSON text; `author_kind` is 'member' or
 *   'facilitator' and `author_id` the member or account id. A member's name is read from
 *   `members` (so "Former member" shows once they asked for it); `author_name` is the name
 *   when written, shown for facilitators. `working_group_id` set: private to that group.
 * - `hub_replies`: replies of a post, deleted with it.
 */
export interface HubTables {
  hub_posts: {
    id: string;
    community_id: string;
    kind: string;
    title: string;
    body: string;
    links: string;
    tags: string;
    working_group_id: string | null;
    author_kind: string;
    author_id: string;
    author_name: string;
    created_at: number;
    last_activity_at: number;
    pinned: Generated<number>;
    hidden: Generated<number>;
    locked: Generated<number>;
  };
  hub_replies: {
    id: string;
    post_id: string;
    community_id: string;
    body: string;
    author_kind: string;
    author_id: string;
    author_name: string;
    created_at: number;
    hidden: Generated<number>;
  };
}
