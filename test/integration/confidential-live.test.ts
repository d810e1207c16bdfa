import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveClient } from '@brave/client';
import { COLLAB_CLOSE, type RoundSpec } from '@brave/protocol';
import { joinAs, ok, openConvening, until } from '../support/people.ts';
import { closed, rawConnect, startCollabServer } from './collab-helpers.ts';

/**
 * A room marked confidential while its round runs: the notes connections of facilitators
 * who are not in it close at once, before the mark is acknowledged, not at the next
 * periodic re-check (here a minute away, longer than the test may take), while its
 * members keep writing.
 */
let server: Awaited<ReturnType<typeof startCollabServer>>;
const live: LiveClient[] = [];
let c: string;
let host: LiveClient;
let hostToken: string;
const people: Record<'cole' | 'ana' | 'ben', { client: LiveClient; token: string; id: string }> = {} as never;

beforeAll(async () => {
  server = await startCollabServer({ accessRecheckMs: 60_000 });
  const opened = await openConvening(server.url);
  host = opened.host;
  hostToken = opened.made.facilitatorToken;
  c = opened.made.id;
  live.push(host);
  for (const [key, name, cohost] of [['cole', 'Cole', true], ['ana', 'Ana', false], ['ben', 'Ben', false]] as const) {
    const p = await joinAs(server.url, opened.made.joinCode, name, cohost ? { cohostCode: opened.made.cohostCode } : {});
    live.push(p.client);
    people[key] = { client: p.client, token: p.joined.token, id: p.joined.participantId };
  }
});
afterAll(async () => {
  for (const l of live) l.close();
  await server.close();
});

const spec = (): RoundSpec => ({
  name: 'Open pairs',
  durationSeconds: 600,
  strategy: { kind: 'manual', rooms: [{ id: 'ra', name: 'Room A' }, { id: 'rb', name: 'Room B' }], placements: { [people.ana.id]: 'ra', [people.ben.id]: 'rb' } },
});

async function open(name: string, token: string): Promise<WebSocket> {
  const r = await rawConnect(server.url, name, token);
  if (!('open' in r)) throw new Error(`expected ${name} to open, got ${r.status}`);
  return r.open;
}

describe('marking a room confidential live', () => {
  it('closes the open notes of every facilitator outside it before the mark is answered, and keeps its member’s', async () => {
    const round = await ok(host, { type: 'round.open', seed: 1, spec: spec() });
    const name = `notes:${c}:${round.id}:ra`;
    const other = `notes:${c}:${round.id}:rb`;
    // An open breakout room: both facilitators may read and write its notes.
    const colesA = await open(name, people.cole.token);
    const hostsA = await open(name, hostToken);
    const colesB = await open(other, people.cole.token);
    const anasA = await open(name, people.ana.token);
    const coleClosed = closed(colesA);
    const hostClosed = closed(hostsA);

    await ok(host, { type: 'room.confidential.set', roomId: 'ra', notes: 'delete' });
    // Answered: the re-check already ran, so the close frames are on their way (or here).
    expect(await coleClosed).toMatchObject({ code: COLLAB_CLOSE.forbidden });
    expect(await hostClosed).toMatchObject({ code: COLLAB_CLOSE.forbidden });
    expect(anasA.readyState).toBe(WebSocket.OPEN);
    // Room B stays open to the facilitators: only the room that was marked changed.
    expect(colesB.readyState).toBe(WebSocket.OPEN);
    // And coming back is refused until a member lets them in.
    const again = await rawConnect(server.url, name, people.cole.token);
    expect('status' in again ? again.status : 101).toBe(403);

    await ok(people.cole.client, { type: 'room.knock', roomId: 'ra' });
    await until(people.ana.client, (cl) => cl.state!.rounds[round.id!]?.rooms.ra?.knocks?.includes(people.cole.id));
    await ok(people.ana.client, { type: 'room.knock.answer', roomId: 'ra', facilitatorId: people.cole.id, letIn: true });
    const back = await open(name, people.cole.token);
    for (const ws of [back, anasA, colesB]) ws.close();
    await ok(host, { type: 'round.close' });
  });
});
