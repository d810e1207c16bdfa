import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsList, ResetLinkResult, SessionResult, SignedInResult, type ApiError } from '@brave/protocol';
import { startTestServer } from '../support/server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** One browser: keeps the cookies the server sets and the csrf token it hands out. */
class Browser {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;
  last: string[] = [];

  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.last = res.headers.getSetCookie();
    for (const line of this.last) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const json: unknown = res.status === 204 ? null : await res.json();
    return { status: res.status, json, error: (json as { error?: ApiError } | null)?.error };
  }

  async signUp(email: string, password: string, name = 'Facilitator') {
    const r = await this.call('POST', '/api/account/signup', { email, password, name });
    if (r.status === 201) this.csrf = SignedInResult.parse(r.json).csrfToken;
    return r;
  }

  async signIn(email: string, password: string) {
    const r = await this.call('POST', '/api/account/signin', { email, password });
    if (r.status === 200) this.csrf = SignedInResult.parse(r.json).csrfToken;
    return r;
  }

  async me() {
    const r = await this.call('GET', '/api/account/session');
    return SessionResult.parse(r.json).account;
  }
}

const PW = 'a long enough passphrase';
let server: TestServer;
const browser = () => new Browser(server.url);
const db = () => new Database(join(server.dataDir, 'brave-space.db'));

beforeAll(async () => {
  server = await startTestServer({ ACCOUNT_RATE_BURST: '1000' });
});
afterAll(async () => {
  await server.close();
});

