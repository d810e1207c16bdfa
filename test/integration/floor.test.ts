import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClient } from '@brave/client';
import type { LoggedEvent } from '@brave/protocol';
import { startTestServer, tempDir } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, record, until } from '../support/people.ts';

/**
 * The speaking stack and "respect silence" with real clients: who hears a hand go up,
 * who hears the call, and what a silence holds back (and what it never does).
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const kinds = (events: LoggedEvent[]) => events.map((e) => e.event.type);

describe('speaking stack', () => {
  it('a raised hand reaches the room in order; the call reaches everyone, the turn count only facilitators', async () => {
    const { made, host } = await openConvening(server.url);
    const [ana, bo] = await Promise.all([joinAs(server.url, made.joinCode, 'Ana'), joinAs(server.url, made.joinCode, 'Bo')]);
    const boSaw = record(bo.client);
    const hostSaw = record(host);
    try {
      await ok(bo.client, { type: 'hand.raise' });
      await ok(ana.client, { type: 'hand.raise' });
      const ids = [bo.joined.participantId, ana.joined.participantId];
      await until(ana.client, (c) => c.state!.floor.queues.plenary?.order.join() === ids.join());
      await until(host, (c) => c.state!.floor.queues.plenary?.order.join() === ids.join());

      // A retried raise (same key, say after a dropped connection) changes nothing.
      const again = await ok(ana.client, { type: 'hand.raise' }, 'hand-retry-0001');
      expect(await ana.client.send({ type: 'hand.raise' }, 'hand-retry-0001')).toEqual(again);

      await ok(host, { type: 'floor.call', scope: 'plenary' });
      await until(bo.client, (c) => c.state!.floor.queues.plenary?.speaking === bo.joined.participantId);
      await until(host, (c) => c.state!.floor.queues.plenary?.turns[bo.joined.participantId] === 1);
      expect(bo.client.state!.floor.queues.plenary).toMatchObject({ order: [ana.joined.participantId], turns: {} });
      const called = (events: LoggedEvent[]) => events.find((e) => e.event.type === 'floor.called')?.event;
      expect(called(boSaw)).not.toHaveProperty('turns');
      expect(called(hostSaw)).toMatchObject({ turns: 1 });
      expect(JSON.stringify(boSaw)).not.toContain('"recent"');
    } finally {
      closeAll(host, ana, bo);
    }
  });

  it('a facilitator reorders the line; a participant may not call anyone', async () => {
    const { made, host } = await openConvening(server.url);
    const [ana, bo] = await Promise.all([joinAs(server.url, made.joinCode, 'Ana'), joinAs(server.url, made.joinCode, 'Bo')]);
    try {
      await ok(ana.client, { type: 'hand.raise' });
      await ok(bo.client, { type: 'hand.raise' });
      await ok(host, { type: 'floor.reorder', scope: 'plenary', participantId: bo.joined.participantId, toIndex: 0 });
      await until(ana.client, (c) => c.state!.floor.queues.plenary?.order[0] === bo.joined.participantId);
      expect(await ana.client.send({ type: 'floor.call', scope: 'plenary' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await host.send({ type: 'floor.call', scope: 'room:nope:nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    } finally {
      closeAll(host, ana, bo);
    }
  });
});

describe('after the convening', () => {
  it('closing it erases the turn counts from the stored log', async () => {
    const { made, host } = await openConvening(server.url);
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    try {
      await ok(ana.client, { type: 'hand.raise' });
      await ok(host, { type: 'floor.call', scope: 'plenary' });
      const calls = async () => (await server.store.events(made.id)).map((e) => e.event).filter((e) => e.type === 'floor.called');
      expect(await calls()).toEqual([expect.objectContaining({ turns: 1 })]);
      await ok(host, { type: 'convening.close' });
      const after = await calls();
      expect(after).toHaveLength(1);
      expect(after[0]).not.toHaveProperty('turns');
    } finally {
      closeAll(host, ana);
    }
  });
});

describe('respect silence', () => {
  it('holds a hand raise and a room notice from participants, yet an ouch reaches facilitators at once', async () => {
    const { made, host } = await openConvening(server.url);
    const [ana, bo, cy] = await Promise.all([joinAs(server.url, made.joinCode, 'Ana'), joinAs(server.url, made.joinCode, 'Bo'), joinAs(server.url, made.joinCode, 'Cy')]);
    try {
      await ok(host, { type: 'silence.start', minutes: 5 });
      await until(bo.client, (c) => c.state!.floor.silence);
      const boSaw = record(bo.client);
      await ok(ana.client, { type: 'hand.raise' });
      const ouch = (await ok(cy.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named' })).id!;
      await until(host, (c) => c.state!.signals[ouch]);
      await until(host, (c) => c.state!.floor.queues.plenary?.waiting.includes(ana.joined.participantId));
      await until(ana.client, (c) => c.state!.floor.queues.plenary?.waiting.includes(ana.joined.participantId));
      // A later event for everyone: once Bo has it, Bo had everything sent before it.
      const marker = await ok(host, { type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id });
      await until(bo.client, (c) => c.state!.seq >= marker.seq!);
      expect(kinds(boSaw)).toEqual(['spotlight.set']);
      expect(bo.client.state!.notices).toEqual([]);

      await ok(host, { type: 'silence.end' });
      await until(bo.client, (c) => c.state!.floor.silence === null && c.state!.notices.length === 1);
      expect(bo.client.state!.floor.queues.plenary?.order).toEqual([ana.joined.participantId]);
      expect(bo.client.state!.notices[0]).toMatchObject({ id: ouch, kind: 'ouch', by: cy.joined.participantId });
    } finally {
      closeAll(host, ana, bo, cy);
    }
  });

  it('ends by itself on time, even after the server restarts in between', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    // A "second" of 20 ms: a one-minute silence lasts 1.2 s.
    const env = { DATA_DIR: dir.path, ROUND_SECOND_MS: '20' };
    const first = await startTestServer(env);
    const { made, host } = await openConvening(first.url);
    await ok(host, { type: 'silence.start', minutes: 1 });
    host.close();
    await first.close();
    const second = await startTestServer(env);
    const again = new LiveClient({ url: second.url, token: made.facilitatorToken });
    try {
      await again.connect();
      await until(again, (c) => c.state!.floor.silence === null && c.state!.seq >= 5, 30_000);
      expect(again.state!.floor.silence).toBeNull();
    } finally {
      again.close();
      await second.close();
      dir.remove();
    }
  });
});
