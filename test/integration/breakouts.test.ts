import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import type { Debrief } from '@brave/core';
import type { ConveningView, RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { joinAs, openConvening, until } from '../support/people.ts';

// A round "second" lasts 20 ms here, so a 30-second round ends in well under a second.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ ROUND_SECOND_MS: '20' });
});
afterAll(async () => server.close());

const pairs = (name: string, durationSeconds = 600): RoundSpec => ({
  name,
  strategy: { kind: 'mix', spec: { by: 'size', size: 2 } },
  durationSeconds,
  graceSeconds: 0,
});

async function convening(n: number) {
  const { made, host } = await openConvening(server.url);
  const people: LiveClient[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const { client, joined } = await joinAs(server.url, made.joinCode, `Person ${i}`);
    people.push(client);
    tokens.push(joined.token);
  }
  return { made, host, people, tokens, all: [host, ...people] };
}

const myRoom = (c: LiveClient) => {
  const round = c.state?.activeRoundId ? c.state.rounds[c.state.activeRoundId] : undefined;
  return round && Object.values(round.rooms).find((r) => r.members.includes(c.self!.participantId));
};

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
}

describe('breakout rounds', () => {
  it('runs a mix round: preview, open, rooms and timer for everyone, extend, move, help, reconnect, close', async () => {
    const { host, people, all } = await convening(8);
    const preview = ok(await host.send({ type: 'round.preview', spec: pairs('Pairs') })).preview!;
    expect(preview.rooms).toHaveLength(4);
    expect(preview.rooms.flatMap((r) => r.members).sort()).toEqual(people.map((p) => p.self!.participantId).sort());

    ok(await host.send({ type: 'round.open', spec: pairs('Pairs'), seed: preview.seed }));
    for (const p of people) {
      const room = await until(p, myRoom);
      expect(room.members).toHaveLength(2);
      const round = p.state!.rounds[p.state!.activeRoundId!]!;
      expect(round.endsAt).toBeGreaterThan(Date.now());
      // Other rooms: their existence and size, not their rosters.
      for (const other of Object.values(round.rooms)) if (other.id !== room.id) expect(other.members).toEqual([]);
    }
    // Facilitators see every ordinary room's roster, as previewed with the same seed.
    const hostRound = host.state!.rounds[host.state!.activeRoundId!]!;
    expect(Object.values(hostRound.rooms).map((r) => r.members)).toEqual(preview.rooms.map((r) => r.members));

    const before = hostRound.endsAt;
    ok(await host.send({ type: 'round.extend', seconds: 120 }));
    await Promise.all(all.map((c) => until(c, (x) => x.state!.rounds[hostRound.id]!.endsAt === before + 120 * 20)));

    // Someone drops while a facilitator moves them; on return they land in the new room.
    const mover = people[0]!;
    const target = Object.values(hostRound.rooms).find((r) => !r.members.includes(mover.self!.participantId))!;
    mover.simulateDrop();
    ok(await host.send({ type: 'room.move', participantId: mover.self!.participantId, toRoomId: target.id }));
    const landed = await until(mover, (c) => c.status === 'live' && myRoom(c)?.id === target.id && myRoom(c));
    expect(landed.members).toContain(mover.self!.participantId);

    ok(await mover.send({ type: 'room.help' }));
    const asking = await until(host, (c) => c.state!.rounds[hostRound.id]!.rooms[target.id]!.helpRequestedAt);
    expect(asking).toBeGreaterThan(0);
    ok(await host.send({ type: 'room.help.answer', roomId: target.id }));

    ok(await host.send({ type: 'round.broadcast', text: 'Five more minutes, then we gather again.' }));
    await Promise.all(people.map((p) => until(p, (c) => c.state!.broadcast?.text.startsWith('Five more'))));

    ok(await host.send({ type: 'round.close' }));
    await Promise.all(all.map((c) => until(c, (x) => x.state!.activeRoundId === null)));
    for (const c of all) c.close();
  });

  it('warns a minute before the end and brings everyone back by itself', async () => {
    const { host, people, all } = await convening(4);
    const opened = ok(await host.send({ type: 'round.open', spec: pairs('Short', 90), seed: 7 }));
    const roundId = opened.id!;
    await until(people[0]!, (c) => c.state!.rounds[roundId]?.warnedAt);
    await Promise.all(all.map((c) => until(c, (x) => x.state!.rounds[roundId]?.status === 'ended')));
    expect(people.every((p) => p.state!.activeRoundId === null)).toBe(true);
    for (const c of all) c.close();
  });

  it('mixes people who have not met yet in the next round', async () => {
    const { host, all } = await convening(8);
    for (let round = 0; round < 3; round++) {
      const preview = ok(await host.send({ type: 'round.preview', spec: pairs(`Round ${round}`) })).preview!;
      expect(preview.repeatPairs).toBe(0);
      ok(await host.send({ type: 'round.open', spec: pairs(`Round ${round}`), seed: preview.seed }));
      ok(await host.send({ type: 'round.close' }));
    }
    for (const c of all) c.close();
  });
});

