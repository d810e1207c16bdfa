import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribePages } from '../../apps/server/src/mail/page.ts';
import { startTestServer, TEST_SECRET } from '../support/server.ts';
import { MemberTokens } from '../../apps/server/src/community/member-tokens.ts';
import { UnsubscribeTokens } from '../../apps/server/src/mail/unsubscribe.ts';
import { asMember, createCommunity, facilitator, joinCommunity, memberCode } from './community-helpers.ts';
import { oneClick } from './mail-helpers.ts';

/**
 * The unsubscribe pages (mail/page.ts) × every kind of link: the route list is read from
 * the router, so a new route without a row fails. Only a link we signed for this person
 * opens a page or stops anything; anything else gets the same calm page, 404, and changes nothing.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let links: Record<string, string>;
let read: () => Promise<boolean>;
beforeAll(async () => {
  server = await startTestServer();
  const fran = await facilitator(server.url);
  const c = await createCommunity(fran);
  const bo = await joinCommunity(server.url, c.id, await memberCode(fran, c.id), { name: 'Bo' });
  await asMember(server.url, 'PUT', `/api/communities/${c.id}/me/mail`, bo.token, { email: 'bo@example.org', reminders: true, news: true });
  read = async () => ((await asMember(server.url, 'GET', `/api/communities/${c.id}/me/mail`, bo.token)).json as { reminders: boolean }).reminders;
  const subject = { kind: 'member' as const, communityId: c.id, memberId: bo.memberId };
  const good = new UnsubscribeTokens(TEST_SECRET).issue(subject, 'reminders');
  links = {
    signed: good,
    forged: new UnsubscribeTokens('another-secret-that-is-long-enough-0123456789').issue(subject, 'reminders'),
    tampered: `${good.slice(0, -3)}abc`,
    memberCredential: new MemberTokens(TEST_SECRET).issue(c.id, bo.memberId, 1),
    malformed: 'u1.%00%00',
    oversized: `u1.${'a'.repeat(700)}.b`,
  };
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const ROWS: Record<string, Record<string, number>> = {
  'GET /unsubscribe/:token': { signed: 200, forged: 404, tampered: 404, memberCredential: 404, malformed: 404, oversized: 404 },
  'POST /unsubscribe/:token': { signed: 200, forged: 404, tampered: 404, memberCredential: 404, malformed: 404, oversized: 404 },
};

function definedRoutes(): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const router = unsubscribePages({ store: null as never, tokens: null as never, now: Date.now }) as unknown as { stack: Layer[] };
  return router.stack.flatMap((l) => (l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${l.route!.path}`) : []));
}

describe('access matrix: the unsubscribe pages × every kind of link', () => {
  it('has a row for every route the router defines', () => {
    expect(Object.keys(ROWS).sort()).toEqual(definedRoutes().sort());
  });

  it('opens and unsubscribes only with a link we signed; every other link changes nothing', async () => {
    const seen: Record<string, Record<string, number>> = {};
    for (const [name, row] of Object.entries(ROWS)) {
      seen[name] = {};
      const method = name.split(' ')[0]!;
      // The refusals first: Bo still receives reminders after every one of them.
      for (const who of Object.keys(row).filter((k) => k !== 'signed').concat('signed')) {
        const url = `${server.url}/unsubscribe/${links[who]}`;
        const a = method === 'GET' ? await fetch(url) : await oneClick(url);
        seen[name][who] = a.status;
        expect(a.headers.get('cache-control')).toBe('no-store');
        if (who !== 'signed') expect(await read(), `${name} with ${who}`).toBe(true);
        else if (method === 'GET') expect(await read(), 'a GET only asks').toBe(true);
      }
    }
    expect(seen).toEqual(ROWS);
    expect(await read()).toBe(false);
  });

  it('refuses a one-click body that is not RFC 8058’s, changing nothing', async () => {
    const a = await fetch(`${server.url}/unsubscribe/${links.signed}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=Everything' });
    expect(a.status).toBe(400);
  });
});
