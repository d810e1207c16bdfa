import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import { ConveningEntry, JoinResult, LinkResult } from '@brave/protocol';
import { ok, until, untilStatus } from '../support/people.ts';
import { connectDoc, rawConnect, startCollabServer, synced } from './collab-helpers.ts';
import { Browser, makeCommunity, memberCall, type Member } from './collab-community-helpers.ts';

/**
 * Leaving a community ends its convening credentials too (issue 6, found by the review):
 * a member removed by a facilitator, or a co-facilitator taken off the community, is let
 * out of its live convening at once: their socket is cut and refused on return, their
 * open draft closes and cannot reopen, and the others' rosters no longer list them.
 * The periodic document re-check is set far off, so closing the draft must be immediate.
 * A convening that already closed is no different: its credentials hold only while their
 * holder still belongs to the community (guests who came with the join code stay welcome).
 */
let server: Awaited<ReturnType<typeof startCollabServer>>;
let fran: Browser;
let communityId: string;
let scheduleId: string;
let conveningId: string;
let ana: Member, ben: Member;
let host: LiveClient;
const clients: LiveClient[] = [];
const money = () => `toolkit:${communityId}:money`;

const connect = async (token: string) => {
  const client = new LiveClient({ url: server.url, token });
  clients.push(client);
  await client.connect();
  return client;
};

/** A member enters the live convening: their convening credential, connected and affirmed. */
async function enter(m: Member) {
  const r = await memberCall(server.url, m.token, 'POST', `/api/communities/${communityId}/convenings/${scheduleId}/join`);
  if (r.status !== 200) throw new Error(`join failed: ${r.status} ${JSON.stringify(r.json)}`);
  const { token } = ConveningEntry.parse(r.json);
  const client = await connect(token);
  await ok(client, { type: 'agreements.affirm' });
  return { token, client };
}

const withToken = (token: string, path: string) => fetch(new URL(path, server.url), { headers: { authorization: `Bearer ${token}` } });

/** A new connection with this credential: the handshake's typed refusal code. */
async function refusedCode(token: string): Promise<string | undefined> {
  const client = new LiveClient({ url: server.url, token });
  clients.push(client);
  const err = await client.connect().then(() => null, (e: Error & { code?: string }) => e);
  client.close();
  return err?.code;
}