describe('caucus privacy', () => {
  it('keeps self-identification and caucus rosters with their owners', async () => {
    const { made, host, people, tokens, all } = await convening(6);
    const cohost = (await joinAs(server.url, made.joinCode, 'Co', { cohostCode: made.cohostCode })).client;
    const answers = ['person of color', 'person of color', 'white', 'white', 'prefer not to say', null];
    for (const [i, p] of people.entries()) ok(await p.send({ type: 'affinity.answer', answer: answers[i]!, keep: i === 0 }));

    // Each person holds only their own answer.
    for (const [i, p] of people.entries()) {
      await until(p, (c) => c.state!.affinity[c.self!.participantId]);
      expect(Object.keys(p.state!.affinity)).toEqual([p.self!.participantId]);
      expect(p.state!.affinity[p.self!.participantId]!.answer).toBe(answers[i]);
    }
    expect(host.state!.affinity).toEqual({});

    const spec: RoundSpec = { name: 'Caucus', strategy: { kind: 'affinity', undecided: 'plenary' }, durationSeconds: 600 };
    const preview = ok(await host.send({ type: 'round.preview', spec })).preview!;
    expect(preview.rooms.every((r) => r.kind === 'caucus' && r.members.length === 0)).toBe(true);
    // Who stays out of the caucuses would hint at their answers: a count, not names.
    expect(preview.plenary).toEqual([]);
    expect(preview.plenarySize).toBe(2);
    const id = ok(await host.send({ type: 'round.open', spec, seed: preview.seed })).id!;

    const poc = people.slice(0, 2);
    const white = people.slice(2, 4);
    for (const group of [poc, white]) {
      for (const p of group) {
        const room = await until(p, myRoom);
        expect(room.kind).toBe('caucus');
        expect(room.members.sort()).toEqual(group.map((g) => g.self!.participantId).sort());
        const others = Object.values(p.state!.rounds[id]!.rooms).filter((r) => r.id !== room.id);
        expect(others.every((r) => r.members.length === 0 && r.size > 0)).toBe(true);
      }
    }
    // Those who did not choose a caucus are in no room at all.
    for (const p of people.slice(4)) expect(myRoom(p)).toBeUndefined();
    // Facilitators see that caucuses exist and their sizes, never who is in them.
    await until(host, (c) => c.state!.rounds[id]);
    for (const f of [host, cohost]) {
      for (const r of Object.values(f.state!.rounds[id]!.rooms)) {
        expect(r.members).toEqual([]);
        expect(r.size).toBe(2);
      }
    }
    const viaHttp = await fetch(`${server.url}/api/convenings/${made.id}`, { headers: { authorization: `Bearer ${made.facilitatorToken}` } });
    const text = await viaHttp.text();
    for (const p of [...poc, ...white]) expect(text).not.toContain(`"members":["${p.self!.participantId}`);
    expect(JSON.parse(text).view.affinity).toEqual({});

    // Nobody is moved into a caucus by someone else, and a facilitator outside the caucuses
    // gets the same refusal whether or not the person chose that caucus.
    const whiteRoom = myRoom(white[0]!)!;
    const refusals = await Promise.all([poc[0]!, white[0]!].map((p) => host.send({ type: 'room.move', participantId: p.self!.participantId, toRoomId: whiteRoom.id })));
    expect(refusals[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refusals[1]).toEqual(refusals[0]);

    // A signal inside a caucus stays with the caucus.
    const raised = ok(await white[0]!.send({ type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That stung.' }));
    await until(white[1]!, (c) => c.state!.notices.find((n) => n.id === raised.id));
    ok(await poc[0]!.send({ type: 'agreements.affirm' })); // a round trip, so anything misrouted would have arrived
    for (const outsider of [host, cohost, ...poc, ...people.slice(4)]) {
      expect(outsider.state!.signals[raised.id!]).toBeUndefined();
      expect(outsider.state!.notices.find((n) => n.id === raised.id)).toBeUndefined();
    }

    // The caucus may invite a facilitator, who then sees its roster and its signals.
    ok(await white[1]!.send({ type: 'room.hosts.set', roomId: whiteRoom.id, hostIds: [cohost.self!.participantId] }));
    const seen = await until(cohost, (c) => c.state!.rounds[id]!.rooms[whiteRoom.id]!.members.length === 2 && c.state!.rounds[id]!.rooms[whiteRoom.id]);
    expect(seen.members.sort()).toEqual(white.map((w) => w.self!.participantId).sort());
    expect(host.state!.rounds[id]!.rooms[whiteRoom.id]!.members).toEqual([]);
    const second = ok(await white[0]!.send({ type: 'signal.raise', kind: 'whoops', visibility: 'named' }));
    await until(cohost, (c) => c.state!.signals[second.id!]);
    expect(host.state!.signals[second.id!]).toBeUndefined();

    // A facilitator outside the caucus cannot choose its hosts.
    const denied = await host.send({ type: 'room.hosts.set', roomId: whiteRoom.id, hostIds: [host.self!.participantId] });
    expect(denied.ok).toBe(false);

    // The debrief shows room sizes, never caucus rosters, and no signal from inside a caucus
    // that did not invite this facilitator.
    ok(await host.send({ type: 'round.close' }));
    const res = await fetch(`${server.url}/api/convenings/${made.id}/debrief`, { headers: { authorization: `Bearer ${made.facilitatorToken}` } });
    const debrief = (await res.json()) as Debrief;
    const caucusRooms = debrief.rounds[0]!.rooms;
    expect(caucusRooms.map((r) => [r.kind, r.size, r.members.length])).toEqual([['caucus', 2, 0], ['caucus', 2, 0]]);
    expect(debrief.signals).toEqual([]);
    const asParticipant = await fetch(`${server.url}/api/convenings/${made.id}/debrief`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    expect(asParticipant.status).toBe(403);

    // Closing the convening forgets answers that were not kept.
    ok(await host.send({ type: 'convening.close' }));
    await until(people[1]!, (c) => c.state!.status === 'closed');
    const viewOf = async (token: string) => {
      const res = await fetch(`${server.url}/api/convenings/${made.id}`, { headers: { authorization: `Bearer ${token}` } });
      return ((await res.json()) as { view: ConveningView }).view;
    };
    expect((await viewOf(tokens[1]!)).affinity).toEqual({});
    expect(Object.values((await viewOf(tokens[0]!)).affinity)).toEqual([{ answer: 'person of color', keep: true }]);
    // ...and erases them from the log on disk, not only from memory.
    const db = new Database(join(server.dataDir, 'brave-space.db'), { readonly: true });
    const bodies = db.prepare("SELECT body FROM events WHERE body LIKE '%affinity.answered%'").pluck().all() as string[];
    db.close();
    const stored = bodies.map((b) => JSON.parse(b) as { participantId: string; answer: string | null });
    expect(stored.filter((e) => e.answer !== null).map((e) => e.participantId)).toEqual([people[0]!.self!.participantId]);
    for (const c of [...all, cohost]) c.close();
  });
});

describe('self-select rounds', () => {
  it('lets people pick a room up to its cap', async () => {
    const { host, people, all } = await convening(3);
    const spec: RoundSpec = {
      name: 'Open space',
      strategy: { kind: 'selfSelect', rooms: [{ id: 'garden', name: 'Garden', cap: 2 }, { id: 'porch', name: 'Porch', cap: 5 }] },
      durationSeconds: 600,
    };
    ok(await host.send({ type: 'round.open', spec, seed: 1 }));
    await until(people[0]!, (c) => c.state!.activeRoundId);
    ok(await people[0]!.send({ type: 'room.join', roomId: 'garden' }));
    ok(await people[1]!.send({ type: 'room.join', roomId: 'garden' }));
    const full = await people[2]!.send({ type: 'room.join', roomId: 'garden' });
    expect(full).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(full.ok === false && full.error.message).toContain('Garden is full');
    ok(await people[2]!.send({ type: 'room.join', roomId: 'porch' }));
    // Changing one's mind frees the seat.
    ok(await people[0]!.send({ type: 'room.join', roomId: 'porch' }));
    const porch = await until(people[2]!, (c) => myRoom(c)?.members.length === 2 && myRoom(c));
    expect(porch.members.sort()).toEqual([people[0]!, people[2]!].map((p) => p.self!.participantId).sort());
    for (const c of all) c.close();
  });
});

describe('round specs', () => {
  it('accepts only http(s) video links', async () => {
    const { host, all } = await convening(2);
    const spec = (url: string): RoundSpec => ({ ...pairs('Calls'), videoUrls: { 'room-1': url } });
    const refused = await host.send({ type: 'round.preview', spec: spec('javascript:alert(1)') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    ok(await host.send({ type: 'round.preview', spec: spec('https://call.example.org/room-1') }));
    for (const c of all) c.close();
  });
});
