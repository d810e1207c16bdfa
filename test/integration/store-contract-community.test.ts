// The community stores (community/store.ts, members-store.ts, schedule-store.ts) and the
// directory on both engines. What a community would lose if they broke: more members than
// it can hold when two processes admit people at once, an invite that works twice, a caucus
// answer or a name that outlives leaving, a purge that leaves rows behind.

import { describe, expect, it } from 'vitest';
import type { CommunityInfo, MemberProfile } from '@brave/protocol';
import { KyselyDocStore } from '../../apps/server/src/collab/doc-log.ts';
import { CommunityDirectory } from '../../apps/server/src/community/directory.ts';
import { createCommunities } from '../../apps/server/src/community/index.ts';
import { MemberStore } from '../../apps/server/src/community/members-store.ts';
import { ScheduleStore } from '../../apps/server/src/community/schedule-store.ts';
import { CommunityStore } from '../../apps/server/src/community/store.ts';
import type { Database } from '../../apps/server/src/store/database.ts';
import { StoreUnavailableError } from '../../apps/server/src/store/types.ts';
import { contractEngines, type ContractEngine } from '../support/contract-engines.ts';
import { TEST_SECRET } from '../support/server.ts';

const { engines, withPostgres, postgres } = contractEngines('contract-community');

const info = (id: string, extra: Partial<CommunityInfo> = {}): CommunityInfo => ({
  id,
  name: `Community ${id}`,
  description: 'Monthly circle',
  agreementSetId: 'network',
  agreements: [{ id: 'a1', text: 'Speak from your own experience' }],
  channels: [
    { id: 'housing', name: 'Housing' },
    { id: 'health', name: 'Health' },
  ],
  caucusOptions: ['Black', 'Asian', 'white'],
  retentionDays: null,
  createdAt: 1_000,
  ...extra,
});
const fran = { accountId: 'a_fran', name: 'Fran' };
const profile = (name: string, extra: Partial<MemberProfile> = {}): MemberProfile => ({ name, ...extra });
const plan = (id: string, startsAt = 5_000) => ({ id, title: `Meeting ${id}`, startsAt, durationMinutes: 60, outline: ['Welcome'], rounds: [], show: null });

/** The stores on one database; on PostgreSQL `twice` opens a second handle, as a second process would. */
async function open(engine: ContractEngine) {
  const db = engine.fresh();
  const handles: Database[] = [];
  const on = async () => {
    const database = await db.open();
    handles.push(database);
    return { communities: new CommunityStore(database), members: new MemberStore(database), schedule: new ScheduleStore(database), database };
  };
  const first = await on();
  // SQLite: one handle (a second in this process would wait for the first synchronously).
  const second = engine.name === 'postgres' ? await on() : first;
  return { first, second, on, close: () => Promise.all(handles.map((h) => h.close())) };
}

