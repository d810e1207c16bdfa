import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveClient } from '@brave/client';
import { joinAs, ok, openConvening, until } from '../support/people.ts';
import { COLLAB_CLOSE, DocsListResult } from '@brave/protocol';
import { closed, connectDoc, mint, minter, plain, rawConnect, startCollabServer, synced, typeParagraph, untilDoc, type RawResult } from './collab-helpers.ts';

/**
 * Who may open which document, proven over real upgrades: every role × every kind of
 * document, plus credentials that must fail (none, forged, expired, another convening).
 */
let server: Awaited<ReturnType<typeof startCollabServer>>;
const live: LiveClient[] = [];
let w: {
  conveningId: string;
  tokens: Record<'facilitator' | 'cofacilitator' | 'ana' | 'ben' | 'carla' | 'observer' | 'outsider', string>;
  ids: Record<'cofacilitator' | 'carla', string>;
  docs: Record<'toolkit' | 'plenary' | 'roomA' | 'roomB' | 'caucus', string>;
};

beforeAll(async () => {
  server = await startCollabServer({ accessRecheckMs: 100 });
  const { made, host } = await openConvening(server.url);
  const cofac = await joinAs(server.url, made.joinCode, 'Cole', { cohostCode: made.cohostCode });
  const ana = await joinAs(server.url, made.joinCode, 'Ana');
  const ben = await joinAs(server.url, made.joinCode, 'Ben');
  const carla = await joinAs(server.url, made.joinCode, 'Carla');
  const oli = await joinAs(server.url, made.joinCode, 'Oli');
  const other = await openConvening(server.url, { title: 'Another convening' });
  live.push(host, cofac.client, ana.client, ben.client, carla.client, oli.client, other.host);
  const c = made.id;

  // Round one (manual): Ana in room A, Ben in room B. It ends; its notes stay with its members.
  const a = ana.joined.participantId;
  const b = ben.joined.participantId;
  const first = await ok(host, {
    type: 'round.open',
    seed: 1,
    spec: { name: 'Pairs', durationSeconds: 600, strategy: { kind: 'manual', rooms: [{ id: 'ra', name: 'Room A' }, { id: 'rb', name: 'Room B' }], placements: { [a]: 'ra', [b]: 'rb' } } },
  });
  await ok(host, { type: 'round.close' });

  // Round two (caucus by self-identification): only Carla answered, so only she is in it.
  await ok(carla.client, { type: 'affinity.answer', answer: 'person of color' });
  const second = await ok(host, { type: 'round.open', seed: 2, spec: { name: 'Caucus', durationSeconds: 600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
  const caucusRoom = await until(host, (h) => Object.values(h.state!.rounds[second.id!]?.rooms ?? {}).find((r) => r.kind === 'caucus'));

  w = {
    conveningId: c,
    tokens: {
      facilitator: made.facilitatorToken,
      cofacilitator: cofac.joined.token,
      ana: ana.joined.token,
      ben: ben.joined.token,
      carla: carla.joined.token,
      // Nobody joins as an observer through the public API yet: mint one for a real person.
      observer: mint({ conveningId: c, participantId: oli.joined.participantId, role: 'observer' }),
      outsider: other.made.facilitatorToken,
    },
    ids: { cofacilitator: cofac.joined.participantId, carla: carla.joined.participantId },
    docs: {
      toolkit: `toolkit:${c}:policy`,
      plenary: `notes:${c}:plenary`,
      roomA: `notes:${c}:${first.id}:ra`,
      roomB: `notes:${c}:${first.id}:rb`,
      caucus: `notes:${c}:${second.id}:${caucusRoom.id}`,
    },
  };
});

afterAll(async () => {
  for (const c of live) c.close();
  await server.close();
});

async function outcome(doc: string, token: string | undefined, headers?: Record<string, string>): Promise<number> {
  const r: RawResult = await rawConnect(server.url, doc, token, headers);
  if ('open' in r) {
    r.open.close();
    return 101;
  }
  expect(r.body.error?.message).toBeTruthy(); // every refusal says why
  return r.status;
}

describe('document access at the upgrade', () => {
  type Who = keyof typeof w.tokens;
  // 101 = the websocket opened. Read-only access is checked separately (docs list, observer test).
  const matrix: Record<Who, Record<keyof typeof w.docs, number>> = {
    facilitator: { toolkit: 101, plenary: 101, roomA: 101, roomB: 101, caucus: 403 },
    cofacilitator: { toolkit: 101, plenary: 101, roomA: 101, roomB: 101, caucus: 403 },
    ana: { toolkit: 101, plenary: 101, roomA: 101, roomB: 403, caucus: 403 },
    ben: { toolkit: 101, plenary: 101, roomA: 403, roomB: 101, caucus: 403 },
    carla: { toolkit: 101, plenary: 101, roomA: 403, roomB: 403, caucus: 101 },
    observer: { toolkit: 101, plenary: 101, roomA: 403, roomB: 403, caucus: 403 },
    outsider: { toolkit: 401, plenary: 401, roomA: 401, roomB: 401, caucus: 401 },
  };

  it('allows exactly what the policy says, for every role and document', async () => {
    const seen: typeof matrix = structuredClone(matrix);
    for (const who of Object.keys(matrix) as Who[]) {
      for (const doc of Object.keys(matrix[who]) as (keyof typeof w.docs)[]) seen[who][doc] = await outcome(w.docs[doc], w.tokens[who]);
    }
    expect(seen).toEqual(matrix);
  });

  it('refuses missing, forged and expired credentials, unknown documents and foreign origins', async () => {
    const doc = w.docs.plenary;
    expect(await outcome(doc, undefined)).toBe(401);
    const real = w.tokens.ana;
    expect(await outcome(doc, real.slice(0, -2) + (real.endsWith('AA') ? 'BB' : 'AA'))).toBe(401);
    const expired = minter(1000, () => Date.now() - 10_000).issue({ conveningId: w.conveningId, participantId: w.ids.carla, role: 'participant' });
    expect(await outcome(doc, expired)).toBe(401);
    expect(await outcome(`notes:${w.conveningId}:nosuchround:nosuchroom`, w.tokens.facilitator)).toBe(404);
    expect(await outcome(`toolkit:${w.conveningId}:gardening`, w.tokens.facilitator)).toBe(404);
    expect(await outcome('whatever', w.tokens.facilitator)).toBe(404);
    expect(await outcome(doc, w.tokens.ana, { origin: 'https://evil.example' })).toBe(403);
  });

  it('lets a caucus bring in the facilitator it chooses, and nobody else', async () => {
    const carla = live[4]!;
    const caucusId = w.docs.caucus.split(':').at(-1)!;
    await ok(carla, { type: 'room.hosts.set', roomId: caucusId, hostIds: [w.ids.cofacilitator] });
    expect(await outcome(w.docs.caucus, w.tokens.cofacilitator)).toBe(101);
    expect(await outcome(w.docs.caucus, w.tokens.facilitator)).toBe(403);
  });

  it('lists documents with the access each person has', async () => {
    const list = async (token: string) => {
      const res = await fetch(`${server.url}/api/convenings/${w.conveningId}/docs`, { headers: { authorization: `Bearer ${token}` } });
      return DocsListResult.parse(await res.json()).docs;
    };
    const obs = await list(w.tokens.observer);
    expect(obs.find((d) => d.name === w.docs.toolkit)?.access).toBe('read');
    expect(obs.find((d) => d.name === w.docs.plenary)?.access).toBe('write');
    expect(obs.some((d) => d.kind === 'room' || d.kind === 'caucus')).toBe(false);
    const ana = await list(w.tokens.ana);
    expect(ana.filter((d) => d.kind === 'room').map((d) => d.name)).toEqual([w.docs.roomA]);
    const carla = await list(w.tokens.carla);
    expect(carla.find((d) => d.kind === 'caucus')?.name).toBe(w.docs.caucus);
    const fac = await list(w.tokens.facilitator);
    expect(fac.filter((d) => d.kind === 'room').length).toBe(2);
    expect(fac.some((d) => d.kind === 'caucus')).toBe(false);
  });
});

describe('read-only connections', () => {
  it("refuses an observer's edits without applying them, and tells them why", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const writer = connectDoc(server.url, w.docs.toolkit, w.tokens.facilitator);
    const observer = connectDoc(server.url, w.docs.toolkit, w.tokens.observer);
    await Promise.all([synced(writer.provider), synced(observer.provider)]);

    typeParagraph(observer.doc, 'An observer tries to write.');
    await vi.waitFor(() => expect(warn.mock.calls.flat().join(' ')).toMatch(/not saved/), { timeout: 5_000 });

    // The observer still reads live: a later edit reaches them; theirs reached nobody.
    typeParagraph(writer.doc, 'Marker after the refused edit.');
    await untilDoc(observer.doc, () => plain(observer.doc).includes('Marker'));
    expect(plain(writer.doc)).not.toContain('observer tries');
    const fresh = connectDoc(server.url, w.docs.toolkit, w.tokens.ana);
    await synced(fresh.provider);
    expect(plain(fresh.doc)).toContain('Marker');
    expect(plain(fresh.doc)).not.toContain('observer tries');
    for (const c of [writer, observer, fresh]) c.destroy();
    warn.mockRestore();
  });
});

describe('access that changes while connected', () => {
  it('closes the notes of a room someone was moved out of', async () => {
    const host = live[0]!;
    const ana = live[2]!;
    await ok(host, { type: 'round.close' });
    const anaId = ana.self!.participantId;
    const third = await ok(host, {
      type: 'round.open',
      seed: 3,
      spec: { name: 'Moves', durationSeconds: 600, strategy: { kind: 'manual', rooms: [{ id: 'rx', name: 'Room X' }, { id: 'ry', name: 'Room Y' }], placements: { [anaId]: 'rx' } } },
    });
    const notes = `notes:${w.conveningId}:${third.id}:rx`;
    const r = await rawConnect(server.url, notes, w.tokens.ana);
    if (!('open' in r)) throw new Error(`refused: ${r.status}`);
    const done = closed(r.open);
    await ok(host, { type: 'room.move', participantId: anaId, toRoomId: 'ry' });
    expect((await done).code).toBe(COLLAB_CLOSE.forbidden);
    expect(await outcome(notes, w.tokens.ana)).toBe(403);
    expect(await outcome(`notes:${w.conveningId}:${third.id}:ry`, w.tokens.ana)).toBe(101);
  });
});
