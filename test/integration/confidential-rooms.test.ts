import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import type { LoggedEvent, RoomView, RoundSpec } from '@brave/protocol';
import { joinAs, ok, openConvening, record, until } from '../support/people.ts';
import { connectDoc, rawConnect, startCollabServer, synced, typeParagraph, untilDoc } from './collab-helpers.ts';

/**
 * Confidential rooms on the wire (docs/breakouts.md, "Confidential rooms"): a facilitator
 * outside receives no roster, signal or note text of the room until a member lets them in;
 * its notes cannot be exported or shared back; when the round closes they are gone from
 * the store, or (when the room chose to keep them) kept for its members only.
 */
let server: Awaited<ReturnType<typeof startCollabServer>>;
const live: LiveClient[] = [];
let c: string;
let host: LiveClient;
let hostToken: string;
let cole: { client: LiveClient; token: string; id: string };
let ana: { client: LiveClient; token: string; id: string };
let ben: { client: LiveClient; token: string; id: string };
let carla: { client: LiveClient; token: string; id: string };

beforeAll(async () => {
  server = await startCollabServer({ accessRecheckMs: 200 });
  const opened = await openConvening(server.url);
  host = opened.host;
  hostToken = opened.made.facilitatorToken;
  c = opened.made.id;
  const person = async (name: string, cohostCode?: string) => {
    const p = await joinAs(server.url, opened.made.joinCode, name, cohostCode ? { cohostCode } : {});
    live.push(p.client);
    return { client: p.client, token: p.joined.token, id: p.joined.participantId };
  };
  cole = await person('Cole', opened.made.cohostCode);
  ana = await person('Ana');
  ben = await person('Ben');
  carla = await person('Carla');
  live.push(host);
});
afterAll(async () => {
  for (const l of live) l.close();
  await server.close();
});

