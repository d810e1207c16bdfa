// A snapshot hello is written as one ready websocket frame (realtime/hello-frame.ts): the
// reader's own part, then the roster's bytes as they are. A roster past 64 KiB needs the
// frame's longest length form; a long-polling reader gets the same hello as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { Hello, JoinResult, PROTOCOL_VERSION, SOCKET_EVENTS } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { openConvening, postJson } from '../support/people.ts';

const PEOPLE = 500;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** The hello a fresh page gets (no last sequence number: a snapshot), and its size on the wire. */
async function helloOver(transport: 'websocket' | 'polling', token: string): Promise<{ hello: Hello; bytes: number }> {
  const socket = io(server.url, { transports: [transport], reconnection: false, auth: { token, protocolVersion: PROTOCOL_VERSION } });
  try {
    const raw = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no hello over ${transport} in 15 s`)), 15_000);
      socket.once(SOCKET_EVENTS.hello, (h: unknown) => {
        clearTimeout(timer);
        resolve(h);
      });
      socket.once('connect_error', reject);
    });
    return { hello: Hello.parse(raw), bytes: JSON.stringify(raw).length };
  } finally {
    socket.close();
  }
}

describe('snapshot hello frames', () => {
  it(`a reader joining a room of ${PEOPLE} gets the whole roster in one hello, over a websocket and over long-polling alike`, { timeout: 120_000 }, async () => {
    const { made, host } = await openConvening(server.url, { title: 'A full hall' });
    try {
      const tokens: string[] = [];
      for (let i = 0; i < PEOPLE; i += 25) {
        const batch = Array.from({ length: Math.min(25, PEOPLE - i) }, (_, j) =>
          postJson(server.url, '/api/join', { joinCode: made.joinCode, name: `Participant with a longer name ${i + j + 1}` }),
        );
        for (const res of await Promise.all(batch)) tokens.push(JoinResult.parse(res.body).token);
      }
      const ws = await helloOver('websocket', tokens[0]!);
      const polling = await helloOver('polling', tokens[0]!);
      expect(ws.bytes).toBeGreaterThan(65_536);
      if (ws.hello.mode !== 'snapshot' || polling.hello.mode !== 'snapshot') throw new Error('expected snapshots');
      expect(Object.keys(ws.hello.snapshot.participants)).toHaveLength(PEOPLE + 1);
      expect(ws.hello).toEqual(polling.hello);
      // A small room's hello (under 64 KiB, the frame's middle length form) arrives whole too.
      const small = await openConvening(server.url, { title: 'A small circle' });
      const res = await postJson(server.url, '/api/join', { joinCode: small.made.joinCode, name: 'Ana' });
      const one = await helloOver('websocket', JoinResult.parse(res.body).token);
      expect(one.hello.mode === 'snapshot' && Object.keys(one.hello.snapshot.participants)).toHaveLength(2);
      small.host.close();
    } finally {
      host.close();
    }
  });
});
