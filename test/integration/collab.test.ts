import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DocsListResult } from '@brave/protocol';
import { joinAs, openConvening } from '../support/people.ts';
import { tempDir } from '../support/server.ts';
import { connectDoc, plain, startCollabServer, synced, typeParagraph, untilDoc } from './collab-helpers.ts';

let server: Awaited<ReturnType<typeof startCollabServer>>;
beforeAll(async () => {
  server = await startCollabServer();
});
afterAll(async () => server.close());

async function convening() {
  const { made, host } = await openConvening(server.url);
  const ana = await joinAs(server.url, made.joinCode, 'Ana');
  host.close();
  ana.client.close();
  return { made, anaToken: ana.joined.token };
}

describe('collaborative documents over stock y-websocket', () => {
  it('two editors converge on a toolkit draft that starts from the template', async () => {
    const { made, anaToken } = await convening();
    const name = `toolkit:${made.id}:money`;
    const a = connectDoc(server.url, name, made.facilitatorToken);
    const b = connectDoc(server.url, name, anaToken);
    await Promise.all([synced(a.provider), synced(b.provider)]);

    // The template arrives as ProseMirror-shaped nodes a Tiptap editor can show.
    const first = a.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    expect(first.nodeName).toBe('heading');
    expect(first.getAttribute('level')).toBe(1);
    expect(a.text()).toContain('The history of harm');
    expect(a.text()).toContain('Shifting power');
    expect(a.text()).toContain('Mutual accountability and standards');

    typeParagraph(a.doc, 'Redlining maps from 1938 still shape lending.');
    typeParagraph(b.doc, 'Participatory budgeting pilot in ward 4.');
    const both = () => plain(a.doc).includes('ward 4') && plain(a.doc).includes('1938');
    await untilDoc(a.doc, both);
    await untilDoc(b.doc, () => plain(b.doc).includes('1938'));
    expect(plain(a.doc)).toBe(plain(b.doc));
    a.destroy();
    b.destroy();
  });

  it('twenty editors typing at once all end with the same document', async () => {
    const { made } = await convening();
    const name = `notes:${made.id}:plenary`;
    const editors = Array.from({ length: 20 }, () => connectDoc(server.url, name, made.facilitatorToken));
    await Promise.all(editors.map((e) => synced(e.provider)));
    for (let round = 0; round < 10; round++) editors.forEach((e, i) => typeParagraph(e.doc, `editor ${i} line ${round}`));
    for (const e of editors) await untilDoc(e.doc, () => plain(e.doc).split('\n').length === 200, 20_000, 'all 200 lines');
    const first = plain(editors[0]!.doc);
    for (const e of editors) expect(plain(e.doc)).toBe(first);
    for (const e of editors) e.destroy();
  });

  it('shares presence (awareness): each editor sees who else is here', async () => {
    const { made, anaToken } = await convening();
    const name = `notes:${made.id}:plenary`;
    const a = connectDoc(server.url, name, made.facilitatorToken);
    const b = connectDoc(server.url, name, anaToken);
    a.provider.awareness.setLocalStateField('user', { name: 'Fran' });
    b.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const names = () => [...b.provider.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name);
    await new Promise<void>((resolve) => {
      const check = () => names().includes('Fran') && (b.provider.awareness.off('change', check), resolve());
      b.provider.awareness.on('change', check);
      check();
    });
    expect(names()).toEqual(expect.arrayContaining(['Fran', 'Ana']));
    a.destroy();
    b.destroy();
  });

  it('merges edits made offline when the connection returns', async () => {
    const { made, anaToken } = await convening();
    const name = `notes:${made.id}:plenary`;
    const a = connectDoc(server.url, name, made.facilitatorToken);
    const b = connectDoc(server.url, name, anaToken);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.provider.disconnect();
    typeParagraph(a.doc, 'Written on the train without signal.');
    typeParagraph(b.doc, 'Written live meanwhile.');
    await untilDoc(b.doc, () => plain(b.doc).includes('meanwhile'));
    expect(plain(b.doc)).not.toContain('train');
    a.provider.connect();
    await untilDoc(b.doc, () => plain(b.doc).includes('train'));
    await untilDoc(a.doc, () => plain(a.doc).includes('meanwhile'));
    expect(plain(a.doc)).toBe(plain(b.doc));
    a.destroy();
    b.destroy();
  });

  it('lists the documents the caller may open', async () => {
    const { made, anaToken } = await convening();
    const res = await fetch(`${server.url}/api/convenings/${made.id}/docs`, { headers: { authorization: `Bearer ${anaToken}` } });
    expect(res.status).toBe(200);
    const { docs } = DocsListResult.parse(await res.json());
    expect(docs.map((d) => d.name)).toEqual([
      `toolkit:${made.id}:money`,
      `toolkit:${made.id}:narrative`,
      `toolkit:${made.id}:policy`,
      `notes:${made.id}:plenary`,
    ]);
    expect(docs.every((d) => d.access === 'write')).toBe(true);
    const anon = await fetch(`${server.url}/api/convenings/${made.id}/docs`);
    expect(anon.status).toBe(401);
  });
});

describe('persistence', () => {
  it('keeps every update across a restart, compacted into a snapshot', async () => {
    const dir = tempDir();
    const s1 = await startCollabServer({ dataDir: dir.path, limits: { compactEvery: 5, unloadAfterMs: 50 } });
    const { made, host } = await openConvening(s1.url);
    host.close();
    const name = `notes:${made.id}:plenary`;
    const a = connectDoc(s1.url, name, made.facilitatorToken);
    await synced(a.provider);
    for (let i = 0; i < 12; i++) typeParagraph(a.doc, `line ${i}`);
    // A second reader seeing the last line means all twelve were stored (stored before relayed).
    const b = connectDoc(s1.url, name, made.facilitatorToken);
    await untilDoc(b.doc, () => plain(b.doc).includes('line 11'));
    a.destroy();
    b.destroy();
    await s1.close();

    const db = new Database(join(dir.path, 'brave-space.db'), { readonly: true });
    const snap = db.prepare('SELECT upto FROM doc_snapshots WHERE doc = ?').get(name) as { upto: number } | undefined;
    const tail = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?').get(name) as { n: number };
    db.close();
    expect(snap?.upto).toBeGreaterThan(0);
    expect(tail.n).toBeLessThan(5);

    const s2 = await startCollabServer({ dataDir: dir.path });
    const c = connectDoc(s2.url, name, made.facilitatorToken);
    await synced(c.provider);
    expect(plain(c.doc).split('\n')).toEqual(Array.from({ length: 12 }, (_, i) => `line ${i}`));
    c.destroy();
    await s2.close();
    dir.remove();
  });

  it('a client whose authorisation is slow (over a second) still connects', async () => {
    const slow = await startCollabServer({ beforeAuthorise: () => new Promise((r) => setTimeout(r, 1_500)) });
    const { made, host } = await openConvening(slow.url);
    host.close();
    const a = connectDoc(slow.url, `notes:${made.id}:plenary`, made.facilitatorToken);
    await synced(a.provider, 15_000);
    expect(a.provider.wsconnected).toBe(true);
    a.destroy();
    await slow.close();
  });
});
