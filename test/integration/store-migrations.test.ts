// One set of migrations for both engines, checked against the SQLite schema that releases
// before Kysely made (test/fixtures/legacy-sqlite-schema.ts): an existing data directory
// must open with all its data, and the tables must be the same on every engine.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../apps/server/src/store/database.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite.ts';
import { LEGACY_MIGRATIONS, migrate } from '../fixtures/legacy-sqlite-schema.ts';
import { available, startPostgres } from '../support/engines.ts';
import { tempDir } from '../support/server.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const dir = tempDir('brave-migrations-');
afterAll(() => dir.remove());

const MIGRATION_NAMES = ['0001_convenings', '0002_documents', '0003_accounts', '0004_communities', '0005_member_claims', '0006_leases', '0007_mail', '0008_show_plans', '0009_member_language', '0010_hub'];
/** Tables made by migrations after the last release that counted in PRAGMA user_version. */
const SINCE_KYSELY = ['leases', 'mail_choices', 'mail_sent', 'show_templates', 'hub_posts', 'hub_replies'];
/** Columns added to older tables since then, by table. */
const COLUMNS_SINCE_KYSELY: Record<string, string[]> = { scheduled_convenings: ['show'], members: ['language'] };

function legacyFile(name: string): string {
  const file = join(dir.path, name);
  const db = new Sqlite(file);
  migrate(db, LEGACY_MIGRATIONS);
  db.close();
  return file;
}

