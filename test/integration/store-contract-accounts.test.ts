// The account store (accounts/store.ts) on both engines: what a facilitator would lose if it
// broke is their sign-in, the one admin of the instance, or a reset link that works twice.

import { describe, expect, it } from 'vitest';
import { KyselyAccountStore, type NewSession } from '../../apps/server/src/accounts/store.ts';
import { contractEngines } from '../support/contract-engines.ts';

const { engines } = contractEngines('contract-accounts');

const session = (idHash: string, createdAt = 1_000, ttl = 1_000): NewSession => ({ idHash, csrf: `csrf-${idHash}`, createdAt, expiresAt: createdAt + ttl });
const person = (id: string, email: string) => ({ id, email, name: `Name ${id}`, passwordHash: `hash-${id}`, createdAt: 1_000 });

describe.each(engines)('the account store on $name', (engine) => {
  it.skipIf(engine.skip)('makes the first account the admin, refuses a taken email and a full instance, and keeps it all after a reopen', async () => {
    const db = engine.fresh();
    const database = await db.open();
    const store = new KyselyAccountStore(database);
    expect(await store.createWithSession(person('a_1', 'ana@example.org'), session('s1'), 2)).toMatchObject({ id: 'a_1', isAdmin: true });
    expect(await store.createWithSession(person('a_2', 'ana@example.org'), session('s2'), 2)).toBe('taken');
    expect(await store.createWithSession(person('a_2', 'bo@example.org'), session('s2'), 2)).toMatchObject({ id: 'a_2', isAdmin: false });
    expect(await store.createWithSession(person('a_3', 'cy@example.org'), session('s3'), 2)).toBe('full');
    await database.close();

    const again = new KyselyAccountStore(await db.open());
    expect((await again.list()).map((a) => [a.email, a.isAdmin])).toEqual([
      ['ana@example.org', true],
      ['bo@example.org', false],
    ]);
    expect(await again.byEmail('bo@example.org')).toMatchObject({ account: { id: 'a_2' }, passwordHash: 'hash-a_2' });
    expect(await again.byEmail('cy@example.org')).toBeNull();
    expect(await again.passwordHash('a_1')).toBe('hash-a_1');
    expect(await again.byId('a_3')).toBeNull();
    expect((await again.session('s2', 1_500))?.session).toEqual({ idHash: 's2', accountId: 'a_2', csrf: 'csrf-s2', expiresAt: 2_000 });
  });

  it.skipIf(engine.skip)('gives one admin however many people sign up at the same moment', async () => {
    const db = engine.fresh();
    // PostgreSQL: two handles, as two processes. SQLite: one (a second in this process would
    // wait for the first synchronously, holding up the very thread that would let it finish).
    const first = new KyselyAccountStore(await db.open());
    const stores = [first, engine.name === 'postgres' ? new KyselyAccountStore(await db.open()) : first];
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => stores[i % 2]!.createWithSession(person(`a_${i}`, `p${i}@example.org`), session(`s${i}`), 4)));
    expect(made.filter((m) => m === 'full')).toHaveLength(2);
    expect(made.filter((m) => typeof m === 'object' && m.isAdmin)).toHaveLength(1);
    expect(await stores[0]!.list()).toHaveLength(4);
  });

  it.skipIf(engine.skip)('forgets an expired session, ends the others on a password change, and lets a reset link work once', async () => {
    const store = new KyselyAccountStore(await engine.fresh().open());
    await store.createWithSession(person('a_1', 'ana@example.org'), session('phone'), 10);
    await store.createSession('a_1', session('laptop', 1_100));
    await store.createSession('a_1', session('old', 1_100, 50));
    expect(await store.session('old', 1_200)).toBeNull();
    expect(await store.session('old', 1_000)).toBeNull(); // deleted, not just hidden
    await store.changePassword('a_1', 'hash-new', 'laptop');
    expect(await store.session('phone', 1_200)).toBeNull();
    expect(await store.session('laptop', 1_200)).toMatchObject({ account: { id: 'a_1' } });
    expect(await store.passwordHash('a_1')).toBe('hash-new');

    await store.createResetLink({ tokenHash: 't1', accountId: 'a_1', createdBy: 'a_1', createdAt: 1_300, expiresAt: 5_000 });
    await store.createResetLink({ tokenHash: 't2', accountId: 'a_1', createdBy: 'a_1', createdAt: 1_300, expiresAt: 5_000 });
    expect(await store.resetLinkAccount('t1', 1_400)).toBeNull(); // replaced by t2
    expect(await store.resetLinkAccount('t2', 1_400)).toBe('a_1');
    expect(await store.resetLinkAccount('t2', 5_000)).toBeNull(); // expired by then
    const uses = await Promise.all([store.useResetLink('t2', 'hash-reset', session('r1', 1_500)), store.useResetLink('t2', 'hash-other', session('r2', 1_500))]);
    expect(uses.filter(Boolean)).toHaveLength(1);
    expect(await store.session('laptop', 1_600)).toBeNull();
    expect(['hash-reset', 'hash-other']).toContain(await store.passwordHash('a_1'));

    await store.endSessions('a_1');
    expect(await store.session('r1', 1_600)).toBeNull();
    expect(await store.session('r2', 1_600)).toBeNull();
  });
});
