// The document store (collab/doc-log.ts) beyond the update log, on both engines: named
// versions a group can go back to, published pages at an address that lasts, a deleted
// document that must not come back through a write that was already under way, and
// several writers (processes) sharing one log without refusing or losing each other's edits.

import { describe, expect, it } from 'vitest';
import { KyselyDocStore } from '../../apps/server/src/collab/doc-log.ts';
import { contractEngines } from '../support/contract-engines.ts';

const { engines } = contractEngines('contract-docs');
const u = (...b: number[]) => new Uint8Array(b);
const version = (id: string, at: number, data = u(1, 2, 3)) => ({ id, doc: 'toolkit:k_1:money', label: `Label ${id}`, at, by: id === 'v_1' ? null : 'm_1', data });
const publication = (versionId: string, at: number) => ({
  slug: `money-toolkit-${versionId}`,
  doc: 'toolkit:k_1:money',
  versionId,
  label: `Label ${versionId}`,
  title: 'Money: our practice',
  publishedAt: at,
  by: 'a_1',
  markdown: `# ${versionId}`,
  html: `<h1>${versionId}</h1>`,
});

describe.each(engines)('the document store on $name', (engine) => {
  it.skipIf(engine.skip)('lists versions newest first without their content, gives one back whole, and never lets two share a millisecond', async () => {
    const db = engine.fresh();
    const store = new KyselyDocStore(await db.open());
    expect(await store.saveVersion(version('v_1', 5_000))).toEqual({ id: 'v_1', doc: 'toolkit:k_1:money', label: 'Label v_1', at: 5_000, by: null, bytes: 3 });
    // Saved in the same millisecond (a restore saves "before" and then restores): still in order.
    expect((await store.saveVersion(version('v_0', 5_000, u(9)))).at).toBe(5_001);
    await store.saveVersion({ ...version('v_2', 7_000), doc: 'toolkit:k_1:other' });
    const again = new KyselyDocStore(await db.open());
    expect((await again.versions('toolkit:k_1:money')).map((v) => [v.id, v.at, v.bytes])).toEqual([
      ['v_0', 5_001, 1],
      ['v_1', 5_000, 3],
    ]);
    expect(await again.versions('toolkit:k_1:money', 1)).toHaveLength(1);
    expect(await again.version('toolkit:k_1:money', 'v_1')).toMatchObject({ label: 'Label v_1', data: u(1, 2, 3) });
    // A version is only found through its own document.
    expect(await again.version('toolkit:k_1:other', 'v_1')).toBeNull();
  });

  it.skipIf(engine.skip)('re-publishing keeps the first address and shows the newest version there', async () => {
    const store = new KyselyDocStore(await engine.fresh().open());
    expect(await store.publicationOf('toolkit:k_1:money')).toBeNull();
    const first = await store.publish(publication('v_1', 1_000));
    expect(first).toMatchObject({ slug: 'money-toolkit-v_1', versionId: 'v_1' });
    const second = await store.publish({ ...publication('v_2', 2_000), slug: 'a-new-slug' });
    expect(second).toMatchObject({ slug: 'money-toolkit-v_1', versionId: 'v_2', publishedAt: 2_000, markdown: '# v_2', html: '<h1>v_2</h1>' });
    expect(await store.publication('money-toolkit-v_1')).toEqual(second);
    expect(await store.publication('a-new-slug')).toBeNull();
  });

  it.skipIf(engine.skip)('leaves out the rows of a document the writer reports deleted since it made them', async () => {
    const store = new KyselyDocStore(await engine.fresh().open());
    const asked: string[] = [];
    await store.append(
      [
        { doc: 'notes:c_1:plenary', seq: 1, at: 1, data: u(1) },
        { doc: 'notes:c_1:room-1', seq: 1, at: 1, data: u(2) },
      ],
      (doc) => (asked.push(doc), doc !== 'notes:c_1:room-1'),
    );
    expect(asked.sort()).toEqual(['notes:c_1:plenary', 'notes:c_1:room-1']);
    expect((await store.load('notes:c_1:plenary')).updates).toEqual([u(1)]);
    expect(await store.load('notes:c_1:room-1')).toEqual({ snapshot: null, updates: [], lastSeq: 0, bytes: 0 });
  });

  it.skipIf(engine.skip)('several writers share one log: each appends after the others and is handed what it had not seen', async () => {
    const db = engine.fresh();
    const [a, b] = [new KyselyDocStore(await db.open()), new KyselyDocStore(await db.open())];
    const doc = 'notes:c_1:plenary';
    expect((await a.appendAfter([{ doc, after: 0, at: 1, updates: [u(1)] }])).get(doc)).toEqual({ first: 1, missed: null });
    // b still thinks the log is empty: its row goes after a's, and a's row comes back to it.
    expect((await b.appendAfter([{ doc, after: 0, at: 2, updates: [u(2), u(3)] }])).get(doc)).toEqual({ first: 2, missed: { snapshot: null, updates: [u(1)], lastSeq: 1 } });
    // At once from both (PostgreSQL; two SQLite handles in one process would wait on each
    // other's lock with the event loop blocked), many times: nobody is refused, numbers stay 1…n.
    const heads = { a: 1, b: 3 };
    const write = async (store: KyselyDocStore, who: 'a' | 'b', n: number) => {
      for (let i = 0; i < n; i++) {
        const done = (await store.appendAfter([{ doc, after: heads[who], at: 3, updates: [u(10 + i)] }])).get(doc)!;
        heads[who] = done.first;
      }
    };
    if (engine.name === 'postgres') await Promise.all([write(a, 'a', 15), write(b, 'b', 15)]);
    else for (let i = 0; i < 15; i++) await write(a, 'a', 1).then(() => write(b, 'b', 1));
    const stored = await a.load(doc);
    expect(stored.updates).toHaveLength(33);
    expect(stored.lastSeq).toBe(33);
    // a compacts up to 20; b, behind, compacts up to 10 after it: a's snapshot stays, nothing is lost.
    await a.compact(doc, 20, 4, u(20));
    await b.compact(doc, 10, 5, u(10));
    expect(await b.load(doc)).toMatchObject({ snapshot: u(20), lastSeq: 33 });
    expect((await b.load(doc)).updates).toHaveLength(13);
    // Someone at seq 12 catching up gets the snapshot (its rows were folded away) and the tail.
    const tail = await b.since(doc, 12);
    expect(tail).toMatchObject({ snapshot: u(20), lastSeq: 33 });
    expect(tail.updates).toHaveLength(13);
    expect(await b.since(doc, 30)).toMatchObject({ snapshot: null, lastSeq: 33 });
    expect((await b.since(doc, 30)).updates).toHaveLength(3);
  });

  it.skipIf(engine.skip)('finds documents by prefix and deletes them with everything kept about them', async () => {
    const store = new KyselyDocStore(await engine.fresh().open());
    await store.appendAfter([{ doc: 'notes:c_1:plenary', after: 0, at: 1, updates: [u(1)] }]);
    await store.saveVersion(version('v_1', 1_000));
    await store.publish(publication('v_1', 1_000));
    await store.appendAfter([{ doc: 'notes:c_2:plenary', after: 0, at: 1, updates: [u(2)] }]);
    expect((await store.namesWithPrefix('notes:c_1:')).sort()).toEqual(['notes:c_1:plenary']);
    expect((await store.publicationsOf(['toolkit:k_1:money', 'toolkit:k_1:other'])).map((p) => p.slug)).toEqual(['money-toolkit-v_1']);
    await store.delete(['notes:c_1:plenary', 'toolkit:k_1:money']);
    expect(await store.namesWithPrefix('notes:c_1:')).toEqual([]);
    expect(await store.namesWithPrefix('toolkit:k_1:')).toEqual([]);
    expect(await store.publication('money-toolkit-v_1')).toBeNull();
    expect((await store.load('notes:c_2:plenary')).updates).toEqual([u(2)]);
  });

  it.skipIf(engine.skip)('never brings a deleted document back from a copy another writer still holds', async () => {
    const db = engine.fresh();
    const [here, elsewhere] = [new KyselyDocStore(await db.open()), new KyselyDocStore(await db.open())];
    const doc = 'notes:c_1:r_1:caucus';
    await here.appendAfter([{ doc, after: 0, at: 1, updates: [u(1), u(2)] }]);
    // The caucus's round closes here: its notes are deleted, inside a caller's transaction too.
    await db.open().then(async (database) => {
      await database.db.transaction().execute((tx) => here.delete([doc], tx));
      await database.close();
    });
    expect(await here.load(doc)).toMatchObject({ snapshot: null, updates: [], lastSeq: 0 });
    // Another process still holds a copy at seq 2 and flushes an edit: left out, no answer for it.
    const answer = await elsewhere.appendAfter([{ doc, after: 2, at: 3, updates: [u(3)] }, { doc: 'notes:c_1:plenary', after: 0, at: 3, updates: [u(4)] }]);
    expect(answer.has(doc)).toBe(false);
    expect(answer.get('notes:c_1:plenary')).toEqual({ first: 1, missed: null });
    expect(await here.load(doc)).toMatchObject({ updates: [], lastSeq: 0 });
    expect(await here.namesWithPrefix('notes:c_1:r_1')).toEqual([]);
  });
});
