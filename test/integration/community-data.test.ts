import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import { CommunityExport, MyData, type ConveningView, type MemberCredential, type RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { ok, until } from '../support/people.ts';
import { asMember, createCommunity, enterAsMember, eventually, facilitator, joinCommunity, memberCode, schedule, startAsHost, writeDoc } from './community-helpers.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const pairs: RoundSpec = { name: 'Pairs', strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 600, graceSeconds: 0 };
const caucus: RoundSpec = { name: 'Caucus', strategy: { kind: 'affinity', undecided: 'plenary' }, durationSeconds: 600, graceSeconds: 0 };

function countRows(server: Server, sql: string, ...args: unknown[]): number {
  const db = new Database(join(server.dataDir, 'brave-space.db'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...args) as number;
  } finally {
    db.close();
  }
}

/**
 * One month of a community: four members (Ana and Bo answer kin-a, Cy and Di kin-b; Ana
 * keeps hers), a round of pairs, a caucus round, a signal with an explanation, notes in a
 * breakout room, a caucus room and plenary, a toolkit draft; then the convening ends.
 */
async function month(server: Server, retentionDays: number | null = 90) {
  const f = await facilitator(server.url);
  const made = await createCommunity(f, { caucusOptions: ['kin-a', 'kin-b'], retentionDays });
  const code = await memberCode(f, made.id);
  const names = ['Ana', 'Bo', 'Cy', 'Di'];
  const people: MemberCredential[] = [];
  for (const name of names) people.push(await joinCommunity(server.url, made.id, code, { name, channel: 'money', role: `${name}-role` }));
  const group = await f.call('POST', `/api/communities/${made.id}/working-groups`, { name: 'Money writers', channels: ['money'], members: [people[0]!.memberId] });
  const planned = await schedule(f, made.id, { title: 'Month one' });
  const host = await startAsHost(f, made.id, planned.id);
  const clients: LiveClient[] = [];
  for (const p of people) clients.push((await enterAsMember(server.url, made.id, planned.id, p.token)).client);
  await until(host.client, (c) => Object.values(c.state!.participants).filter((p) => p.affirmedAt).length === 5);
  await ok(clients[0]!, { type: 'affinity.answer', answer: 'kin-a', keep: true });
  await ok(clients[1]!, { type: 'affinity.answer', answer: 'kin-a' });
  await ok(clients[2]!, { type: 'affinity.answer', answer: 'kin-b' });
  await ok(clients[3]!, { type: 'affinity.answer', answer: 'kin-b' });

  const pairRound = (await ok(host.client, { type: 'round.open', spec: pairs, seed: 1 })).id!;
  await ok(clients[0]!, { type: 'signal.raise', kind: 'ouch', visibility: 'anonymous_to_room', explanation: 'That joke about my accent stung' });
  await ok(host.client, { type: 'round.close' });
  const caucusRound = (await ok(host.client, { type: 'round.preview', spec: caucus })).preview!;
  const caucusId = (await ok(host.client, { type: 'round.open', spec: caucus, seed: caucusRound.seed })).id!;
  await ok(host.client, { type: 'round.close' });

  const state = host.client.state!;
  const conveningId = host.entry.conveningId;
  const breakoutRoom = Object.values(state.rounds[pairRound]!.rooms)[0]!.id;
  const caucusRoom = Object.values(state.rounds[caucusId]!.rooms)[0]!.id;
  writeDoc(server.dataDir, `notes:${conveningId}:${pairRound}:${breakoutRoom}`, 'Breakout notes about budgets');
  writeDoc(server.dataDir, `notes:${conveningId}:${caucusId}:${caucusRoom}`, 'Caucus notes nobody else reads');
  writeDoc(server.dataDir, `notes:${conveningId}:plenary`, 'Plenary notes for everyone');
  writeDoc(server.dataDir, `toolkit:${made.id}:money`, 'Our money standards');
  await ok(host.client, { type: 'convening.close' });
  return { f, made, people, host, clients, conveningId, planned, groupId: (group.json as { id: string }).id, pairRound, caucusId, breakoutRoom, caucusRoom };
}

const close = (m: { host: { client: LiveClient }; clients: LiveClient[] }) => {
  for (const c of [m.host.client, ...m.clients]) c.close();
};

describe('export', () => {
  it('has convenings, agreements, rooms and documents, and no caucus roster or answer anywhere', async () => {
    await using server = await startTestServer();
    const m = await month(server);
    const r = await m.f.call('GET', `/api/communities/${m.made.id}/export`);
    expect(r.headers.get('content-disposition')).toMatch(/attachment/);
    const data = CommunityExport.parse(r.json);
    expect(data.format).toBe('brave-space.community.v1');
    expect(data.members.map((x) => x.name)).toEqual(['Ana', 'Bo', 'Cy', 'Di']);
    const [conv] = data.convenings;
    expect(conv).toMatchObject({ title: 'Month one', status: 'ended', agreements: m.made.agreements });
    const [pairRound, caucusRound] = conv!.rounds;
    expect(pairRound!.rooms.every((x) => x.kind === 'breakout' && x.members!.length === 2)).toBe(true);
    expect(caucusRound!.rooms.map((x) => ({ name: x.name, size: x.size, members: x.members })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'kin-a', size: 2, members: undefined },
      { name: 'kin-b', size: 2, members: undefined },
    ]);
    expect(conv!.signals).toEqual([{ kind: 'ouch', at: expect.any(Number), status: 'raised' }]);
    expect(data.documents.map((d) => d.markdown.trim()).sort()).toEqual(['Breakout notes about budgets', 'Our money standards', 'Plenary notes for everyone']);

    const text = JSON.stringify(data);
    expect(text).not.toContain('stung');
    expect(text).not.toContain('Caucus notes');
    expect(text).not.toMatch(/affinity|keptCaucusAnswer/);
    // The answers' words appear only as the community's options and the caucus rooms' names.
    const scrubbed = JSON.stringify({ ...data, community: { ...data.community, caucusOptions: [] }, convenings: data.convenings.map((c) => ({ ...c, rounds: c.rounds.map((x) => ({ ...x, rooms: x.rooms.map((room) => ({ ...room, name: room.kind })) })) })) });
    expect(scrubbed).not.toMatch(/kin-a|kin-b/);
    // Members' ids appear in the member list and groups only, never with a room.
    for (const p of m.people) expect(JSON.stringify(data.convenings)).not.toContain(p.memberId);

    // Members cannot export.
    expect((await asMember(server.url, 'GET', `/api/communities/${m.made.id}/export`, m.people[0]!.token)).status).toBe(401);
    close(m);
  });
});

