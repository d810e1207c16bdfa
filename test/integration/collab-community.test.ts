import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveClient } from '@brave/client';
import { COLLAB_CLOSE, DocsListResult, DocVersion, Publication, ScheduledConvening } from '@brave/protocol';
import { ok, openConvening } from '../support/people.ts';
import { closed, connectDoc, plain, rawConnect, startCollabServer, synced, typeParagraph, untilDoc } from './collab-helpers.ts';
import { Browser, connectWithCookie, entry, makeCommunity, memberCall, workingGroup, type Member } from './collab-community-helpers.ts';

/**
 * Toolkit drafts belong to the community (issue 6): between convenings members open them
 * with their member credential and facilitators with their account; a working group
 * writes its channels' drafts, other members read, nobody else gets in. Read-only is
 * enforced at the Yjs layer, not only in the UI. During a community convening its
 * participants write the drafts; after it closed they read.
 */
let server: Awaited<ReturnType<typeof startCollabServer>>;
let fran: Browser;
let communityId: string;
let ana: Member, ben: Member, cy: Member, dee: Member;
let groupId: string;
const land = () => `toolkit:${communityId}:land`;
const money = () => `toolkit:${communityId}:money`;
const path = (name: string, rest = '') => `/api/communities/${communityId}/docs/${encodeURIComponent(name)}${rest}`;

beforeAll(async () => {
  server = await startCollabServer({ accessRecheckMs: 300 });
  fran = await new Browser(server.url).signUp('Fran');
  const made = await makeCommunity(server.url, fran, 'Southwest network', [
    { id: 'money', name: 'Money' },
    { id: 'land', name: 'Land and water' },
  ], ['Ana', 'Ben', 'Cy']);
  communityId = made.info.id;
  [ana, ben, cy] = made.members as [Member, Member, Member];
  groupId = (await workingGroup(fran, communityId, { name: 'Land group', channels: ['land'], members: [ana.id, ben.id] })).id;
  const olu = await new Browser(server.url).signUp('Olu');
  dee = (await makeCommunity(server.url, olu, 'Another network', [{ id: 'land', name: 'Land' }], ['Dee'])).members[0]!;
});
afterAll(async () => server.close());

describe('members between convenings', () => {
  it('a working group edits its draft live over a stock provider; another member of the group sees it', async () => {
    const a = connectDoc(server.url, land(), ana.token);
    const b = connectDoc(server.url, land(), ben.token);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    // A channel without prompts of its own starts from the generic template, under its name.
    expect(a.text()).toContain('Land and water toolkit: our standards of accountability');
    typeParagraph(a.doc, 'Ana: water rights were taken in 1908.');
    await untilDoc(b.doc, () => b.text().includes('water rights'));
    typeParagraph(b.doc, 'Ben: and the river was dammed.');
    await untilDoc(a.doc, () => a.text().includes('river was dammed'));
    a.destroy();
    b.destroy();
  });

  it("refuses a member outside the group at the Yjs layer: their edit is neither applied nor relayed", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const writer = connectDoc(server.url, land(), ana.token);
    const reader = connectDoc(server.url, land(), cy.token);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    expect(reader.text()).toContain('water rights'); // other members read

    typeParagraph(reader.doc, 'Cy tries to write here.');
    await vi.waitFor(() => expect(warn.mock.calls.flat().join(' ')).toMatch(/not saved/), { timeout: 5_000 });
    typeParagraph(writer.doc, 'Marker after the refused edit.');
    await untilDoc(reader.doc, () => reader.text().includes('Marker after'));
    expect(writer.text()).not.toContain('Cy tries');
    const fresh = connectDoc(server.url, land(), ben.token);
    await synced(fresh.provider);
    expect(fresh.text()).toContain('Marker after');
    expect(fresh.text()).not.toContain('Cy tries');
    for (const c of [writer, reader, fresh]) c.destroy();
    warn.mockRestore();
  });

  it('refuses strangers, other communities, other credentials and notes at the upgrade', async () => {
    const status = async (name: string, token?: string, headers?: Record<string, string>) => {
      const r = await rawConnect(server.url, name, token, headers);
      if ('open' in r) {
        r.open.close();
        return 101;
      }
      return r.status;
    };
    const forged = `${ana.token.slice(0, -4)}AAAA`;
    const { made: quick, host } = await openConvening(server.url);
    host.close();
    const otherAccount = await new Browser(server.url).signUp('Stranger');
    expect(await status(land())).toBe(401);
    expect(await status(land(), dee.token)).toBe(401);
    expect(await status(land(), forged)).toBe(401);
    expect(await status(land(), quick.facilitatorToken)).toBe(401);
    expect(await status(land(), undefined, { cookie: otherAccount.cookie })).toBe(403);
    expect(await status(`notes:${communityId}:plenary`, ana.token)).toBe(401);
    expect(await status(`toolkit:${communityId}:policy`, ana.token)).toBe(404);
    expect(await status(land(), ana.token)).toBe(101);
  });

  it("opens every draft to a facilitator's session cookie, for writing", async () => {
    const f = connectWithCookie(server.url, money(), fran.cookie);
    const reader = connectDoc(server.url, money(), ana.token);
    await Promise.all([synced(f.provider), synced(reader.provider)]);
    expect(f.text()).toContain('Money toolkit: our standards of accountability');
    typeParagraph(f.doc, 'Fran: a note for the money group.');
    await untilDoc(reader.doc, () => plain(reader.doc).includes('note for the money group'));
    f.destroy();
    reader.destroy();
  });

  it('closes the connection of someone taken out of the working group; they come back read-only', async () => {
    const r = await rawConnect(server.url, land(), ben.token);
    if (!('open' in r)) throw new Error(`refused: ${r.status}`);
    const done = closed(r.open);
    await fran.must('PUT', `/api/communities/${communityId}/working-groups/${groupId}`, { name: 'Land group', channels: ['land'], members: [ana.id] }, 200, (v) => v);
    expect((await done).code).toBe(COLLAB_CLOSE.forbidden);
    const list = await memberCall<DocsListResult>(server.url, ben.token, 'GET', `/api/communities/${communityId}/docs`);
    expect(list.json.docs.find((d) => d.name === land())?.access).toBe('read');
  });
});

