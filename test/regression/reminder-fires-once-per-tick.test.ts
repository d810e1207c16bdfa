// Bug: a reminder timer that fired a few ms before the clock read its due time (libuv
// timers are armed from a cached loop time, so this happens under load) re-armed for the
// same tick and spotlighted the same agreement twice, breaking the rotation order.

import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import type { Delivery } from '@brave/core';
import { RoomRegistry } from '../../apps/server/src/convening/registry.ts';
import { SqliteStore } from '../../apps/server/src/store/sqlite.ts';
import { tempDir } from '../support/server.ts';

const dir = tempDir();
afterEach(() => {
  vi.useRealTimers();
  dir.remove();
});

it('a reminder tick that fires early still spotlights each agreement once, in order', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const store = await SqliteStore.open(join(dir.path, 'brave-space.db'));
  let clock = 1_000_000;
  const shown: string[] = [];
  const fanout = {
    online: () => true,
    expel: () => undefined,
    deliver: (_c: string, d: Delivery) => {
      if (d.event.type === 'spotlight.set' && d.audience.to === 'everyone') shown.push(d.event.agreementId);
    },
  };
  const registry = new RoomRegistry(store, fanout, { now: () => clock, reminderMinuteMs: 50, roundSecondMs: 1_000, log: () => undefined });
  const made = await registry.create({ title: 'Reminders', agreementSetId: 'network' });
  const room = (await registry.get(made.id))!;
  const agreements = room.snapshot.agreements.map((a) => a.id);
  const ack = await room.command({ participantId: made.hostId, role: 'facilitator' }, { key: 'schedule-1', command: { type: 'reminders.schedule', everyMinutes: 1 } });
  expect(ack.ok).toBe(true);

  // Tick 1 fires while the clock still reads 5 ms before it is due, then time catches up.
  clock += 45;
  await vi.advanceTimersByTimeAsync(50);
  clock += 5;
  await vi.advanceTimersByTimeAsync(5);
  // Tick 2, on time.
  clock += 50;
  await vi.advanceTimersByTimeAsync(50);

  expect(shown).toEqual([agreements[0], agreements[1]]);
  registry.stopAll();
  await store.close();
});
