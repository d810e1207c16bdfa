// Bug (issue 15, item 7): an awareness update carrying another editor's clientID with a
// higher clock and `{ user: { name: 'Mallory (spoofed)' } }` renamed that editor on every
// screen, their own included. A connection now sets presence only for the client ids it
// introduced itself, and the name shown is the one its credential carries.

import { expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { joinAs, openConvening } from '../support/people.ts';
import { connectDoc, nameIn, rawConnect, startCollabServer, synced, untilPresence } from '../integration/collab-helpers.ts';

/** One awareness message (type 1) with the given states. */
function presence(states: { client: number; clock: number; state: unknown }[]): Uint8Array {
  const a = encoding.createEncoder();
  encoding.writeVarUint(a, states.length);
  for (const s of states) {
    encoding.writeVarUint(a, s.client);
    encoding.writeVarUint(a, s.clock);
    encoding.writeVarString(a, JSON.stringify(s.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(a));
  return encoding.toUint8Array(e);
}

/** Ask who is here (type 3) and read the server's answer. */
function whoIsHere(ws: WebSocket): Promise<Map<number, unknown>> {
  return new Promise((resolve) => {
    const on = (m: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(m));
      if (decoding.readVarUint(d) !== 1) return;
      ws.off('message', on);
      const a = decoding.createDecoder(decoding.readVarUint8Array(d));
      const states = new Map<number, unknown>();
      for (let n = decoding.readVarUint(a); n > 0; n--) {
        const client = decoding.readVarUint(a);
        decoding.readVarUint(a);
        states.set(client, JSON.parse(decoding.readVarString(a)));
      }
      resolve(states);
    };
    ws.on('message', on);
    ws.send(Uint8Array.of(3));
  });
}

it('nobody renames another editor’s presence, and names come from the credential', async () => {
  const server = await startCollabServer();
  const { made, host } = await openConvening(server.url);
  host.close();
  const name = `notes:${made.id}:plenary`;
  const [ana, bo, mal] = await Promise.all(['Ana', 'Bo', 'Mal'].map((n) => joinAs(server.url, made.joinCode, n)));
  const victim = connectDoc(server.url, name, ana!.joined.token);
  const watcher = connectDoc(server.url, name, bo!.joined.token);
  await Promise.all([synced(victim.provider), synced(watcher.provider)]);
  const id = victim.provider.awareness.clientID;
  victim.provider.awareness.setLocalStateField('user', { id: ana!.joined.participantId, name: 'Ana', color: '#2d6a65' });
  await untilPresence(watcher.provider.awareness, () => nameIn(watcher.provider.awareness.getStates().get(id)) === 'Ana');

  const r = await rawConnect(server.url, name, mal!.joined.token);
  if (!('open' in r)) throw new Error(`refused: ${r.status}`);
  const clock = victim.provider.awareness.meta.get(id)!.clock;
  // Mallory's own presence, under someone else's name; then a takeover of Ana's client id.
  r.open.send(presence([{ client: 777_001, clock: 1, state: { user: { id: 'p_x', name: 'Ana', color: '#000000' } } }]));
  r.open.send(presence([{ client: id, clock: clock + 10, state: { user: { name: 'Mallory (spoofed)' } } }]));
  const seen = await whoIsHere(r.open);
  expect(nameIn(seen.get(id))).toBe('Ana');
  expect(nameIn(seen.get(777_001))).toBe('Mal');

  // Ana moves on; once the watcher sees that, anything sent before it has arrived too.
  victim.provider.awareness.setLocalStateField('cursor', { at: 3 });
  const watched = () => watcher.provider.awareness.getStates().get(id) as { cursor?: { at?: number } } | undefined;
  await untilPresence(watcher.provider.awareness, () => watched()?.cursor?.at === 3);
  expect(nameIn(watched())).toBe('Ana');
  expect(nameIn(victim.provider.awareness.getLocalState())).toBe('Ana');
  await untilPresence(watcher.provider.awareness, () => watcher.provider.awareness.getStates().has(777_001));
  expect(nameIn(watcher.provider.awareness.getStates().get(777_001))).toBe('Mal');

  r.open.close();
  for (const c of [victim, watcher]) c.destroy();
  for (const p of [ana, bo, mal]) p!.client.close();
  await server.close();
});
