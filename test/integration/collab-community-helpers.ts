import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CommunityInfo, ConveningEntry, LinkResult, MemberCredential, SignedInResult, WorkingGroupView, type ApiError } from '@brave/protocol';
import { newAddress } from '../support/people.ts';
import { plain, wsBase } from './collab-helpers.ts';

/**
 * Helpers for the community documents suite (collab-community*.test.ts): a facilitator's
 * browser (session cookie + CSRF token), members with their member credential, and a
 * stock y-websocket provider that carries the browser's cookie like a real page would.
 */
type Answer<T = unknown> = { status: number; json: T; error: ApiError | undefined };

/** One browser: keeps the session cookie and the CSRF token, from its own address. */
export class Browser {
  cookie = '';
  csrf: string | null = null;
  private readonly address = newAddress();

  constructor(private readonly base: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: {
        'x-forwarded-for': this.address,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().map((line) => line.split(';')[0]!).find((pair) => pair.startsWith('bs_session='));
    if (set) this.cookie = set;
    const text = await res.text();
    const json = (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
    return { status: res.status, json, error: (json as { error?: ApiError } | null)?.error };
  }

  async signUp(name: string): Promise<this> {
    const r = await this.call('POST', '/api/account/signup', { email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`, password: 'a long enough passphrase', name });
    if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.json)}`);
    this.csrf = SignedInResult.parse(r.json).csrfToken;
    return this;
  }

  async must<T>(method: string, path: string, body: unknown, status: number, parse: (v: unknown) => T): Promise<T> {
    const r = await this.call(method, path, body);
    if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return parse(r.json);
  }
}

/** A member: their credential, and calls made with it. */
export interface Member {
  id: string;
  name: string;
  token: string;
}

export async function memberCall<T = unknown>(base: string, token: string, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': newAddress(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  return { status: res.status, json, error: (json as { error?: ApiError } | null)?.error };
}

/** A community made by `fran` with the given channels, and members who joined through its invite link. */
export async function makeCommunity(base: string, fran: Browser, name: string, channels: { id: string; name: string }[], people: string[]) {
  const info = await fran.must('POST', '/api/communities', { name, channels }, 201, (v) => CommunityInfo.parse(v));
  const invite = await fran.must('GET', `/api/communities/${info.id}/member-invite`, undefined, 200, (v) => LinkResult.parse(v));
  const code = new URL(invite.url).hash.replace(/^#code=/, '');
  const members: Member[] = [];
  for (const person of people) {
    const joined = await memberCall(base, '', 'POST', `/api/communities/${info.id}/members`, { code, name: person });
    if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.json)}`);
    const cred = MemberCredential.parse(joined.json);
    members.push({ id: cred.memberId, name: person, token: cred.token });
  }
  return { info, members };
}

export const workingGroup = (fran: Browser, communityId: string, body: { name: string; channels: string[]; members: string[] }) =>
  fran.must('POST', `/api/communities/${communityId}/working-groups`, body, 201, (v) => WorkingGroupView.parse(v));

export const entry = (v: unknown) => ConveningEntry.parse(v);

/** A stock WebsocketProvider that sends the browser's cookie (browsers do so on upgrades by themselves). */
export function connectWithCookie(url: string, name: string, cookie: string) {
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(url), name, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return { doc, provider, text: () => plain(doc), destroy: () => (provider.destroy(), doc.destroy()) };
}
