import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConveningReport } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { closeAll, joinAs, ok, openConvening, until } from '../support/people.ts';

/**
 * The convening report a facilitator downloads for their working group (GET
 * /api/convenings/:id/report/:format): the run of show, pulse counts and hands per room,
 * naming nobody. Who may fetch it at all is in abuse-access-http.test.ts; what a caucus
 * keeps from it, in abuse-access-rooms.test.ts.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('convening report', () => {
  it('carries the show, the checks and the hands, and no sender, no words, no name', async () => {
    const { made, host } = await openConvening(server.url, { title: 'Narrative circle' });
    const people = await Promise.all(['Ana', 'Bo', 'Cy'].map((n) => joinAs(server.url, made.joinCode, n)));
    const [ana, bo, cy] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
    try {
      await ok(host, { type: 'show.plan', autoAdvance: false, items: [{ id: 'hello', kind: 'welcome', title: 'Arrive', minutes: 5 }, { id: 'word', kind: 'pulse', title: 'One word', minutes: 3, pulse: { question: 'One word for now?', kind: 'word', results: 'everyone' } }] });
      await ok(host, { type: 'show.advance', fromItemId: null });
      await ok(host, { type: 'show.advance', fromItemId: 'hello' });
      await until(cy.client, (c) => c.state!.pulses.show_word);
      for (const [p, word] of [[ana, 'Rooted'], [bo, 'rooted'], [cy, 'Tender']] as const) await ok(p.client, { type: 'pulse.answer', pulseId: 'show_word', answer: word });
      await ok(host, { type: 'show.advance', fromItemId: 'word' });
      await ok(ana.client, { type: 'hand.raise' });
      await ok(host, { type: 'floor.call', scope: 'plenary' });
      // Named, with words for the facilitators only; and one anonymous to everyone.
      await ok(bo.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'Only for the facilitators.' });
      await ok(cy.client, { type: 'signal.raise', kind: 'whoops', visibility: 'anonymous', explanation: 'I want to take that back.' });

      const json = await get(`/api/convenings/${made.id}/report/json`, made.facilitatorToken);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="report-.+\.json"$/);
      const report = ConveningReport.parse(await json.json());
      expect(report.show.map((i) => [i.title, i.plannedStartMs, i.actualStartMs !== null])).toEqual([['Arrive', 0, true], ['One word', 300_000, true]]);
      expect(report.pulses).toEqual([{ question: 'One word for now?', kind: 'word', anonymous: true, total: 3, counts: [{ answer: 'rooted', count: 2 }, { answer: 'tender', count: 1 }] }]);
      expect(report.hands).toEqual([{ room: null, round: null, raises: 1, turns: 1 }]);
      expect(report.signals).toEqual({ ouch: 1, whoops: 1, followedUp: 0 });

      const md = await get(`/api/convenings/${made.id}/report/md`, made.facilitatorToken);
      expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
      const text = await md.text();
      expect(text).toContain('# Narrative circle');
      expect(text).toContain('- rooted: 2');
      expect(text).toContain('| Main room | 1 | 1 |');
      const secrets = [...people.map((p) => p.joined.participantId), 'Ana', 'Bo', 'Cy', 'Only for the facilitators.', 'take that back'];
      for (const body of [JSON.stringify(report), text]) expect(body).not.toMatch(new RegExp(secrets.join('|')));
    } finally {
      closeAll(host, ana, bo, cy);
    }
  });

  it('refuses a participant and a format it does not know, with typed errors', async () => {
    const { made, host } = await openConvening(server.url);
    const ana = await joinAs(server.url, made.joinCode, 'Ana');
    try {
      const asAna = await get(`/api/convenings/${made.id}/report/md`, ana.joined.token);
      expect(asAna.status).toBe(403);
      expect(await asAna.json()).toMatchObject({ error: { code: 'forbidden', message: 'The report is for facilitators.' } });
      const odd = await get(`/api/convenings/${made.id}/report/pdf`, made.facilitatorToken);
      expect(odd.status).toBe(400);
      expect(await odd.json()).toMatchObject({ error: { code: 'bad_request', field: 'format' } });
    } finally {
      closeAll(host, ana);
    }
  });
});
