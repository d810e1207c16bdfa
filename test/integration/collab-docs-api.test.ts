import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import { DocVersion, DocVersionsResult, Publication, RestoreResult, ShareBackResult } from '@brave/protocol';
import { joinAs, ok, openConvening } from '../support/people.ts';
import { connectDoc, mint, plain, startCollabServer, synced, typeParagraph, untilDoc } from './collab-helpers.ts';

/** Named versions, restore, export, publish and share-back, through the HTTP API. */
let server: Awaited<ReturnType<typeof startCollabServer>>;
const live: LiveClient[] = [];
let c: string;
let fran: string;
let ana: string;
let ben: string;
let benId: string;
let roomA: string;
let roomB: string;

beforeAll(async () => {
  server = await startCollabServer();
  const { made, host } = await openConvening(server.url);
  const a = await joinAs(server.url, made.joinCode, 'Ana');
  const b = await joinAs(server.url, made.joinCode, 'Ben');
  live.push(host, a.client, b.client);
  c = made.id;
  fran = made.facilitatorToken;
  ana = a.joined.token;
  ben = b.joined.token;
  benId = b.joined.participantId;
  const round = await ok(host, {
    type: 'round.open',
    seed: 1,
    spec: {
      name: 'Pairs',
      durationSeconds: 600,
      strategy: { kind: 'manual', rooms: [{ id: 'ra', name: 'Room A' }, { id: 'rb', name: 'Room B' }], placements: { [a.joined.participantId]: 'ra', [b.joined.participantId]: 'rb' } },
    },
  });
  roomA = `notes:${c}:${round.id}:ra`;
  roomB = `notes:${c}:${round.id}:rb`;
});
afterAll(async () => {
  for (const l of live) l.close();
  await server.close();
});

const api = (path: string) => `${server.url}/api/convenings/${c}/docs/${path}`;
async function call(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown) {
  const res = await fetch(api(path), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: an export */
  }
  return { status: res.status, text, json: json as Record<string, unknown> };
}

/** Resolves once the server has stored `text` in the document: a second reader received it. */
async function stored(name: string, text: string, token = fran): Promise<void> {
  const reader = connectDoc(server.url, name, token);
  await untilDoc(reader.doc, () => plain(reader.doc).includes(text));
  reader.destroy();
}

describe('named versions, history and restore', () => {
  it('saves a version, lists it, exports it, and restores it for every editor at once', async () => {
    const name = `toolkit:${c}:money`;
    const a = connectDoc(server.url, name, fran);
    const b = connectDoc(server.url, name, ana);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    typeParagraph(a.doc, 'First standard: report pay equity yearly.');
    await untilDoc(b.doc, () => plain(b.doc).includes('pay equity'));

    const saved = await call('POST', `${name}/versions`, fran, { label: 'Draft for the June convening' });
    expect(saved.status).toBe(201);
    const june = DocVersion.parse(saved.json.version);
    expect(june.byName).toBe('Fran');

    typeParagraph(b.doc, 'An edit made after June.');
    await untilDoc(a.doc, () => plain(a.doc).includes('after June'));

    const history = DocVersionsResult.parse((await call('GET', `${name}/versions`, ana)).json);
    expect(history.versions.map((v) => v.label)).toContain('Draft for the June convening');

    const now = await call('GET', `${name}/export?format=md`, ana);
    expect(now.text).toContain('# Money toolkit: our standards of accountability');
    expect(now.text).toContain('An edit made after June.');
    const then = await call('GET', `${name}/export?format=md&version=${june.id}`, ana);
    expect(then.text).toContain('report pay equity yearly');
    expect(then.text).not.toContain('after June');

    const restored = await call('POST', `${name}/versions/${june.id}/restore`, ana);
    expect(restored.status).toBe(200);
    const r = RestoreResult.parse(restored.json);
    expect(r.savedBefore.label).toBe('Before restoring “Draft for the June convening”');
    // Both editors converge on the version's content, as one new update.
    await untilDoc(a.doc, () => !plain(a.doc).includes('after June'));
    await untilDoc(b.doc, () => !plain(b.doc).includes('after June'));
    expect(plain(a.doc)).toBe(plain(b.doc));
    expect(plain(a.doc)).toContain('pay equity');
    expect(((await call('GET', `${name}/export?format=md`, fran)).text)).toBe(then.text);

    // The restore can itself be undone from the copy saved just before it.
    await call('POST', `${name}/versions/${r.savedBefore.id}/restore`, fran);
    await untilDoc(b.doc, () => plain(b.doc).includes('after June'));
    a.destroy();
    b.destroy();
  });

  it('refuses versions to readers and strangers', async () => {
    const name = `toolkit:${c}:money`;
    const observer = mint({ conveningId: c, participantId: benId, role: 'observer' });
    expect((await call('POST', `${name}/versions`, observer, { label: 'x' })).status).toBe(403);
    expect((await call('GET', `${name}/versions`, observer)).status).toBe(200); // readers browse the history
    expect((await call('POST', `${name}/versions`, null, { label: 'x' })).status).toBe(401);
    expect((await call('POST', `${name}/versions`, fran, { label: '' })).status).toBe(400);
    expect((await call('POST', `${name}/versions/v_nope/restore`, fran)).status).toBe(404);
  });

  it('exports HTML with everything escaped', async () => {
    const name = `notes:${c}:plenary`;
    const a = connectDoc(server.url, name, fran);
    await synced(a.provider);
    typeParagraph(a.doc, 'Tags stay text: <script>alert(1)</script>');
    await stored(name, 'Tags stay text');
    const html = await call('GET', `${name}/export?format=html`, fran);
    expect(html.status).toBe(200);
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toContain('<script>');
    expect((await call('GET', `${name}/export?format=pdf`, fran)).status).toBe(400);
    a.destroy();
  });
});

