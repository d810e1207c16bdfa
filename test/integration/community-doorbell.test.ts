import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunityHome, type CommunityChanged } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { asMember, createCommunity, facilitator, joinCommunity, memberCode, schedule, startAsHost, type Browser } from './community-helpers.ts';
import { cookieOf, listen, listening, refusedWith, until, type Listener } from './doorbell-helpers.ts';

/**
 * The community doorbell (issue 15, item 19): an open community home hears, over the
 * `/community` socket.io namespace, that its community changed, and only its own. Each
 * test waits for the ring it caused; nothing here waits on a clock.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let fran: Browser & { accountId: string };
let gus: Browser & { accountId: string };
let c = '';
let d = '';
let code = '';
let bo = { memberId: '', token: '' };
let dee = { memberId: '', token: '' };
const open: Listener[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fran = await facilitator(server.url, 'Fran');
  gus = await facilitator(server.url, 'Gus');
  c = (await createCommunity(fran, { name: 'Riverside network' })).id;
  d = (await createCommunity(gus, { name: 'Hillside network' })).id;
  code = await memberCode(fran, c);
  bo = await joinCommunity(server.url, c, code, { name: 'Bo' });
  dee = await joinCommunity(server.url, d, await memberCode(gus, d), { name: 'Dee' });
}, 60_000);
afterAll(async () => {
  open.forEach((l) => l.close());
  await server?.close();
});

const keep = async (l: Promise<Listener>) => {
  const got = await l;
  open.push(got);
  return got;
};
/** Wait for the ring a change caused, then forget what was heard so far. */
async function heard(l: Listener, want: Partial<CommunityChanged>): Promise<void> {
  await until(() => l.rings.some((r) => Object.entries(want).every(([k, v]) => r[k as keyof CommunityChanged] === v)), () => l.rings);
  l.rings.length = 0;
}

describe('the doorbell rings for what the home shows', () => {
  it("rings a member's and a facilitator's home when a convening is planned, moved, cancelled and started", async () => {
    const member = await keep(listening(server.url, c, { token: bo.token }));
    const host = await keep(listening(server.url, c, { cookie: cookieOf(fran) }));

    const planned = await schedule(fran, c, { title: 'Spring gathering' });
    await heard(member, { kind: 'schedule', scheduleId: planned.id });
    await heard(host, { kind: 'schedule', scheduleId: planned.id });

    expect((await fran.call('PATCH', `/api/communities/${c}/convenings/${planned.id}`, { durationMinutes: 60 })).status).toBe(200);
    await heard(member, { kind: 'schedule', scheduleId: planned.id });

    const started = await startAsHost(fran, c, planned.id);
    await heard(member, { kind: 'schedule', scheduleId: planned.id });
    started.client.close();
    // What the ring told them to fetch: the home now offers the live convening.
    const home = CommunityHome.parse((await asMember(server.url, 'GET', `/api/communities/${c}`, bo.token)).json);
    expect(home.upcoming.find((s) => s.id === planned.id)?.status).toBe('live');

    const later = await schedule(fran, c, { title: 'Maybe in summer' });
    await heard(member, { kind: 'schedule', scheduleId: later.id });
    expect((await fran.call('DELETE', `/api/communities/${c}/convenings/${later.id}`)).status).toBe(204);
    await heard(member, { kind: 'schedule', scheduleId: later.id });
  });

  it('rings when a live convening closes, and the home then shows it ended', async () => {
    const member = await keep(listening(server.url, c, { token: bo.token }));
    const planned = await schedule(fran, c, { title: 'Short call' });
    const host = await startAsHost(fran, c, planned.id);
    await heard(member, { kind: 'schedule', scheduleId: planned.id });
    const closed = await host.client.send({ type: 'convening.close' });
    host.client.close();
    expect(closed.ok).toBe(true);
    await heard(member, { kind: 'schedule', scheduleId: planned.id });
    const home = CommunityHome.parse((await asMember(server.url, 'GET', `/api/communities/${c}`, bo.token)).json);
    expect(home.past.find((s) => s.id === planned.id)?.status).toBe('ended');
    expect(home.upcoming.map((s) => s.id)).not.toContain(planned.id);
  });

  it('rings when people join or leave, when a working group changes and when the settings change', async () => {
    const member = await keep(listening(server.url, c, { token: bo.token }));
    const cy = await joinCommunity(server.url, c, code, { name: 'Cy' });
    await heard(member, { kind: 'members' });

    const group = await fran.call('POST', `/api/communities/${c}/working-groups`, { name: 'Story circle', channels: ['money'], members: [cy.memberId] });
    expect(group.status).toBe(201);
    await heard(member, { kind: 'groups' });

    expect((await asMember(server.url, 'DELETE', `/api/communities/${c}/me`, cy.token, {})).status).toBe(204);
    await heard(member, { kind: 'members' });

    expect((await fran.call('PATCH', `/api/communities/${c}`, { description: 'We meet monthly' })).status).toBe(200);
    await heard(member, { kind: 'community' });
  });

  it('a person of another community hears nothing of this one', async () => {
    const other = await keep(listening(server.url, d, { token: dee.token }));
    const otherHost = await keep(listening(server.url, d, { cookie: cookieOf(gus) }));
    await schedule(fran, c, { title: 'Only for Riverside' });
    await joinCommunity(server.url, c, code, { name: 'Ada' });
    // A change of their own comes after ours: had ours reached them, it would have come first.
    const theirs = await schedule(gus, d, { title: 'Hillside monthly' });
    await until(() => other.rings.length > 0 && otherHost.rings.length > 0, () => [other.rings, otherHost.rings]);
    expect(other.rings).toEqual([{ kind: 'schedule', scheduleId: theirs.id }]);
    expect(otherHost.rings).toEqual([{ kind: 'schedule', scheduleId: theirs.id }]);
  });
});