const roundSpec = (name: string, notes: 'delete' | 'keep'): RoundSpec => ({
  name,
  durationSeconds: 600,
  strategy: { kind: 'manual', rooms: [{ id: 'ra', name: 'Room A' }, { id: 'rb', name: 'Room B' }], placements: { [ana.id]: 'ra', [ben.id]: 'ra', [carla.id]: 'rb' } },
  confidential: { rooms: ['ra'], notes },
});
const roomIn = (client: LiveClient, roundId: string, roomId = 'ra'): RoomView | undefined => client.state!.rounds[roundId]?.rooms[roomId];
const api = (path: string) => `${server.url}/api/convenings/${c}/docs/${path}`;
async function call(method: 'GET' | 'POST', path: string, token: string, body?: unknown) {
  const res = await fetch(api(path), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null };
}
const status = async (name: string, token: string) => {
  const r = await rawConnect(server.url, name, token);
  if ('open' in r) {
    r.open.close();
    return 101;
  }
  return r.status;
};
/** Rows kept about one document, in every document table. */
function rowsOf(name: string): number {
  const db = new Database(join(server.dataDir, 'brave-space.db'), { readonly: true });
  try {
    return ['doc_updates', 'doc_snapshots', 'doc_versions'].reduce((n, t) => n + (db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE doc = ?`).get(name) as { n: number }).n, 0);
  } finally {
    db.close();
  }
}
/** Everything in Cole's received events that concerns Room A's people, words and signals. */
function leaks(events: LoggedEvent[], secrets: string[]): string[] {
  const out: string[] = [];
  for (const { event } of events) {
    const text = JSON.stringify(event);
    for (const s of secrets) if (text.includes(s)) out.push(`${event.type} carries "${s}"`);
    if (event.type === 'room.updated' && event.room.id === 'ra' && event.room.members.length > 0) out.push('room.updated with a roster');
    if (event.type === 'round.opened' && (event.round.rooms.ra?.members.length ?? 0) > 0) out.push('round.opened with a roster');
    if (event.type === 'signal.raised' || event.type === 'signal.noticed') out.push(event.type);
  }
  return out;
}

describe('a confidential room', () => {
  it('shows a facilitator outside only that it exists and its size, until a member lets them in', async () => {
    const heard = record(cole.client);
    const round = await ok(host, { type: 'round.open', seed: 1, spec: roundSpec('Pairs', 'delete') });
    const name = `notes:${c}:${round.id}:ra`;
    const inside = await until(ana.client, (cl) => roomIn(cl, round.id!));
    expect(inside.confidential).toEqual({ notes: 'delete' });
    expect(inside.members.sort()).toEqual([ana.id, ben.id].sort());

    // The room writes and signals; the facilitators outside it are not told.
    const notes = connectDoc(server.url, name, ana.token);
    await synced(notes.provider);
    typeParagraph(notes.doc, 'What we said about the budget fight.');
    await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That landed hard for me.', explanationFor: 'room' });
    await until(ben.client, (cl) => cl.state!.notices.length > 0);
    await ok(ana.client, { type: 'room.help' });
    await until(cole.client, (cl) => roomIn(cl, round.id!)?.helpRequestedAt != null);

    const outside = roomIn(cole.client, round.id!)!;
    expect(outside).toMatchObject({ members: [], size: 2, confidential: { notes: 'delete' }, knocks: [] });
    expect(Object.keys(cole.client.state!.signals)).toEqual([]);
    expect(Object.keys(host.state!.signals)).toEqual([]);
    expect(await status(name, cole.token)).toBe(403);
    expect(await status(name, hostToken)).toBe(403);

    // Cole knocks: the room sees it, the other facilitator does not, Cole sees their own.
    await ok(cole.client, { type: 'room.knock', roomId: 'ra' });
    await until(ana.client, (cl) => roomIn(cl, round.id!)?.knocks?.includes(cole.id));
    await until(cole.client, (cl) => roomIn(cl, round.id!)?.knocks?.includes(cole.id));
    expect(roomIn(host, round.id!)?.knocks ?? []).toEqual([]);
    expect(leaks(heard, ['budget fight', 'landed hard'])).toEqual([]);

    // A member lets Cole in: now Cole sees the roster and can open the notes.
    await ok(ana.client, { type: 'room.knock.answer', roomId: 'ra', facilitatorId: cole.id, letIn: true });
    const seen = await until(cole.client, (cl) => (roomIn(cl, round.id!)?.members.length ? roomIn(cl, round.id!) : undefined));
    expect(seen.members.sort()).toEqual([ana.id, ben.id].sort());
    expect(seen.hosts).toContain(cole.id);
    const colesCopy = connectDoc(server.url, name, cole.token);
    await untilDoc(colesCopy.doc, () => colesCopy.text().includes('budget fight'));
    colesCopy.destroy();
    // Still not the other facilitator.
    expect(await status(name, hostToken)).toBe(403);

    // Its notes stay in the room: no export, no share-back, even by a member.
    const exported = await call('GET', `${name}/export?format=md`, ana.token);
    expect(exported.status).toBe(403);
    expect(exported.json?.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/confidential/) });
    const shared = await call('POST', `${name}/share`, ana.token, { to: `notes:${c}:plenary`, passages: [{ block: 0 }] });
    expect(shared.status).toBe(403);
    expect(shared.json?.error?.message).toMatch(/confidential/);
    expect((await call('GET', name, ana.token)).json).toMatchObject({ abilities: { write: true, shareFrom: false, export: false } });
    expect(rowsOf(name)).toBeGreaterThan(0);

    // The round closes: the notes are gone from the store, and nobody opens them again.
    await ok(host, { type: 'round.close' });
    expect(rowsOf(name)).toBe(0);
    expect(await status(name, ana.token)).toBe(404);
    notes.destroy();
  });

  it('refuses to move someone out of it for a facilitator outside, and knocks from anyone but a facilitator', async () => {
    const round = await ok(host, { type: 'round.open', seed: 2, spec: roundSpec('Again', 'delete') });
    await until(host, (cl) => roomIn(cl, round.id!));
    const moved = await host.send({ type: 'room.move', participantId: ana.id, toRoomId: 'rb' });
    expect(moved.ok ? null : moved.error.code).toBe('forbidden');
    const knocked = await carla.client.send({ type: 'room.knock', roomId: 'ra' });
    expect(knocked.ok ? null : knocked.error.code).toBe('forbidden');
    // A member declines: the knock is gone and the facilitator still sees nobody.
    await ok(host, { type: 'room.knock', roomId: 'ra' });
    await until(ana.client, (cl) => roomIn(cl, round.id!)?.knocks?.includes(host.self!.participantId));
    await ok(ana.client, { type: 'room.knock.answer', roomId: 'ra', facilitatorId: host.self!.participantId, letIn: false });
    await until(host, (cl) => roomIn(cl, round.id!)?.knocks?.length === 0);
    expect(roomIn(host, round.id!)).toMatchObject({ members: [], size: 2 });
    // Once confidential, it stays so for the round, with the choice its members were told.
    const changed = await host.send({ type: 'room.confidential.set', roomId: 'ra', notes: 'keep' });
    expect(changed.ok ? null : changed.error.code).toBe('conflict');
    // Marked live: Room B becomes confidential and its size stops moving.
    await ok(host, { type: 'room.confidential.set', roomId: 'rb', notes: 'delete' });
    const rb = await until(cole.client, (cl) => (roomIn(cl, round.id!, 'rb')?.confidential ? roomIn(cl, round.id!, 'rb') : undefined));
    expect(rb).toMatchObject({ members: [], size: 1 });
    await ok(host, { type: 'round.close' });
  });

  it('keeps the notes after the round for its members only, when that was the choice', async () => {
    const round = await ok(host, { type: 'round.open', seed: 3, spec: roundSpec('Kept', 'keep') });
    const name = `notes:${c}:${round.id}:ra`;
    const notes = connectDoc(server.url, name, ben.token);
    await synced(notes.provider);
    typeParagraph(notes.doc, 'Words we keep for ourselves.');
    await ok(cole.client, { type: 'room.knock', roomId: 'ra' });
    await until(ben.client, (cl) => roomIn(cl, round.id!)?.knocks?.includes(cole.id));
    await ok(ben.client, { type: 'room.knock.answer', roomId: 'ra', facilitatorId: cole.id, letIn: true });
    await until(cole.client, (cl) => roomIn(cl, round.id!)?.hosts.includes(cole.id));
    expect(await status(name, cole.token)).toBe(101);
    await ok(host, { type: 'round.close' });
    notes.destroy();
    expect(rowsOf(name)).toBeGreaterThan(0);
    expect(await status(name, ana.token)).toBe(101);
    // The facilitator let in was let in for the round, not for what the room kept.
    expect(await status(name, cole.token)).toBe(403);
    expect(await status(name, hostToken)).toBe(403);
    const exported = await call('GET', `${name}/export?format=md`, ana.token);
    expect(exported.status).toBe(403);
  });
});