beforeAll(async () => {
  server = await startCollabServer({ accessRecheckMs: 600_000 });
  fran = await new Browser(server.url).signUp('Fran');
  const made = await makeCommunity(server.url, fran, 'River network', [{ id: 'money', name: 'Money' }], ['Ana', 'Ben']);
  communityId = made.info.id;
  [ana, ben] = made.members as [Member, Member];
  const s = await fran.must('POST', `/api/communities/${communityId}/convenings`, { title: 'June circle', startsAt: Date.UTC(2030, 5, 1, 17), durationMinutes: 90 }, 201, (v) => v as { id: string });
  scheduleId = s.id;
  const started = await fran.must('POST', `/api/communities/${communityId}/convenings/${scheduleId}/start`, undefined, 201, (v) => ConveningEntry.parse(v));
  conveningId = started.conveningId;
  host = await connect(started.token);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

describe('a member removed from the community', () => {
  it('loses the live convening, its socket and the draft they had open; the others no longer list them', async () => {
    const a = await enter(ana);
    const b = await enter(ben);
    // Ana and Ben share a breakout room, so Ben's roster of it names Ana until she is let out.
    await ok(host, {
      type: 'round.open',
      seed: 1,
      spec: { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'manual', rooms: [{ id: 'r1', name: 'Room 1' }], placements: { [ana.id]: 'r1', [ben.id]: 'r1' } } },
    });
    const roomOf = (c: LiveClient) => Object.values(c.state!.rounds).find((r) => r.status === 'running')?.rooms.r1;
    await until(b.client, (c) => roomOf(c)?.members.includes(ana.id));

    const draft = connectDoc(server.url, money(), a.token);
    await synced(draft.provider);
    const draftClosed = new Promise<void>((resolve) => draft.provider.once('connection-close', () => resolve()));
    const refused = untilStatus(a.client, 'refused');

    expect((await fran.call('DELETE', `/api/communities/${communityId}/members/${ana.id}`, {})).status).toBe(204);

    await draftClosed;
    draft.destroy();
    await refused;
    expect(a.client.state?.participants[ana.id]).toBeUndefined(); // she was told before the cut
    expect(await refusedCode(a.token)).toBe('unauthorized');
    const reopened = await rawConnect(server.url, money(), a.token);
    expect('status' in reopened && reopened.status).toBe(401);
    expect((await withToken(a.token, `/api/convenings/${conveningId}`)).status).toBe(401);
    expect((await withToken(a.token, `/api/convenings/${conveningId}/docs`)).status).toBe(401);

    for (const c of [b.client, host]) {
      await until(c, (x) => !x.state!.participants[ana.id] && !roomOf(x)?.members.includes(ana.id));
    }
    expect(roomOf(b.client)).toMatchObject({ members: [ben.id], size: 1 });
    // Ben stays, and a fresh connection of his still gets in.
    expect(b.client.status).toBe('live');
    expect(await refusedCode(b.token)).toBeUndefined();
    await ok(host, { type: 'round.close' });
  });
});

describe('a co-facilitator removed from the community', () => {
  it('loses the convening they were hosting: socket, debrief and the rosters of the rooms they hosted', async () => {
    const gus = await new Browser(server.url).signUp('Gus');
    const invite = await fran.must('POST', `/api/communities/${communityId}/facilitator-invites`, undefined, 201, (v) => LinkResult.parse(v));
    const code = new URLSearchParams(new URL(invite.url).hash.slice(1)).get('code');
    expect((await gus.call('POST', `/api/communities/${communityId}/facilitators`, { code })).status).toBe(201);
    const entry = await gus.must('POST', `/api/communities/${communityId}/convenings/${scheduleId}/host`, undefined, 200, (v) => ConveningEntry.parse(v));
    const g = await connect(entry.token);
    expect((await withToken(entry.token, `/api/convenings/${conveningId}/debrief`)).status).toBe(200);

    await ok(host, {
      type: 'round.open',
      seed: 2,
      spec: { name: 'Solo', durationSeconds: 600, strategy: { kind: 'manual', rooms: [{ id: 'r2', name: 'Room 2' }], placements: { [ben.id]: 'r2' } } },
    });
    const round = Object.values(host.state!.rounds).find((r) => r.status === 'running')!;
    await ok(host, { type: 'room.hosts.set', roomId: 'r2', hostIds: [entry.participantId] });
    await until(host, (c) => c.state!.rounds[round.id]?.rooms.r2?.hosts.includes(entry.participantId));
    const refused = untilStatus(g, 'refused');

    const gusAccount = entry.participantId; // a facilitator's participant id is their account id
    expect((await fran.call('DELETE', `/api/communities/${communityId}/facilitators/${gusAccount}`)).status).toBe(204);

    await refused;
    expect(await refusedCode(entry.token)).toBe('unauthorized');
    expect((await withToken(entry.token, `/api/convenings/${conveningId}/debrief`)).status).toBe(401);
    await until(host, (c) => !c.state!.participants[gusAccount] && c.state!.rounds[round.id]?.rooms.r2?.hosts.length === 0);
    // Fran, who removed him, still hosts.
    expect(host.status).toBe('live');
    await ok(host, { type: 'round.close' });
  });
});

/** The credential's draft connection: 'open' (then closed again) or the refusal status. */
async function draftStatus(token: string, name: string): Promise<number | 'open'> {
  const r = await rawConnect(server.url, name, token);
  if ('open' in r) {
    r.open.close();
    return 'open';
  }
  return r.status;
}

describe('a convening that already closed', () => {
  it('stops opening for a member who left and a co-facilitator removed, and stays open for a guest', async () => {
    const made = await makeCommunity(server.url, fran, 'Lake network', [{ id: 'money', name: 'Money' }], ['Cleo']);
    const lake = made.info.id;
    const [cleo] = made.members as [Member];
    const s = await fran.must('POST', `/api/communities/${lake}/convenings`, { title: 'July circle', startsAt: Date.UTC(2030, 6, 1, 17), durationMinutes: 90 }, 201, (v) => v as { id: string });
    const started = await fran.must('POST', `/api/communities/${lake}/convenings/${s.id}/start`, undefined, 201, (v) => ConveningEntry.parse(v));
    const lakeHost = await connect(started.token);
    const july = started.conveningId;
    const draft = `toolkit:${lake}:money`;

    const joined = await memberCall(server.url, cleo.token, 'POST', `/api/communities/${lake}/convenings/${s.id}/join`);
    const cleoToken = ConveningEntry.parse(joined.json).token;
    const joinCode = await until(lakeHost, (c) => c.state?.joinCode);
    const guestRes = await fetch(new URL('/api/join', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ joinCode, name: 'Guest' }) });
    const guest = JoinResult.parse(await guestRes.json());
    const hal = await new Browser(server.url).signUp('Hal');
    const invite = await fran.must('POST', `/api/communities/${lake}/facilitator-invites`, undefined, 201, (v) => LinkResult.parse(v));
    const code = new URLSearchParams(new URL(invite.url).hash.slice(1)).get('code');
    expect((await hal.call('POST', `/api/communities/${lake}/facilitators`, { code })).status).toBe(201);
    const halEntry = await hal.must('POST', `/api/communities/${lake}/convenings/${s.id}/host`, undefined, 200, (v) => ConveningEntry.parse(v));
    await ok(lakeHost, { type: 'convening.close' });

    // Before anyone leaves, the closed convening still opens for all of them (to read).
    expect((await withToken(cleoToken, `/api/convenings/${july}`)).status).toBe(200);
    expect(await draftStatus(cleoToken, draft)).toBe('open');
    expect((await withToken(halEntry.token, `/api/convenings/${july}/debrief`)).status).toBe(200);

    expect((await memberCall(server.url, cleo.token, 'DELETE', `/api/communities/${lake}/me`, {})).status).toBe(204);
    expect((await fran.call('DELETE', `/api/communities/${lake}/facilitators/${halEntry.participantId}`)).status).toBe(204);

    expect((await withToken(cleoToken, `/api/convenings/${july}`)).status).toBe(401);
    expect((await withToken(cleoToken, `/api/convenings/${july}/docs`)).status).toBe(401);
    expect(await refusedCode(cleoToken)).toBe('unauthorized');
    expect(await draftStatus(cleoToken, draft)).toBe(401);
    expect((await withToken(halEntry.token, `/api/convenings/${july}/debrief`)).status).toBe(401);
    expect(await refusedCode(halEntry.token)).toBe('unauthorized');

    // The guest and the facilitator who stayed keep what they had.
    expect((await withToken(guest.token, `/api/convenings/${july}`)).status).toBe(200);
    expect(await refusedCode(guest.token)).toBeUndefined();
    expect(await draftStatus(guest.token, draft)).toBe('open');
    expect((await withToken(started.token, `/api/convenings/${july}/debrief`)).status).toBe(200);
  });
});