describe('the community document routes', () => {
  it("lists the drafts with each person's access, and names who saved a version", async () => {
    const list = await memberCall<DocsListResult>(server.url, ana.token, 'GET', `/api/communities/${communityId}/docs`);
    expect(list.json.docs).toEqual([
      { name: money(), title: 'Money toolkit draft', kind: 'toolkit', access: 'read' },
      { name: land(), title: 'Land and water toolkit draft', kind: 'toolkit', access: 'write' },
    ]);
    const facilitator = await fran.call<DocsListResult>('GET', `/api/communities/${communityId}/docs`);
    expect(facilitator.json.docs.map((d) => d.access)).toEqual(['write', 'write']);
    expect((await memberCall(server.url, dee.token, 'GET', `/api/communities/${communityId}/docs`)).status).toBe(401);

    const saved = await memberCall<{ version: DocVersion }>(server.url, ana.token, 'POST', path(land(), '/versions'), { label: 'Before the retreat' });
    expect(saved.status).toBe(201);
    expect(saved.json.version).toMatchObject({ label: 'Before the retreat', by: ana.id, byName: 'Ana' });
    expect((await memberCall(server.url, cy.token, 'POST', path(land(), '/versions'), { label: 'Mine' })).status).toBe(403);
    const byFran = await fran.call<{ version: DocVersion }>('POST', path(money(), '/versions'), { label: 'Facilitator checkpoint' });
    expect(byFran.json.version.byName).toBe('Fran');
    const md = await memberCall<string>(server.url, cy.token, 'GET', path(land(), '/export?format=md'));
    expect(md.json).toContain('water rights were taken in 1908');
  });

  it('lets the working group and the facilitators publish, nobody else; a facilitator needs the CSRF token', async () => {
    const versions = await memberCall<{ versions: DocVersion[] }>(server.url, cy.token, 'GET', path(land(), '/versions'));
    const versionId = versions.json.versions[0]!.id;
    expect((await memberCall(server.url, cy.token, 'POST', path(land(), `/versions/${versionId}/publish`), {})).status).toBe(403);
    const published = await memberCall<{ publication: Publication }>(server.url, ana.token, 'POST', path(land(), `/versions/${versionId}/publish`), {});
    expect(published.status).toBe(201);
    const page = await fetch(published.json.publication.markdownUrl);
    expect(await page.text()).toContain('# Land and water toolkit draft: Southwest network');

    const csrf = fran.csrf;
    fran.csrf = null;
    const without = await fran.call('POST', path(land(), `/versions/${versionId}/publish`), {});
    fran.csrf = csrf;
    expect(without.error).toMatchObject({ code: 'forbidden', field: 'csrf' });
    expect((await fran.call('POST', path(land(), `/versions/${versionId}/publish`), {})).status).toBe(201);
  });
});

describe('a convening of the community', () => {
  it("lets its participants write the community's drafts while it is open, and read them after it closed", async () => {
    const scheduled = await fran.must('POST', `/api/communities/${communityId}/convenings`, { title: 'March convening', startsAt: Date.now(), durationMinutes: 90 }, 201, (v) =>
      ScheduledConvening.parse(v),
    );
    const started = await fran.must('POST', `/api/communities/${communityId}/convenings/${scheduled.id}/start`, {}, 201, entry);
    const joined = entry((await memberCall(server.url, cy.token, 'POST', `/api/communities/${communityId}/convenings/${scheduled.id}/join`, {})).json);
    expect(joined.participantId).toBe(cy.id);

    // Cy reads the money draft between convenings, but writes it during this one.
    const during = connectDoc(server.url, money(), joined.token);
    const reader = connectDoc(server.url, money(), ana.token);
    await Promise.all([synced(during.provider), synced(reader.provider)]);
    typeParagraph(during.doc, 'Cy, during the convening: pooled funds.');
    await untilDoc(reader.doc, () => plain(reader.doc).includes('pooled funds'));
    const saved = await fetch(new URL(`/api/convenings/${joined.conveningId}/docs/${encodeURIComponent(money())}/versions`, server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${joined.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'From the March convening' }),
    });
    expect(saved.status).toBe(201);
    // Versions keep their author's name whichever gate lists them.
    const listed = await memberCall<{ versions: DocVersion[] }>(server.url, ana.token, 'GET', path(money(), '/versions'));
    expect(listed.json.versions.find((v) => v.label === 'From the March convening')?.byName).toBe('Cy');

    const r = await rawConnect(server.url, money(), joined.token);
    if (!('open' in r)) throw new Error(`refused: ${r.status}`);
    const done = closed(r.open);
    const host = new LiveClient({ url: server.url, token: started.token });
    await host.connect();
    await ok(host, { type: 'convening.close' });
    host.close();
    expect((await done).code).toBe(COLLAB_CLOSE.forbidden);
    const after = await fetch(new URL(`/api/convenings/${joined.conveningId}/docs`, server.url), { headers: { authorization: `Bearer ${joined.token}` } });
    expect(DocsListResult.parse(await after.json()).docs.find((d) => d.name === money())?.access).toBe('read');
    during.destroy();
    reader.destroy();
  });
});
