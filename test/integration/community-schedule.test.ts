import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '@brave/client';
import { CommunityHome, ConveningEntry, ScheduledConvening, type MemberCredential, type RoundSpec } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { ok, until } from '../support/people.ts';
import { asMember, createCommunity, enterAsMember, facilitator, joinCommunity, memberCode, schedule, startAsHost } from './community-helpers.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const pairs = (name: string): RoundSpec => ({ name, strategy: { kind: 'mix', spec: { by: 'size', size: 2 } }, durationSeconds: 600, graceSeconds: 0 });

describe('scheduled convenings', () => {
  it('schedules, offers a calendar file, starts with the community’s settings, and lets members in with their profile', async () => {
    const f = await facilitator(server.url, 'Fran Host');
    const made = await createCommunity(f, { caucusOptions: ['kin-a', 'kin-b'] });
    const code = await memberCode(f, made.id);
    const ana = await joinCommunity(server.url, made.id, code, { name: 'Ana', pronouns: 'she/her', channel: 'story', team: 'Team 1', region: 'North' });

    const planned = await schedule(f, made.id, { title: 'Month one, with care; and food', outline: ['Opening circle', 'Mix round'], rounds: [pairs('Pairs')] });
    expect(planned).toMatchObject({ status: 'scheduled', conveningId: null });
    expect((await f.call('POST', `/api/communities/${made.id}/convenings`, { title: 'X', startsAt: 1, durationMinutes: 1 })).status).toBe(400);
    const edited = await f.call('PATCH', `/api/communities/${made.id}/convenings/${planned.id}`, { durationMinutes: 120 });
    expect(ScheduledConvening.parse(edited.json).durationMinutes).toBe(120);

    // Members see it on the home page and can download it for their calendar.
    const home = CommunityHome.parse((await asMember(server.url, 'GET', `/api/communities/${made.id}`, ana.token)).json);
    expect(home.upcoming.map((s) => s.id)).toEqual([planned.id]);
    const ics = await asMember(server.url, 'GET', `/api/communities/${made.id}/convenings/${planned.id}/calendar.ics`, ana.token);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const unfolded = ics.text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:${planned.id}@127.0.0.1\r\n`);
    expect(unfolded).toContain('DTSTART:20300115T170000Z\r\n');
    expect(unfolded).toContain('DTEND:20300115T190000Z\r\n');
    expect(unfolded).toContain('SUMMARY:Month one\\, with care\\; and food\r\n');
    expect(ics.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const again = await f.call('GET', `/api/communities/${made.id}/convenings/${planned.id}/calendar.ics`);
    expect(again.text).toBe(ics.text);
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}/convenings/${planned.id}/calendar.ics`, null)).status).toBe(401);

    // Not started yet: members cannot enter, and only facilitators may start.
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/convenings/${planned.id}/join`, ana.token)).error?.code).toBe('conflict');
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/convenings/${planned.id}/start`, ana.token)).status).toBe(401);

    const host = await startAsHost(f, made.id, planned.id);
    expect(host.entry).toMatchObject({ participantId: f.accountId, role: 'facilitator', path: `/host/${host.entry.conveningId}` });
    expect((await f.call('POST', `/api/communities/${made.id}/convenings/${planned.id}/start`)).error?.code).toBe('conflict');
    expect((await f.call('PATCH', `/api/communities/${made.id}/convenings/${planned.id}`, { title: 'Y' })).error?.code).toBe('conflict');
    expect((await f.call('DELETE', `/api/communities/${made.id}/convenings/${planned.id}`)).error?.code).toBe('conflict');
    const state = await until(host.client, (c) => c.state);
    expect(state).toMatchObject({
      communityId: made.id,
      title: 'Month one, with care; and food',
      channels: made.channels,
      caucusOptions: ['kin-a', 'kin-b'],
      outline: ['Opening circle', 'Mix round'],
      agreements: made.agreements,
    });
    expect(state.agenda.map((r) => r.name)).toEqual(['Pairs']);
    expect(state.participants[f.accountId]).toMatchObject({ name: 'Fran Host', role: 'facilitator' });

    const member = await enterAsMember(server.url, made.id, planned.id, ana.token);
    expect(member.entry).toMatchObject({ participantId: ana.memberId, role: 'participant', path: `/c/${member.entry.conveningId}` });
    const seen = await until(host.client, (c) => c.state!.participants[ana.memberId]);
    expect(seen).toMatchObject({ name: 'Ana', pronouns: 'she/her' });
    await until(host.client, (c) => c.state!.participants[ana.memberId]?.profile.channel === 'story');
    expect(host.client.state!.participants[ana.memberId]!.profile).toMatchObject({ channel: 'story', team: 'Team 1', region: 'North' });

    // A co-facilitator of the community hosts under their own account id.
    const live = CommunityHome.parse((await f.call('GET', `/api/communities/${made.id}`)).json);
    expect(live.upcoming[0]).toMatchObject({ status: 'live', conveningId: host.entry.conveningId });
    const hostAgain = ConveningEntry.parse((await f.call('POST', `/api/communities/${made.id}/convenings/${planned.id}/host`)).json);
    expect(hostAgain).toMatchObject({ participantId: f.accountId, role: 'facilitator' });

    await ok(host.client, { type: 'convening.close' });
    await until(host.client, (c) => c.state!.status === 'closed');
    const ended = CommunityHome.parse((await f.call('GET', `/api/communities/${made.id}`)).json);
    expect(ended.upcoming).toEqual([]);
    expect(ended.past[0]).toMatchObject({ id: planned.id, status: 'ended' });
    // After the end, someone who was there may come back to read; nobody new comes in.
    const bo = await joinCommunity(server.url, made.id, code, { name: 'Bo' });
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/convenings/${planned.id}/join`, bo.token)).error?.code).toBe('closed');
    expect((await asMember(server.url, 'POST', `/api/communities/${made.id}/convenings/${planned.id}/join`, ana.token)).status).toBe(200);
    host.client.close();
    member.client.close();
  });

  it('plans the run of show ahead: it is checked against the community, opens with the convening, and is kept as a template', async () => {
    const f = await facilitator(server.url, 'Fran Host');
    const made = await createCommunity(f);
    const spot = made.agreements[0]!.id;
    const show = {
      items: [
        { id: 'arrive', kind: 'welcome', title: 'Arriving', minutes: 10 },
        { id: 'agree', kind: 'agreements', title: 'Our agreements', minutes: 5, agreementId: spot },
        { id: 'pairs', kind: 'breakout', title: 'In pairs', minutes: 10, round: 0 },
        { id: 'check', kind: 'pulse', title: 'Check-in', minutes: 3, pulse: { question: 'How are you leaving?', kind: 'scale' } },
      ],
      autoAdvance: true,
    };
    // An item may point only at the community's agreements and the rounds planned with it.
    const noRound = await f.call('POST', `/api/communities/${made.id}/convenings`, { title: 'M', startsAt: Date.UTC(2030, 0, 15), durationMinutes: 90, show });
    expect(noRound.error).toMatchObject({ code: 'bad_request', field: 'show.items.2.round' });
    const stranger = { ...show, items: [{ id: 'agree', kind: 'agreements', title: 'Ours', minutes: 5, agreementId: 'a_elsewhere' }] };
    const noAgreement = await f.call('POST', `/api/communities/${made.id}/convenings`, { title: 'M', startsAt: Date.UTC(2030, 0, 15), durationMinutes: 90, show: stranger });
    expect(noAgreement.error).toMatchObject({ code: 'not_found', field: 'show.items.0.agreementId' });
    const planned = await schedule(f, made.id, { rounds: [pairs('Pairs')], show });
    expect(ScheduledConvening.parse(planned).show).toEqual(show);
    // Taking the round away from under the plan is refused the same way.
    const orphan = await f.call('PATCH', `/api/communities/${made.id}/convenings/${planned.id}`, { rounds: [] });
    expect(orphan.error).toMatchObject({ code: 'bad_request', field: 'show.items.2.round' });

    const host = await startAsHost(f, made.id, planned.id);
    const live = await until(host.client, (c) => c.state!.show.items.length > 0 && c.state!.show);
    expect(live).toMatchObject({ items: show.items, autoAdvance: true, currentId: null });

    // Kept for the next convening, by facilitators only; the newest kept wins.
    expect((await f.call('GET', `/api/communities/${made.id}/show-template`)).json).toBeNull();
    const kept = await f.call('PUT', `/api/communities/${made.id}/show-template`, { items: show.items, autoAdvance: false });
    expect(kept.status).toBe(200);
    expect((await f.call('GET', `/api/communities/${made.id}/show-template`)).json).toMatchObject({ items: show.items, autoAdvance: false });
    expect((await f.call('PUT', `/api/communities/${made.id}/show-template`, { items: [{ id: 'x', kind: 'nope', title: 'X', minutes: 1 }], autoAdvance: false })).status).toBe(400);
    const code = await memberCode(f, made.id);
    const ana = await joinCommunity(server.url, made.id, code, { name: 'Ana' });
    expect((await asMember(server.url, 'GET', `/api/communities/${made.id}/show-template`, ana.token)).status).toBe(401);
    expect((await f.call('DELETE', `/api/communities/${made.id}/show-template`)).status).toBe(204);
    expect((await f.call('GET', `/api/communities/${made.id}/show-template`)).json).toBeNull();
    host.client.close();
  });

  it('deletes a schedule only before it starts', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const planned = await schedule(f, made.id);
    expect((await f.call('DELETE', `/api/communities/${made.id}/convenings/${planned.id}`)).status).toBe(204);
    expect((await f.call('GET', `/api/communities/${made.id}/convenings/${planned.id}/calendar.ics`)).status).toBe(404);
    // Once started it is refused, and it stays in the community's list.
    const started = await schedule(f, made.id, { title: 'Started' });
    const host = await startAsHost(f, made.id, started.id);
    const refused = await f.call('DELETE', `/api/communities/${made.id}/convenings/${started.id}`);
    expect(refused.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'conflict' });
    expect((await f.call('GET', `/api/communities/${made.id}/convenings/${started.id}/calendar.ics`)).status).toBe(200);
    host.client.close();
  });

  it('carries a profile change into the open convening the member is in', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f);
    const ana = await joinCommunity(server.url, made.id, await memberCode(f, made.id), { name: 'Ana', channel: 'money' });
    const month = await schedule(f, made.id);
    const host = await startAsHost(f, made.id, month.id);
    const member = await enterAsMember(server.url, made.id, month.id, ana.token);
    const channelSeen = () => host.client.state?.participants[ana.memberId]?.profile.channel;
    await until(host.client, () => channelSeen() === 'money');

    const patched = await asMember(server.url, 'PATCH', `/api/communities/${made.id}/me`, ana.token, { channel: 'story', team: 'Team 2' });
    expect(patched.status).toBe(200);
    // The host sees it live, so the next channel round places Ana by what she says now.
    await until(host.client, () => channelSeen() === 'story');
    expect(host.client.state?.participants[ana.memberId]?.profile.team).toBe('Team 2');
    host.client.close();
    member.client.close();
  });
});

describe('breakout history across a community’s convenings', () => {
  const pairsOf = (rooms: { kind: string; members: string[] }[]) =>
    rooms.filter((r) => r.kind === 'breakout').map((r) => [...r.members].sort().join('+')).sort();

  it('avoids pairs from month one in month two, and carries a kept caucus answer', async () => {
    const f = await facilitator(server.url);
    const made = await createCommunity(f, { caucusOptions: ['kin-a', 'kin-b'] });
    const code = await memberCode(f, made.id);
    const people: MemberCredential[] = [];
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) people.push(await joinCommunity(server.url, made.id, code, { name }));

    // Month one: a mix round of pairs, then a self-select round whose rooms open empty and
    // fill as people pick; closing the convening ends it, and who met there is history too.
    const one = await schedule(f, made.id, { title: 'Month one' });
    const host1 = await startAsHost(f, made.id, one.id);
    const clients1: LiveClient[] = [];
    for (const p of people) clients1.push((await enterAsMember(server.url, made.id, one.id, p.token)).client);
    await until(host1.client, (c) => Object.values(c.state!.participants).filter((p) => p.affirmedAt).length === 5);
    const met = new Set<string>();
    const preview = (await ok(host1.client, { type: 'round.preview', spec: pairs('One') })).preview!;
    for (const pair of pairsOf(preview.rooms)) met.add(pair);
    await ok(host1.client, { type: 'round.open', spec: pairs('One'), seed: preview.seed });
    await ok(host1.client, { type: 'round.close' });
    // Ana picks a room with someone she has not met; the other two take the other room.
    const ids = people.map((p) => p.memberId);
    const partner = ids.findIndex((id, i) => i > 0 && !met.has([ids[0]!, id].sort().join('+')));
    const rooms = [{ id: 'garden', name: 'Garden', cap: 2 }, { id: 'porch', name: 'Porch', cap: 2 }];
    await ok(host1.client, { type: 'round.open', spec: { name: 'Open space', strategy: { kind: 'selfSelect', rooms }, durationSeconds: 600 }, seed: 1 });
    for (const [i, c] of clients1.entries()) {
      await until(c, (x) => x.state!.activeRoundId);
      await ok(c, { type: 'room.join', roomId: i === 0 || i === partner ? 'garden' : 'porch' });
    }
    const filled = await until(host1.client, (c) => {
      const round = c.state!.activeRoundId ? c.state!.rounds[c.state!.activeRoundId] : undefined;
      return round && Object.values(round.rooms).every((r) => r.members.length === 2) ? Object.values(round.rooms) : undefined;
    });
    for (const pair of pairsOf(filled)) met.add(pair);
    expect(met.size).toBe(4);
    // Ana keeps her caucus answer for later convenings.
    await ok(clients1[0]!, { type: 'affinity.answer', answer: 'kin-a', keep: true });
    await ok(host1.client, { type: 'convening.close' });
    for (const c of [host1.client, ...clients1]) c.close();

    // Month two: with four people only one set of pairs is new, whatever the seed.
    const two = await schedule(f, made.id, { title: 'Month two' });
    const host2 = await startAsHost(f, made.id, two.id);
    const clients2: LiveClient[] = [];
    for (const p of people) clients2.push((await enterAsMember(server.url, made.id, two.id, p.token)).client);
    await until(host2.client, (c) => Object.values(c.state!.participants).filter((p) => p.affirmedAt).length === 5);
    for (const seed of [1, 2, 3, 4]) {
      const preview = (await ok(host2.client, { type: 'round.preview', spec: pairs('Mix'), seed })).preview!;
      expect(preview.repeatPairs).toBe(0);
      for (const pair of pairsOf(preview.rooms)) expect(met.has(pair)).toBe(false);
      // Everyone is placed, two by two, so the loop above really checked two pairs.
      expect(pairsOf(preview.rooms)).toHaveLength(2);
      expect(preview.rooms.flatMap((r) => r.members).sort()).toEqual([...ids].sort());
    }
    const mine = await until(clients2[0]!, (c) => c.state!.affinity[people[0]!.memberId]);
    expect(mine).toEqual({ answer: 'kin-a', keep: true });
    // Nobody else learns it: Bo's view holds only his own entry (none).
    expect(clients2[1]!.state!.affinity).toEqual({});
    const me = await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, people[0]!.token);
    expect(me.json).toMatchObject({ keptCaucusAnswer: 'kin-a', metWith: 2 });

    // Asking not to keep it any more clears it from the community.
    await ok(clients2[0]!, { type: 'affinity.answer', answer: 'kin-a', keep: false });
    await expect.poll(async () => ((await asMember(server.url, 'GET', `/api/communities/${made.id}/me`, people[0]!.token)).json as { keptCaucusAnswer: unknown }).keptCaucusAnswer).toBeNull();
    for (const c of [host2.client, ...clients2]) c.close();
  });

  it('leaves a quick convening alone (no community history, no errors)', async () => {
    const res = await fetch(new URL('/api/convenings', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Quick' }) });
    expect(res.status).toBe(201);
  });
});
