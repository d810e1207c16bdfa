// The document store (collab/doc-log.ts) beyond the update log, on both engines: named
// versions a group can go back to, published pages at an address that lasts, and a
// deleted document that must not come back through a write that was already under way.

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
});
