// One contract, two engines: every store test runs on SQLite and on a real PostgreSQL. What is checked is what a user would lose
// if it broke: an acknowledged event, its order, a retried command's answer, an erasure,
// a document edit.

import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@brave/protocol';
import { KyselyDocStore } from '../../apps/server/src/collab/doc-log.ts';
import { openDatabase, type Database } from '../../apps/server/src/store/database.ts';
import { KyselyStore } from '../../apps/server/src/store/kysely-store.ts';
import { FencedError } from '../../apps/server/src/store/lease.ts';
import { StoreUnavailableError, type NewEvent } from '../../apps/server/src/store/types.ts';
import { contractEngines } from '../support/contract-engines.ts';
import { eventually } from './community-helpers.ts';

const { engines, withPostgres, postgres } = contractEngines('contract');
let n = 0;

const spotlight = (i: number, actor: string | null = 'p_host'): NewEvent => ({
  at: 1_000 + i,
  actor,
  event: { type: 'spotlight.set', agreementId: `a${i}`, text: `Agreement ${i}`, source: 'facilitator' },
});
const record = { id: 'c_1', joinCode: 'JOIN-1', cohostCode: 'HOST-1', createdAt: 1_000 };

describe.each(engines)('the store on $name', (engine) => {
  const open = async (db: { open: () => Promise<Database> }) => new KyselyStore(await db.open());

  it.skipIf(engine.skip)('keeps every appended event, in order, and replays it after a reopen', async () => {
    const db = engine.fresh();
    const store = await open(db);
    expect((await store.createConvening(record, [spotlight(1), spotlight(2)])).map((e) => e.seq)).toEqual([1, 2]);
    const stored = await store.append('c_1', [spotlight(3), spotlight(4, null)], { actor: 'p_host', key: 'k1', result: { ok: true, seq: 4 } });
    expect(stored.map((e) => e.seq)).toEqual([3, 4]);
    expect(await store.append('c_1', [])).toEqual([]);
    expect(await store.convening('c_1')).toEqual(record);
    expect(await store.conveningByJoinCode('JOIN-1')).toEqual(record);
    expect(await store.conveningByJoinCode('NOPE')).toBeNull();
    await store.close();

    const again = await open(db);
    const replay = await again.events('c_1');
    expect(replay.map((e) => [e.seq, e.actor, (e.event as { agreementId: string }).agreementId])).toEqual([
      [1, 'p_host', 'a1'],
      [2, 'p_host', 'a2'],
      [3, 'p_host', 'a3'],
      [4, null, 'a4'],
    ]);
    expect((await again.events('c_1', 2)).map((e) => e.seq)).toEqual([3, 4]);
    expect(await again.actions('c_1')).toEqual([{ actor: 'p_host', key: 'k1', result: { ok: true, seq: 4 } }]);
    await again.close();
  });

  it.skipIf(engine.skip)('numbers concurrent appends gap-free, from one store and (PostgreSQL) from two processes sharing the database', async () => {
    const db = engine.fresh();
    const a = await open(db);
    // SQLite is one process by design (its writes serialise on one connection); PostgreSQL
    // takes writers on any number of connections, here two stores with their own pools.
    const b = engine.name === 'sqlite' ? a : await open(db);
    await a.createConvening(record, []);
    const each = 60;
    const writes = Array.from({ length: each }, (_, i) => [
      a.append('c_1', [spotlight(i, 'from-a')], { actor: 'from-a', key: `a${i}`, result: { ok: true } }),
      b.append('c_1', [spotlight(i, 'from-b'), spotlight(i + 1000, 'from-b')], { actor: 'from-b', key: `b${i}`, result: { ok: true } }),
    ]).flat();
    const acked = (await Promise.all(writes)).flat();
    const log = await a.events('c_1');
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: each * 3 }, (_, i) => i + 1));
    // Every acknowledged event is the one stored under its number.
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    for (const e of acked) expect(bySeq.get(e.seq)).toMatchObject({ actor: e.actor, event: e.event });
    // A command's events stay together.
    for (let i = 0; i < each; i++) {
      const seqs = acked.filter((e) => e.actor === 'from-b' && [`a${i}`, `a${i + 1000}`].includes((e.event as { agreementId: string }).agreementId));
      expect(seqs[1]!.seq - seqs[0]!.seq).toBe(1);
    }
    expect(await a.actions('c_1')).toHaveLength(each * 2);
    await a.close();
    if (b !== a) await b.close();
  });

  it.skipIf(engine.skip)('gives a retried command its latest answer, and forgets the answers of one convening only', async () => {
    const store = await open(engine.fresh());
    await store.createConvening(record, []);
    await store.createConvening({ ...record, id: 'c_2', joinCode: 'JOIN-2' }, []);
    await store.append('c_1', [spotlight(1)], { actor: 'p_1', key: 'k', result: { ok: false, error: { code: 'conflict', message: 'Not yet' } } });
    await store.append('c_1', [spotlight(2)], { actor: 'p_1', key: 'k', result: { ok: true, seq: 2 } });
    await store.append('c_2', [spotlight(1)], { actor: 'p_1', key: 'k', result: { ok: true, seq: 1 } });
    expect(await store.actions('c_1')).toEqual([{ actor: 'p_1', key: 'k', result: { ok: true, seq: 2 } }]);
    expect(await store.forgetActions('c_1')).toBe(1);
    expect(await store.actions('c_1')).toEqual([]);
    expect(await store.actions('c_2')).toHaveLength(1);
    await store.close();
  });

  it.skipIf(engine.skip)('rewrites one type of event in place (and who sent it, when asked), leaving the rest', async () => {
    const store = await open(engine.fresh());
    const cleared: NewEvent = { at: 5, actor: 'p_2', event: { type: 'spotlight.cleared' } };
    await store.createConvening(record, [spotlight(1, 'p_1'), cleared, spotlight(2, 'p_3')]);
    const changed = await store.rewrite('c_1', 'spotlight.set', (e) => ({ ...e, text: 'Erased' }) as DomainEvent, { clearActor: true });
    expect(changed).toBe(2);
    const log = await store.events('c_1');
    expect(log.map((e) => [e.actor, e.event.type, (e.event as { text?: string }).text])).toEqual([
      [null, 'spotlight.set', 'Erased'],
      ['p_2', 'spotlight.cleared', undefined],
      [null, 'spotlight.set', 'Erased'],
    ]);
    // Nothing left to change: nothing is rewritten.
    expect(await store.rewrite('c_1', 'spotlight.set', (e) => e, { clearActor: true })).toBe(0);
    await store.close();
  });

  it.skipIf(engine.skip)('keeps document updates and snapshots; a taken sequence number refuses the whole batch', async () => {
    const database = await engine.fresh().open();
    const docs = new KyselyDocStore(database);
    const u = (...b: number[]) => new Uint8Array(b);
    expect(await docs.load('notes:c_1')).toEqual({ snapshot: null, updates: [], lastSeq: 0, bytes: 0 });
    await docs.append([
      { doc: 'notes:c_1', seq: 1, at: 1, data: u(1, 1) },
      { doc: 'notes:c_1', seq: 2, at: 2, data: u(2) },
      { doc: 'notes:c_2', seq: 1, at: 2, data: u(9) },
    ]);
    await docs.append([{ doc: 'notes:c_1', seq: 3, at: 3, data: u(3, 3, 3) }]);
    await docs.compact('notes:c_1', 2, 4, u(7, 7, 7, 7));
    expect(await docs.load('notes:c_1')).toEqual({ snapshot: u(7, 7, 7, 7), updates: [u(3, 3, 3)], lastSeq: 3, bytes: 7 });
    const refused = docs.append([
      { doc: 'notes:c_2', seq: 2, at: 5, data: u(5) },
      { doc: 'notes:c_1', seq: 3, at: 5, data: u(6) },
    ]);
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await docs.load('notes:c_2')).toEqual({ snapshot: null, updates: [u(9)], lastSeq: 1, bytes: 1 });
    await database.close();
  });

  it.skipIf(engine.skip)('migrates once however often (and, on PostgreSQL, however many processes at once) it starts', async () => {
    const db = engine.fresh();
    const starts = engine.name === 'sqlite' ? [await db.open(), await db.open()] : await Promise.all([db.open(), db.open(), db.open(), db.open()]);
    for (const s of starts) {
      const done = await s.db.selectNoFrom((eb) => eb.val(1).as('x')).execute();
      expect(done).toHaveLength(1);
    }
    const names = (await starts[0]!.db.withTables<{ kysely_migration: { name: string } }>().selectFrom('kysely_migration').select('name').orderBy('name').execute()).map((r) => r.name);
    expect(names).toEqual(['0001_convenings', '0002_documents', '0003_accounts', '0004_communities', '0005_member_claims', '0006_leases', '0007_mail', '0008_show_plans', '0009_member_language', '0010_hub']);
    const store = new KyselyStore(starts.at(-1)!);
    await store.createConvening(record, [spotlight(1)]);
    expect(await new KyselyStore(starts[0]!).events('c_1')).toHaveLength(1);
    for (const s of starts) await s.close();
  });
});

