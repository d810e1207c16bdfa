// Bug (issue 15, item 19): a member's open community home learned of a newly planned
// convening, and of its start, only by polling every 30 seconds or a reload. The server
// now rings the community's doorbell (socket.io namespace /community) after each change,
// and the home fetches itself again at once.

import { expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { createCommunity, facilitator, joinCommunity, memberCode, schedule, startAsHost } from '../integration/community-helpers.ts';

it("a member's open home hears at once that a convening was planned and that it started", async () => {
  await using server = await startTestServer();
  const fran = await facilitator(server.url);
  const community = await createCommunity(fran);
  const bo = await joinCommunity(server.url, community.id, await memberCode(fran, community.id), { name: 'Bo' });

  // A plain socket.io client, as any page or bot would open it.
  const socket = io(`${server.url}/community`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { communityId: community.id, protocolVersion: PROTOCOL_VERSION, token: bo.token } });
  const heard: unknown[] = [];
  socket.on('community.changed', (msg: unknown) => heard.push(msg));
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ringFor = (scheduleId: string) =>
      new Promise<void>((resolve) => {
        const check = () => heard.some((m) => (m as { scheduleId?: string }).scheduleId === scheduleId) && resolve();
        check();
        socket.on('community.changed', check);
      });
    const planned = await schedule(fran, community.id, { title: 'Spring gathering' });
    await ringFor(planned.id);
    heard.length = 0;
    const host = await startAsHost(fran, community.id, planned.id);
    await ringFor(planned.id);
    host.client.close();
    expect(heard).toEqual([{ kind: 'schedule', scheduleId: planned.id }]);
  } finally {
    socket.close();
  }
});
