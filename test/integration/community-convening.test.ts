// The convening side of communities: hooks a community plugs into a live convening
// (earlier meetings, rounds ended, kept caucus answers), a convening opened with a
// community's settings, and members let in with their own id.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '@brave/core';
import type { CommandEnvelope, RoundSpec } from '@brave/protocol';
import { RoomRegistry } from '../../apps/server/src/convening/registry.ts';
import type { CommunityHooks } from '../../apps/server/src/convening/room.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite.ts';
import { joinAs, ok, openConvening } from '../support/people.ts';
import { startTestServer, tempDir } from '../support/server.ts';

const PAIRS: RoundSpec = { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 600 };
const CAUCUS: RoundSpec = { name: 'Caucus', strategy: { kind: 'affinity', undecided: 'plenary' }, durationSeconds: 600 };

describe('a live convening tells its community', () => {
  // What the community would answer and what it heard, as the communities module would.
  let earlier: string[][] = [];
  const asked: string[] = [];
  const ended: { conveningId: string; rooms: { kind: string; members: string[] }[] }[] = [];
  const kept: [string, string, string | null][] = [];
  const hooks: CommunityHooks = {
    pastMeetings: (conveningId) => {
      asked.push(conveningId);
      return Promise.resolve(earlier);
    },
    roundEnded: (conveningId, rooms) => void ended.push({ conveningId, rooms }),
    answerKept: (conveningId, participantId, answer) => void kept.push([conveningId, participantId, answer]),
  };
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({}, hooks);
  });
  afterAll(async () => server.close());

  it('a mix round avoids pairs who met in earlier convenings, and the community hears who met', async () => {
    const { made, host } = await openConvening(server.url);
    const people = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => joinAs(server.url, made.joinCode, n)));
    const [a, b, c, d, e, f] = people.map((p) => p.joined.participantId) as [string, string, string, string, string, string];
    // Every pair but A-D, B-E and C-F already met in earlier months.
    earlier = [[a, b, c], [d, e, f], [a, e], [a, f], [b, d], [b, f], [c, d], [c, e]];
    const fresh = [[a, d], [b, e], [c, f]].map((pair) => pair.sort().join('+')).sort();

    const preview = (await ok(host, { type: 'round.preview', spec: PAIRS })).preview!;
    expect(asked).toContain(made.id);
    expect(preview.repeatPairs).toBe(0);
    expect(preview.rooms.map((r) => [...r.members].sort().join('+')).sort()).toEqual(fresh);

    const before = ended.length;
    await ok(host, { type: 'round.open', spec: PAIRS, seed: preview.seed });
    // Who met is known when the round ends (people may still move until then).
    expect(ended.length).toBe(before);
    await ok(host, { type: 'round.close' });
    expect(ended.slice(before)).toEqual([
      { conveningId: made.id, rooms: expect.arrayContaining(preview.rooms.map((r) => ({ kind: 'breakout', members: r.members }))) },
    ]);
    expect(ended.at(-1)!.rooms).toHaveLength(3);
    for (const p of [host, ...people.map((x) => x.client)]) p.close();
  });

  it('passes kept caucus answers (and their withdrawal) on, and never a caucus roster', async () => {
    earlier = [];
    const { made, host } = await openConvening(server.url);
    const [ana, bo, cy] = await Promise.all(['Ana', 'Bo', 'Cy'].map((n) => joinAs(server.url, made.joinCode, n)));
    const from = kept.length;
    await ok(ana!.client, { type: 'affinity.answer', answer: 'person of color', keep: true });
    await ok(bo!.client, { type: 'affinity.answer', answer: 'person of color' });
    await ok(cy!.client, { type: 'affinity.answer', answer: 'white', keep: true });
    await ok(ana!.client, { type: 'affinity.answer', answer: null, keep: false });
    expect(kept.slice(from)).toEqual([
      [made.id, ana!.joined.participantId, 'person of color'],
      [made.id, cy!.joined.participantId, 'white'],
      [made.id, ana!.joined.participantId, null],
    ]);

    const rounds = ended.length;
    await ok(host, { type: 'round.open', spec: CAUCUS, seed: 1 });
    // Ended by closing the convening, not by a round command: the community still hears.
    await ok(host, { type: 'convening.close' });
    expect(ended.slice(rounds)).toEqual([{ conveningId: made.id, rooms: [] }]);
    for (const p of [host, ana!.client, bo!.client, cy!.client]) p.close();
  });

  it('refuses a channel the convening does not offer', async () => {
    const { made, host } = await openConvening(server.url);
    const { client } = await joinAs(server.url, made.joinCode, 'Dee');
    const refused = await client.send({ type: 'profile.set', profile: { channel: 'housing' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'channel' } });
    await ok(client, { type: 'profile.set', profile: { channel: 'policy' } });
    host.close();
    client.close();
  });
});

