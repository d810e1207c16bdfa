import { api, LiveClient } from '@brave/client';
import type { CreateConveningBody } from '@brave/protocol';

/** A facilitator with a live connection, and helpers to bring people in. */
export async function openConvening(url: string, body: Partial<CreateConveningBody> = {}) {
  const made = await api.createConvening(url, { title: 'Test convening', hostName: 'Fran', ...body });
  const host = new LiveClient({ url, token: made.facilitatorToken });
  await host.connect();
  return { made, host };
}

/** Join and connect; affirms the agreements unless told not to. */
export async function joinAs(url: string, joinCode: string, name: string, opts: { affirm?: boolean; cohostCode?: string } = {}) {
  const joined = await api.join(url, { joinCode, name, ...(opts.cohostCode ? { cohostCode: opts.cohostCode } : {}) });
  const client = new LiveClient({ url, token: joined.token });
  await client.connect();
  if (opts.affirm !== false) {
    const r = await client.send({ type: 'agreements.affirm' });
    if (!r.ok) throw new Error(r.error.message);
  }
  return { joined, client };
}

/** Resolve when `predicate` holds for the client's view (event-driven, no sleeps). */
export function until<T>(client: LiveClient, predicate: (c: LiveClient) => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
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
      reject(new Error('condition not reached in time'));
    }, timeoutMs);
    check();
  });
}
