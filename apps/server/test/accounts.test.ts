import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { Email, SignUpBody } from '@brave/protocol';
import { createAccountAuth } from '../src/accounts/auth.ts';
import { clearedSessionCookie, readCookie, sessionCookie } from '../src/accounts/cookies.ts';
import { FailureWindow } from '../src/accounts/limits.ts';
import { checkPassword, hashPassword } from '../src/accounts/passwords.ts';
import { randomToken, safeEqual, sha256 } from '../src/accounts/secrets.ts';
import { KyselyAccountStore } from '../src/accounts/store.ts';
import { HttpError } from '../src/http/respond.ts';
import { SqliteStore } from '../src/store/sqlite.ts';

describe('account input', () => {
  it('normalises emails and keeps passwords exactly as typed', () => {
    expect(Email.parse('  Ana@Example.ORG ')).toBe('ana@example.org');
    expect(Email.safeParse('ana@').success).toBe(false);
    const body = SignUpBody.parse({ email: 'a@b.org', password: '  ten chars  ', name: ' Ana ' });
    expect(body.password).toBe('  ten chars  ');
    expect(body.name).toBe('Ana');
    expect(SignUpBody.safeParse({ email: 'a@b.org', password: 'x'.repeat(9), name: 'A' }).success).toBe(false);
    expect(SignUpBody.safeParse({ email: 'a@b.org', password: 'x'.repeat(201), name: 'A' }).success).toBe(false);
  });
});

describe('cookies', () => {
  it('reads only well-formed values of the named cookie', () => {
    expect(readCookie('a=1; bs_session=abc_-9; b=2', 'bs_session')).toBe('abc_-9');
    expect(readCookie('xbs_session=abc', 'bs_session')).toBeUndefined();
    expect(readCookie('bs_session=a;b', 'bs_session')).toBe('a');
    expect(readCookie('bs_session=<script>', 'bs_session')).toBeUndefined();
    expect(readCookie(undefined, 'bs_session')).toBeUndefined();
  });

  it('writes the session cookie http-only, same-site lax, site-wide, secure on request', () => {
    expect(sessionCookie('t', { maxAgeSeconds: 60, secure: false })).toBe('bs_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
    expect(sessionCookie('t', { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(/^bs_session=; .*Max-Age=0/);
  });
});

describe('secrets', () => {
  it('makes 32-byte url-safe tokens and compares them exactly', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sha256(t)).not.toBe(t);
    expect(safeEqual(t, t)).toBe(true);
    expect(safeEqual(t, `${t}x`)).toBe(false);
    expect(safeEqual('', t)).toBe(false);
  });

  it('hashes passwords with argon2id', async () => {
    const h = await hashPassword('a long passphrase');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await checkPassword(h, 'a long passphrase')).toBe(true);
    expect(await checkPassword(h, 'a long passphrasE')).toBe(false);
    expect(await checkPassword('not a hash', 'x')).toBe(false);
  });
});

describe('FailureWindow', () => {
  it('blocks after max failures until the oldest leaves the window', () => {
    let now = 1_000;
    const w = new FailureWindow(3, 100, () => now);
    w.fail('k');
    now += 10;
    w.fail('k');
    w.fail('k');
    expect(w.blocked('other')).toBe(0);
    expect(w.blocked('k')).toBe(90);
    now += 90;
    expect(w.blocked('k')).toBe(0);
    w.fail('k');
    expect(w.blocked('k')).toBeGreaterThan(0);
    w.clear('k');
    expect(w.blocked('k')).toBe(0);
  });
});

describe('AccountAuth', () => {
  const setup = async () => {
    const { database } = await SqliteStore.open(':memory:');
    const store = new KyselyAccountStore(database);
    let now = 1_000_000;
    const auth = createAccountAuth({ store, originAllowed: (req) => !req.headers.origin || req.headers.origin === 'http://here', now: () => now });
    const token = randomToken();
    const csrf = randomToken();
    await store.createWithSession({ id: 'a_1', email: 'a@b.org', name: 'A', passwordHash: 'x', createdAt: now }, { idHash: sha256(token), csrf, createdAt: now, expiresAt: now + 1000 });
    const req = (method: string, headers: Record<string, string>) =>
      ({ method, headers: { ...headers }, get: (h: string) => headers[h.toLowerCase()] }) as unknown as Request;
    return { auth, token, csrf, req, later: () => (now += 1000) };
  };
  const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof HttpError ? `${e.body.code}:${e.body.field ?? ''}` : 'other'));

  it('knows the account of a cookie and refuses unsafe calls without the csrf token', async () => {
    const { auth, token, csrf, req } = await setup();
    const cookie = `bs_session=${token}`;
    expect(await auth.current(req('GET', { cookie }))).toMatchObject({ id: 'a_1', email: 'a@b.org', isAdmin: true });
    expect(await auth.fromCookieHeader(cookie)).toMatchObject({ id: 'a_1' });
    expect(await auth.fromCookieHeader('bs_session=nope')).toBeNull();
    expect(await auth.current(req('GET', {}))).toBeNull();
    expect(await code(auth.require(req('GET', { cookie })))).toBe('ok');
    expect(await code(auth.require(req('POST', {})))).toBe('unauthorized:');
    expect(await code(auth.require(req('POST', { cookie })))).toBe('forbidden:csrf');
    expect(await code(auth.require(req('DELETE', { cookie, 'x-csrf-token': 'wrong' })))).toBe('forbidden:csrf');
    expect(await code(auth.require(req('POST', { cookie, 'x-csrf-token': csrf, origin: 'http://evil' })))).toBe('forbidden:origin');
    expect(await code(auth.require(req('POST', { cookie, 'x-csrf-token': csrf, origin: 'http://here' })))).toBe('ok');
  });

  it('forgets an expired session', async () => {
    const { auth, token, later } = await setup();
    later();
    expect(await auth.fromCookieHeader(`bs_session=${token}`)).toBeNull();
  });
});