describe('a convening of a community', () => {
  const dir = tempDir();
  const fanout = { online: () => true, deliver: (_c: string, _d: Delivery) => undefined, expel: () => undefined };
  const options = { now: () => Date.now(), reminderMinuteMs: 60_000, roundSecondMs: 1_000, log: () => undefined };
  let store: SqliteStore;
  beforeAll(async () => {
    store = await SqliteStore.open(join(dir.path, 'brave-space.db'));
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });
  const send = (key: string, command: CommandEnvelope['command']): CommandEnvelope => ({ key, command });

  it('opens with the community settings, lets members in by their own id, and survives a restart', async () => {
    const registry = new RoomRegistry(store, fanout, options);
    const channels = [
      { id: 'housing', name: 'Housing' },
      { id: 'health', name: 'Health' },
    ];
    const made = await registry.create(
      { title: 'April', agreementSetId: 'network' },
      { communityId: 'k_1', channels, caucusOptions: ['Black', 'Asian', 'white'], outline: ['Welcome', 'Pairs'], agenda: [PAIRS], host: { participantId: 'a_fran', name: 'Fran' } },
    );
    expect(made.hostId).toBe('a_fran');
    const room = (await registry.get(made.id))!;
    expect(room.snapshot).toMatchObject({ communityId: 'k_1', channels, caucusOptions: ['Black', 'Asian', 'white'], outline: ['Welcome', 'Pairs'], agenda: [PAIRS] });
    expect(room.snapshot.participants.a_fran).toMatchObject({ name: 'Fran', role: 'facilitator' });

    const first = await room.admit({ participantId: 'u_ana', name: 'Ana', pronouns: 'she/her', role: 'participant', profile: { channel: 'housing', region: 'North' }, keptAnswer: 'Asian' });
    expect(first).toEqual({ ok: true, participantId: 'u_ana', role: 'participant', existing: false });
    const seq = room.snapshot.seq;
    // The same member again (another device, a second click): no second arrival, no upgrade.
    const again = await room.admit({ participantId: 'u_ana', name: 'Ana', pronouns: null, role: 'cofacilitator', profile: { channel: 'housing', region: 'North' } });
    expect(again).toEqual({ ok: true, participantId: 'u_ana', role: 'participant', existing: true });
    expect(room.snapshot.seq).toBe(seq);
    const moved = await room.admit({ participantId: 'u_ana', name: 'Ana', pronouns: null, role: 'participant', profile: { channel: 'health' } });
    expect(moved).toMatchObject({ ok: true, existing: true });
    expect(room.snapshot.participants.u_ana?.profile).toMatchObject({ channel: 'health', region: 'North' });
    expect(room.snapshot.affinity.u_ana).toEqual({ answer: 'Asian', keep: true });

    const ana = { participantId: 'u_ana', role: 'participant' as const };
    expect(await room.command(ana, send('profile-1', { type: 'profile.set', profile: { channel: 'money' } }))).toMatchObject({ ok: false, error: { field: 'channel' } });
    expect((await room.command({ participantId: 'a_fran', role: 'facilitator' }, send('close-1', { type: 'convening.close' }))).ok).toBe(true);

    // After the end: a member already in may come back (to read); nobody new gets in.
    expect(await room.admit({ participantId: 'u_ana', name: 'Ana', pronouns: null, role: 'participant' })).toMatchObject({ ok: true, existing: true });
    expect(await room.admit({ participantId: 'u_new', name: 'New', pronouns: null, role: 'participant' })).toMatchObject({ ok: false, error: { code: 'closed' } });
    registry.stopAll();

    // A fresh process folds the same convening from its log.
    const later = new RoomRegistry(store, fanout, options);
    const reloaded = (await later.get(made.id))!;
    expect(reloaded.snapshot).toMatchObject({ communityId: 'k_1', channels, outline: ['Welcome', 'Pairs'], status: 'closed' });
    expect(reloaded.snapshot.affinity.u_ana).toEqual({ answer: 'Asian', keep: true });
    later.stopAll();
  });

  it('retention rewrites the stored log and the live state: sizes stay, rosters and signal words go', async () => {
    const registry = new RoomRegistry(store, fanout, options);
    const made = await registry.create({ title: 'May' }, { communityId: 'k_1', host: { participantId: 'a_fran', name: 'Fran' } });
    const room = (await registry.get(made.id))!;
    const host = { participantId: 'a_fran', role: 'facilitator' as const };
    const ids = ['u_1', 'u_2', 'u_3', 'u_4'];
    for (const id of ids) {
      await room.admit({ participantId: id, name: id, pronouns: null, role: 'participant' });
      await room.command({ participantId: id, role: 'participant' }, send(`affirm-${id}`, { type: 'agreements.affirm' }));
    }
    expect((await room.command(host, send('open-1', { type: 'round.open', spec: PAIRS, seed: 3 }))).ok).toBe(true);
    const raised = await room.command({ participantId: 'u_1', role: 'participant' }, send('raise-1', { type: 'signal.raise', kind: 'ouch', explanation: 'That landed hard.' }));
    expect(raised.ok).toBe(true);
    await room.command(host, send('close-1', { type: 'convening.close' }));

    expect(await registry.retain(made.id)).toBeGreaterThan(0);
    // Neither the events nor who sent them (the stored actor) name anyone who raised a signal or sat in a room.
    const text = JSON.stringify((await store.events(made.id)).filter((e) => e.event.type.startsWith('signal') || e.event.type.startsWith('round')));
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toContain('landed hard');
    // The answers kept for retried commands go too: a round's answer lists its rooms.
    expect(await store.actions(made.id)).toEqual([]);
    const round = Object.values(room.snapshot.rounds)[0]!;
    expect(Object.values(round.rooms).map((r) => [r.size, r.members.length])).toEqual([
      [2, 0],
      [2, 0],
    ]);
    expect(Object.values(room.snapshot.signals)[0]).toMatchObject({ kind: 'ouch', by: null, explanation: null });
    expect(await registry.retain(made.id)).toBe(0);
    registry.stopAll();
  });
});
