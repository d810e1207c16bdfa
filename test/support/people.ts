import { LiveClient } from '@brave/client';
import { ApiError, CreateConveningResult, JoinResult, type AckResult, type Command, type CreateConveningBody, type LoggedEvent } from '@brave/protocol';

/**
 * Every simulated person gets their own address (X-Forwarded-For, which the server
 * trusts from loopback only), as real people on their own phones would. Without it a
 * crowd of test participants would share one per-address join limit.
 */
let nextAddress = 1;
export const newAddress = (): string => {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** POST JSON from one simulated address; returns status and parsed body. */
export async function postJson(url: string, path: string, body: unknown, address = newAddress()) {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json().catch<unknown>(() => null) };
}

/** The typed error in a refused API answer (throws if the answer was not one). */
export function apiError(body: unknown): ApiError {
  return ApiError.parse((body as { error?: unknown } | null)?.error);
}

/** A facilitator with a live connection, and helpers to bring people in. */
export async function openConvening(url: string, body: Partial<CreateConveningBody> = {}) {
  const res = await postJson(url, '/api/convenings', { title: 'Test convening', hostName: 'Fran', ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  const made = CreateConveningResult.parse(res.body);
  const host = new LiveClient({ url, token: made.facilitatorToken });
  await host.connect();
  return { made, host };
}

/** Join and connect; affirms the agreements unless told not to. */
export async function joinAs(url: string, joinCode: string, name: string, opts: { affirm?: boolean; cohostCode?: string } = {}) {
  const res = await postJson(url, '/api/join', { joinCode, name, ...(opts.cohostCode ? { cohostCode: opts.cohostCode } : {}) });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  const joined = JoinResult.parse(res.body);
  const client = new LiveClient({ url, token: joined.token });
  await client.connect();
  if (opts.affirm !== false) {
    const r = await client.send({ type: 'agreements.affirm' });
    if (!r.ok) throw new Error(r.error.message);
  }
  return { joined, client };
}

/** Bring in `count` people, a few at a time (as a room fills up), all connected and affirmed. */
export async function crowd(url: string, joinCode: string, count: number, prefix = 'Guest') {
  const people: Awaited<ReturnType<typeof joinAs>>[] = [];
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) => joinAs(url, joinCode, `${prefix} ${i + j + 1}`));
    people.push(...(await Promise.all(batch)));
  }
  return people;
}

/** Resolve when `predicate` holds for the client's view (event-driven, no sleeps). */
export function until<T>(client: LiveClient, predicate: (c: LiveClient) => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  // Made here so a timeout points at the waiting test line, not at this helper.
  const timedOut = new Error(`condition not reached in time (client ${client.self?.participantId ?? '?'}, ${client.status})`);
  return new Promise((resolve, reject) => {
    const check = () => {
      const v = client.state ? predicate(client) : undefined;
      if (v) {
        off();
        clearTimeout(timer);
        resolve(v);
        return true;
      }
      return false;
    };
    const off = client.on('change', () => void check());
    const timer = setTimeout(() => {
      off();
      reject(timedOut);
    }, timeoutMs);
    check();
  });
}

/** Wait until the predicate holds for every client. */
export function untilAll<T>(clients: LiveClient[], predicate: (c: LiveClient) => T | undefined | null | false, timeoutMs = 15_000) {
  return Promise.all(clients.map((c) => until(c, predicate, timeoutMs)));
}

/** Resolve when the client reaches a connection status (e.g. 'live' again after a drop). */
export function untilStatus(client: LiveClient, status: LiveClient['status'], timeoutMs = 20_000): Promise<void> {
  if (client.status === status) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const off = client.on('status', (s) => {
      if (s !== status) return;
      off();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status ${status} not reached (still ${client.status})`));
    }, timeoutMs);
  });
}

/** Everything a client is sent live from now on, for asserting what it never saw. */
export function record(client: LiveClient): LoggedEvent[] {
  const seen: LoggedEvent[] = [];
  client.on('event', (e) => seen.push(e));
  return seen;
}

/** Send and insist on ok; returns the ack. */
export async function ok(client: LiveClient, command: Command, key?: string): Promise<Extract<AckResult, { ok: true }>> {
  const ack = await client.send(command, key);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

export function closeAll(...clients: (LiveClient | undefined | { client: LiveClient })[]): void {
  for (const c of clients) {
    if (!c) continue;
    (c instanceof LiveClient ? c : c.client).close();
  }
}
