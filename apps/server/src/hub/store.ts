import type { HubAuthorRecord, HubPostRecord, HubReplyRecord } from '@brave/core';
import type { HubKind } from '@brave/protocol';

import { CommunityTables, json, parseJson } from '../community/db.ts';
import type { Database } from '../store/database.ts';

/** A new post: what core's record holds when it is written (counts and flags start empty). */
export type HubPostInsert = Pick<HubPostRecord, 'id' | 'kind' | 'title' | 'body' | 'links' | 'tags' | 'workingGroupId' | 'author'> & { at: number };

export interface HubReplyInsert {
  id: string;
  body: string;
  author: HubAuthorRecord;
  at: number;
}

type Db = Database['db'];

/** Posts with their author's current name (a member's from `members`) and their visible replies counted. */
const posts = (db: Db) =>
  db
    .selectFrom('hub_posts as p')
    .leftJoin('members as m', (j) => j.onRef('m.id', '=', 'p.author_id').on('p.author_kind', '=', 'member'))
    .select([
      'p.id',
      'p.kind',
      'p.title',
      'p.body',
      'p.links',
      'p.tags',
      'p.working_group_id',
      'p.author_kind',
      'p.author_id',
      'p.author_name',
      'p.created_at',
      'p.last_activity_at',
      'p.pinned',
      'p.hidden',
      'p.locked',
      'm.name as member_name',
      (eb) => eb.selectFrom('hub_replies as r').select((r) => r.fn.countAll<number>().as('n')).whereRef('r.post_id', '=', 'p.id').where('r.hidden', '=', 0).as('replies'),
    ]);
type PostRow = Awaited<ReturnType<ReturnType<typeof posts>['executeTakeFirstOrThrow']>>;

const replies = (db: Db) =>
  db
    .selectFrom('hub_replies as r')
    .leftJoin('members as m', (j) => j.onRef('m.id', '=', 'r.author_id').on('r.author_kind', '=', 'member'))
    .select(['r.id', 'r.post_id', 'r.body', 'r.author_kind', 'r.author_id', 'r.author_name', 'r.created_at', 'r.hidden', 'm.name as member_name']);
type ReplyRow = Awaited<ReturnType<ReturnType<typeof replies>['executeTakeFirstOrThrow']>>;

const authorOf = (r: { author_kind: string; author_id: string; author_name: string; member_name: string | null }): HubAuthorRecord => ({
  kind: r.author_kind === 'facilitator' ? 'facilitator' : 'member',
  id: r.author_id,
  name: r.member_name ?? r.author_name,
});

const toPost = (r: PostRow): HubPostRecord => ({
  id: r.id,
  kind: r.kind as HubKind,
  title: r.title,
  body: r.body,
  links: parseJson<string[]>(r.links),
  tags: parseJson<string[]>(r.tags),
  workingGroupId: r.working_group_id,
  author: authorOf(r),
  createdAt: Number(r.created_at),
  lastActivityAt: Number(r.last_activity_at),
  replies: Number(r.replies ?? 0),
  pinned: r.pinned === 1,
  hidden: r.hidden === 1,
  locked: r.locked === 1,
});

const toReply = (r: ReplyRow): HubReplyRecord => ({ id: r.id, postId: r.post_id, body: r.body, author: authorOf(r), createdAt: Number(r.created_at), hidden: r.hidden === 1 });

/**
 * The community hub's posts and replies (migration 0010_hub) on either engine: every write
 * one transaction, awaited until committed. Writes that check a limit take a lock per
 * community (posts) or per post (replies), so simultaneous writers from several processes
 * cannot pass it together. Rows go with their community (foreign key, on delete cascade).
 */
export class HubStore extends CommunityTables {
  constructor(database: Database) {
    super(database);
  }

  /** A new post, or 'full' when the community holds `max` posts already. */
  async create(communityId: string, p: HubPostInsert, max: number): Promise<'ok' | 'full'> {
    return this.write(
      null,
      async (tx) => {
        const { n } = await tx.selectFrom('hub_posts').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow();
        if (Number(n) >= max) return 'full' as const;
        await tx
          .insertInto('hub_posts')
          .values({
            id: p.id,
            community_id: communityId,
            kind: p.kind,
            title: p.title,
            body: p.body,
            links: json(p.links),
            tags: json(p.tags),
            working_group_id: p.workingGroupId,
            author_kind: p.author.kind,
            author_id: p.author.id,
            author_name: p.author.name,
            created_at: p.at,
            last_activity_at: p.at,
          })
          .execute();
        return 'ok' as const;
      },
      ['hub', communityId],
    );
  }

  async post(communityId: string, postId: string): Promise<HubPostRecord | null> {
    const row = await this.read((db) => posts(db).where('p.community_id', '=', communityId).where('p.id', '=', postId).executeTakeFirst());
    return row ? toPost(row) : null;
  }

  /** Pinned posts first, then the most recently active; only those with `tag` when given. */
  async list(communityId: string, options: { tag?: string; limit: number }): Promise<HubPostRecord[]> {
    const rows = await this.read((db) => {
      let q = posts(db).where('p.community_id', '=', communityId);
      // Tags are checked against /^(channel|role):[a-z0-9-]+$/ before they get here: no LIKE wildcard can be in one.
      if (options.tag) q = q.where('p.tags', 'like', `%${JSON.stringify(options.tag)}%`);
      return q.orderBy('p.pinned', 'desc').orderBy('p.last_activity_at', 'desc').orderBy('p.id').limit(options.limit).execute();
    });
    return rows.map(toPost);
  }

