// Bug: a named signal's words went to the whole room unless the sender ticked
// "facilitators only", and words added later followed the same open default. Words now
// reach the room only when a named sender says so (`explanationFor: 'room'`).

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, record, until } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

it('named words, sent with the signal or added later, go to the facilitators only unless the sender gives them to the room', async () => {
  const { made, host } = await openConvening(server.url);
  const ana = await joinAs(server.url, made.joinCode, 'Ana');
  const bo = await joinAs(server.url, made.joinCode, 'Bo');
  const boSaw = record(bo.client);

  const withWords = (await ok(ana.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'The joke about accents stung.' })).id!;
  const later = (await ok(ana.client, { type: 'signal.raise', kind: 'whoops', visibility: 'named' })).id!;
  await ok(ana.client, { type: 'signal.explain', signalId: later, explanation: 'I spoke over Bo just now.' });
  const shared = (await ok(ana.client, { type: 'signal.raise', kind: 'whoops', visibility: 'named', explanation: 'Sorry, Bo.', explanationFor: 'room' })).id!;

  // The facilitator reads every word, and the sender is told which words are private.
  await until(host, (h) => h.state!.signals[later]?.explanation === 'I spoke over Bo just now.');
  expect(host.state!.signals[withWords]).toMatchObject({ by: ana.joined.participantId, explanation: 'The joke about accents stung.' });
  await until(ana.client, (c) => c.state!.signals[later]?.explanation != null);
  expect([withWords, later, shared].map((id) => ana.client.state!.signals[id]?.privateExplanation)).toEqual([true, true, false]);

  // The room knows who, and reads only the words given to it.
  const notice = await until(bo.client, (c) => c.state!.notices.find((n) => n.id === shared));
  expect(notice.explanation).toBe('Sorry, Bo.');
  expect(bo.client.state!.notices.find((n) => n.id === withWords)).toMatchObject({ by: ana.joined.participantId, explanation: null });
  expect(bo.client.state!.notices.find((n) => n.id === later)).toMatchObject({ by: ana.joined.participantId, explanation: null });
  const everything = JSON.stringify(boSaw);
  expect(everything).not.toContain('accents');
  expect(everything).not.toContain('spoke over');
  closeAll(host, ana, bo);
});
