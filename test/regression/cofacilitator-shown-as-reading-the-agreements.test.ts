// Bug: a co-facilitator appeared to everyone as "Reading the agreements" and their
// console offered no way to affirm. Facilitators hold the agreements by their role: a
// co-facilitator is affirmed on arrival, as the host is from the opening, and one who
// arrived before this fix is affirmed when let in again.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { admissionEvents, emptyState, reduce } from '@brave/core';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, openConvening, until } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

it('a co-facilitator is never waiting to affirm, for the host or for themselves', async () => {
  const { made, host } = await openConvening(server.url);
  const sam = await joinAs(server.url, made.joinCode, 'Sam', { cohostCode: made.cohostCode, affirm: false });
  const ana = await joinAs(server.url, made.joinCode, 'Ana', { affirm: false });
  const samId = sam.joined.participantId;
  await until(host, (h) => h.state!.participants[ana.joined.participantId]);
  expect(host.state!.participants[samId]?.affirmedAt).not.toBeNull();
  expect(sam.client.state!.participants[samId]?.affirmedAt).not.toBeNull();
  // A participant still reads first.
  expect(host.state!.participants[ana.joined.participantId]?.affirmedAt).toBeNull();
  closeAll(host, sam, ana);
});

it('a co-facilitator who arrived unaffirmed (an older log) is affirmed when let in again', () => {
  let state = emptyState('c1');
  let seq = 0;
  const fold = (events: ReturnType<typeof admissionEvents>['events']) => {
    for (const event of events) state = reduce(state, { seq: ++seq, at: seq, event });
  };
  fold([{ type: 'participant.joined', participantId: 'p_sam', name: 'Sam', pronouns: null, role: 'cofacilitator' }]);
  expect(state.participants.p_sam?.affirmedAt).toBeNull();
  fold(admissionEvents(state, { participantId: 'p_sam', name: 'Sam', pronouns: null, role: 'cofacilitator' }).events);
  expect(state.participants.p_sam?.affirmedAt).not.toBeNull();
  expect(admissionEvents(state, { participantId: 'p_sam', name: 'Sam', pronouns: null, role: 'cofacilitator' }).events).toEqual([]);
});