  /** Every post of the community, oldest first (the export). */
  async all(communityId: string): Promise<HubPostRecord[]> {
    const rows = await this.read((db) => posts(db).where('p.community_id', '=', communityId).orderBy('p.created_at').orderBy('p.id').execute());
    return rows.map(toPost);
  }

  async replies(communityId: string, postId: string): Promise<HubReplyRecord[]> {
    const rows = await this.read((db) => replies(db).where('r.community_id', '=', communityId).where('r.post_id', '=', postId).orderBy('r.created_at').orderBy('r.id').execute());
    return rows.map(toReply);
  }

  /** A reply, or 'full' at `max` replies, or 'gone' when the post was deleted meanwhile. The post's activity moves to now. */
  async reply(communityId: string, postId: string, r: HubReplyInsert, max: number): Promise<'ok' | 'full' | 'gone'> {
    return this.write(
      null,
      async (tx) => {
        const post = await tx.selectFrom('hub_posts').select('id').where('community_id', '=', communityId).where('id', '=', postId).executeTakeFirst();
        if (!post) return 'gone' as const;
        const { n } = await tx.selectFrom('hub_replies').select((eb) => eb.fn.countAll<number>().as('n')).where('post_id', '=', postId).executeTakeFirstOrThrow();
        if (Number(n) >= max) return 'full' as const;
        await tx
          .insertInto('hub_replies')
          .values({ id: r.id, post_id: postId, community_id: communityId, body: r.body, author_kind: r.author.kind, author_id: r.author.id, author_name: r.author.name, created_at: r.at })
          .execute();
        await tx.updateTable('hub_posts').set({ last_activity_at: r.at }).where('id', '=', postId).execute();
        return 'ok' as const;
      },
      ['hub-post', postId],
    );
  }

  /** Pin, hide or lock (or undo); false when there is no such post. */
  async moderate(communityId: string, postId: string, patch: { pinned?: boolean; hidden?: boolean; locked?: boolean }): Promise<boolean> {
    const set: { pinned?: number; hidden?: number; locked?: number } = {};
    for (const k of ['pinned', 'hidden', 'locked'] as const) if (patch[k] !== undefined) set[k] = patch[k] ? 1 : 0;
    return this.write(null, async (tx) => Number((await tx.updateTable('hub_posts').set(set).where('community_id', '=', communityId).where('id', '=', postId).executeTakeFirst()).numUpdatedRows) === 1);
  }

  async hideReply(communityId: string, postId: string, replyId: string, hidden: boolean): Promise<boolean> {
    return this.write(null, async (tx) =>
      Number(
        (await tx.updateTable('hub_replies').set({ hidden: hidden ? 1 : 0 }).where('community_id', '=', communityId).where('post_id', '=', postId).where('id', '=', replyId).executeTakeFirst())
          .numUpdatedRows,
      ) === 1,
    );
  }

  /** What one member wrote: their posts and their replies (with the title of the post each answers). */
  async byMember(communityId: string, memberId: string): Promise<{ posts: HubPostRecord[]; replies: (HubReplyRecord & { postTitle: string })[] }> {
    const mine = await this.read((db) => posts(db).where('p.community_id', '=', communityId).where('p.author_kind', '=', 'member').where('p.author_id', '=', memberId).orderBy('p.created_at').execute());
    const answered = await this.read((db) =>
      replies(db)
        .innerJoin('hub_posts as p', 'p.id', 'r.post_id')
        .select('p.title as post_title')
        .where('r.community_id', '=', communityId)
        .where('r.author_kind', '=', 'member')
        .where('r.author_id', '=', memberId)
        .orderBy('r.created_at')
        .execute(),
    );
    return { posts: mine.map(toPost), replies: answered.map((r) => ({ ...toReply(r), postTitle: r.post_title })) };
  }

  /** Retention: delete the community's posts written before `cutoff`, their replies with them. */
  async deleteBefore(communityId: string, cutoff: number): Promise<number> {
    return this.write(null, async (tx) => {
      const old = tx.selectFrom('hub_posts').select('id').where('community_id', '=', communityId).where('created_at', '<', cutoff);
      await tx.deleteFrom('hub_replies').where('post_id', 'in', old).execute();
      return Number((await tx.deleteFrom('hub_posts').where('community_id', '=', communityId).where('created_at', '<', cutoff).executeTakeFirst()).numDeletedRows);
    });
  }

  /** Communities with a post written in [from, to) that a digest could list (neither hidden nor private). */
  async digestCommunities(from: number, to: number): Promise<string[]> {
    const rows = await this.read((db) =>
      db.selectFrom('hub_posts').select('community_id').distinct().where('created_at', '>=', from).where('created_at', '<', to).where('hidden', '=', 0).where('working_group_id', 'is', null).execute(),
    );
    return rows.map((r) => r.community_id);
  }

  /** The community's posts written in [from, to). */
  async between(communityId: string, from: number, to: number): Promise<HubPostRecord[]> {
    const rows = await this.read((db) => posts(db).where('p.community_id', '=', communityId).where('p.created_at', '>=', from).where('p.created_at', '<', to).orderBy('p.created_at').execute());
    return rows.map(toPost);
  }
}

