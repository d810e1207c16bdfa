import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberCredential, MyData } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { ok } from '../support/people.ts';
import { asMember, claimLink, createCommunity, enterAsMember, facilitator, joinCommunity, memberCode, schedule, startAsHost } from './community-helpers.ts';

/**
 * A caucus answer is the member's alone: kept only if they ask, and gone everywhere the
 * community holds it (the kept answer and past convening logs) when they withdraw it,
 * leave, or a facilitator makes a new link that could act as them.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** A community whose member Ana kept "kin-a" in a convening that has since closed. */
async function keptAnswer() {
  const f = await facilitator(server.url);
  const made = await createCommunity(f, { caucusOptions: ['kin-a', 'kin-b'] });
  const ana: MemberCredential = await joinCommunity(server.url, made.id, await memberCode(f, made.id), { name: 'Ana' });
  const month = await schedule(f, made.id, { title: 'Month one' });
  const host = await startAsHost(f, made.id, month.id);
  const { client } = await enterAsMember(server.url, made.id, month.id, ana.token);
  await ok(client, { type: 'affinity.answer', answer: 'kin-a', keep: true });
  await ok(host.client, { type: 'convening.close' });
  client.close();
  host.client.close();
  const me = async () => (await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, ana.token)).json as MyData;
  expect((await me()).keptCaucusAnswer).toBe('kin-a');
  /** Every stored caucus answer of Ana's in the convening's log. */
  const logged = async () =>
    (await server.store.events(host.entry.conveningId))
      .map((e) => e.event)
      .filter((e) => e.type === 'affinity.answered' && e.participantId === ana.memberId)
      .map((e) => (e.type === 'affinity.answered' ? e.answer : null));
  expect(await logged()).toEqual(['kin-a']);
  return { f, made, ana, me, logged };
}

describe('caucus answers a member kept', () => {
  it('are forgotten on request, in the community and in past convenings', async () => {
    const { made, ana, me, logged } = await keptAnswer();
    const res = await asMember(server.url, 'DELETE', `/api/communities/${made.id}/me/caucus-answer`, ana.token);
    expect(res.status).toBe(204);
    expect((await me()).keptCaucusAnswer).toBeNull();
    expect(await logged()).toEqual([null]);
  });

  it('are erased from past convenings when the member leaves', async () => {
    const { made, ana, logged } = await keptAnswer();
    expect((await asMember(server.url, 'DELETE', `/api/communities/${made.id}/me`, ana.token, {})).status).toBe(204);
    expect(await logged()).toEqual([null]);
  });

  it('do not travel with a link a facilitator re-issues', async () => {
    const { f, made, ana } = await keptAnswer();
    const link = await f.call('POST', `/api/communities/${made.id}/members/${ana.memberId}/reissue`);
    expect(link.status).toBe(201);
    const { token } = await claimLink(server.url, (link.json as { url: string }).url);
    const seen = (await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, token)).json as MyData;
    expect(seen.keptCaucusAnswer).toBeNull();
  });
});
