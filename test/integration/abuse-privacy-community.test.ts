import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommunityExport, CommunityHome, InviteInfo, MyData } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { eventually, joinCommunity } from './community-helpers.ts';
import type { TestServer } from './abuse-helpers.ts';
import { communityWorld, send, typedRefusal, type CommunityWorld } from './abuse-community-helpers.ts';

/**
 * What each person may see of a community, and what the routes do with ids that belong to
 * another community (each must be refused, and the other community must not change).
 * Caucus answers are the most sensitive thing a community holds: Ana keeps hers (kin-a);
 * it may reach only Ana herself and the live convening's own rules.
 */
let server: TestServer;
let w: CommunityWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await communityWorld(server.url);
  // Ana's kept answer has reached the community, so its absence below means something.
  await eventually(() => member('GET', '/me', w.members.ana.token), (r) => (r.json as MyData | null)?.keptCaucusAnswer === 'kin-a');
}, 60_000);
afterAll(async () => {
  w?.close();
  await server?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const member = (method: string, rest: string, token: string, body?: unknown) => send(server.url, method, `/api/communities/${w.c.communityId}${rest}`, bearer(token), body);
const fran = (method: string, path: string, body?: unknown) => send(server.url, method, path, w.headers('facilitator'), body);
const inC = (rest = '') => `/api/communities/${w.c.communityId}${rest}`;
const inD = (rest = '') => `/api/communities/${w.d.communityId}${rest}`;

/** The JSON as text without the community's own list of caucus options (which may be shown). */
const withoutOptions = (value: unknown): string =>
  JSON.stringify(value, (key, v: unknown) => (key === 'caucusOptions' ? [] : v));
/**
 * Whether a name appears as a word: random ids and codes (letters, digits, '-' and '_')
 * may hold "Bo" or "Ana" by chance, and that is not a leak.
 */
const names = (text: string, name: string): boolean => new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(text);
const emails = () => [w.admin, w.fran, w.flo, w.nell, w.gus, w.eve].map((a) => a.email);

function neverSecret(text: string): void {
  for (const secret of ['kin-a', 'kin-b', 'keptCaucusAnswer', 'affinity', 'm1.', 'v1.', w.c.inviteCode, w.d.cohostCode, ...emails()]) {
    expect(text, secret).not.toContain(secret);
  }
}

describe('what members and facilitators see', () => {
  it("a member's home shows other members without role and region, themself in full, and nobody's caucus answer", async () => {
    const home = CommunityHome.parse((await member('GET', '', w.members.bo.token)).json);
    const ana = home.members.find((m) => m.id === w.members.ana.memberId)!;
    expect(ana).toMatchObject({ name: 'Ana', pronouns: 'she/her', team: 'Team-ana', role: null, region: null });
    expect(home.members.find((m) => m.id === w.members.bo.memberId)).toMatchObject({ role: 'Organiser-bo', region: 'Region-bo' });
    expect(home.viewer).toEqual({ kind: 'member', memberId: w.members.bo.memberId, name: 'Bo', canEdit: [] });
    const text = withoutOptions(home);
    expect(text).not.toMatch(/Organiser-ana|Region-ana/);
    neverSecret(text);
  });

  it("the facilitators' home shows roles and regions, and still no caucus answer, credential or email", async () => {
    const home = CommunityHome.parse((await fran('GET', inC())).json);
    expect(home.members.find((m) => m.id === w.members.ana.memberId)).toMatchObject({ role: 'Organiser-ana', region: 'Region-ana' });
    expect(home.members.map((m) => m.name)).not.toContain('Lee'); // people who left are not listed
    neverSecret(withoutOptions(home));
  });

  it("my data is the caller's own: Bo sees nothing of Ana, Ana sees her kept answer and her group", async () => {
    const bo = MyData.parse((await member('GET', '/me', w.members.bo.token)).json);
    expect(bo.member.id).toBe(w.members.bo.memberId);
    expect(bo.keptCaucusAnswer).toBeNull();
    expect(bo.workingGroups).toEqual([]);
    const boText = JSON.stringify(bo);
    for (const other of [w.members.ana.memberId, 'Organiser-ana', 'kin-a']) expect(boText).not.toContain(other);
    expect(names(boText, 'Ana')).toBe(false);

    const ana = MyData.parse((await member('GET', '/me', w.members.ana.token)).json);
    expect(ana).toMatchObject({ keptCaucusAnswer: 'kin-a', member: { role: 'Organiser-ana' }, workingGroups: [{ id: w.c.groupId, channels: ['money'] }] });
    for (const other of [w.members.bo.memberId, '"Bo"', 'Organiser-bo']) expect(JSON.stringify(ana)).not.toContain(other);
  });

  it('the invite page names the community, its channels and agreements, and nothing else', async () => {
    const r = await send(server.url, 'GET', `/api/invites/${w.c.inviteCode}`, {});
    expect(Object.keys(r.json as object).sort()).toEqual(['agreements', 'channels', 'communityId', 'description', 'name']);
    const info = InviteInfo.parse(r.json);
    expect(info).toMatchObject({ communityId: w.c.communityId, name: 'Learning network', description: 'Monthly learning' });
    const text = JSON.stringify(info);
    for (const hidden of ['Ana', 'Bo', 'Fran', 'Flo', 'Money writers', 'retention', 'This month', 'kin-a']) expect(names(text, hidden), hidden).toBe(false);
    neverSecret(text);
  });

  it('the export holds no credential, invite code, email or caucus answer', async () => {
    const data = CommunityExport.parse((await fran('GET', inC('/export'))).json);
    expect(data.members.find((m) => m.id === w.members.ana.memberId)).toMatchObject({ role: 'Organiser-ana' });
    expect(data.convenings.map((c) => c.title).sort()).toEqual(['Next month', 'This month']);
    neverSecret(withoutOptions(data));
  });

  it("the calendar file carries the convening and the community's name, not its people", async () => {
    const ics = await member('GET', `/convenings/${w.c.scheduleId}/calendar.ics`, w.members.bo.token);
    expect(ics.text).toContain('SUMMARY:Next month');
    for (const hidden of ['Ana', 'Bo', 'Fran', 'kin-a']) expect(names(ics.text, hidden), hidden).toBe(false);
  });

  it('no cache keeps an answer that carries a credential, an invite code or personal data', async () => {
    const answers = [
      await send(server.url, 'POST', inC('/members'), {}, { code: w.c.inviteCode, name: 'Cached?' }),
      await fran('POST', inC(`/members/${w.members.cy.memberId}/reissue`)),
      await fran('GET', inC('/member-invite')),
      await fran('POST', inC('/facilitator-invites')),
      await fran('GET', inC()),
      await fran('GET', inC('/export')),
      await member('GET', '', w.members.bo.token),
      await member('GET', '/me', w.members.bo.token),
      await member('POST', `/convenings/${w.c.liveScheduleId}/join`, w.members.bo.token),
      await member('GET', `/convenings/${w.c.scheduleId}/calendar.ics`, w.members.bo.token),
      await send(server.url, 'GET', `/api/invites/${w.c.inviteCode}`, {}),
    ];
    expect(answers.map((a) => [a.status < 300, a.headers.get('cache-control')])).toEqual(answers.map(() => [true, 'no-store']));
  });

  it("the live convening shows Bo his own caucus answer only (none), never Ana's", () => {
    const bo = w.clients[2]!;
    expect(bo.self?.participantId).toBe(w.members.bo.memberId);
    expect(bo.state!.affinity).toEqual({});
    expect(w.clients[1]!.state!.affinity[w.members.ana.memberId]).toMatchObject({ answer: 'kin-a' });
  });
});

describe("ids of another community, used on this community's routes", () => {
  it('working groups take members of this community only', async () => {
    for (const outsider of [w.members.dee.memberId, 'u_nobodyatall']) {
      const made = await fran('POST', inC('/working-groups'), { name: 'Infiltrated', channels: ['money'], members: [w.members.ana.memberId, outsider] });
      expect(typedRefusal(made)).toMatchObject({ code: 'bad_request', field: 'members' });
      const changed = await fran('PUT', inC(`/working-groups/${w.c.groupId}`), { ...w.c.groupBody, members: [outsider] });
      expect(typedRefusal(changed)).toMatchObject({ code: 'bad_request', field: 'members' });
    }
    // D's group, through C's routes.
    expect((await fran('PUT', inC(`/working-groups/${w.d.groupId}`), w.c.groupBody)).status).toBe(404);
    expect((await fran('DELETE', inC(`/working-groups/${w.d.groupId}`))).status).toBe(404);
    const dHome = CommunityHome.parse((await send(server.url, 'GET', inD(), w.headers('otherFacilitator'))).json);
    expect(dHome.workingGroups).toEqual([{ id: w.d.groupId, ...w.d.groupBody }]);
  });

  it("scheduled convenings of D are not found through C's routes, for its facilitators or members", async () => {
    const sid = w.d.scheduleId;
    expect((await fran('PATCH', inC(`/convenings/${sid}`), { title: 'Hijacked' })).status).toBe(404);
    expect((await fran('DELETE', inC(`/convenings/${sid}`))).status).toBe(404);
    expect((await fran('POST', inC(`/convenings/${sid}/start`))).status).toBe(404);
    expect((await fran('POST', inC(`/convenings/${sid}/host`))).status).toBe(404);
    expect((await member('GET', `/convenings/${sid}/calendar.ics`, w.members.bo.token)).status).toBe(404);
    expect((await member('POST', `/convenings/${sid}/join`, w.members.bo.token)).status).toBe(404);
    // And C's member's credential does not open D's routes.
    expect((await send(server.url, 'POST', inD(`/convenings/${sid}/join`), bearer(w.members.bo.token))).status).toBe(401);
    const dHome = CommunityHome.parse((await send(server.url, 'GET', inD(), w.headers('otherFacilitator'))).json);
    expect(dHome.upcoming).toMatchObject([{ id: sid, title: 'Other network monthly', status: 'scheduled' }]);
  });

  it("D's members and facilitators cannot be re-issued or removed through C", async () => {
    expect((await fran('POST', inC(`/members/${w.members.dee.memberId}/reissue`))).status).toBe(404);
    expect((await fran('DELETE', inC(`/members/${w.members.dee.memberId}`), {})).status).toBe(404);
    expect((await fran('DELETE', inC(`/facilitators/${w.gus.accountId}`))).status).toBe(404);
    // Dee's credential still works; Gus still facilitates D.
    expect((await send(server.url, 'GET', inD('/me'), bearer(w.members.dee.token))).status).toBe(200);
    expect((await send(server.url, 'GET', inD(), w.headers('otherFacilitator'))).status).toBe(200);
  });

  it("a community's documents are not reachable through another community's routes", async () => {
    expect((await fran('GET', inC(`/docs/${encodeURIComponent(w.d.doc)}`))).status).toBe(404);
    expect((await fran('POST', inC(`/docs/${encodeURIComponent(w.d.doc)}/versions`), { label: 'Sneaky' })).status).toBe(404);
    expect((await send(server.url, 'GET', inD(`/docs/${encodeURIComponent(w.c.doc)}`), w.headers('otherFacilitator'))).status).toBe(404);
    expect((await send(server.url, 'GET', inD(`/docs/${encodeURIComponent(w.c.doc)}`), bearer(w.members.dee.token))).status).toBe(404);
  });

  it('a co-facilitator code opens only the community it was made for', async () => {
    const link = (await fran('POST', inC('/facilitator-invites'))).json as { url: string };
    const code = new URLSearchParams(new URL(link.url).hash.slice(1)).get('code')!;
    const elsewhere = await send(server.url, 'POST', inD('/facilitators'), w.headers('account'), { code });
    expect(typedRefusal(elsewhere)).toMatchObject({ code: 'not_found', field: 'code' });
    expect((await send(server.url, 'GET', inD(), w.headers('account'))).status).toBe(403);
    // Unspent by the refusal: it still works where it belongs (Nell is nobody after this test).
    expect((await send(server.url, 'POST', inC('/facilitators'), w.headers('account'), { code })).status).toBe(201);
    expect((await send(server.url, 'POST', inC('/facilitators'), w.headers('otherFacilitator'), { code })).status).toBe(404);
  });
});

/** A GET with a raw Host header (fetch will not send one of ours). */
function getWithHost(path: string, host: string, token: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { host, authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('holes this review closed', () => {
  it('an invite code of the right length in other characters is refused, not a crash', async () => {
    for (const code of ['é'.repeat(w.c.inviteCode.length), '😀'.repeat(w.c.inviteCode.length / 2), `${w.c.inviteCode.slice(0, -1)}é`]) {
      const r = await send(server.url, 'POST', inC('/members'), {}, { code, name: 'Mallory' });
      expect(typedRefusal(r)).toMatchObject({ code: 'forbidden', field: 'code' });
    }
  });

  it('the calendar file survives a Host or X-Forwarded-Proto header that is not a URL', async () => {
    const path = inC(`/convenings/${w.c.scheduleId}/calendar.ics`);
    for (const host of ['a b', '[', 'x:y:z']) {
      const r = await getWithHost(path, host, w.members.bo.token);
      expect(r.status, host).toBe(200);
      expect(r.body).toContain('BEGIN:VCALENDAR');
    }
    const proxied = await send(server.url, 'GET', path, { ...bearer(w.members.bo.token), 'x-forwarded-proto': 'not a scheme' });
    expect(proxied.status).toBe(200);
  });

  // Ending a membership used to end only the member credential: a convening credential
  // already handed out kept the live convening and the community's drafts until it expired.
  it('a member removed from the community is let out of its live convening', async () => {
    const zed = await joinCommunity(server.url, w.c.communityId, w.c.inviteCode, { name: 'Zed' });
    const entered = await member('POST', `/convenings/${w.c.liveScheduleId}/join`, zed.token);
    const token = (entered.json as { token: string }).token;
    expect((await send(server.url, 'GET', `/api/convenings/${w.conveningId}/docs`, bearer(token))).status).toBe(200);
    expect((await fran('DELETE', inC(`/members/${zed.memberId}`), {})).status).toBe(204);
    expect((await send(server.url, 'GET', `/api/convenings/${w.conveningId}/docs`, bearer(token))).status).toBe(401);
    expect((await send(server.url, 'GET', `/api/convenings/${w.conveningId}`, bearer(token))).status).toBe(401);
  });
});
