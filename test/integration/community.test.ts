import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunitiesResult, CommunityHome, InviteInfo, LinkResult, MemberCredential, WorkingGroupView } from '@brave/protocol';
import { templateUpdate } from '../../apps/server/src/collab/template.ts';
import { startTestServer } from '../support/server.ts';
import { asMember, claimLink, createCommunity, facilitator, fragment, joinCommunity, memberCode, TWO_CHANNELS, writeDoc } from './community-helpers.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('communities and their facilitators', () => {
  it('creates a community for the signed-in facilitator and lists it', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f, { description: 'Monthly', retentionDays: 30 });
    expect(made).toMatchObject({ name: 'Learning network', channels: TWO_CHANNELS, agreementSetId: 'touchstones', retentionDays: 30 });
    expect(made.agreements.length).toBeGreaterThan(0);
    expect(made.caucusOptions.length).toBeGreaterThan(0);
    const list = CommunitiesResult.parse((await f.call('GET', '/api/communities')).json);
    expect(list.communities).toEqual([{ id: made.id, name: 'Learning network', description: 'Monthly', members: 0, next: null }]);

    // Someone else's community is theirs alone.
    const other = await facilitator(server.url, 'Other');
    expect(CommunitiesResult.parse((await other.call('GET', '/api/communities')).json).communities).toEqual([]);
    expect((await other.call('GET', `/api/communities/${made.id}`)).status).toBe(403);
    expect((await other.call('PATCH', `/api/communities/${made.id}`, { name: 'Mine now' })).status).toBe(403);
  });

  it('refuses without an account, without the csrf token, and with a bad body', async () => {
    const f = await facilitator(server.url);
    expect((await asMember(server.url, 'POST', '/api/communities', null, { name: 'X', channels: TWO_CHANNELS })).status).toBe(401);
    const noCsrf = await f.call('POST', '/api/communities', { name: 'X', channels: TWO_CHANNELS }, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.error?.field).toBe('csrf');
    const dup = await f.call('POST', '/api/communities', { name: 'X', channels: [TWO_CHANNELS[0], TWO_CHANNELS[0]] });
    expect(dup.status).toBe(400);
    const badSlug = await f.call('POST', '/api/communities', { name: 'X', channels: [{ id: 'Money!', name: 'M' }] });
    expect(badSlug.error).toMatchObject({ code: 'bad_request', field: 'channels.0.id' });
    const custom = await f.call('POST', '/api/communities', { name: 'X', channels: TWO_CHANNELS, agreementSetId: 'custom' });
    expect(custom.error).toMatchObject({ code: 'bad_request', field: 'agreements' });
    const own = await f.call('POST', '/api/communities', { name: 'X', channels: TWO_CHANNELS, agreements: [{ text: 'Speak from your own experience' }] });
    expect(own.json).toMatchObject({ agreementSetId: 'custom', agreements: [{ text: 'Speak from your own experience' }] });
  });

  it('updates settings, keeping a channel whose draft is untouched removable', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const r = await f.call('PATCH', `/api/communities/${made.id}`, { name: 'Renamed', channels: [TWO_CHANNELS[0]], retentionDays: null, caucusOptions: ['kin-a', 'kin-b'] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: 'Renamed', channels: [TWO_CHANNELS[0]], retentionDays: null, caucusOptions: ['kin-a', 'kin-b'] });
    expect((await f.call('PATCH', `/api/communities/${made.id}`, { unknown: 1 })).status).toBe(400);
  });

  it('keeps a channel whose toolkit draft has writing in it', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    // The money draft was opened (its template stored) but nobody wrote; the story draft has words.
    writeDoc(server.dataDir, `toolkit:${made.id}:money`, templateUpdate('money', 'Money'));
    writeDoc(server.dataDir, `toolkit:${made.id}:story`, 'Our storytelling standards');
    const refused = await f.call('PATCH', `/api/communities/${made.id}`, { channels: [{ id: 'policy', name: 'Policy' }] });
    expect(refused.error).toMatchObject({ code: 'conflict', field: 'channels' });
    expect(refused.error?.message).toContain('Story');
    const dropped = await f.call('PATCH', `/api/communities/${made.id}`, { channels: [TWO_CHANNELS[1]] });
    expect(dropped.json).toMatchObject({ channels: [TWO_CHANNELS[1]] });
  });

  it('lets a co-facilitator join once through an invite, and keeps the last facilitator', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const link = LinkResult.parse((await f.call('POST', `/api/communities/${made.id}/facilitator-invites`)).json);
    expect(link.url).toContain(`/c/${made.id}/cohost#code=`);
    expect(link.expiresAt).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const code = fragment(link.url, 'code');

    const co = await facilitator(server.url, 'Cole Cohost');
    expect((await co.call('POST', `/api/communities/${made.id}/facilitators`, { code: 'x'.repeat(32) })).status).toBe(404);
    expect((await co.call('POST', `/api/communities/${made.id}/facilitators`, { code })).status).toBe(201);
    const third = await facilitator(server.url, 'Third');
    const again = await third.call('POST', `/api/communities/${made.id}/facilitators`, { code });
    expect(again.status).toBe(404);
    expect(again.error?.message).toMatch(/used already/);

    const home = CommunityHome.parse((await co.call('GET', `/api/communities/${made.id}`)).json);
    expect(home.facilitators.map((x) => x.name)).toEqual(['Fran Facilitator', 'Cole Cohost']);
    expect(home.viewer).toMatchObject({ kind: 'facilitator', accountId: co.accountId });

    expect((await co.call('DELETE', `/api/communities/${made.id}/facilitators/${f.accountId}`)).status).toBe(204);
    expect((await f.call('GET', `/api/communities/${made.id}`)).status).toBe(403);
    const last = await co.call('DELETE', `/api/communities/${made.id}/facilitators/${co.accountId}`);
    expect(last.error?.code).toBe('conflict');
  });
});