describe('publishing', () => {
  it('publishes a toolkit version at a stable public address anyone can read', async () => {
    const name = `toolkit:${c}:narrative`;
    const a = connectDoc(server.url, name, fran);
    await synced(a.provider);
    typeParagraph(a.doc, 'Stories told by the people they are about.');
    await stored(name, 'Stories told');
    const v1 = DocVersion.parse((await call('POST', `${name}/versions`, fran, { label: 'Public draft one' })).json.version);

    expect((await call('POST', `${name}/versions/${v1.id}/publish`, ana)).status).toBe(403);
    const first = await call('POST', `${name}/versions/${v1.id}/publish`, fran);
    expect(first.status).toBe(201);
    const pub = Publication.parse(first.json.publication);

    const page = await fetch(pub.url); // no credential
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stories told by the people they are about.');
    expect(html).toContain('Public draft one');
    const md = await (await fetch(pub.markdownUrl)).text();
    expect(md).toContain('## 1. The history of harm');

    typeParagraph(a.doc, 'A second pass.');
    await stored(name, 'A second pass.');
    const v2 = DocVersion.parse((await call('POST', `${name}/versions`, fran, { label: 'Public draft two' })).json.version);
    const again = Publication.parse((await call('POST', `${name}/versions/${v2.id}/publish`, fran)).json.publication);
    expect(again.url).toBe(pub.url);
    expect(await (await fetch(pub.url)).text()).toContain('A second pass.');
    expect((await fetch(`${server.url}/p/nothing-here`)).status).toBe(404);

    const info = await call('GET', name, fran);
    expect(info.json).toMatchObject({ doc: { name, kind: 'toolkit', access: 'write' }, abilities: { publish: true }, publication: { url: pub.url, label: 'Public draft two' } });
    expect((await call('GET', name, ana)).json).toMatchObject({ abilities: { write: true, publish: false, shareFrom: false } });
    a.destroy();
  });

  it('never publishes notes', async () => {
    const name = `notes:${c}:plenary`;
    const v = DocVersion.parse((await call('POST', `${name}/versions`, fran, { label: 'notes' })).json.version);
    expect((await call('POST', `${name}/versions/${v.id}/publish`, fran)).status).toBe(403);
  });
});

describe('share back with consent', () => {
  it("copies chosen passages of a room's notes to the plenary, only when a member asks", async () => {
    const notes = connectDoc(server.url, roomA, ana);
    const plenary = connectDoc(server.url, `notes:${c}:plenary`, fran);
    await Promise.all([synced(notes.provider), synced(plenary.provider)]);
    typeParagraph(notes.doc, 'Private musing that stays here.');
    typeParagraph(notes.doc, 'We want a shared budget table.');
    typeParagraph(notes.doc, 'Ask the city for open data on contracts.');
    await stored(roomA, 'open data on contracts', ana);
    const body = { to: `notes:${c}:plenary`, passages: [{ block: 1 }, { text: 'open data on contracts' }] };

    expect((await call('POST', `${roomA}/share`, ben, body)).status).toBe(403); // another room
    expect((await call('POST', `${roomA}/share`, fran, body)).status).toBe(403); // facilitators may read, not consent
    expect((await call('POST', `${roomA}/share`, ana, { ...body, passages: [{ text: 'words nobody wrote' }] })).status).toBe(400);
    expect((await call('POST', `${roomA}/share`, ana, { ...body, to: roomB })).status).toBe(400);
    expect((await call('POST', `${roomA}/share`, ana, { ...body, passages: [{ block: 99 }] })).status).toBe(400);

    const shared = await call('POST', `${roomA}/share`, ana, body);
    expect(shared.status).toBe(200);
    expect(ShareBackResult.parse(shared.json).shared).toBe(2);
    await untilDoc(plenary.doc, () => plain(plenary.doc).includes('shared budget table'));
    const text = plain(plenary.doc);
    expect(text).toContain('Shared with consent from Notes: Room A (Pairs):');
    expect(text).toContain('open data on contracts');
    expect(text).not.toContain('Private musing');
    notes.destroy();
    plenary.destroy();
  });
});