describe('deleting a community', () => {
  it('asks for its name, then removes everything it held', async () => {
    await using server = await startTestServer();
    const m = await month(server);
    const wrong = await m.f.call('DELETE', `/api/communities/${m.made.id}`, { confirmName: 'Something else' });
    expect(wrong.error).toMatchObject({ code: 'bad_request', field: 'confirmName' });
    expect((await asMember(server.url, 'DELETE', `/api/communities/${m.made.id}`, m.people[0]!.token, { confirmName: 'Learning network' })).status).toBe(401);
    expect((await m.f.call('DELETE', `/api/communities/${m.made.id}`, { confirmName: 'learning network ' })).status).toBe(204);

    expect((await m.f.call('GET', `/api/communities/${m.made.id}`)).status).toBe(404);
    expect((await asMember(server.url, 'GET', `/api/communities/${m.made.id}/me`, m.people[0]!.token)).status).toBe(401);
    expect((await asMember(server.url, 'GET', `/api/convenings/${m.conveningId}`, m.host.entry.token)).status).toBe(401);
    expect(countRows(server, 'SELECT COUNT(*) FROM events WHERE convening_id = ?', m.conveningId)).toBe(0);
    expect(countRows(server, 'SELECT COUNT(*) FROM doc_updates WHERE doc LIKE ? OR doc LIKE ?', `notes:${m.conveningId}:%`, `toolkit:${m.made.id}:%`)).toBe(0);
    expect(countRows(server, 'SELECT COUNT(*) FROM members WHERE community_id = ?', m.made.id)).toBe(0);
    expect(countRows(server, 'SELECT COUNT(*) FROM community_meetings WHERE community_id = ?', m.made.id)).toBe(0);
    close(m);
  });
});

