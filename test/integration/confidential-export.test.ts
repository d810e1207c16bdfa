import { describe, expect, it } from 'vitest';
import { CommunityExport, ConveningReport } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { ok, until } from '../support/people.ts';
import { createCommunity, enterAsMember, facilitator, joinCommunity, memberCode, schedule, startAsHost, writeDoc } from './community-helpers.ts';

/**
 * What leaves the server about a confidential room (docs/facilitating.md, "Confidential
 * rooms"): its notes, even kept for its members, are never in the community export, a
 * publication or a share-back; its roster and its signals are in neither the export nor
 * the debrief and report of a facilitator it did not let in, and its hands not either.
 */
describe('a confidential room, looking back', () => {
  it('stays out of the community export, the report and every way of sharing its notes', async () => {
    await using server = await startTestServer();
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const code = await memberCode(f, made.id);
    const planned = await schedule(f, made.id, { title: 'Month one' });
    const host = await startAsHost(f, made.id, planned.id);
    const people = [];
    for (const name of ['Ana', 'Bo', 'Cy']) {
      const cred = await joinCommunity(server.url, made.id, code, { name, channel: 'money', role: `${name}-role` });
      people.push(await enterAsMember(server.url, made.id, planned.id, cred.token));
    }
    const [ana, bo, cy] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
    try {
      const id = (p: typeof ana) => p.entry.participantId;
      const round = await ok(host.client, {
        type: 'round.open',
        seed: 1,
        spec: {
          name: 'Pairs',
          durationSeconds: 600,
          strategy: { kind: 'manual', rooms: [{ id: 'ra', name: 'Room A' }, { id: 'rb', name: 'Room B' }], placements: { [id(ana)]: 'ra', [id(bo)]: 'ra', [id(cy)]: 'rb' } },
          confidential: { rooms: ['ra'], notes: 'keep' },
        },
      });
      const c = host.entry.conveningId;
      const name = `notes:${c}:${round.id}:ra`;
      await until(ana.client, (cl) => cl.state!.rounds[round.id!]?.rooms.ra);
      writeDoc(server.dataDir, name, 'Kept words about the budget fight');
      writeDoc(server.dataDir, `notes:${c}:${round.id}:rb`, 'Open words about the parks');
      await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That stung in here.' });
      await ok(ana.client, { type: 'hand.raise' });

      const docs = (path: string) => `${server.url}/api/convenings/${c}/docs/${path}`;
      const as = (token: string, method = 'GET', body?: unknown) => ({
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      // A member may keep a version for the room, never publish it nor send it to a toolkit draft.
      const version = await fetch(docs(`${name}/versions`), as(ana.entry.token, 'POST', { label: 'Our words' }));
      expect(version.status).toBe(201);
      const { version: v } = (await version.json()) as { version: { id: string } };
      const published = await fetch(docs(`${name}/versions/${v.id}/publish`), as(ana.entry.token, 'POST', {}));
      expect(published.status).toBe(403);
      const toToolkit = await fetch(docs(`${name}/share`), as(ana.entry.token, 'POST', { to: `toolkit:${made.id}:money`, passages: [{ block: 0 }] }));
      expect(toToolkit.status).toBe(403);
      expect(((await toToolkit.json()) as { error: { message: string } }).error.message).toMatch(/confidential/);

      // The report and the debrief of the host, whom the room did not let in.
      const get = (path: string) => fetch(`${server.url}/api/convenings/${c}/${path}`, as(host.entry.token));
      const report = ConveningReport.parse(await (await get('report/json')).json());
      expect(report.hands.map((h) => h.room)).toEqual([null, 'Room B']);
      expect(report.signals).toEqual({ ouch: 0, whoops: 0, followedUp: 0 });
      expect(report.rounds[0]!.rooms).toContainEqual({ name: 'Room A', kind: 'breakout', size: 2 });
      const debrief = (await (await get('debrief')).json()) as { signals: unknown[]; rounds: { rooms: { name: string; members: string[] }[] }[] };
      expect(debrief.signals).toEqual([]);
      expect(debrief.rounds[0]!.rooms.find((r) => r.name === 'Room A')!.members).toEqual([]);
      const md = await (await get('report/md')).text();
      for (const text of [JSON.stringify(report), JSON.stringify(debrief), md]) {
        expect(text).not.toMatch(/Ana|Bo\b|stung|budget fight/);
      }

      await ok(host.client, { type: 'round.close' });
      await ok(host.client, { type: 'convening.close' });
      // Kept for its members after the round, and still never exported.
      const exported = CommunityExport.parse((await f.call('GET', `/api/communities/${made.id}/export`)).json);
      const [conv] = exported.convenings;
      expect(conv!.rounds[0]!.rooms).toContainEqual({ name: 'Room A', kind: 'breakout', size: 2 });
      expect(conv!.rounds[0]!.rooms).toContainEqual({ name: 'Room B', kind: 'breakout', size: 1, members: ['Cy'] });
      expect(conv!.signals).toEqual([]);
      expect(exported.documents.map((d) => d.markdown)).toContainEqual(expect.stringContaining('Open words about the parks'));
      expect(JSON.stringify(exported)).not.toMatch(/budget fight|stung/);
      expect(JSON.stringify(exported.convenings)).not.toMatch(/"Ana"|"Bo"/);
      const stillThere = await fetch(docs(name), as(ana.entry.token));
      expect(stillThere.status).toBe(200);
    } finally {
      for (const p of [host, ...people]) p.client.close();
    }
  });
});