describe.each(engines)('the community stores on $name', (engine) => {
  it.skipIf(engine.skip)('keep a community with its facilitator and invite, drop a channel everywhere, and keep the last facilitator', async () => {
    const { first: s, close } = await open(engine);
    expect(await s.communities.create(info('k_1'), fran, 'invite-1', 5)).toBe('ok');
    expect(await s.communities.get('k_1')).toEqual(info('k_1'));
    expect(await s.communities.memberInviteCode('k_1')).toBe('invite-1');
    expect((await s.communities.communityByInviteCode('invite-1'))?.id).toBe('k_1');
    await s.communities.rotateMemberInvite('k_1', 'invite-2', 2_000);
    expect(await s.communities.communityByInviteCode('invite-1')).toBeNull();

    const ana = await s.members.add('k_1', 'u_ana', profile('Ana', { channel: 'housing', pronouns: 'she/her' }), 1_100, 10);
    expect(ana).toMatchObject({ id: 'u_ana', name: 'Ana', channel: 'housing', pronouns: 'she/her', joinedAt: 1_100 });
    expect(await s.members.createGroup('k_1', { id: 'w_1', name: 'Tenants', channels: ['housing', 'health'], members: ['u_ana'] }, 1_200, 5)).toBe('ok');
    await s.communities.update(info('k_1', { name: 'Renamed', channels: [{ id: 'health', name: 'Health' }] }), ['housing']);
    expect((await s.communities.get('k_1'))?.name).toBe('Renamed');
    expect(await s.members.groups('k_1')).toEqual([{ id: 'w_1', name: 'Tenants', channels: ['health'], members: ['u_ana'] }]);
    expect((await s.members.get('k_1', 'u_ana'))?.channel).toBeNull();

    expect(await s.communities.summariesOf('a_fran', 0)).toEqual([{ id: 'k_1', name: 'Renamed', description: 'Monthly circle', members: 1, next: null }]);
    expect(await s.communities.removeFacilitator('k_1', 'a_fran')).toBe('last');
    expect(await s.communities.removeFacilitator('k_1', 'a_nobody')).toBe('not-found');
    await s.communities.refreshName('a_fran', 'Fran B.');
    expect(await s.communities.facilitators('k_1')).toEqual([{ accountId: 'a_fran', name: 'Fran B.', since: 1_000 }]);
    await close();
  });

  it.skipIf(engine.skip)('let one account facilitate only so many communities, however many requests arrive at once', async () => {
    const { first, second, close } = await open(engine);
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? second : first).communities.create(info(`k_${i}`), fran, `code-${i}`, 3)));
    expect(made.filter((m) => m === 'ok')).toHaveLength(3);
    expect(await first.communities.summariesOf('a_fran', 0)).toHaveLength(3);
    await close();
  });

  it.skipIf(engine.skip)('admit members up to the cap from two handles at once, and count people who left toward the history limit', async () => {
    const { first, second, close } = await open(engine);
    await first.communities.create(info('k_1'), fran, 'invite', 5);
    const joins = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? second : first).members.add('k_1', `u_${i}`, profile(`P${i}`), 1_000 + i, 5)));
    expect(joins.filter((j) => typeof j === 'object')).toHaveLength(5);
    expect(joins.filter((j) => j === 'full')).toHaveLength(3);
    expect(await first.members.list('k_1')).toHaveLength(5);

    // A cap of 1 allows 4 people ever (FORMER_MEMBERS_FACTOR): three leave, the fifth is refused.
    await first.communities.create(info('k_2'), fran, 'invite-2', 5);
    for (let i = 0; i < 4; i++) {
      expect(await first.members.add('k_2', `u_h${i}`, profile(`H${i}`), 2_000 + i, 1)).toMatchObject({ id: `u_h${i}` });
      if (i < 3) expect(await first.members.leave('k_2', `u_h${i}`, false, 3_000)).toBe(true);
    }
    await first.members.leave('k_2', 'u_h3', true, 3_000);
    expect(await first.members.add('k_2', 'u_h4', profile('H4'), 4_000, 1)).toBe('history-full');
    expect(await first.members.anyName('k_2', 'u_h0')).toBe('H0');
    expect(await first.members.anyName('k_2', 'u_h3')).toBe('Former member');
    await close();
  });

  it.skipIf(engine.skip)('end a credential on re-issue, open a claim code once, and forget all but the name of someone who leaves', async () => {
    const { first, second, close } = await open(engine);
    await first.communities.create(info('k_1'), fran, 'invite', 5);
    await first.members.add('k_1', 'u_ana', profile('Ana', { region: 'North', channel: 'health' }), 1_000, 5);
    expect(await first.members.version('k_1', 'u_ana')).toBe(1);
    expect(await first.members.bumpVersion('k_1', 'u_ana')).toBe(2);
    expect(await first.members.active('k_1', 'u_ana', 1)).toBeNull();
    expect(await first.members.active('k_1', 'u_ana', 2)).toEqual({ name: 'Ana' });
    await first.members.setClaim('k_1', 'u_ana', 'hash-1', 9_000);
    const claims = await Promise.all([first.members.claim('k_1', 'hash-1', 2_000), second.members.claim('k_1', 'hash-1', 2_000)]);
    expect(claims.filter(Boolean)).toEqual([{ memberId: 'u_ana', version: 2 }]);

    expect(await first.members.updateProfile('k_1', 'u_ana', { pronouns: 'she/her', team: 'Outreach' })).toMatchObject({ pronouns: 'she/her', team: 'Outreach', region: 'North' });
    await first.members.setKeptAnswer('k_1', 'u_ana', 'Asian');
    expect(await first.members.keptAnswer('k_1', 'u_ana')).toBe('Asian');
    await first.members.createGroup('k_1', { id: 'w_1', name: 'Group', channels: [], members: ['u_ana'] }, 1_100, 5);
    expect(await first.members.leave('k_1', 'u_ana', false, 3_000)).toBe(true);
    expect(await first.members.leave('k_1', 'u_ana', false, 3_000)).toBe(false);
    expect(await first.members.get('k_1', 'u_ana')).toBeNull();
    expect(await first.members.keptAnswer('k_1', 'u_ana')).toBeNull();
    expect(await first.members.active('k_1', 'u_ana', 3)).toBeNull();
    expect(await first.members.everyone('k_1')).toEqual([{ id: 'u_ana', name: 'Ana', former: true, version: 3 }]);
    expect((await first.members.group('k_1', 'w_1'))?.members).toEqual([]);
    await close();
  });

  it.skipIf(engine.skip)('hold the working-group and schedule caps under simultaneous writers, and start a schedule once', async () => {
    const { first, second, close } = await open(engine);
    await first.communities.create(info('k_1'), fran, 'invite', 5);
    const groups = await Promise.all(
      Array.from({ length: 5 }, (_, i) => (i % 2 ? second : first).members.createGroup('k_1', { id: `w_${i}`, name: `G${i}`, channels: ['health'], members: [] }, 1_000 + i, 3)),
    );
    expect(groups.filter((g) => g === 'ok')).toHaveLength(3);
    expect(await first.members.deleteGroup('k_1', (await first.members.groups('k_1'))[0]!.id)).toBe(true);

    const plans = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? second : first).schedule.create('k_1', plan(`s_${i}`, 5_000 + i), 1_000, 2)));
    expect(plans.filter((p) => p === 'full')).toHaveLength(3);
    const [one] = await first.schedule.list('k_1');
    expect(one).toMatchObject({ status: 'scheduled', sequence: 0, conveningId: null });
    await first.schedule.update({ ...one!, title: 'Changed' }, 1_500);
    expect(await first.schedule.get('k_1', one!.id)).toMatchObject({ title: 'Changed', sequence: 1, updatedAt: 1_500 });
    const starts = await Promise.all([first.schedule.markStarted('k_1', one!.id, 'c_1', 2_000), second.schedule.markStarted('k_1', one!.id, 'c_2', 2_000)]);
    expect(starts.filter(Boolean)).toHaveLength(1);
    const started = (await first.schedule.get('k_1', one!.id))!;
    expect(started.status).toBe('live');
    expect(await first.schedule.deleteUnstarted('k_1', one!.id)).toBe(false);
    expect(await first.schedule.communityOf(started.conveningId!)).toBe('k_1');
    expect(await first.schedule.unfinished()).toHaveLength(1);
    await first.schedule.markEnded(one!.id, 3_000);
    expect(await first.schedule.sweepable('k_1', 4_000)).toHaveLength(1);
    await first.schedule.markSwept(one!.id, 4_000);
    expect(await first.schedule.sweepable('k_1', 4_000)).toEqual([]);
    expect(await first.communities.summariesOf('a_fran', 0)).toMatchObject([{ next: { title: expect.stringMatching(/^Meeting/) } }]);
    await close();
  });

  it.skipIf(engine.skip)('remember who met whom, forget someone who left from it, and drop history older than the cut-off', async () => {
    const { first: s, close } = await open(engine);
    await s.communities.create(info('k_1'), fran, 'invite', 5);
    await s.schedule.recordMeetings('k_1', 'c_1', [['u_a', 'u_b'], ['u_c', 'u_d']], 1_000);
    await s.schedule.recordMeetings('k_1', 'c_2', [['u_a', 'u_c']], 2_000);
    expect(await s.schedule.meetings('k_1')).toEqual([['u_a', 'u_b'], ['u_c', 'u_d'], ['u_a', 'u_c']]);
    expect(await s.schedule.meetings('k_1', 'c_2')).toEqual([['u_a', 'u_b'], ['u_c', 'u_d']]);
    await s.schedule.forgetMember('k_1', 'u_a');
    expect(await s.schedule.meetings('k_1')).toEqual([['u_b'], ['u_c', 'u_d'], ['u_c']]);
    expect(await s.schedule.deleteMeetingsBefore('k_1', 1_500)).toBe(2);
    expect(await s.schedule.meetings('k_1')).toEqual([['u_c']]);
    await close();
  });

  it.skipIf(engine.skip)('keep a run of show planned ahead with its convening, and one template per community, the newest', async () => {
    const { first, second, close } = await open(engine);
    await first.communities.create(info('k_1'), fran, 'invite-1', 5);
    const show = { items: [{ id: 'w', kind: 'welcome' as const, title: 'Welcome', minutes: 5 }, { id: 'r', kind: 'reflection' as const, title: 'Quiet', minutes: 3 }], autoAdvance: true };
    await first.schedule.create('k_1', { ...plan('s_1'), show }, 1_000, 5);
    expect((await second.schedule.get('k_1', 's_1'))?.show).toEqual(show);
    const found = (await first.schedule.get('k_1', 's_1'))!;
    await first.schedule.update({ ...found, show: null }, 1_100);
    expect((await second.schedule.get('k_1', 's_1'))?.show).toBeNull();

    expect(await first.schedule.showTemplate('k_1')).toBeNull();
    await first.schedule.keepShowTemplate('k_1', show, 2_000);
    await second.schedule.keepShowTemplate('k_1', { ...show, autoAdvance: false }, 3_000);
    expect(await first.schedule.showTemplate('k_1')).toEqual({ ...show, autoAdvance: false, savedAt: 3_000 });
    await first.schedule.dropShowTemplate('k_1');
    expect(await second.schedule.showTemplate('k_1')).toBeNull();
    await close();
  });

  it.skipIf(engine.skip)('purge a community and every row it held, its convening logs and documents with it', async () => {
    const { first: s, close } = await open(engine);
    await s.communities.create(info('k_1'), fran, 'invite', 5);
    await s.communities.create(info('k_keep'), fran, 'invite-keep', 5);
    await s.members.add('k_1', 'u_ana', profile('Ana'), 1_000, 5);
    await s.members.createGroup('k_1', { id: 'w_1', name: 'G', channels: ['health'], members: ['u_ana'] }, 1_000, 5);
    await s.schedule.create('k_1', plan('s_1'), 1_000, 5);
    await s.schedule.keepShowTemplate('k_1', { items: [{ id: 'w', kind: 'welcome', title: 'Welcome', minutes: 5 }], autoAdvance: false }, 1_500);
    await s.schedule.markStarted('k_1', 's_1', 'c_1', 2_000);
    await s.schedule.recordMeetings('k_1', 'c_1', [['u_ana', 'u_bo']], 2_500);
    await s.communities.createFacilitatorInvite({ tokenHash: 't', communityId: 'k_1', createdBy: 'a_fran', createdAt: 1_000, expiresAt: 9_000 }, 5);
    const db = s.database.db;
    await db.insertInto('convenings').values({ id: 'c_1', join_code: 'JOIN', cohost_code: 'co', created_at: 2_000 }).execute();
    await db.insertInto('leases').values({ convening_id: 'c_1', owner: 'node-a', epoch: 3, expires_at: 9_000 }).execute();
    await db.insertInto('doc_versions').values({ id: 'v_1', doc: 'toolkit:k_1:health', label: 'First', at: 3_000, by: null, data: new Uint8Array([1]) }).execute();
    let inside = 0;
    await s.communities.purge('k_1', ['c_1'], async (tx) => {
      inside = (await tx.deleteFrom('doc_versions').where('doc', 'like', 'toolkit:k_1:%').executeTakeFirst()).numDeletedRows > 0n ? 1 : 0;
    });
    expect(inside).toBe(1);
    for (const table of ['members', 'working_groups', 'scheduled_convenings', 'community_meetings', 'facilitator_invites', 'member_invites', 'community_facilitators', 'show_templates'] as const) {
      const left = await db.selectFrom(table).selectAll().where('community_id' as never, '=', 'k_1' as never).execute();
      expect(left, table).toEqual([]);
    }
    expect(await db.selectFrom('working_group_members').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('convenings').selectAll().execute()).toEqual([]);
    // Its lease row too: an owner still running it elsewhere is fenced off at its next append.
    expect(await db.selectFrom('leases').selectAll().execute()).toEqual([]);
    expect(await s.communities.get('k_1')).toBeNull();
    expect(await s.communities.get('k_keep')).not.toBeNull();
    await close();
  });

  it.skipIf(engine.skip)('use a co-facilitator invite once, and hold the open-invite cap', async () => {
    const { first, second, close } = await open(engine);
    await first.communities.create(info('k_1'), fran, 'invite', 5);
    const invite = (tokenHash: string) => ({ tokenHash, communityId: 'k_1', createdBy: 'a_fran', createdAt: 1_000, expiresAt: 9_000 });
    const made = await Promise.all(['t1', 't2', 't3'].map((t, i) => (i % 2 ? second : first).communities.createFacilitatorInvite(invite(t), 2)));
    expect(made.filter((m) => m === 'ok')).toHaveLength(2);
    const token = (await first.database.db.selectFrom('facilitator_invites').select('token_hash').execute())[0]!.token_hash;
    const uses = await Promise.all([
      first.communities.acceptFacilitatorInvite(token, 'k_1', { id: 'a_gil', name: 'Gil' }, 2_000, 5),
      second.communities.acceptFacilitatorInvite(token, 'k_1', { id: 'a_hal', name: 'Hal' }, 2_000, 5),
    ]);
    expect(uses.filter((u) => u === 'ok')).toHaveLength(1);
    expect(await first.communities.facilitators('k_1')).toHaveLength(2);
    expect(await first.communities.removeFacilitator('k_1', 'a_fran')).toBe('ok');
    await close();
  });

  it.skipIf(engine.skip)('give documents a directory that follows each committed write', async () => {
    const db = engine.fresh();
    const database = await db.open();
    const parts = createCommunities({ database, docs: new KyselyDocStore(database), secret: TEST_SECRET, now: () => 1_000, log: () => undefined });
    await parts.communities.create(info('k_1'), fran, 'invite', 5);
    const directory: CommunityDirectory = parts.directory;
    expect(directory.facts('k_1')).toMatchObject({ name: 'Community k_1', facilitators: ['a_fran'], members: [] });
    await parts.members.add('k_1', 'u_ana', profile('Ana'), 1_000, 5);
    const token = parts.memberTokens.issue('k_1', 'u_ana', 1);
    expect(directory.verifyMember(token)).toEqual({ communityId: 'k_1', memberId: 'u_ana', name: 'Ana' });
    await parts.schedule.create('k_1', plan('s_1'), 1_000, 5);
    await parts.schedule.markStarted('k_1', 's_1', 'c_1', 2_000);
    expect(directory.belonging('c_1', 'u_ana')).toEqual({ former: false, facilitator: false, account: false });
    expect(directory.belonging('c_quick', 'u_ana')).toBeNull();
    await parts.members.leave('k_1', 'u_ana', true, 3_000);
    expect(directory.verifyMember(token)).toBeNull();
    expect(directory.belonging('c_1', 'u_ana')).toMatchObject({ former: true });
    expect(directory.nameOf('k_1', 'u_ana')).toBe('Former member');
    expect(directory.nameOf('k_1', 'a_fran')).toBe('Fran');
    // Another process's copy: read from the same database when it starts.
    const otherDatabase = await db.open();
    const other = createCommunities({ database: otherDatabase, docs: new KyselyDocStore(otherDatabase), secret: TEST_SECRET, now: () => 1_000, log: () => undefined });
    await other.directory.load();
    expect(other.directory.facts('k_1')).toMatchObject({ facilitators: ['a_fran'], members: [] });
    expect(other.directory.belonging('c_1', 'u_ana')).toMatchObject({ former: true });
    await otherDatabase.close();
    await database.close();
  });
});

describe.skipIf(!withPostgres)('the community stores while PostgreSQL is down', () => {
  it('refuse reads and writes as store_unavailable and work again once it is back', async () => {
    const url = postgres().createDatabase('community_outage');
    const { openDatabase } = await import('../../apps/server/src/store/database.ts');
    const database = await openDatabase({ databaseUrl: url, sqliteFile: '' });
    const communities = new CommunityStore(database);
    const members = new MemberStore(database);
    await communities.create(info('k_1'), fran, 'invite', 5);
    postgres().stop();
    try {
      await expect(members.add('k_1', 'u_ana', profile('Ana'), 1_000, 5)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(communities.get('k_1')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      postgres().start();
    }
    expect(await members.add('k_1', 'u_ana', profile('Ana'), 1_000, 5)).toMatchObject({ id: 'u_ana' });
    expect(await members.list('k_1')).toHaveLength(1);
    await database.close();
  });
});
