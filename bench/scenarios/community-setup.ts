import { LiveClient } from '@brave/client';
import { ConveningEntry, MemberCredential, SignedInResult, type RoundSpec } from '@brave/protocol';
import { within } from '../lib/clock.ts';

/**
 * Building a community through the public HTTP API of a running server: a facilitator
 * account, N members, working groups and K convenings held (members in, a mix round,
 * closed). Every caller presents its own loopback address (X-Forwarded-For, trusted from
 * loopback as behind a proxy) so per-address limits do not cap the bench, as in ours.ts.
 */

let addresses = 0;
const nextAddress = (): string => {
  const n = addresses++;
  return `127.79.${(n >> 8) & 255}.${n & 255}`;
};

export interface Reply {
  status: number;
  json: unknown;
  text: string;
}

/** One HTTP caller: a browser with a session cookie and csrf token, or a member Bearer. */
export class Caller {
  cookie = '';
  csrf = '';
  bearer = '';
  readonly address = nextAddress();

  // Not readonly: after a server restart the same caller (same session) talks to the new port.
  constructor(public base: string) {}

  async call(method: string, path: string, body?: unknown, address = this.address): Promise<Reply> {
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: {
        'x-forwarded-for': address,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().map((l) => l.split(';')[0] ?? '').filter((p) => p.startsWith('bs_session='));
    if (set[0]) this.cookie = set[0];
    const text = res.status === 204 ? '' : await res.text();
    const json: unknown = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : null;
    return { status: res.status, json, text };
  }

  async expect(status: number, method: string, path: string, body?: unknown, address?: string): Promise<unknown> {
    const r = await this.call(method, path, body, address);
    if (r.status !== status) throw new Error(`${method} ${path}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    return r.json;
  }
}

export async function signUp(base: string): Promise<Caller> {
  const f = new Caller(base);
  const body = { email: `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`, password: 'a long enough bench passphrase', name: 'Bench facilitator' };
  f.csrf = SignedInResult.parse(await f.expect(201, 'POST', '/api/account/signup', body)).csrfToken;
  return f;
}

export const CHANNELS = ['money', 'narrative', 'policy'] as const;

export async function joinMembers(f: Caller, communityId: string, code: string, count: number, from: number): Promise<MemberCredential[]> {
  const out: MemberCredential[] = new Array<MemberCredential>(count);
  let next = 0;
  const one = async (i: number) => {
    const n = from + i;
    const body = { code, name: `Member ${n + 1}`, channel: CHANNELS[n % 3], team: `Team ${n % 40}`, organisation: `Org ${n % 120}`, region: `Region ${n % 9}` };
    out[i] = MemberCredential.parse(await f.expect(201, 'POST', `/api/communities/${communityId}/members`, body, nextAddress()));
  };
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return out;
}

const MIX: RoundSpec = { name: 'Mix', strategy: { kind: 'mix', spec: { by: 'size', size: 4 } }, durationSeconds: 600 };

export async function scheduleOne(f: Caller, communityId: string, month: number): Promise<string> {
  const made = (await f.expect(201, 'POST', `/api/communities/${communityId}/convenings`, {
    title: `Monthly convening ${month + 1}`,
    startsAt: Date.UTC(2026, month % 12, 15, 17, 0),
    durationMinutes: 90,
    outline: ['Welcome', 'Mix', 'Close'],
    rounds: [MIX],
  })) as { id: string };
  return made.id;
}

async function ack(client: LiveClient, command: Parameters<LiveClient['send']>[0]): Promise<void> {
  const r = await within(client.send(command), 30_000, command.type);
  if (!r.ok) throw new Error(`${command.type} refused: ${r.error.message}`);
}

/** Enter a started convening as `token`'s member (the HTTP route the bench also times). */
export async function enter(base: string, communityId: string, sid: string, token: string): Promise<ConveningEntry> {
  const m = new Caller(base);
  m.bearer = token;
  return ConveningEntry.parse(await m.expect(200, 'POST', `/api/communities/${communityId}/convenings/${sid}/join`));
}

/** Start, let `attendees` in (connected, affirmed), hold one mix round, close. */
export async function holdConvening(f: Caller, communityId: string, sid: string, attendees: MemberCredential[]): Promise<void> {
  const started = ConveningEntry.parse(await f.expect(201, 'POST', `/api/communities/${communityId}/convenings/${sid}/start`));
  const host = new LiveClient({ url: f.base, token: started.token, ackTimeoutMs: 30_000 });
  const people: LiveClient[] = [];
  try {
    await within(host.connect(), 30_000, 'host hello');
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < attendees.length) {
          const m = attendees[next++]!;
          const entry = await enter(f.base, communityId, sid, m.token);
          const c = new LiveClient({ url: f.base, token: entry.token, ackTimeoutMs: 30_000 });
          people.push(c);
          await within(c.connect(), 30_000, 'member hello');
          await ack(c, { type: 'agreements.affirm' });
        }
      }),
    );
    await ack(host, { type: 'round.open', spec: MIX, seed: 1 + (sid.length % 1000) });
    await ack(host, { type: 'round.close' });
    await ack(host, { type: 'convening.close' });
  } finally {
    for (const c of people) c.close();
    host.close();
  }
}
