// Communities with DATABASE_URL: everything the server owns is in PostgreSQL, so two
// servers on one database share communities, and no SQLite file is ever opened.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunityHome, type MyData } from '@brave/protocol';
import { openDatabase } from '../../apps/server/src/store/database.ts';
import { available, startPostgres, type PostgresServer } from '../support/engines.ts';
import { until } from '../support/people.ts';
import { startTestServer } from '../support/server.ts';
import { asMember, createCommunity, enterAsMember, facilitator, joinCommunity, memberCode, schedule, startAsHost } from './community-helpers.ts';

const withPostgres = available('postgres');

describe.skipIf(!withPostgres)('communities on PostgreSQL', () => {
  let pg: PostgresServer;
  beforeAll(async () => {
    pg = await startPostgres({ durable: false });
  }, 60_000);
  afterAll(() => pg?.destroy());

  it('signs up, makes a community, admits a member, plans and runs a convening, lets the member leave and purges it: all in PostgreSQL, no SQLite file', async () => {
    const databaseUrl = pg.createDatabase('community_full');
    await using one = await startTestServer({ DATABASE_URL: databaseUrl });
    await using two = await startTestServer({ DATABASE_URL: databaseUrl });

    const fran = await facilitator(one.url);
    const community = await createCommunity(fran);
    const ana = await joinCommunity(one.url, community.id, await memberCode(fran, community.id), { name: 'Ana', channel: 'money' });

    // The other server knows the member and the community at once: they live in the shared database.
    const home = await asMember(two.url, 'GET', `/api/communities/${community.id}`, ana.token);
    expect(home.status).toBe(200);
    expect(CommunityHome.parse(home.json).members.map((m) => m.name)).toContain('Ana');

    const planned = await schedule(fran, community.id, { title: 'April circle' });
    const host = await startAsHost(fran, community.id, planned.id);
    const { client } = await enterAsMember(one.url, community.id, planned.id, ana.token);
    expect(await until(host.client, (c) => c.state?.participants[ana.memberId], 30_000)).toMatchObject({ name: 'Ana' });
    client.close();
    host.client.close();

    const mine = await asMember(two.url, 'GET', `/api/communities/${community.id}/me`, ana.token);
    expect((mine.json as MyData).convenings.map((c) => c.title)).toEqual(['April circle']);
    expect((await asMember(two.url, 'DELETE', `/api/communities/${community.id}/me`, ana.token, { replaceName: true })).status).toBe(204);
    // Left on one server: the credential no longer opens anything on either.
    expect((await asMember(one.url, 'GET', `/api/communities/${community.id}/me`, ana.token)).status).toBe(401);

    expect((await fran.call('DELETE', `/api/communities/${community.id}`, { confirmName: community.name })).status).toBe(204);
    expect((await fran.call('GET', '/api/communities')).json).toEqual({ communities: [] });

    const database = await openDatabase({ databaseUrl, sqliteFile: '' });
    try {
      expect(await database.db.selectFrom('communities').selectAll().execute()).toEqual([]);
      expect(await database.db.selectFrom('members').selectAll().execute()).toEqual([]);
      expect(await database.db.selectFrom('events').selectAll().where('convening_id', '=', host.entry.conveningId).execute()).toEqual([]);
      expect(await database.db.selectFrom('accounts').select('id').execute()).toEqual([{ id: fran.accountId }]);
    } finally {
      await database.close();
    }
    for (const server of [one, two]) {
      expect(existsSync(join(server.dataDir, 'brave-space.db'))).toBe(false);
      expect(readdirSync(server.dataDir).filter((f) => f.includes('.db'))).toEqual([]);
    }
  }, 120_000);
});
