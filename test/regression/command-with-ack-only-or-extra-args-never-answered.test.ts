// Bug (issue 15, item 8): a `command` emitted with only an acknowledgement, or with extra
// arguments before it, got a `fault` and its acknowledgement was never called, so the
// caller waited forever. Every emit that carries an acknowledgement now gets a typed answer.

import { expect, it } from 'vitest';
import { AckResult, SOCKET_EVENTS } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, openConvening } from '../support/people.ts';
import { rawSocket } from '../integration/abuse-helpers.ts';

it('answers the acknowledgement of every malformed command and unknown event', async () => {
  await using server = await startTestServer();
  const { made, host } = await openConvening(server.url);
  const s = await rawSocket(server.url, made.facilitatorToken);
  const envelope = { key: 'extra-args-key-1', command: { type: 'agreements.affirm' } };
  const faults: unknown[] = [];
  s.on(SOCKET_EVENTS.fault, (f) => faults.push(f));
  const answers = await Promise.all([
    s.timeout(10_000).emitWithAck(SOCKET_EVENTS.command),
    s.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, envelope, 'and one more'),
    s.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, envelope, { spare: true }, 3),
    s.timeout(10_000).emitWithAck('no.such.event', envelope),
  ]);
  for (const a of answers) expect(AckResult.parse(a)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  // The well-formed command still works on the same connection, and nothing was faulted.
  expect(await s.timeout(10_000).emitWithAck(SOCKET_EVENTS.command, envelope)).toMatchObject({ ok: true });
  expect(faults).toEqual([]);
  s.close();
  closeAll(host);
});