describe('who may listen', () => {
  it('refuses, typed, a forged credential, one of another community, a facilitator of another community and no credential at all', async () => {
    expect(await refusedWith(server.url, c, { token: 'm1.forged.credential' })).toMatchObject({ status: 'refused', reason: { code: 'unauthorized' } });
    expect(await refusedWith(server.url, c, { token: dee.token })).toMatchObject({ status: 'refused', reason: { code: 'unauthorized' } });
    expect(await refusedWith(server.url, c, { cookie: cookieOf(gus) })).toMatchObject({ status: 'refused', reason: { code: 'unauthorized' } });
    expect(await refusedWith(server.url, c, {})).toMatchObject({ status: 'refused', reason: { code: 'unauthorized' } });
    expect(await refusedWith(server.url, 'not an id!', { token: bo.token })).toMatchObject({ status: 'refused', reason: { code: 'bad_request' } });
  });

  it('a member link that was re-issued stops opening the doorbell, and the connection it had is let go', async () => {
    const rae = await joinCommunity(server.url, c, code, { name: 'Rae' });
    const before = await keep(listening(server.url, c, { token: rae.token }));
    expect((await fran.call('POST', `/api/communities/${c}/members/${rae.memberId}/reissue`)).status).toBe(201);
    await until(() => before.bell.status === 'refused', () => before.statuses);
    expect(before.reason?.code).toBe('unauthorized');
    expect(await refusedWith(server.url, c, { token: rae.token })).toMatchObject({ status: 'refused', reason: { code: 'unauthorized' } });
  });

  it('a member a facilitator removed is disconnected and hears nothing after', async () => {
    const lee = await joinCommunity(server.url, c, code, { name: 'Lee' });
    const leaving = await keep(listening(server.url, c, { token: lee.token }));
    const staying = await keep(listening(server.url, c, { token: bo.token }));
    expect((await fran.call('DELETE', `/api/communities/${c}/members/${lee.memberId}`, {})).status).toBe(204);
    await until(() => leaving.bell.status === 'refused', () => leaving.statuses);
    await heard(staying, { kind: 'members' });
    leaving.rings.length = 0;
    const next = await schedule(fran, c, { title: 'After Lee left' });
    await heard(staying, { kind: 'schedule', scheduleId: next.id });
    expect(leaving.rings).toEqual([]);
  });

  it('a co-facilitator who is removed is disconnected', async () => {
    const flo = await facilitator(server.url, 'Flo');
    const invite = (await fran.call('POST', `/api/communities/${c}/facilitator-invites`)).json as { url: string };
    const accepted = await flo.call('POST', `/api/communities/${c}/facilitators`, { code: new URLSearchParams(new URL(invite.url).hash.slice(1)).get('code') });
    expect(accepted.status).toBe(201);
    const floBell = await keep(listening(server.url, c, { cookie: cookieOf(flo) }));
    expect((await fran.call('DELETE', `/api/communities/${c}/facilitators/${flo.accountId}`)).status).toBe(204);
    await until(() => floBell.bell.status === 'refused', () => floBell.statuses);
  });
});

describe('limits', () => {
  it('caps open doorbells per person and per community, and handshakes per address, each with a typed answer', async () => {
    await using small = await startTestServer({ DOORBELL_PER_PERSON: '2', DOORBELL_PER_COMMUNITY: '3', DOORBELL_RATE_BURST: '3', DOORBELL_RATE_PER_SECOND: '0.01' });
    const f = await facilitator(small.url, 'Fay');
    const k = (await createCommunity(f)).id;
    const invite = await memberCode(f, k);
    const [ana, ben] = [await joinCommunity(small.url, k, invite, { name: 'Ana' }), await joinCommunity(small.url, k, invite, { name: 'Ben' })];
    const held: Listener[] = [];
    try {
      held.push(await listening(small.url, k, { token: ana.token }), await listening(small.url, k, { token: ana.token }));
      const third = await refusedWith(small.url, k, { token: ana.token });
      expect(third.reason?.code).toBe('rate_limited');
      held.push(await listening(small.url, k, { token: ben.token }));
      // Three open in the community: Ben's second is one too many for it.
      expect((await refusedWith(small.url, k, { token: ben.token })).reason?.code).toBe('rate_limited');
      // Closing one makes room again.
      held.shift()!.close();
      held.push(await listening(small.url, k, { token: ben.token }));

      // One address may knock three times, then waits; another address gets in.
      held.forEach((l) => l.close());
      held.length = 0;
      const address = '10.200.0.1';
      for (let i = 0; i < 3; i++) (await listening(small.url, k, { token: ana.token, address })).close();
      expect((await refusedWith(small.url, k, { token: ana.token, address })).reason?.code).toBe('rate_limited');
      held.push(await listening(small.url, k, { token: ana.token }));
    } finally {
      held.forEach((l) => l.close());
    }
  });

  it('a busy answer is retried by the client, which gets in once there is room', async () => {
    await using small = await startTestServer({ DOORBELL_PER_PERSON: '1' });
    const f = await facilitator(small.url, 'Fay');
    const k = (await createCommunity(f)).id;
    const ana = await joinCommunity(small.url, k, await memberCode(f, k), { name: 'Ana' });
    const first = await listening(small.url, k, { token: ana.token });
    const second = listen(small.url, k, { token: ana.token });
    try {
      await until(() => second.reason?.code === 'rate_limited', () => second.statuses);
      first.close();
      await until(() => second.bell.status === 'live', () => second.statuses);
    } finally {
      first.close();
      second.close();
    }
  });
});
