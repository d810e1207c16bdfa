import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ApiRequestError } from '@brave/client';
import { CreateConveningResult, JoinInfo, JoinResult, LIMITS, PROTOCOL_VERSION } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { apiError, newAddress, postJson } from '../support/people.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(new URL(path, server.url), { headers });
  return { status: res.status, headers: res.headers, body: await res.json().catch<unknown>(() => null) };
};

async function create(body: object = { title: 'Money channel, March' }) {
  const res = await postJson(server.url, '/api/convenings', body);
  expect(res.status).toBe(201);
  return CreateConveningResult.parse(res.body);
}

describe('HTTP API', () => {
  it('GET /healthz answers 200 with the protocol version and the store in use', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, protocolVersion: PROTOCOL_VERSION, store: 'sqlite' });
  });

  it('POST /api/convenings answers 201 with every field, and the links lead to this convening', async () => {
    const made = await create({ title: 'Narrative channel', agreementSetId: 'solidarity', signalVisibility: { allowed: ['anonymous'] } });
    expect(made.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(made.hostUrl).toBe(`${server.url}/host/${made.id}#token=${made.facilitatorToken}`);
    expect(made.joinUrl).toBe(`${server.url}/j/${made.joinCode}`);
    expect(made.cohostCode.length).toBeGreaterThanOrEqual(12);
    const res = await get(`/api/convenings/${made.id}`, { authorization: `Bearer ${made.facilitatorToken}` });
    expect(res.status).toBe(200);
    const { view } = res.body as { view: { title: string; agreementSetId: string; agreements: unknown[]; signalPolicy: unknown } };
    expect(view).toMatchObject({ title: 'Narrative channel', agreementSetId: 'solidarity', signalPolicy: { allowed: ['anonymous'], default: 'anonymous' } });
    expect(view.agreements).toHaveLength(5);
  });

  it('the client SDK speaks the same API (create, look up a code, join)', async () => {
    const made = await api.createConvening(server.url, { title: 'Policy channel', agreements: [{ text: 'Center the people most affected.' }] });
    const info = await api.joinInfo(server.url, made.joinCode);
    expect(JoinInfo.parse(info)).toEqual({ conveningId: made.id, title: 'Policy channel', status: 'open' });
    const joined = await api.join(server.url, { joinCode: made.joinCode, name: 'Ana', pronouns: 'she/her' });
    expect(joined).toMatchObject({ conveningId: made.id, role: 'participant' });
    const sets = await api.agreementSets(server.url);
    expect(sets.map((s) => s.id)).toEqual(expect.arrayContaining(['touchstones', 'race-dialogue', 'solidarity', 'network']));
  });

  it('POST /api/join answers 201; a code typed in lower case with a dash still works', async () => {
    const made = await create();
    const typed = `${made.joinCode.slice(0, 3).toLowerCase()}-${made.joinCode.slice(3).toLowerCase()}`;
    const res = await postJson(server.url, '/api/join', { joinCode: typed, name: 'Bo', pronouns: 'they/them' });
    expect(res.status).toBe(201);
    const joined = JoinResult.parse(res.body);
    expect(joined).toMatchObject({ conveningId: made.id, role: 'participant' });
    expect(joined.participantId).toMatch(/^p_/);
  });

  it('a co-facilitator joins with the cohost code; a wrong one is refused and names the field', async () => {
    const made = await create();
    const good = await postJson(server.url, '/api/join', { joinCode: made.joinCode, name: 'Cy', cohostCode: made.cohostCode });
    expect(good.status).toBe(201);
    expect(JoinResult.parse(good.body).role).toBe('cofacilitator');
    const bad = await postJson(server.url, '/api/join', { joinCode: made.joinCode, name: 'Eve', cohostCode: 'guess' });
    expect(bad.status).toBe(403);
    expect(apiError(bad.body)).toMatchObject({ code: 'forbidden', field: 'cohostCode' });
  });

  it('an unknown join code answers 404 with a message a person can act on', async () => {
    for (const res of [await postJson(server.url, '/api/join', { joinCode: 'ZZZZ99', name: 'Ana' }), await get('/api/join/ZZZZ99')]) {
      expect(res.status).toBe(404);
      const error = apiError(res.body);
      expect(error).toMatchObject({ code: 'not_found', field: 'joinCode' });
      expect(error.message).toMatch(/could not find a convening/i);
    }
    await expect(api.joinInfo(server.url, 'ZZZZ99')).rejects.toBeInstanceOf(ApiRequestError);
  });

  it('an invalid body answers 400 naming the field', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/convenings', {}, 'title'],
      ['/api/convenings', { title: '   ' }, 'title'],
      ['/api/convenings', { title: 42 }, 'title'],
      ['/api/convenings', { title: 'x'.repeat(LIMITS.titleMax + 1) }, 'title'],
      ['/api/convenings', { title: 'ok', signalVisibility: { allowed: ['shouted'] } }, 'signalVisibility.allowed.0'],
      ['/api/convenings', { title: 'ok', agreements: [] }, 'agreements'],
      ['/api/join', { joinCode: 'ABC234' }, 'name'],
      ['/api/join', { joinCode: '!!', name: 'Ana' }, 'joinCode'],
      ['/api/join', { joinCode: 'ABC234', name: 'Ana\u0007' }, 'name'],
    ];
    for (const [path, body, field] of cases) {
      const res = await postJson(server.url, path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = apiError(res.body);
      expect(error.code).toBe('bad_request');
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message).toContain(field);
    }
  });

  it('unknown fields, broken JSON and unknown routes get typed answers too', async () => {
    const extra = await postJson(server.url, '/api/convenings', { title: 'ok', admin: true });
    expect(extra.status).toBe(400);
    expect(apiError(extra.body).code).toBe('bad_request');
    const broken = await postJson(server.url, '/api/join', '{"joinCode": ');
    expect(broken.status).toBe(400);
    expect(apiError(broken.body).message).toMatch(/not valid JSON/);
    const route = await get('/api/nothing-here');
    expect(route.status).toBe(404);
    expect(apiError(route.body).code).toBe('not_found');
  });

  it('an oversize body answers 413', async () => {
    const res = await postJson(server.url, '/api/convenings', { title: 'ok', hostName: 'x'.repeat(LIMITS.httpBodyBytes + 10) });
    expect(res.status).toBe(413);
    expect(apiError(res.body).code).toBe('too_large');
  });

  it('one address creating and joining too fast is told to wait, with Retry-After (never silently dropped)', async () => {
    // A small allowance, so the limit shows quickly (the default is sized for a whole venue).
    await using limited = await startTestServer({ JOIN_RATE_BURST: '6', JOIN_RATE_PER_SECOND: '0.1' });
    const made = await api.createConvening(limited.url, { title: 'Busy venue' });
    const address = newAddress();
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await postJson(limited.url, '/api/join', { joinCode: made.joinCode, name: `P${i}` }, address));
    expect(answers.filter((a) => a.status === 201).length).toBe(6);
    const refused = answers.find((a) => a.status === 429)!;
    expect(apiError(refused.body)).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await postJson(limited.url, '/api/join', { joinCode: made.joinCode, name: 'Other' }, newAddress())).status).toBe(201);
  });
});