/** Everything about a table that a query could notice, per table. */
function sqliteSchema(file: string): Record<string, unknown> {
  const db = new Sqlite(file, { readonly: true });
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const indexes = (db.pragma(`index_list(${t.name})`) as { name: string; unique: number; origin: string }[])
      .map((i) => ({ unique: i.unique, origin: i.origin, columns: (db.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    out[t.name] = {
      columns: (db.pragma(`table_info(${t.name})`) as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[]).map((c) => ({ ...c, type: c.type.toLowerCase() })),
      indexes,
      foreignKeys: db.pragma(`foreign_key_list(${t.name})`),
      withoutRowid: /without rowid/i.test(t.sql),
    };
  }
  db.close();
  return out;
}

it('makes on SQLite exactly the tables, columns, keys and indexes the old migrations made', async () => {
  const fresh = join(dir.path, 'fresh.db');
  await (await SqliteStore.open(fresh)).close();
  const made = sqliteSchema(fresh);
  expect(Object.keys(made)).toHaveLength(20 + SINCE_KYSELY.length);
  for (const table of SINCE_KYSELY) delete made[table];
  for (const [table, added] of Object.entries(COLUMNS_SINCE_KYSELY)) {
    const t = made[table] as { columns: { name: string }[] };
    expect(t.columns.map((c) => c.name)).toEqual(expect.arrayContaining(added));
    t.columns = t.columns.filter((c) => !added.includes(c.name));
  }
  expect(made).toEqual(sqliteSchema(legacyFile('legacy-schema.db')));
});

it('adopts a data directory made by the old code without losing or redoing anything', async () => {
  const file = legacyFile('legacy-data.db');
  const old = new Sqlite(file);
  old.prepare("INSERT INTO convenings VALUES ('c_1', 'JOIN', 'HOST', 1)").run();
  old.prepare("INSERT INTO events VALUES ('c_1', 1, 1, 'p_1', ?)").run(JSON.stringify({ type: 'spotlight.set', agreementId: 'a1', text: 'Listen', source: 'facilitator' }));
  old.prepare("INSERT INTO actions VALUES ('c_1', 'p_1', 'k', '{\"ok\":true,\"seq\":1}')").run();
  old.prepare("INSERT INTO communities VALUES ('cm_1', 'Neighbours', '', 'set', '[]', '[]', '[]', NULL, 1)").run();
  old.prepare("INSERT INTO members (id, community_id, name, joined_at, claim_hash) VALUES ('m_1', 'cm_1', 'Ana', 1, 'h')").run();
  old.close();

  for (let start = 0; start < 2; start++) {
    const store = await SqliteStore.open(file);
    const log = await store.events('c_1');
    expect(log.map((e) => [e.seq, e.actor, e.event.type])).toEqual([[1, 'p_1', 'spotlight.set'], ...(start ? [[2, null, 'spotlight.cleared']] : [])]);
    expect(await store.actions('c_1')).toEqual([{ actor: 'p_1', key: 'k', result: { ok: true, seq: 1 } }]);
    if (!start) expect(await store.append('c_1', [{ at: 2, actor: null, event: { type: 'spotlight.cleared' } }])).toMatchObject([{ seq: 2 }]);
    expect(store.db.prepare('SELECT name, claim_hash FROM members').all()).toEqual([{ name: 'Ana', claim_hash: 'h' }]);
    expect(store.db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(MIGRATION_NAMES);
    // An older release opening the file again finds it up to date.
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATION_NAMES.length);
    await store.close();
  }
});

it('refuses a data directory from a newer release instead of guessing', async () => {
  const file = join(dir.path, 'newer.db');
  const db = new Sqlite(file);
  db.pragma('user_version = 99');
  db.close();
  await expect(SqliteStore.open(file)).rejects.toThrow(/newer/);
});

it('two processes starting together on one new SQLite file both start, and migrate it once', async () => {
  const file = join(dir.path, 'together.db');
  // Each process loads everything, says "ready", and opens the file only on "go", so the
  // two really start at the same moment.
  const script = `import { openDatabase } from './apps/server/src/store/database.ts';
    console.log('ready');
    process.stdin.once('data', async () => { const d = await openDatabase({ sqliteFile: ${JSON.stringify(file)} }); await d.close(); console.log('started'); process.exit(0); });`;
  const children = [0, 1].map(() => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => (out += c.toString()).includes('ready') && resolve()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const done = new Promise<string>((resolve) => child.once('exit', () => resolve(out.replace('ready', '').trim())));
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.child.stdin.write('go\n');
  expect(await Promise.all(children.map((c) => c.done))).toEqual(['started', 'started']);
  const db = new Sqlite(file, { readonly: true });
  expect(db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(MIGRATION_NAMES);
  db.close();
}, 120_000);

it.skipIf(!available('postgres'))('makes on PostgreSQL the same tables, columns, nullability and primary keys as on SQLite', async () => {
  await using pg = await startPostgres({ durable: false });
  const database = await openDatabase({ databaseUrl: pg.createDatabase('schema_check'), sqliteFile: '' });
  try {
    const columns = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
      SELECT table_name, column_name, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name, ordinal_position`.execute(database.db);
    const keys = await sql<{ table_name: string; column_name: string }>`
      SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
      JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_name = c.table_name
      WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public' AND c.table_name NOT LIKE 'kysely_%' ORDER BY k.table_name, k.ordinal_position`.execute(database.db);
    const onPg: Record<string, { columns: [string, boolean][]; pk: string[] }> = {};
    for (const c of columns.rows) (onPg[c.table_name] ??= { columns: [], pk: [] }).columns.push([c.column_name, c.is_nullable === 'NO']);
    for (const k of keys.rows) onPg[k.table_name]!.pk.push(k.column_name);

    const onSqlite: typeof onPg = {};
    // Our migrations on SQLite (the first test holds them to the old schema, tables added since included).
    const compare = join(dir.path, 'compare.db');
    await (await SqliteStore.open(compare)).close();
    const fresh = sqliteSchema(compare) as Record<string, { columns: { name: string; notnull: number; pk: number }[] }>;
    for (const [table, t] of Object.entries(fresh)) {
      onSqlite[table] = {
        // SQLite lets a primary key column be null unless it says NOT NULL; PostgreSQL never does.
        columns: t.columns.map((c) => [c.name, c.notnull === 1 || c.pk > 0]),
        pk: t.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      };
    }
    expect(onPg).toEqual(onSqlite);
  } finally {
    await database.close();
  }
}, 120_000);
