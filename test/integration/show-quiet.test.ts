import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowItem } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, until } from '../support/people.ts';

/** A quiet reflection in the run of show, with real clients: the room goes quiet as it begins and is released as it ends. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const ITEMS: ShowItem[] = [
  { id: 'still', kind: 'reflection', title: 'Sitting with it', minutes: 3 },
  { id: 'share', kind: 'shareback', title: 'What we heard', minutes: 10 },
];

describe('a reflection item as a quiet moment', () => {
  it('entering it quiets every screen and holds a raised hand; moving on releases the hand into the line', async () => {
    const { made, host } = await openConvening(server.url);
    const [ana, bo] = await Promise.all([joinAs(server.url, made.joinCode, 'Ana'), joinAs(server.url, made.joinCode, 'Bo')]);
    try {
      await ok(host, { type: 'show.plan', items: ITEMS, autoAdvance: false });
      await ok(host, { type: 'show.advance', fromItemId: null });
      await until(bo.client, (c) => c.state!.floor.silence !== null && c.state!.show.currentId === 'still');
      await until(ana.client, (c) => c.state!.floor.silence !== null);
      expect(bo.client.state!.floor.silence!.endsAt).toBe(bo.client.state!.show.endsAt);

      await ok(ana.client, { type: 'hand.raise' });
      await until(ana.client, (c) => c.state!.floor.queues.plenary?.waiting.includes(ana.joined.participantId) ?? false);
      expect(bo.client.state!.floor.queues.plenary?.order ?? []).toEqual([]);

      await ok(host, { type: 'show.advance', fromItemId: 'still' });
      await until(bo.client, (c) => c.state!.floor.silence === null && c.state!.show.currentId === 'share');
      await until(bo.client, (c) => c.state!.floor.queues.plenary?.order.join() === ana.joined.participantId);
    } finally {
      closeAll(host, ana, bo);
    }
  });
});
