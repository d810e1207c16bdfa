import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LiveClient } from '@brave/client';
import { ApiError, HTTP_STATUS, LIMITS, type ConveningView } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';
import { joinAs, newAddress, ok, openConvening, record, until } from '../support/people.ts';
import { healthy, type TestServer } from './abuse-helpers.ts';

/**
 * Property-based garbage on every HTTP body: wrong types, huge strings, deep nesting,
 * invalid JSON, wrong or lying content types, prototype tricks. Each answer is either a
 * success or a typed ApiError whose code matches its status (never 500); the server stays
 * up, and a participant of another convening, connected throughout, notices nothing.
 */
let server: TestServer;
let target: { id: string; joinCode: string; token: string; version: string };
let bystander: LiveClient;
let before: ConveningView;
const noticed = { faults: [] as unknown[], statuses: [] as string[], events: [] as unknown[] };

beforeAll(async () => {
  server = await startTestServer();
  // The convening the garbage is aimed at (its documents too)...
  const aimed = await openConvening(server.url, { title: 'Aimed at' });
  aimed.host.close();
  const doc = `notes:${aimed.made.id}:plenary`;
  const res = await fetch(`${server.url}/api/convenings/${aimed.made.id}/docs/${doc}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${aimed.made.facilitatorToken}` },
    body: JSON.stringify({ label: 'Start' }),
  });
  target = { id: aimed.made.id, joinCode: aimed.made.joinCode, token: aimed.made.facilitatorToken, version: ((await res.json()) as { version: { id: string } }).version.id };
  // ...and someone in another one, who must notice nothing.
  const other = await openConvening(server.url, { title: 'Minding our business' });
  bystander = (await joinAs(server.url, other.made.joinCode, 'Ana')).client;
  other.host.close();
  await until(bystander, (c) => c.state!.participants[c.self!.participantId]?.affirmedAt != null);
  before = structuredClone(bystander.state!);
  bystander.on('fault', (f) => noticed.faults.push(f));
  bystander.on('status', (s) => noticed.statuses.push(s));
  noticed.events = record(bystander);
});
afterAll(async () => {
  bystander.close();
  await server.close();
});

const doc = () => `/api/convenings/${target.id}/docs/${encodeURIComponent(`notes:${target.id}:plenary`)}`;
const ROUTES: (() => string)[] = [
  () => '/api/convenings',
  () => '/api/join',
  () => `${doc()}/versions`,
  () => `${doc()}/versions/${target.version}/restore`,
  () => `${doc()}/versions/${target.version}/publish`,
  () => `${doc()}/share`,
];

const nest = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ maxLength: 40, unit: 'binary' }),
);
const shaped = fc
  .dictionary(fc.constantFrom('title', 'agreementSetId', 'agreements', 'signalVisibility', 'hostName', 'joinCode', 'name', 'pronouns', 'cohostCode', 'label', 'to', 'passages'), junkValue, { maxKeys: 5 })
  .map((o) => JSON.stringify(o));
/** A body as bytes on the wire, with the content type it claims. */
const body = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(shaped, fc.constant('application/json')) },
  fc.tuple(fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)), fc.constant('application/json')),
  fc.tuple(fc.string({ maxLength: 300 }), fc.constant('application/json')),
  fc.tuple(fc.integer({ min: 100, max: 5_000 }).map(nest), fc.constant('application/json')),
  fc.tuple(fc.integer({ min: 100, max: 5_000 }).map((d) => `{"title":${nest(d)}}`), fc.constant('application/json')),
  fc.tuple(shaped, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=utf-16', 'application/json; charset=klingon')),
  fc.tuple(fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"title":"Proto"}'), fc.constant('application/json')),
  fc.tuple(fc.integer({ min: LIMITS.httpBodyBytes + 1, max: LIMITS.httpBodyBytes * 3 }).map((n) => JSON.stringify({ title: 'x'.repeat(n) })), fc.constant('application/json')),
);

describe('fuzzing HTTP bodies', () => {
  it('answers every body on every route with success or a typed error that matches its status', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(ROUTES.length - 1), body, fc.boolean(), async (route, [text, type], withToken) => {
        const headers: Record<string, string> = { 'x-forwarded-for': newAddress() };
        if (type) headers['content-type'] = type;
        if (withToken) headers.authorization = `Bearer ${target.token}`;
        const res = await fetch(new URL(ROUTES[route]!(), server.url), { method: 'POST', headers, body: text });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const json: unknown = await res.json().catch(() => 'not json');
        if (res.status < 300) return;
        const error = ApiError.parse((json as { error?: unknown }).error);
        expect(res.status, error.message).toBe(HTTP_STATUS[error.code]);
        expect(error.code).not.toBe('internal');
        // Only JSON bodies are read at all; a big one is refused for its size before anything else.
        if (text.length > LIMITS.httpBodyBytes + 100 && type === 'application/json') expect(error.code).toBe('too_large');
      }),
      { numRuns: 200, seed: 1312, endOnFailure: true },
    );
    // The garbage was mostly turned away by the schemas, not by something blunter.
    expect(statuses.get(400)).toBeGreaterThan(60);
    expect(statuses.get(500)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await healthy(server.url)).toBe(true);
  });

  it('the participant of the other convening noticed nothing', () => {
    expect(noticed).toEqual({ faults: [], statuses: [], events: [] });
    expect(bystander.state).toEqual(before);
    expect(bystander.status).toBe('live');
  });
});

describe('HTTP body size', () => {
  it('every route answers a body over the limit with 413 too_large, and stays up', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(LIMITS.httpBodyBytes) });
    for (const route of ROUTES) {
      const res = await fetch(new URL(route(), server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress(), authorization: `Bearer ${target.token}` },
        body: big,
      });
      expect(res.status, route()).toBe(413);
      expect(ApiError.parse(((await res.json()) as { error: unknown }).error).code).toBe('too_large');
    }
    const host = await openConvening(server.url);
    await ok(host.host, { type: 'spotlight.set', agreementId: host.host.state!.agreements[0]!.id });
    host.host.close();
  });
});