describe('data rights', () => {
  it('shows a member everything held about them, lets them change it and leave', async () => {
    await using server = await startTestServer();
    const m = await month(server);
    const [ana, bo] = m.people;
    const me = MyData.parse((await asMember(server.url, 'GET', `/api/communities/${m.made.id}/me`, ana!.token)).json);
    expect(me.member).toMatchObject({ id: ana!.memberId, name: 'Ana', channel: 'money', role: 'Ana-role' });
    expect(me.workingGroups).toEqual([{ id: m.groupId, name: 'Money writers', channels: ['money'] }]);
    expect(me.keptCaucusAnswer).toBe('kin-a');
    expect(me.metWith).toBe(1);
    expect(me.convenings).toHaveLength(1);
    expect(me.convenings[0]!.rooms.map((r) => r.kind)).toEqual(['breakout', 'caucus']);
    expect(me.convenings[0]!.signals).toEqual([{ kind: 'ouch', at: expect.any(Number), visibility: 'anonymous_to_room', explanation: 'That joke about my accent stung' }]);
    // Bo sees his own rooms, not Ana's signal.
    const boData = MyData.parse((await asMember(server.url, 'GET', `/api/communities/${m.made.id}/me`, bo!.token)).json);
    expect(boData.convenings[0]!.signals).toEqual([]);
    expect(boData.keptCaucusAnswer).toBeNull();

    const patched = await asMember(server.url, 'PATCH', `/api/communities/${m.made.id}/me`, ana!.token, { team: 'New team', region: null });
    expect(patched.json).toMatchObject({ name: 'Ana', team: 'New team', region: null });
    expect((await asMember(server.url, 'PATCH', `/api/communities/${m.made.id}/me`, ana!.token, { channel: 'nope' })).status).toBe(400);
    expect((await asMember(server.url, 'PATCH', `/api/communities/${m.made.id}/me`, ana!.token, { credential_version: 9 })).status).toBe(400);

    // Ana leaves and asks for her name to be replaced.
    expect((await asMember(server.url, 'DELETE', `/api/communities/${m.made.id}/me`, ana!.token, { replaceName: true })).status).toBe(204);
    expect((await asMember(server.url, 'GET', `/api/communities/${m.made.id}/me`, ana!.token)).status).toBe(401);
    const home = (await m.f.call('GET', `/api/communities/${m.made.id}`)).json as { members: { id: string }[]; workingGroups: { members: string[] }[] };
    expect(home.members.map((x) => x.id)).not.toContain(ana!.memberId);
    expect(home.workingGroups[0]!.members).toEqual([]);
    const view = (await asMember(server.url, 'GET', `/api/convenings/${m.conveningId}`, m.host.entry.token)).json as { view: ConveningView };
    expect(view.view.participants[ana!.memberId]).toMatchObject({ name: 'Former member', pronouns: null, profile: { channel: null, role: null } });
    expect(countRows(server, "SELECT COUNT(*) FROM members WHERE id = ? AND name = 'Former member' AND kept_answer IS NULL", ana!.memberId)).toBe(1);
    // Their words stay: the toolkit draft and notes are the group's.
    const exported = CommunityExport.parse((await m.f.call('GET', `/api/communities/${m.made.id}/export`)).json);
    expect(exported.documents.map((d) => d.markdown)).toContain('Our money standards\n');
    expect(JSON.stringify(exported)).not.toContain('"Ana"');

    // A facilitator removes Bo without replacing his name: it stays in the convening's log.
    expect((await m.f.call('DELETE', `/api/communities/${m.made.id}/members/${bo!.memberId}`, {})).status).toBe(204);
    expect((await asMember(server.url, 'GET', `/api/communities/${m.made.id}`, bo!.token)).status).toBe(401);
    const after = (await asMember(server.url, 'GET', `/api/convenings/${m.conveningId}`, m.host.entry.token)).json as { view: ConveningView };
    expect(after.view.participants[bo!.memberId]?.name).toBe('Bo');
    close(m);
  });
});

describe('retention', () => {
  it('deletes signal details, room rosters and room notes after the period; sizes stay', async () => {
    // A retention "day" of 200 ms, swept every 50 ms.
    await using server = await startTestServer({ RETENTION_DAY_MS: '200', RETENTION_SWEEP_MS: '50' });
    const m = await month(server, 1);
    const auth = m.host.entry.token;
    const read = async () => ((await asMember(server.url, 'GET', `/api/convenings/${m.conveningId}`, auth)).json as { view: ConveningView }).view;
    const swept = await eventually(read, (v) => Object.values(v.rounds).every((r) => Object.values(r.rooms).every((room) => room.members.length === 0)));
    for (const s of Object.values(swept.signals)) {
      expect(s.explanation).toBeNull();
      expect(s.by).toBeNull();
    }
    expect(Object.values(swept.signals)).toHaveLength(1);
    const debrief = (await asMember(server.url, 'GET', `/api/convenings/${m.conveningId}/debrief`, auth)).json as { rounds: { rooms: { size: number; members: string[] }[] }[] };
    expect(debrief.rounds.flatMap((r) => r.rooms.map((x) => x.size))).toEqual([2, 2, 2, 2]);
    expect(debrief.rounds.flatMap((r) => r.rooms.flatMap((x) => x.members))).toEqual([]);

    await eventually(() => Promise.resolve(countRows(server, 'SELECT COUNT(*) FROM doc_updates WHERE doc = ?', `notes:${m.conveningId}:${m.pairRound}:${m.breakoutRoom}`)), (n) => n === 0);
    expect(countRows(server, 'SELECT COUNT(*) FROM doc_updates WHERE doc = ?', `notes:${m.conveningId}:${m.caucusId}:${m.caucusRoom}`)).toBe(0);
    expect(countRows(server, 'SELECT COUNT(*) FROM doc_updates WHERE doc = ?', `notes:${m.conveningId}:plenary`)).toBe(1);
    expect(countRows(server, 'SELECT COUNT(*) FROM community_meetings WHERE community_id = ?', m.made.id)).toBe(0);

    // The member's own data no longer has the rooms or the signal either; the kept answer is hers.
    const me = MyData.parse((await asMember(server.url, 'GET', `/api/communities/${m.made.id}/me`, m.people[0]!.token)).json);
    expect(me.convenings[0]!.rooms).toEqual([]);
    expect(me.convenings[0]!.signals).toEqual([]);
    expect(me.keptCaucusAnswer).toBe('kin-a');
    close(m);
  });
});
