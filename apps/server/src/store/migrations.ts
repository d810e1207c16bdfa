import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/**
 * The one schema of both engines, as Kysely migrations run by Kysely's Migrator
 * (store/database.ts). Each entry moves the schema one step forward; never edit a released
 * one, add a new one at the end. The first five are the SQLite schema the server had before
 * Kysely (PRAGMA user_version 1–5), column for column, so an existing data directory is
 * adopted as it is (test/integration/store-migrations.test.ts compares the two).
 *
 * Only the column types differ by engine: integers are 64-bit (`bigint`) on PostgreSQL
 * because times are milliseconds, and bytes are `bytea`.
 */
export function migrations(engine: Engine): Record<string, Migration> {
  const int = engine === 'sqlite' ? 'integer' : 'bigint';
  const blob = engine === 'sqlite' ? 'blob' : 'bytea';
  // SQLite's WITHOUT ROWID (a table stored by its primary key); PostgreSQL has no rowid.
  const keyed = <T extends CreateTableBuilder<string, string>>(t: T): T => (engine === 'sqlite' ? (t.modifyEnd(sql`without rowid`) as T) : t);
  return {
    '0001_convenings': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('convenings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('join_code', 'text', (c) => c.notNull().unique())
          .addColumn('cohost_code', 'text', (c) => c.notNull())
          .addColumn('created_at', int, (c) => c.notNull())
          .execute();
        await keyed(
          db.schema
            .createTable('events')
            .addColumn('convening_id', 'text', (c) => c.notNull())
            .addColumn('seq', int, (c) => c.notNull())
            .addColumn('at', int, (c) => c.notNull())
            .addColumn('actor', 'text')
            .addColumn('body', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('events_pk', ['convening_id', 'seq']),
        ).execute();
        await keyed(
          db.schema
            .createTable('actions')
            .addColumn('convening_id', 'text', (c) => c.notNull())
            .addColumn('actor', 'text', (c) => c.notNull())
            .addColumn('key', 'text', (c) => c.notNull())
            .addColumn('result', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('actions_pk', ['convening_id', 'actor', 'key']),
        ).execute();
      },
    },
    // Collaborative documents (collab/doc-store.ts): update log, snapshots, named versions, published pages.
    '0002_documents': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('doc_updates')
          .addColumn('doc', 'text', (c) => c.notNull())
          .addColumn('seq', int, (c) => c.notNull())
          .addColumn('at', int, (c) => c.notNull())
          .addColumn('data', blob, (c) => c.notNull())
          .addPrimaryKeyConstraint('doc_updates_pk', ['doc', 'seq'])
          .execute();
        await db.schema
          .createTable('doc_snapshots')
          .addColumn('doc', 'text', (c) => c.primaryKey())
          .addColumn('upto', int, (c) => c.notNull())
          .addColumn('at', int, (c) => c.notNull())
          .addColumn('data', blob, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('doc_versions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('doc', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('at', int, (c) => c.notNull())
          .addColumn('by', 'text')
          .addColumn('data', blob, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('doc_versions_by_doc').on('doc_versions').columns(['doc', 'at']).execute();
        await db.schema
          .createTable('doc_publications')
          .addColumn('slug', 'text', (c) => c.primaryKey())
          .addColumn('doc', 'text', (c) => c.notNull().unique())
          .addColumn('version_id', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('published_at', int, (c) => c.notNull())
          .addColumn('by', 'text')
          .addColumn('markdown', 'text', (c) => c.notNull())
          .addColumn('html', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // Facilitator accounts (accounts/store.ts): accounts, sessions (only the SHA-256 of the
    // cookie is kept) and one-time reset links (hashed too).
    '0003_accounts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('accounts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', int, (c) => c.notNull())
          .execute();
        for (const [table, key] of [
          ['account_sessions', 'id_hash'],
          ['account_reset_links', 'token_hash'],
        ] as const) {
          let t = db.schema
            .createTable(table)
            .addColumn(key, 'text', (c) => c.primaryKey())
            .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'));
          t = table === 'account_sessions' ? t.addColumn('csrf', 'text', (c) => c.notNull()) : t.addColumn('created_by', 'text', (c) => c.notNull());
          await t.addColumn('created_at', int, (c) => c.notNull()).addColumn('expires_at', int, (c) => c.notNull()).execute();
        }
        await db.schema.createIndex('account_sessions_by_account').on('account_sessions').column('account_id').execute();
        await db.schema.createIndex('account_sessions_by_expiry').on('account_sessions').column('expires_at').execute();
        await db.schema.createIndex('account_reset_links_by_account').on('account_reset_links').column('account_id').execute();
      },
    },
    // Communities (community/*store*.ts): settings, facilitators, invites, members, working
    // groups, scheduled convenings and who met whom.
    '0004_communities': { up: (db: Kysely<unknown>) => communities(db, int, keyed) },
    // One-time claim codes of re-issued member links (community/members-store.ts).
    '0005_member_claims': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('members').addColumn('claim_hash', 'text').execute();
        await db.schema.alterTable('members').addColumn('claim_expires_at', int).execute();
      },
    },
    // Who decides for a convening when several processes share the database (store/lease.ts).
    '0006_leases': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('leases')
          .addColumn('convening_id', 'text', (c) => c.primaryKey())
          .addColumn('owner', 'text', (c) => c.notNull())
          .addColumn('epoch', int, (c) => c.notNull())
          .addColumn('expires_at', int, (c) => c.notNull())
          .execute();
      },
    },
    // Email (mail/store.ts): what each person chose to receive, and the claims of mail sent once.
    '0007_mail': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('mail_choices')
          .addColumn('subject', 'text', (c) => c.primaryKey())
          // A community's rows go with it; a facilitator's (null) stay with the account.
          .addColumn('community_id', 'text', (c) => c.references('communities.id').onDelete('cascade'))
          .addColumn('email', 'text')
          .addColumn('reminders', 'integer', (c) => c.notNull())
          .addColumn('news', 'integer', (c) => c.notNull())
          .addColumn('updated_at', int, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('mail_choices_by_community').on('mail_choices').column('community_id').execute();
        await keyed(db.schema.createTable('mail_sent').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('at', int, (c) => c.notNull())).execute();
      },
    },
    // Runs of show planned ahead on a scheduled convening, and each community's template
    // for the next one (community/schedule-store.ts, community/store.ts).
    '0008_show_plans': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('scheduled_convenings').addColumn('show', 'text').execute();
        await db.schema
          .createTable('show_templates')
          .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
          .addColumn('plan', 'text', (c) => c.notNull())
          .addColumn('saved_at', int, (c) => c.notNull())
          .execute();
      },
    },
    // The language a member reads (docs/languages.md): null until they choose one.
    '0009_member_language': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('members').addColumn('language', 'text').execute();
      },
    },
    // The community hub between convenings (hub/store.ts): posts and their replies.
    '0010_hub': { up: (db: Kysely<unknown>) => hub(db, int) },
  };
}

