import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { LiveClient } from '@brave/client';
import {
  CommunityInfo,
  ConveningEntry,
  MemberCredential,
  SignedInResult,
  type ApiError,
  type CreateCommunityBody,
  type MemberProfile,
} from '@brave/protocol';
import { appendBlocks, fragmentOf } from '../../apps/server/src/collab/prose.ts';
import { newAddress } from '../support/people.ts';

/** One browser: keeps the cookies the server sets and the csrf token it hands out. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;
  readonly address = newAddress();

  constructor(readonly base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: {
        'x-forwarded-for': this.address,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line) || !value) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return answer(res);
  }
}

async function answer(res: Response) {
  const type = res.headers.get('content-type') ?? '';
  const text = res.status === 204 ? '' : await res.text();
  const json: unknown = type.includes('json') && text ? JSON.parse(text) : null;
  return { status: res.status, json, text, headers: res.headers, error: (json as { error?: ApiError } | null)?.error };
}

let accountCount = 0;

/** A facilitator who just signed up (with their own address, so sign-up limits do not bite). */
export async function facilitator(base: string, name = 'Fran Facilitator'): Promise<Browser & { accountId: string }> {
  const browser = new Browser(base);
  const email = `facilitator${++accountCount}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const r = await browser.call('POST', '/api/account/signup', { email, password: 'a long enough passphrase', name });
  if (r.status !== 201) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
  const signed = SignedInResult.parse(r.json);
  browser.csrf = signed.csrfToken;
  return Object.assign(browser, { accountId: signed.account.id });
}

export const TWO_CHANNELS = [
  { id: 'money', name: 'Money' },
  { id: 'story', name: 'Story' },
];

export async function createCommunity(f: Browser, body: Partial<CreateCommunityBody> = {}): Promise<CommunityInfo> {
  const r = await f.call('POST', '/api/communities', { name: 'Learning network', channels: TWO_CHANNELS, ...body });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return CommunityInfo.parse(r.json);
}

/** The code in a link's fragment (`#code=…` or `#claim=…`). */
export const fragment = (url: string, key: string): string => new URLSearchParams(new URL(url).hash.slice(1)).get(key) ?? '';

export async function memberCode(f: Browser, communityId: string): Promise<string> {
  const r = await f.call('GET', `/api/communities/${communityId}/member-invite`);
  return fragment((r.json as { url: string }).url, 'code');
}

/** A call with no cookie, optionally with a member credential. */
export async function asMember(base: string, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      'x-forwarded-for': newAddress(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(res);
}

export async function joinCommunity(base: string, communityId: string, code: string, profile: MemberProfile): Promise<MemberCredential> {
  const r = await asMember(base, 'POST', `/api/communities/${communityId}/members`, null, { code, ...profile });
  if (r.status !== 201) throw new Error(`member join failed: ${r.status} ${r.text}`);
  return MemberCredential.parse(r.json);
}

/** Open a re-issued member link (`…/welcome#claim=…`): its one-time code becomes a fresh credential. */
export async function claimLink(base: string, url: string): Promise<MemberCredential> {
  const communityId = new URL(url).pathname.split('/')[2] ?? '';
  const r = await asMember(base, 'POST', `/api/communities/${communityId}/members/claim`, null, { code: fragment(url, 'claim') });
  if (r.status !== 201) throw new Error(`claim failed: ${r.status} ${r.text}`);
  return MemberCredential.parse(r.json);
}

/** Enter a started convening as a member, connect and affirm. */
export async function enterAsMember(base: string, communityId: string, scheduleId: string, token: string, affirm = true) {
  const r = await asMember(base, 'POST', `/api/communities/${communityId}/convenings/${scheduleId}/join`, token);
  if (r.status !== 200) throw new Error(`enter failed: ${r.status} ${r.text}`);
  const entry = ConveningEntry.parse(r.json);
  const client = new LiveClient({ url: base, token: entry.token });
  await client.connect();
  if (affirm) {
    const ack = await client.send({ type: 'agreements.affirm' });
    if (!ack.ok) throw new Error(ack.error.message);
  }
  return { entry, client };
}

/** Start a scheduled convening as its host, connected. */
export async function startAsHost(f: Browser, communityId: string, scheduleId: string) {
  const r = await f.call('POST', `/api/communities/${communityId}/convenings/${scheduleId}/start`);
  if (r.status !== 201) throw new Error(`start failed: ${r.status} ${r.text}`);
  const entry = ConveningEntry.parse(r.json);
  const client = new LiveClient({ url: f.base, token: entry.token });
  await client.connect();
  return { entry, client };
}

export async function schedule(f: Browser, communityId: string, body: Record<string, unknown> = {}) {
  const r = await f.call('POST', `/api/communities/${communityId}/convenings`, {
    title: 'Monthly convening',
    startsAt: Date.UTC(2030, 0, 15, 17, 0),
    durationMinutes: 90,
    ...body,
  });
  if (r.status !== 201) throw new Error(`schedule failed: ${r.status} ${r.text}`);
  return r.json as { id: string; status: string; conveningId: string | null };
}

/** Poll an HTTP answer until it satisfies `ok` (for server-side timers such as the sweeper). */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`condition not reached: ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Store a document the way the collab module does (Yjs updates), as if someone had typed
 * `text` into it; or store a given update (a template) as it is.
 */
export function writeDoc(dataDir: string, name: string, text: string | Uint8Array): void {
  let update: Uint8Array;
  if (typeof text === 'string') {
    const doc = new Y.Doc();
    appendBlocks(fragmentOf(doc), [{ type: 'paragraph', text }]);
    update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
  } else update = text;
  const db = new Database(join(dataDir, 'brave-space.db'));
  try {
    const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) FROM doc_updates WHERE doc = ?').pluck().get(name) as number) + 1;
    db.prepare('INSERT INTO doc_updates (doc, seq, at, data) VALUES (?, ?, ?, ?)').run(name, seq, Date.now(), update);
  } finally {
    db.close();
  }
}