describe('member invite links and credentials', () => {
  it('lets people join with the current code only, and re-issuing a credential ends the old one', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const code = await memberCode(f, made.id);
    const info = InviteInfo.parse((await asMember(server.url, 'GET', `/api/invites/${code}`, null)).json);
    expect(info).toMatchObject({ communityId: made.id, name: 'Learning network', channels: TWO_CHANNELS });
    expect((await asMember(server.url, 'GET', '/api/invites/not-a-real-code', null)).status).toBe(404);

    const ana = await joinCommunity(server.url, made.id, code, { name: 'Ana', pronouns: 'she/her', channel: 'money', role: 'Program lead', region: 'North' });
    expect(ana.token.startsWith('m1.')).toBe(true);
    const wrong = await asMember(server.url, 'POST', `/api/communities/${made.id}/members`, null, { code: 'wrongcode123', name: 'Eve' });
    expect(wrong.error).toMatchObject({ code: 'forbidden', field: 'code' });
    const badChannel = await asMember(server.url, 'POST', `/api/communities/${made.id}/members`, null, { code, name: 'Eve', channel: 'policy' });
    expect(badChannel.error).toMatchObject({ code: 'bad_request', field: 'channel' });

    // Rotating the link: the old code stops working, members already in stay in.
    const rotated = LinkResult.parse((await f.call('POST', `/api/communities/${made.id}/member-invite/rotate`)).json);
    const newCode = fragment(rotated.url, 'code');
    expect(newCode).not.toBe(code);
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/members`, null, { code, name: 'Late' })).status).toBe(403);
    expect((await asMember(server.url, 'GET', `/api/invites/${code}`, null)).status).toBe(404);
    await joinCommunity(server.url, made.id, newCode, { name: 'Bo' });
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}`, ana.token)).status).toBe(200);

    // A credential is for its community only, and a convening credential is not one.
    const other = await createCommunity(f, { name: 'Other' });
    expect((await asMember(server.url, 'GET', `/api/communities/${other.id}`, ana.token)).status).toBe(401);
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}`, `v1.${ana.token.slice(3)}`)).status).toBe(401);
    const [, body, mac] = ana.token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { cm: string; m: string; v: number };
    const forged = Buffer.from(JSON.stringify({ ...claims, v: claims.v + 1 })).toString('base64url');
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}`, `m1.${forged}.${mac}`)).status).toBe(401);

    const reissued = LinkResult.parse((await f.call('POST', `/api/communities/${made.id}/members/${ana.memberId}/reissue`)).json);
    expect(reissued.url).toContain(`/c/${made.id}/welcome#claim=`);
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, ana.token)).status).toBe(401);
    const fresh = await claimLink(server.url, reissued.url);
    expect(fresh.memberId).toBe(ana.memberId);
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, fresh.token)).status).toBe(200);
  });

  it('makes a re-issued link a one-time code: the facilitator never holds the key', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const ana = await joinCommunity(server.url, made.id, await memberCode(f, made.id), { name: 'Ana' });
    const reissue = async () => LinkResult.parse((await f.call('POST', `/api/communities/${made.id}/members/${ana.memberId}/reissue`)).json);
    const claim = (url: string, id = made.id) => asMember(server.url, 'POST', `/api/communities/${id}/members/claim`, null, { code: fragment(url, 'claim') });
    const me = (token: string) => asMember(server.url, 'GET', `/api/communities/${made.id}/me`, token);

    const first = await reissue();
    expect(fragment(first.url, 'claim')).not.toMatch(/^m1\./);
    expect(first.expiresAt).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // A newer link replaces the older one; each opens once, and only in its own community.
    const second = await reissue();
    const dead = await claim(first.url);
    expect(dead.status).toBe(404);
    expect(dead.error).toMatchObject({ code: 'not_found', field: 'code' });
    expect(dead.error?.message).toMatch(/facilitator/);
    const other = await createCommunity(f, { name: 'Other' });
    expect((await claim(second.url, other.id)).status).toBe(404);
    const taken = await claim(second.url);
    expect(taken.status).toBe(201);
    const someoneElse = MemberCredential.parse(taken.json);
    expect((await me(someoneElse.token)).status).toBe(200);
    expect((await claim(second.url)).status).toBe(404);

    // The member finds their link used and asks again: the other holder's key ends.
    const third = await reissue();
    expect((await me(someoneElse.token)).status).toBe(401);
    expect((await me((await claimLink(server.url, third.url)).token)).status).toBe(200);

    // A member who left cannot come back through a link made before they left.
    const fourth = await reissue();
    expect((await f.call('DELETE', `/api/communities/${made.id}/members/${ana.memberId}`, {})).status).toBe(204);
    expect((await claim(fourth.url)).status).toBe(404);
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/members/claim`, null, { code: 'not a code' })).status).toBe(400);
  });

  it('limits invite lookups and joins per address', async () => {
    await using limited = await startTestServer({ JOIN_RATE_BURST: '3', JOIN_RATE_PER_SECOND: '0.01' });
    const same = { 'x-forwarded-for': '10.99.0.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(new URL('/api/invites/abcdefgh1234', limited.url), { headers: same })).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe('working groups and what members see', () => {
  it('creates, changes and deletes groups; members see fewer member fields', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const code = await memberCode(f, made.id);
    const ana = await joinCommunity(server.url, made.id, code, { name: 'Ana', channel: 'money', role: 'Program lead', region: 'North', team: 'Fund A' });
    const bo = await joinCommunity(server.url, made.id, code, { name: 'Bo', channel: 'story', role: 'Reporter', region: 'South' });

    const created = await f.call('POST', `/api/communities/${made.id}/working-groups`, { name: 'Money writers', channels: ['money'], members: [ana.memberId] });
    expect(created.status).toBe(201);
    const group = WorkingGroupView.parse(created.json);
    expect(group).toMatchObject({ name: 'Money writers', channels: ['money'], members: [ana.memberId] });
    const bad = await f.call('POST', `/api/communities/${made.id}/working-groups`, { name: 'X', channels: ['policy'], members: [] });
    expect(bad.error).toMatchObject({ code: 'bad_request', field: 'channels' });
    const stranger = await f.call('POST', `/api/communities/${made.id}/working-groups`, { name: 'X', channels: [], members: ['u_nobody'] });
    expect(stranger.error).toMatchObject({ code: 'bad_request', field: 'members' });
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/working-groups`, ana.token, { name: 'Mine', channels: [], members: [] })).status).toBe(401);

    const asAna = CommunityHome.parse((await asMember(server.url, 'GET', `/api/communities/${made.id}`, ana.token)).json);
    expect(asAna.viewer).toEqual({ kind: 'member', memberId: ana.memberId, name: 'Ana', canEdit: ['money'] });
    const boSeenByAna = asAna.members.find((m) => m.id === bo.memberId)!;
    expect(boSeenByAna).toMatchObject({ name: 'Bo', channel: 'story', role: null, region: null });
    expect(asAna.members.find((m) => m.id === ana.memberId)).toMatchObject({ role: 'Program lead', region: 'North' });
    expect(asAna.toolkit.map((t) => t.doc)).toEqual([`toolkit:${made.id}:money`, `toolkit:${made.id}:story`]);
    expect(asAna.toolkit[0]).toMatchObject({ editors: [{ id: ana.memberId, name: 'Ana' }], workingGroups: [{ id: group.id, name: 'Money writers' }] });

    const asFacilitator = CommunityHome.parse((await f.call('GET', `/api/communities/${made.id}`)).json);
    expect(asFacilitator.members.find((m) => m.id === bo.memberId)).toMatchObject({ role: 'Reporter', region: 'South' });

    const changed = await f.call('PUT', `/api/communities/${made.id}/working-groups/${group.id}`, { name: 'Writers', channels: ['money', 'story'], members: [bo.memberId] });
    expect(changed.json).toMatchObject({ id: group.id, name: 'Writers', channels: ['money', 'story'], members: [bo.memberId] });
    const asBo = CommunityHome.parse((await asMember(server.url, 'GET', `/api/communities/${made.id}`, bo.token)).json);
    expect(asBo.viewer).toMatchObject({ canEdit: ['money', 'story'] });
    expect((await f.call('DELETE', `/api/communities/${made.id}/working-groups/${group.id}`)).status).toBe(204);
    expect((await f.call('DELETE', `/api/communities/${made.id}/working-groups/${group.id}`)).status).toBe(404);
    const after = CommunityHome.parse((await asMember(server.url, 'GET', `/api/communities/${made.id}`, bo.token)).json);
    expect(after.workingGroups).toEqual([]);
    expect(after.viewer).toMatchObject({ canEdit: [] });
  });
});