async function hub(db: Kysely<unknown>, int: 'integer' | 'bigint'): Promise<void> {
  const flag = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  const author = <T extends CreateTableBuilder<string, string>>(t: T): T =>
    t
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('created_at', int, (c) => c.notNull()) as T;
  await author(
    db.schema
      .createTable('hub_posts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('links', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('working_group_id', 'text'),
  )
    .addColumn('last_activity_at', int, (c) => c.notNull())
    .addColumn('pinned', 'integer', flag)
    .addColumn('hidden', 'integer', flag)
    .addColumn('locked', 'integer', flag)
    .execute();
  await db.schema.createIndex('hub_posts_by_community').on('hub_posts').columns(['community_id', 'created_at']).execute();
  await author(
    db.schema
      .createTable('hub_replies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('post_id', 'text', (c) => c.notNull().references('hub_posts.id').onDelete('cascade'))
      .addColumn('community_id', 'text', (c) => c.notNull()),
  )
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hidden', 'integer', flag)
    .execute();
  await db.schema.createIndex('hub_replies_by_post').on('hub_replies').columns(['post_id', 'created_at']).execute();
  await db.schema.createIndex('hub_replies_by_author').on('hub_replies').columns(['community_id', 'author_id']).execute();
}

async function communities(db: Kysely<unknown>, int: 'integer' | 'bigint', keyed: <T extends CreateTableBuilder<string, string>>(t: T) => T): Promise<void> {
  const cascade = (ref: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(ref).onDelete('cascade');
  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('agreement_set_id', 'text', (c) => c.notNull())
    .addColumn('agreements', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('caucus_options', 'text', (c) => c.notNull())
    .addColumn('retention_days', int)
    .addColumn('created_at', int, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('community_facilitators')
    .addColumn('community_id', 'text', cascade('communities.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('since', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('community_facilitators_pk', ['community_id', 'account_id'])
    .execute();
  await db.schema.createIndex('community_facilitators_by_account').on('community_facilitators').column('account_id').execute();
  await db.schema
    .createTable('facilitator_invites')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', cascade('communities.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .addColumn('expires_at', int, (c) => c.notNull())
    .addColumn('used_at', int)
    .execute();
  await db.schema
    .createTable('member_invites')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', int, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', cascade('communities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pronouns', 'text')
    .addColumn('channel', 'text')
    .addColumn('role', 'text')
    .addColumn('team', 'text')
    .addColumn('organisation', 'text')
    .addColumn('region', 'text')
    .addColumn('credential_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('kept_answer', 'text')
    .addColumn('former', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joined_at', int, (c) => c.notNull())
    .addColumn('left_at', int)
    .execute();
  await db.schema.createIndex('members_by_community').on('members').columns(['community_id', 'former']).execute();
  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', cascade('communities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('working_groups_by_community').on('working_groups').column('community_id').execute();
  await keyed(
    db.schema
      .createTable('working_group_members')
      .addColumn('group_id', 'text', cascade('working_groups.id'))
      .addColumn('member_id', 'text', cascade('members.id'))
      .addPrimaryKeyConstraint('working_group_members_pk', ['group_id', 'member_id']),
  ).execute();
  await keyed(
    db.schema
      .createTable('working_group_channels')
      .addColumn('group_id', 'text', cascade('working_groups.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('working_group_channels_pk', ['group_id', 'channel']),
  ).execute();
  await db.schema
    .createTable('scheduled_convenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', cascade('communities.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', int, (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('outline', 'text', (c) => c.notNull())
    .addColumn('rounds', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', int, (c) => c.notNull())
    .addColumn('convening_id', 'text', (c) => c.unique())
    .addColumn('started_at', int)
    .addColumn('ended_at', int)
    .addColumn('swept_at', int)
    .execute();
  await db.schema.createIndex('scheduled_convenings_by_community').on('scheduled_convenings').columns(['community_id', 'starts_at']).execute();
  await db.schema
    .createTable('community_meetings')
    .addColumn('community_id', 'text', cascade('communities.id'))
    .addColumn('convening_id', 'text', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('at', int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('community_meetings_by_community').on('community_meetings').columns(['community_id', 'at']).execute();
}
