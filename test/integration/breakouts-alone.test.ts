// Rooms of one on the wire: the preview reports them (naming nobody for a caucus), the
// facilitator's choice travels in the round spec, and opening the round does the same.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import type { RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, until } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

async function convening(n: number) {
  const { made, host } = await openConvening(server.url);
  const people: LiveClient[] = [];
  for (let i = 0; i < n; i++) people.push((await joinAs(server.url, made.joinCode, `Person ${i}`)).client);
  return { host, people };
}
const idOf = (c: LiveClient): string => c.self!.participantId;

describe('rooms of one', () => {
  it('by choice: the only Money person is reported, and "merge" puts them in the nearest room when the round opens', async () => {
    const { host, people } = await convening(5);
    for (const [i, p] of people.entries()) await ok(p, { type: 'profile.set', profile: { channel: i === 0 ? 'money' : 'narrative' } });
    await until(host, (c) => Object.values(c.state!.participants).filter((p) => p.profile.channel).length === 5);
    const spec = (alone?: Record<string, 'keep' | 'merge'>): RoundSpec => ({
      name: 'Channels',
      strategy: { kind: 'byChoice', field: 'channel', maxRoomSize: 6, ...(alone ? { alone } : {}) },
      durationSeconds: 600,
    });
    const first = (await ok(host, { type: 'round.preview', spec: spec() })).preview!;
    expect(first.alone).toEqual([{ room: 'money-1', name: 'Money 1', kind: 'breakout', options: ['keep', 'merge'], choice: 'keep' }]);

    const merged = (await ok(host, { type: 'round.preview', spec: spec({ 'money-1': 'merge' }), seed: first.seed })).preview!;
    expect(merged.rooms.map((r) => r.key)).toEqual(['narrative-1']);
    expect(merged.alone[0]).toMatchObject({ choice: 'merge', to: 'narrative-1' });

    await ok(host, { type: 'round.open', spec: spec({ 'money-1': 'merge' }), seed: first.seed });
    const room = await until(people[0]!, (c) => Object.values(c.state!.rounds).find((r) => r.status === 'running')?.rooms['narrative-1']);
    expect(room.members).toContain(idOf(people[0]!));
    expect(room.members).toHaveLength(5);
    closeAll(host, ...people);
  });

  it('a caucus of one: the preview says so without naming them, and "plenary" keeps them in the main room', async () => {
    const { host, people } = await convening(6);
    const answers = ['white', 'person of color', 'person of color', 'person of color', 'prefer not to say', 'prefer not to say'];
    for (const [i, p] of people.entries()) await ok(p, { type: 'affinity.answer', answer: answers[i]! });
    const spec = (alone?: Record<string, 'keep' | 'plenary'>): RoundSpec => ({
      name: 'Caucus',
      strategy: { kind: 'affinity', undecided: 'open-room', ...(alone ? { alone } : {}) },
      durationSeconds: 600,
    });
    const first = (await ok(host, { type: 'round.preview', spec: spec() })).preview!;
    expect(first.alone).toMatchObject([{ kind: 'caucus', options: ['keep', 'plenary'], choice: 'keep' }]);
    expect(JSON.stringify(first)).not.toContain(idOf(people[0]!));

    const key = first.alone[0]!.room;
    const moved = (await ok(host, { type: 'round.preview', spec: spec({ [key]: 'plenary' }), seed: first.seed })).preview!;
    expect(moved.rooms.map((r) => r.kind)).toEqual(['caucus', 'breakout']);
    expect(moved.plenary).toEqual([]);
    expect(JSON.stringify(moved)).not.toContain(idOf(people[0]!));

    await ok(host, { type: 'round.open', spec: spec({ [key]: 'plenary' }), seed: first.seed });
    const round = await until(people[0]!, (c) => Object.values(c.state!.rounds).find((r) => r.status === 'running'));
    expect(Object.values(round.rooms).some((r) => r.members.includes(idOf(people[0]!)))).toBe(false);
    expect(Object.values(round.rooms).some((r) => r.caucus === 'white')).toBe(false);
    closeAll(host, ...people);
  });

  it('refuses a choice that is not one of ours with a typed error', async () => {
    const { host, people } = await convening(2);
    const ack = await host.send({
      type: 'round.preview',
      spec: { name: 'Odd', strategy: { kind: 'byChoice', field: 'channel', maxRoomSize: 4, alone: { 'money-1': 'everywhere' } }, durationSeconds: 600 },
    } as never);
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    closeAll(host, ...people);
  });
});