describe('facilitator accounts', () => {
  let ada: Browser;

  it('makes the first account the instance admin and no later one', async () => {
    ada = browser();
    const first = await ada.signUp('  Ada@Example.org ', PW, 'Ada');
    expect(first.status).toBe(201);
    expect(SignedInResult.parse(first.json).account).toMatchObject({ email: 'ada@example.org', name: 'Ada', isAdmin: true });

    const bo = browser();
    const second = await bo.signUp('bo@example.org', PW, 'Bo');
    expect(second.status).toBe(201);
    expect(SignedInResult.parse(second.json).account.isAdmin).toBe(false);
    expect((await ada.me())?.isAdmin).toBe(true);
  });

  it('sets a session cookie scripts cannot read and cross-site posts do not carry', async () => {
    const b = browser();
    await b.signIn('ada@example.org', PW);
    const line = b.last.find((l) => l.startsWith('bs_session='))!;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; Max-Age=2592000/);
    expect(line).not.toMatch(/Secure/);
    expect(b.cookies.get('bs_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a taken email, a short password and a malformed email', async () => {
    expect((await browser().signUp('ADA@example.org', PW)).error).toMatchObject({ code: 'conflict', field: 'email' });
    expect((await browser().signUp('cy@example.org', 'short')).error).toMatchObject({ code: 'bad_request', field: 'password' });
    expect((await browser().signUp('not an email', PW)).error).toMatchObject({ code: 'bad_request', field: 'email' });
  });

  it('refuses a wrong password and an unknown email with the same words', async () => {
    const wrong = await browser().signIn('ada@example.org', 'not the password at all');
    const unknown = await browser().signIn('nobody@example.org', PW);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error).toEqual(unknown.error);
    expect(wrong.error?.field).toBeUndefined();
  });

  it('answers who is signed in, and nobody without a cookie', async () => {
    expect(await ada.me()).toMatchObject({ email: 'ada@example.org', isAdmin: true });
    const anon = await browser().call('GET', '/api/account/session');
    expect(anon.json).toEqual({ account: null, csrfToken: null });
    const session = SessionResult.parse((await ada.call('GET', '/api/account/session')).json);
    expect(session.csrfToken).toBe(ada.csrf);
  });

  it('refuses state changes without the csrf token, with a wrong one, or from another site', async () => {
    const b = browser();
    await b.signIn('ada@example.org', PW);
    const token = b.csrf!;
    b.csrf = null;
    expect((await b.call('POST', '/api/account/signout')).error).toMatchObject({ code: 'forbidden', field: 'csrf' });
    b.csrf = `${token.slice(0, -2)}xx`;
    expect((await b.call('POST', '/api/account/signout')).error).toMatchObject({ code: 'forbidden', field: 'csrf' });
    b.csrf = token;
    const foreign = await b.call('POST', '/api/account/signout', undefined, { origin: 'https://elsewhere.example' });
    expect(foreign.error).toMatchObject({ code: 'forbidden', field: 'origin' });
    expect(await b.me()).not.toBeNull();

    const own = await b.call('POST', '/api/account/signout', undefined, { origin: new URL(server.url).origin });
    expect(own.status).toBe(204);
    expect(b.cookies.has('bs_session')).toBe(false);
    expect(await b.me()).toBeNull();
  });

  it('refuses sign-in posted by another site', async () => {
    const r = await browser().call('POST', '/api/account/signin', { email: 'ada@example.org', password: PW }, { origin: 'https://elsewhere.example' });
    expect(r.error).toMatchObject({ code: 'forbidden', field: 'origin' });
  });

  it('changes the password: other sessions end, this one stays, the old password stops working', async () => {
    const laptop = browser();
    const phone = browser();
    await laptop.signUp('cy@example.org', PW, 'Cy');
    await phone.signIn('cy@example.org', PW);

    const wrong = await laptop.call('POST', '/api/account/password', { current: 'not my password', next: 'a brand new passphrase' });
    expect(wrong.error).toMatchObject({ code: 'unauthorized', field: 'current' });

    const changed = await laptop.call('POST', '/api/account/password', { current: PW, next: 'a brand new passphrase' });
    expect(changed.status).toBe(204);
    expect(await laptop.me()).toMatchObject({ email: 'cy@example.org' });
    expect(await phone.me()).toBeNull();
    expect((await browser().signIn('cy@example.org', PW)).status).toBe(401);
    expect((await browser().signIn('cy@example.org', 'a brand new passphrase')).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const [a, b, c] = [browser(), browser(), browser()];
    await a.signUp('dee@example.org', PW, 'Dee');
    await b.signIn('dee@example.org', PW);
    await c.signIn('dee@example.org', PW);
    expect((await b.call('POST', '/api/account/signout-everywhere')).status).toBe(204);
    expect([await a.me(), await b.me(), await c.me()]).toEqual([null, null, null]);
    expect((await a.call('POST', '/api/account/signout')).status).toBe(401);
  });

  it('refuses and removes an expired session', async () => {
    const b = browser();
    await b.signIn('ada@example.org', PW);
    const conn = db();
    try {
      conn.prepare('UPDATE account_sessions SET expires_at = ? WHERE id_hash = (SELECT id_hash FROM account_sessions ORDER BY created_at DESC LIMIT 1)').run(Date.now() - 1);
      expect(await b.me()).toBeNull();
      expect(conn.prepare('SELECT COUNT(*) FROM account_sessions WHERE expires_at < ?').pluck().get(Date.now())).toBe(0);
    } finally {
      conn.close();
    }
  });
});

describe('reset links', () => {
  const admin = () => {
    const b = browser();
    return b.signIn('ada@example.org', PW).then(() => b);
  };
  const accountId = async (a: Browser, email: string) =>
    AccountsList.parse((await a.call('GET', '/api/admin/accounts')).json).accounts.find((x) => x.email === email)!.id;
  const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

  it('are made by the admin only', async () => {
    const bo = browser();
    await bo.signIn('bo@example.org', PW);
    expect((await bo.call('GET', '/api/admin/accounts')).error?.code).toBe('forbidden');
    expect((await browser().call('GET', '/api/admin/accounts')).error?.code).toBe('unauthorized');
    const a = await admin();
    const boId = await accountId(a, 'bo@example.org');
    expect((await bo.call('POST', `/api/admin/accounts/${boId}/reset-link`)).error?.code).toBe('forbidden');
    const noCsrf = await a.call('POST', `/api/admin/accounts/${boId}/reset-link`, undefined, { 'x-csrf-token': '' });
    expect(noCsrf.error).toMatchObject({ code: 'forbidden', field: 'csrf' });
    expect((await a.call('POST', '/api/admin/accounts/a_nobody/reset-link')).error?.code).toBe('not_found');
  });

  it('set a new password once, end every session of that account and sign in', async () => {
    const a = await admin();
    const old = browser();
    await old.signIn('bo@example.org', PW);
    const made = await a.call('POST', `/api/admin/accounts/${await accountId(a, 'bo@example.org')}/reset-link`);
    expect(made.status).toBe(201);
    const link = ResetLinkResult.parse(made.json);
    expect(link.url.startsWith(`${server.url}/account/reset#token=`)).toBe(true);
    expect(link.expiresAt - Date.now()).toBeGreaterThan(23 * 3_600_000);

    const bo = browser();
    const reset = await bo.call('POST', '/api/account/reset', { token: tokenOf(link.url), password: 'bo has a new passphrase' });
    expect(reset.status).toBe(200);
    expect(SignedInResult.parse(reset.json).account.email).toBe('bo@example.org');
    expect(await bo.me()).toMatchObject({ email: 'bo@example.org' });
    expect(await old.me()).toBeNull();
    expect((await browser().signIn('bo@example.org', PW)).status).toBe(401);
    expect((await browser().signIn('bo@example.org', 'bo has a new passphrase')).status).toBe(200);

    const again = await browser().call('POST', '/api/account/reset', { token: tokenOf(link.url), password: 'someone else tries this' });
    expect(again.error).toMatchObject({ code: 'not_found', field: 'token' });
  });

  it('stop working when a newer link is made or when they expire', async () => {
    const a = await admin();
    const dee = await accountId(a, 'dee@example.org');
    const first = ResetLinkResult.parse((await a.call('POST', `/api/admin/accounts/${dee}/reset-link`)).json);
    const second = ResetLinkResult.parse((await a.call('POST', `/api/admin/accounts/${dee}/reset-link`)).json);
    const replaced = await browser().call('POST', '/api/account/reset', { token: tokenOf(first.url), password: 'dee new passphrase' });
    expect(replaced.error?.field).toBe('token');

    const conn = db();
    try {
      conn.prepare('UPDATE account_reset_links SET expires_at = ?').run(Date.now() - 1);
    } finally {
      conn.close();
    }
    const expired = await browser().call('POST', '/api/account/reset', { token: tokenOf(second.url), password: 'dee new passphrase' });
    expect(expired.error?.field).toBe('token');
    expect((await browser().signIn('dee@example.org', PW)).status).toBe(200);
  });
});

describe('limits', () => {
  it('makes an email wait after repeated wrong passwords, even with the right one', async () => {
    const b = browser();
    await b.signUp('eve@example.org', PW, 'Eve');
    for (let i = 0; i < 10; i++) expect((await browser().signIn('eve@example.org', `wrong password ${i}`)).status).toBe(401);
    const locked = await browser().signIn('eve@example.org', PW);
    expect(locked.error?.code).toBe('rate_limited');
    expect(locked.error?.retryAfterMs).toBeGreaterThan(0);
    expect((await browser().signIn('ada@example.org', PW)).status).toBe(200);
    expect(await b.me()).not.toBeNull();
  });

  it('limits sign-in attempts per address', async () => {
    await using small = await startTestServer({ ACCOUNT_RATE_BURST: '3' });
    const b = new Browser(small.url);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await b.signIn('someone@example.org', PW)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('marks the cookie Secure behind https', async () => {
    await using https = await startTestServer({ PUBLIC_URL: 'https://brave.example' });
    const b = new Browser(https.url.replace('https://brave.example', `http://127.0.0.1:${https.port}`));
    await b.signUp('fay@example.org', PW, 'Fay');
    expect(b.last.find((l) => l.startsWith('bs_session='))).toMatch(/; Secure/);
  });

  it('gives the admin role to only one of two simultaneous first sign-ups', async () => {
    await using fresh = await startTestServer();
    const [x, y] = await Promise.all([new Browser(fresh.url).signUp('x@example.org', PW), new Browser(fresh.url).signUp('y@example.org', PW)]);
    const admins = [x, y].map((r) => SignedInResult.parse(r.json).account.isAdmin);
    expect(admins.sort()).toEqual([false, true]);
  });
});