// Several processes on one database: one owner per convening, fenced by an epoch.
describe.each(engines)('leases and fencing on $name', (engine) => {
  const two = async () => {
    const db = engine.fresh();
    const a = new KyselyStore(await db.open());
    const b = new KyselyStore(await db.open());
    await a.createConvening(record, [spotlight(1)]);
    return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
  };
  const action = (key: string) => ({ actor: 'p_host', key, result: { ok: true as const } });
  /** Another process takes over once the lease ran out (the database's clock decides when). */
  const takeOver = (store: KyselyStore, owner: string) => eventually(() => store.acquireLease('c_1', owner, 60_000), (l) => l.owner === owner);

  it.skipIf(engine.skip)('gives a convening one owner at a time, and a higher epoch to each new owner', async () => {
    const { a, b, close } = await two();
    const first = await a.acquireLease('c_1', 'node-a', 60_000);
    expect(first).toMatchObject({ owner: 'node-a', epoch: 1 });
    // Held and not run out: the other process is told who owns it, and gets nothing.
    expect(await b.acquireLease('c_1', 'node-b', 60_000)).toMatchObject({ owner: 'node-a', epoch: 1 });
    expect(await a.acquireLease('c_1', 'node-a', 60_000)).toMatchObject({ owner: 'node-a', epoch: 1 });
    expect(await a.renewLease(first, 60_000)).toBe(true);
    await a.releaseLease(first);
    const second = await b.acquireLease('c_1', 'node-b', 60_000);
    expect(second).toMatchObject({ owner: 'node-b', epoch: 2 });
    expect(await b.lease('c_1')).toMatchObject({ owner: 'node-b', epoch: 2 });
    // The old owner cannot extend what it gave up, nor give up what is no longer its own.
    expect(await a.renewLease(first, 60_000)).toBe(false);
    await a.releaseLease(first);
    expect(await a.lease('c_1')).toMatchObject({ owner: 'node-b', epoch: 2 });
    expect(await a.lease('c_other')).toBeNull();
    // A convening that does not exist (never made, or purged) gets no lease, so no epoch starts over.
    await expect(a.acquireLease('c_other', 'node-a', 60_000)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await a.lease('c_other')).toBeNull();
    await close();
  });

  it.skipIf(engine.skip)("refuses a paused old owner's append after a takeover, and writes nothing of it", async () => {
    const { a, b, close } = await two();
    const old = await a.acquireLease('c_1', 'node-a', 1);
    expect(await a.append('c_1', [spotlight(2)], action('before'), { epoch: old.epoch })).toMatchObject([{ seq: 2 }]);
    const taken = await takeOver(b, 'node-b');
    expect(taken.epoch).toBe(old.epoch + 1);
    // node-a wakes up still believing it owns the convening.
    const late = a.append('c_1', [spotlight(3)], action('late'), { epoch: old.epoch });
    await expect(late).rejects.toBeInstanceOf(FencedError);
    await expect(late).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await b.append('c_1', [spotlight(4)], action('new-owner'), { epoch: taken.epoch })).toMatchObject([{ seq: 3 }]);
    const log = await b.events('c_1');
    expect(log.map((e) => (e.event as { agreementId: string }).agreementId)).toEqual(['a1', 'a2', 'a4']);
    expect((await b.actions('c_1')).map((x) => x.key).sort()).toEqual(['before', 'new-owner']);
    // Appends without an epoch (a single process, no leases) are not fenced.
    expect(await a.append('c_1', [spotlight(5)])).toMatchObject([{ seq: 4 }]);
    await close();
  });

  it.skipIf(engine.skip)('orders a takeover with the old owner\'s appends in flight: all it acknowledged is stored before the new owner\'s, the rest nowhere', async () => {
    const { a, b: other, close } = await two();
    // SQLite is one process by design: its second writer here is the same connection.
    const b = engine.name === 'sqlite' ? a : other;
    const old = await a.acquireLease('c_1', 'node-a', 1);
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      a.append('c_1', [spotlight(100 + i)], action(`old-${i}`), { epoch: old.epoch }).then(
        (stored) => ({ i, seq: stored[0]!.seq }),
        (err: unknown) => ({ i, refused: err instanceof FencedError }),
      ),
    );
    const taken = await takeOver(b, 'node-b');
    const [mine] = await b.append('c_1', [spotlight(999)], action('new-owner'), { epoch: taken.epoch });
    const outcomes = await Promise.all(inFlight);
    const acked = outcomes.filter((o): o is { i: number; seq: number } => 'seq' in o);
    expect(outcomes.filter((o) => 'refused' in o).every((o) => (o as { refused: boolean }).refused)).toBe(true);
    const log = await a.events('c_1');
    const stored = new Set(log.map((e) => (e.event as { agreementId: string }).agreementId));
    for (const o of outcomes) expect(stored.has(`a${100 + o.i}`)).toBe('seq' in o);
    for (const o of acked) expect(o.seq).toBeLessThan(mine!.seq);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    await close();
  });
});

describe.skipIf(!withPostgres)('PostgreSQL stopped and started again', () => {
  it('refuses writes and reads as store_unavailable while it is down, acknowledges nothing, and recovers on its own', async () => {
    const url = postgres().createDatabase(`outage_${++n}`);
    const store = new KyselyStore(await openDatabase({ databaseUrl: url, sqliteFile: '' }));
    await store.createConvening(record, [spotlight(1)]);
    postgres().stop();
    try {
      await expect(store.append('c_1', [spotlight(2)], { actor: 'p', key: 'during', result: { ok: true } })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.events('c_1')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      postgres().start();
    }
    // The pool drops its dead connections and opens new ones.
    const after = await store.append('c_1', [spotlight(3)], { actor: 'p', key: 'after', result: { ok: true } });
    expect(after.map((e) => e.seq)).toEqual([2]);
    const log = await store.events('c_1');
    expect(log.map((e) => (e.event as { agreementId: string }).agreementId)).toEqual(['a1', 'a3']);
    expect((await store.actions('c_1')).map((a) => a.key)).toEqual(['after']);
    await store.close();
  });
});