describe('a connection to a convening that already closed', () => {
  it('is cut when its holder leaves, whether or not the schedule has marked the convening ended', async () => {
    const made = await makeCommunity(server.url, fran, 'Bay network', [{ id: 'money', name: 'Money' }], ['Dee']);
    const bay = made.info.id;
    const [dee] = made.members as [Member];
    const s = await fran.must('POST', `/api/communities/${bay}/convenings`, { title: 'August circle', startsAt: Date.UTC(2030, 7, 1, 17), durationMinutes: 90 }, 201, (v) => v as { id: string });
    const started = await fran.must('POST', `/api/communities/${bay}/convenings/${s.id}/start`, undefined, 201, (v) => ConveningEntry.parse(v));
    const bayHost = await connect(started.token);
    const joined = await memberCall(server.url, dee.token, 'POST', `/api/communities/${bay}/convenings/${s.id}/join`);
    const deeToken = ConveningEntry.parse(joined.json).token;
    const ivy = await new Browser(server.url).signUp('Ivy');
    const invite = await fran.must('POST', `/api/communities/${bay}/facilitator-invites`, undefined, 201, (v) => LinkResult.parse(v));
    const code = new URLSearchParams(new URL(invite.url).hash.slice(1)).get('code');
    expect((await ivy.call('POST', `/api/communities/${bay}/facilitators`, { code })).status).toBe(201);
    const ivyEntry = await ivy.must('POST', `/api/communities/${bay}/convenings/${s.id}/host`, undefined, 200, (v) => ConveningEntry.parse(v));
    await ok(bayHost, { type: 'convening.close' });

    // Both are still reading the closed convening when they go.
    const deeLive = await connect(deeToken);
    const ivyLive = await connect(ivyEntry.token);
    expect(deeLive.state?.status).toBe('closed');
    expect(ivyLive.state?.status).toBe('closed');

    // Dee leaves while the schedule still calls the convening live (nobody looked at it since it closed).
    const deeCut = untilStatus(deeLive, 'refused');
    expect((await memberCall(server.url, dee.token, 'DELETE', `/api/communities/${bay}/me`, {})).status).toBe(204);
    await deeCut;
    expect(await refusedCode(deeToken)).toBe('unauthorized');

    // The community's home marks it ended; then Ivy is taken off the community.
    await fran.must('GET', `/api/communities/${bay}`, undefined, 200, (v) => v);
    const ivyCut = untilStatus(ivyLive, 'refused');
    expect((await fran.call('DELETE', `/api/communities/${bay}/facilitators/${ivyEntry.participantId}`)).status).toBe(204);
    await ivyCut;
    expect(await refusedCode(ivyEntry.token)).toBe('unauthorized');

    // Nothing was written: the closed convening's log still names them, and its host still reads it.
    expect(bayHost.status).toBe('live');
    const view = await fetch(new URL(`/api/convenings/${started.conveningId}`, server.url), { headers: { authorization: `Bearer ${started.token}` } });
    const { view: after } = (await view.json()) as { view: { participants: Record<string, unknown> } };
    expect(Object.keys(after.participants)).toEqual(expect.arrayContaining([dee.id, ivyEntry.participantId]));
  });
});
