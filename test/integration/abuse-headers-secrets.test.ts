import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { LiveClient } from '@brave/client';
import { CreateConveningResult, JoinResult, PROTOCOL_VERSION } from '@brave/protocol';
import { TEST_SECRET, spawnServer, startTestServer, tempDir, type ServerProcess } from '../support/server.ts';
import { postJson } from '../support/people.ts';
import { minter } from './collab-helpers.ts';
import { quietPort } from '../soak/lib/proc.ts';
import type { TestServer } from './abuse-helpers.ts';

/**
 * What every response carries (security headers, a strict CSP on the web app, never
 * x-powered-by), and what the server never writes to its logs: the secret, any issued
 * credential, any co-host code, even at LOG=debug while things fail.
 */
describe('security headers', () => {
  let server: TestServer;
  let unbuilt: TestServer;
  const empty = tempDir('brave-noweb-');
  beforeAll(async () => {
    server = await startTestServer();
    unbuilt = await startTestServer({ WEB_DIST: empty.path });
  });
  afterAll(async () => {
    await server.close();
    await unbuilt.close();
    empty.remove();
  });

  const built = existsSync(new URL('../../apps/web/dist/index.html', import.meta.url));
  const expectHardened = (res: Response, what: string) => {
    expect(res.headers.get('x-powered-by'), what).toBeNull();
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(res.headers.get('x-frame-options'), what).toMatch(/^(DENY|SAMEORIGIN)$/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives, what).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
    expect(directives['script-src'], what).not.toContain("'unsafe-inline'");
    expect(directives['script-src'], what).not.toContain("'unsafe-eval'");
  };

  it(`the web app (${built ? 'built' : 'not built'}) and its deep links are served with a strict CSP and hardened headers`, async () => {
    for (const path of ['/', '/j/ABC234', '/host/c_123', '/anything/else']) {
      const res = await fetch(new URL(path, server.url));
      expect(res.status, path).toBe(built ? 200 : 503);
      if (built) expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expectHardened(res, path);
      await res.arrayBuffer();
    }
  });

  it('the "not built yet" answer (503) carries the same headers', async () => {
    const res = await fetch(new URL('/', unbuilt.url));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expectHardened(res, '503');
    expect(await res.text()).toMatch(/not built yet/);
  });

  it('API answers, errors and public pages carry them too', async () => {
    for (const [path, status] of [['/healthz', 200], ['/api/agreement-sets', 200], ['/api/nowhere', 404], ['/api/convenings/c_x', 401], ['/p/no-such-page', 404]] as const) {
      const res = await fetch(new URL(path, server.url));
      expect(res.status, path).toBe(status);
      expectHardened(res, path);
      await res.arrayBuffer();
    }
  });
});

describe('secrets never logged', () => {
  const dir = tempDir();
  let proc: ServerProcess;
  let output = '';
  beforeAll(async () => {
    proc = await spawnServer({ DATA_DIR: dir.path, PORT: String(await quietPort()), LOG: 'debug', STORE_BUSY_TIMEOUT_MS: '50' });
    proc.child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    proc.child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  });
  afterAll(async () => {
    await proc.stop();
    dir.remove();
  });

  it('at LOG=debug, while credentials fail and writes are refused, no secret, credential or co-host code appears in the output', async () => {
    const url = proc.url;
    const made = CreateConveningResult.parse((await postJson(url, '/api/convenings', { title: 'Logged?' })).body);
    const joined = JoinResult.parse((await postJson(url, '/api/join', { joinCode: made.joinCode, name: 'Ana' })).body);
    const cohost = JoinResult.parse((await postJson(url, '/api/join', { joinCode: made.joinCode, name: 'Co', cohostCode: made.cohostCode })).body);
    const expired = minter(1_000, () => Date.now() - 60_000).issue({ conveningId: made.id, participantId: joined.participantId, role: 'participant' });
    const forged = `${joined.token.slice(0, -4)}AAAA`;
    const secrets = [TEST_SECRET, made.facilitatorToken, joined.token, cohost.token, made.cohostCode, expired, forged];

    // Failing credentials everywhere they are accepted.
    for (const t of [expired, forged, made.facilitatorToken.replace('v1.', 'v2.')]) {
      await fetch(`${url}/api/convenings/${made.id}`, { headers: { authorization: `Bearer ${t}` } });
      await fetch(`${url}/api/convenings/${made.id}/docs`, { headers: { authorization: `Bearer ${t}` } });
      const s = io(url, { transports: ['websocket'], reconnection: false, auth: { token: t, protocolVersion: PROTOCOL_VERSION } });
      await new Promise((r) => s.once('connect_error', r));
      s.close();
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/notes:${made.id}:plenary?token=${encodeURIComponent(t)}`);
      await new Promise((r) => (ws.once('unexpected-response', r), ws.once('error', r)));
      ws.terminate();
    }
    // Bodies that fail while carrying secrets.
    await postJson(url, '/api/join', `{"joinCode":"${made.joinCode}","name":"${joined.token}"`);
    await postJson(url, '/api/join', { joinCode: made.joinCode, name: 'Eve', cohostCode: `${made.cohostCode}x` });
    await postJson(url, '/api/convenings', { title: made.facilitatorToken, hostName: TEST_SECRET });

    // A write the database refuses (locked by someone else) is logged, by name only.
    const client = new LiveClient({ url, token: cohost.token });
    await client.connect();
    const db = new Database(join(dir.path, 'brave-space.db'));
    db.exec('BEGIN IMMEDIATE');
    const refused = await client.send({ type: 'agreements.set', agreements: [{ text: `secret in a body: ${cohost.token}` }] });
    db.exec('ROLLBACK');
    db.close();
    client.close();
    expect(refused).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });

    await fetch(`${url}/healthz`);
    expect(output).toMatch(/write refused/); // the failures were logged...
    for (const s of secrets) expect(output.includes(s), `output contains ${s.slice(0, 12)}…`).toBe(false); // ...without what matters
    expect(output).not.toMatch(/v1\.[A-Za-z0-9_-]{20,}\./);
  });
});
