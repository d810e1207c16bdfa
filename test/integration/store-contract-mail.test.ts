// The mail store (mail/store.ts) on both engines: what a member would notice if it broke is
// a reminder twice, a reminder after they said stop, or mail to someone who left.

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { KyselyMailStore } from '../../apps/server/src/mail/store.ts';
import type { Database } from '../../apps/server/src/store/database.ts';
import { contractEngines } from '../support/contract-engines.ts';

const { engines } = contractEngines('contract-mail');

/** A community with two members and a facilitator, as the community stores write them. */
async function world(database: Database): Promise<void> {
  const db = database.db;
  await sql`INSERT INTO accounts (id, email, name, password_hash, is_admin, created_at) VALUES ('a_fran', 'fran@example.org', 'Fran', 'h', 1, 1)`.execute(db);
  await sql`INSERT INTO communities (id, name, description, agreement_set_id, agreements, channels, caucus_options, retention_days, created_at)
            VALUES ('c_1', 'Roots', '', 'default', '[]', '[]', '["Rosewood"]', NULL, 1)`.execute(db);
  await sql`INSERT INTO community_facilitators (community_id, account_id, name, since) VALUES ('c_1', 'a_fran', 'Fran', 1)`.execute(db);
  await sql`INSERT INTO members (id, community_id, name, joined_at) VALUES ('u_bo', 'c_1', 'Bo', 1), ('u_ana', 'c_1', 'Ana', 1)`.execute(db);
  await sql`INSERT INTO scheduled_convenings (id, community_id, title, starts_at, duration_minutes, outline, rounds, sequence, updated_at)
            VALUES ('s_1', 'c_1', 'Spring', 5000, 60, '["Welcome"]', '[]', 2, 3), ('s_2', 'c_1', 'Later', 90000, 60, '[]', '[]', 0, 3)`.execute(db);
}

const bo = { kind: 'member' as const, communityId: 'c_1', memberId: 'u_bo' };
const ana = { kind: 'member' as const, communityId: 'c_1', memberId: 'u_ana' };
const fran = { kind: 'account' as const, accountId: 'a_fran' };

describe.each(engines)('the mail store on $name', (engine) => {
  it.skipIf(engine.skip)('keeps choices across a reopen, sends to those who chose a list, and stops one list on unsubscribe', async () => {
    const db = engine.fresh();
    const database = await db.open();
    await world(database);
    const store = new KyselyMailStore(database);
    await store.setChoices(bo, { email: 'bo@example.org', reminders: true, news: false }, 10);
    await store.setChoices(ana, { email: 'ana@example.org', reminders: false, news: true }, 10);
    await database.close();

    const again = new KyselyMailStore(await db.open());
    expect(await again.choices(bo)).toEqual({ email: 'bo@example.org', reminders: true, news: false });
    const emails = async (list: 'reminders' | 'news') => (await again.recipients('c_1', list)).map((r) => r.email).sort();
    // A facilitator who never chose receives reminders, not news.
    expect(await emails('reminders')).toEqual(['bo@example.org', 'fran@example.org']);
    expect(await emails('news')).toEqual(['ana@example.org']);
    await again.unsubscribe(fran, 'reminders', 20);
    await again.unsubscribe(ana, 'all', 20);
    expect(await emails('reminders')).toEqual(['bo@example.org']);
    expect(await emails('news')).toEqual([]);
    expect(await again.choices(ana)).toEqual({ email: 'ana@example.org', reminders: false, news: false });
    await again.forget(bo);
    expect(await again.choices(bo)).toBeNull();
    expect(await emails('reminders')).toEqual([]);
  });

  it.skipIf(engine.skip)('reads upcoming convenings with what a reminder needs, and lets one claim win however many ask', async () => {
    const db = engine.fresh();
    const first = await db.open();
    await world(first);
    const store = new KyselyMailStore(first);
    expect(await store.upcoming(1000, 10_000)).toEqual([
      { scheduleId: 's_1', communityId: 'c_1', communityName: 'Roots', caucusOptions: ['Rosewood'], title: 'Spring', outline: ['Welcome'], startsAt: 5000, durationMinutes: 60, sequence: 2, updatedAt: 3 },
    ]);
    // PostgreSQL: a second handle, as another process; SQLite: the one connection.
    const other = engine.name === 'postgres' ? new KyselyMailStore(await db.open()) : store;
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).claim('reminder:s_1:day:5000', 100)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claim('reminder:s_1:day:5000', 200)).toBe(false);
    expect(await store.claim('reminder:s_1:hour:5000', 200)).toBe(true);
  });

  it.skipIf(engine.skip)('drops a member’s choices with their community', async () => {
    const database = await engine.fresh().open();
    await world(database);
    const store = new KyselyMailStore(database);
    await store.setChoices(bo, { email: 'bo@example.org', reminders: true, news: true }, 10);
    await sql`DELETE FROM communities WHERE id = 'c_1'`.execute(database.db);
    expect(await store.choices(bo)).toBeNull();
  });
});
