import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { CommunityChanged, ConnectRefusal, DOORBELL_EVENTS, PROTOCOL_VERSION } from '@brave/protocol';
import { newAddress } from '../support/people.ts';
import { startTestServer } from '../support/server.ts';
import { joinCommunity, schedule } from './community-helpers.ts';
import type { TestServer } from './abuse-helpers.ts';
import { CALLERS, communityWorld, send, type Caller, type CommunityWorld } from './abuse-community-helpers.ts';
import { until } from './doorbell-helpers.ts';

/**
 * The community doorbell (/community namespace) × every kind of caller of the community
 * abuse suites, and what its rings carry. The handshake is a read, like GET: Fran's cookie
 * opens it without a CSRF token, but not from another site. Rings carry a kind and a
 * schedule id, never a name, a title, an answer or a credential.
 */
let server: TestServer;
let w: CommunityWorld;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer();
  w = await communityWorld(server.url);
}, 60_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  w?.close();
  await server?.close();
});

type Outcome = 'admitted' | 'unauthorized' | 'origin';
const EXPECT: Record<Caller, Outcome> = {
  nobody: 'unauthorized',
  convening: 'unauthorized',
  otherMember: 'unauthorized',
  member: 'admitted',
  oldMember: 'unauthorized',
  leftMember: 'unauthorized',
  account: 'unauthorized',
  otherFacilitator: 'unauthorized',
  admin: 'unauthorized',
  noCsrf: 'admitted',
  wrongCsrf: 'admitted',
  foreignOrigin: 'origin',
  signedOut: 'unauthorized',
  deletedFacilitator: 'unauthorized',
  deletedMember: 'unauthorized',
  facilitator: 'admitted',
};

/** A plain socket.io client at the doorbell, with a caller's credential: a Bearer token goes in `auth`, a cookie and an origin in the headers. */
function open(who: Caller, communityId = w.targetOf(who).communityId): Socket {
  const { authorization, cookie, origin } = w.headers(who);
  const token = authorization?.replace(/^Bearer\s+/i, '');
  const socket = io(`${server.url}/community`, {
    transports: ['websocket'],
    forceNew: true, // its own connection, with these headers: never shared with a convening's socket
    reconnection: false,
    auth: { communityId, protocolVersion: PROTOCOL_VERSION, ...(token ? { token } : {}) },
    extraHeaders: { 'x-forwarded-for': newAddress(), ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
  });
  sockets.push(socket);
  return socket;
}

/** Admitted, the typed refusal's code, or 'origin' when the upgrade itself was refused (no socket.io answer at all). */
async function knock(who: Caller): Promise<string> {
  const socket = open(who);
  try {
    return await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('admitted'));
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        const refusal = ConnectRefusal.safeParse(err.data);
        resolve(refusal.success ? refusal.data.code : 'origin');
      });
    });
  } finally {
    socket.close();
  }
}

describe('access matrix: the community doorbell × every caller', () => {
  it('lets in only the members and facilitators of this community, each refusal typed', async () => {
    const seen: Record<string, string> = {};
    for (const who of CALLERS) seen[who] = await knock(who);
    expect(seen).toEqual(EXPECT);
  });
});

describe('wire privacy: what a ring carries', () => {
  it('a ring holds a kind and a schedule id, never names, titles, answers or credentials, whoever hears it', async () => {
    const heard: { event: string; args: unknown[] }[] = [];
    for (const who of ['member', 'facilitator'] as const) {
      const socket = open(who);
      socket.onAny((event: string, ...args: unknown[]) => heard.push({ event, args }));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    }
    const c = w.c.communityId;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    // Changes that touch names, titles, profiles and caucus answers.
    const zed = await joinCommunity(server.url, c, w.c.inviteCode, { name: 'Zed Newcomer', pronouns: 'ze/zir' });
    await send(server.url, 'PATCH', `/api/communities/${c}/me`, bearer(w.members.ana.token), { region: 'Region-secret' });
    await send(server.url, 'DELETE', `/api/communities/${c}/me/caucus-answer`, bearer(w.members.ana.token));
    await w.fran.call('POST', `/api/communities/${c}/working-groups`, { name: 'Secret circle', channels: ['money'], members: [zed.memberId] });
    const planned = await schedule(w.fran, c, { title: 'Private gathering title', outline: ['Healing from harm'] });
    await w.fran.call('PATCH', `/api/communities/${c}`, { description: 'Hidden description words' });
    await send(server.url, 'DELETE', `/api/communities/${c}/me`, bearer(zed.token), { replaceName: true });
    // The last change has reached both listeners, so everything before it has too.
    // Three member changes (Zed joins, Ana's profile, Zed leaves), heard by two listeners.
    await until(() => heard.filter((h) => (h.args[0] as { kind?: string }).kind === 'members').length >= 6, () => heard);

    expect(new Set(heard.map((h) => h.event))).toEqual(new Set([DOORBELL_EVENTS.changed]));
    for (const h of heard) {
      expect(h.args).toHaveLength(1);
      expect(CommunityChanged.safeParse(h.args[0]).success, JSON.stringify(h.args[0])).toBe(true);
    }
    expect(heard.filter((h) => (h.args[0] as { scheduleId?: string }).scheduleId === planned.id)).toHaveLength(2);
    const text = JSON.stringify(heard);
    for (const secret of ['ze/zir', 'Region-secret', 'kin-a', 'Secret circle', 'Private gathering', 'Healing', 'Hidden description', 'm1.', 'v1.', w.fran.email, zed.memberId]) {
      expect(text, secret).not.toContain(secret);
    }
    // Names as words: a random id may hold "Ana" by chance, and that is not a leak.
    for (const name of ['Zed', 'Ana', 'Bo', 'Fran']) expect(new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(text), name).toBe(false);
  });

  it('what a listener sends is ignored and answered with nothing; the doorbell keeps ringing for the others', async () => {
    const noisy = open('member');
    const quiet = open('facilitator');
    const noisyHeard: unknown[] = [];
    noisy.onAny((event: string) => noisyHeard.push(event));
    await Promise.all([noisy, quiet].map((s) => new Promise<void>((resolve) => s.once('connect', resolve))));
    noisy.emit('community.changed', { kind: 'schedule', scheduleId: w.c.scheduleId });
    noisy.emit('command', { key: 'k', command: { type: 'signal.raise' } });
    noisy.emit('hello', 'x'.repeat(10_000));
    // Over the message limit: the server drops that connection, and nobody else.
    noisy.emit('junk', 'x'.repeat(200 * 1024));
    await until(() => !noisy.connected, () => noisy.connected);
    const rang: unknown[] = [];
    quiet.on(DOORBELL_EVENTS.changed, (m: unknown) => rang.push(m));
    const next = await schedule(w.fran, w.c.communityId, { title: 'Still ringing' });
    await until(() => rang.length > 0, () => rang);
    expect(rang).toEqual([{ kind: 'schedule', scheduleId: next.id }]);
    expect(noisyHeard).toEqual([]);
  });
});
