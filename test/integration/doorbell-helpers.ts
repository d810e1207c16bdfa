import { CommunityDoorbell } from '@brave/client';
import type { ApiError, CommunityChanged } from '@brave/protocol';
import { newAddress } from '../support/people.ts';
import type { Browser } from './community-helpers.ts';

/** One open community home's doorbell, as a test sees it: every ring and every status, in order. */
export interface Listener {
  bell: CommunityDoorbell;
  rings: CommunityChanged[];
  statuses: string[];
  /** The typed reason of the last refusal or busy answer. */
  reason: ApiError | undefined;
  close(): void;
}

export const cookieOf = (b: Browser): string => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/**
 * Open a doorbell for a community as a member (`token`) or a facilitator (`cookie`), from
 * an address of its own unless one is given (the handshake is limited per address).
 */
export function listen(base: string, communityId: string, who: { token?: string; cookie?: string; address?: string } = {}): Listener {
  const headers: Record<string, string> = { 'x-forwarded-for': who.address ?? newAddress(), ...(who.cookie ? { cookie: who.cookie } : {}) };
  const bell = new CommunityDoorbell({ url: base, communityId, ...(who.token ? { token: who.token } : {}), extraHeaders: headers });
  const l: Listener = { bell, rings: [], statuses: [], reason: undefined, close: () => bell.close() };
  bell.on('ring', (c) => l.rings.push(c));
  bell.on('status', (s, reason) => {
    l.statuses.push(s);
    if (reason) l.reason = reason;
  });
  bell.connect();
  return l;
}

/** Wait until `ok` holds (a condition, not a delay); fails with what was seen. */
export async function until(ok: () => boolean, what: () => unknown, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`not reached: ${JSON.stringify(what()).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Open and wait until the server let it in. */
export async function listening(base: string, communityId: string, who: Parameters<typeof listen>[2] = {}): Promise<Listener> {
  const l = listen(base, communityId, who);
  await until(() => l.bell.status === 'live' || l.bell.status === 'refused', () => l.statuses);
  if (l.bell.status !== 'live') throw new Error(`doorbell refused: ${l.reason?.code} ${l.reason?.message}`);
  return l;
}

/** Open and wait for the typed refusal (or a busy answer); returns it. */
export async function refusedWith(base: string, communityId: string, who: Parameters<typeof listen>[2] = {}): Promise<{ status: string; reason: ApiError | undefined }> {
  const l = listen(base, communityId, who);
  try {
    await until(() => l.bell.status === 'refused' || l.reason !== undefined || l.bell.status === 'live', () => l.statuses);
    return { status: l.bell.status, reason: l.reason };
  } finally {
    l.close();
  }
}
