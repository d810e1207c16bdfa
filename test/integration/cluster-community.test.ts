// A community used through two server processes on one PostgreSQL and one Redis. What a
// member would notice if this broke: a person removed from the community through one
// process who keeps reading and writing its toolkit drafts through another; someone who
// just joined who cannot open the drafts on the other process; a facilitator's words in a
// draft that do not reach a member connected elsewhere.
//
// Each process reads every community again only once an hour here (DIRECTORY_REREAD_MS),
// so whatever crosses in this test crossed as Redis news, not through the periodic re-read.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLAB_CLOSE } from '@brave/protocol';
import { available } from '../support/engines.ts';
import { startCluster, type TestCluster } from './cluster-helpers.ts';
import { closed, connectDoc, plain, rawConnect, synced, typeParagraph, untilDoc, type RawResult } from './collab-helpers.ts';
import { Browser, connectWithCookie, makeCommunity, memberCall } from './collab-community-helpers.ts';
import { eventually } from './community-helpers.ts';

const engines = available('postgres') && available('redis');
let cluster: TestCluster;

beforeAll(async () => {
  if (engines) cluster = await startCluster(['node-a', 'node-b'], { DIRECTORY_REREAD_MS: '3600000' });
}, 240_000);
afterAll(async () => cluster?.close(), 60_000);

const url = (node: string) => cluster.url(node);
const opened = (r: RawResult) => 'open' in r;

describe.skipIf(!engines)('a community across two processes', () => {
  it('a member who joined on one process opens drafts on the other, and loses them there as soon as they are removed on the first', async () => {
    const fran = await new Browser(url('node-a')).signUp('Fran');
    const { info, members } = await makeCommunity(url('node-a'), fran, 'Circle', [{ id: 'money', name: 'Money' }], ['Ana', 'Bo']);
    const [ana, bo] = members as [(typeof members)[0], (typeof members)[0]];
    const draft = `toolkit:${info.id}:money`;

    // Process b started before they joined: it learns of them from process a's news.
    const anaWire = (await eventually(() => rawConnect(url('node-b'), draft, ana.token), opened, 30_000)) as { open: import('ws').WebSocket };
    const boOnB = connectDoc(url('node-b'), draft, bo.token);
    await synced(boOnB.provider, 30_000);
    // The facilitator writes through process a; Bo, on process b, reads it.
    const franOnA = connectWithCookie(url('node-a'), draft, fran.cookie);
    await synced(franOnA.provider, 30_000);
    typeParagraph(franOnA.doc, 'How we share the budget');
    await untilDoc(boOnB.doc, () => plain(boOnB.doc).includes('How we share the budget'), 30_000, 'the facilitator’s words on process b');

    // Fran removes Ana through process a. Her connection on process b is cut, and b lets her in no more.
    const cut = closed(anaWire.open);
    const removed = await fran.call('DELETE', `/api/communities/${info.id}/members/${ana.id}`, { replaceName: false });
    expect(removed.status).toBe(204);
    expect((await cut).code).toBe(COLLAB_CLOSE.forbidden);
    const refused = await eventually(() => rawConnect(url('node-b'), draft, ana.token), (r) => ('open' in r ? (r.open.close(), false) : true), 30_000);
    expect(refused).toMatchObject({ status: 401 });
    expect((await memberCall(url('node-b'), ana.token, 'GET', `/api/communities/${info.id}/me`)).status).toBe(401);

    // Bo, still a member, keeps his connection and the words keep crossing.
    typeParagraph(franOnA.doc, 'Ana has moved on');
    await untilDoc(boOnB.doc, () => plain(boOnB.doc).includes('Ana has moved on'), 30_000);
    expect(boOnB.provider.wsconnected).toBe(true);
    boOnB.destroy();
    franOnA.destroy();
  }, 180_000);
});
