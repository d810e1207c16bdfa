import type { LiveClient } from '@brave/client';
import type { ConveningView } from '@brave/protocol';
import type { ServerProcess } from '../../support/server.ts';
import { joinAs, ok, openConvening, until, untilStatus } from '../../support/people.ts';
import { firstDifference } from './crash.ts';
import { mib, rssBytes } from './proc.ts';

/**
 * Resident memory is a coarse guard: V8 collects lazily, so RSS creeps up a few KiB per
 * reconnection even though the heap after a full GC stays flat (see docs/reliability.md).
 * A leak of what a connection holds would pass these bounds within a storm or two.
 */
const GROWTH_FIRST = 64 * 1024 * 1024;
const growthLater = (people: number) => 24 * 1024 * 1024 + people * 32 * 1024;

/**
 * Reconnect storms: a crowd drops at once (as when a venue's wifi blinks) while the
 * facilitator carries on, and comes back. Each storm must end with everyone live, every
 * view equal to a fresh snapshot, the server counting each person once (presence), and
 * the server's memory back near where it was.
 */
export interface StormReport {
  people: number;
  storms: number;
  /** Server VmRSS (bytes): after everyone joined, then after each storm settled. */
  rss: number[];
  /** Milliseconds from the drop to everyone live and caught up, per storm. */
  settleMs: number[];
  problems: string[];
}

export async function stormScenario(server: ServerProcess, opts: { people: number; storms: number }): Promise<StormReport> {
  const problems: string[] = [];
  const { made, host } = await openConvening(server.url, { title: 'Storm' });
  const presence = presenceOf(host);
  const people: Awaited<ReturnType<typeof joinAs>>[] = [];
  try {
    return await storms(server, opts, { made, host, presence, people, problems });
  } finally {
    for (const c of [host, ...people.map((p) => p.client)]) c.close();
  }
}

async function storms(
  server: ServerProcess,
  opts: { people: number; storms: number },
  w: { made: { id: string; joinCode: string }; host: LiveClient; presence: ReturnType<typeof presenceOf>; people: Awaited<ReturnType<typeof joinAs>>[]; problems: string[] },
): Promise<StormReport> {
  const { made, host, presence, people, problems } = w;
  for (let i = 0; i < opts.people; i += 50) {
    const batch = Array.from({ length: Math.min(50, opts.people - i) }, (_, j) => joinAs(server.url, made.joinCode, `Storm ${i + j + 1}`));
    people.push(...(await Promise.all(batch)));
  }
  const clients = people.map((p) => p.client);
  const everyone = opts.people + 1;
  if ((await presence.until(everyone)) !== everyone) problems.push('presence never counted everyone before the storms');
  const rss = [rssBytes(server.child.pid!)];
  const settleMs: number[] = [];

  for (let storm = 1; storm <= opts.storms; storm++) {
    const t0 = Date.now();
    presence.reset();
    for (const c of clients) c.simulateDrop();
    await Promise.all(clients.map((c) => untilStatus(c, 'reconnecting', 10_000)));
    // The room carries on while everyone is away: they must catch up on all of it.
    const agreements = host.state!.agreements;
    await ok(host, { type: 'spotlight.set', agreementId: agreements[storm % agreements.length]!.id });
    await ok(host, { type: 'agreements.set', agreements: agreements.map((a, i) => ({ id: a.id, text: i === 0 ? `${a.text.replace(/ \(storm \d+\)$/, '')} (storm ${storm})` : a.text })) });
    const last = await ok(host, { type: 'spotlight.set', agreementId: agreements[0]!.id });
    await Promise.all(clients.map((c) => untilStatus(c, 'live', 60_000)));
    await Promise.all(clients.map((c) => until(c, (x) => x.state!.seq >= last.seq!, 30_000)));
    settleMs.push(Date.now() - t0);

    // Everyone sees the same room, equal to a fresh load, and is counted once.
    const fresh = await snapshot(server.url, made.id, people[0]!.joined.token);
    const differing = clients.filter((c) => firstDifference(c.state, fresh) !== null);
    if (differing.length) problems.push(`storm ${storm}: ${differing.length} views differ, first at ${firstDifference(differing[0]!.state, fresh)}`);
    const online = await presence.until(everyone);
    if (online !== everyone) problems.push(`storm ${storm}: presence says ${online} online, expected ${everyone}`);
    rss.push(rssBytes(server.child.pid!));
  }
  // Memory: the first storm may grow the heap once; later ones must not keep adding to it.
  const [joined, settled, ...later] = rss;
  if (settled !== undefined && settled - joined! > GROWTH_FIRST) problems.push(`the first storm grew the server by ${mib(settled - joined!)}`);
  if (later.some((r) => r - settled! > growthLater(opts.people))) problems.push(`memory kept growing: ${rss.map(mib).join(' → ')}`);
  return { people: opts.people, storms: opts.storms, rss, settleMs, problems };
}

/** Follows a client's presence announcements (how many connections the room has). */
function presenceOf(client: LiveClient) {
  let last: number | undefined;
  let fresh = false;
  let wake = () => undefined as void;
  client.on('presence', (p) => {
    last = p.online;
    fresh = true;
    wake();
  });
  return {
    /** Forget what was announced so far: only a later announcement counts. */
    reset: () => void (fresh = false),
    /** The count once a fresh announcement says `n`; otherwise the last count after the timeout. */
    until(n: number, timeoutMs = 15_000): Promise<number | undefined> {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(last), timeoutMs);
        wake = () => {
          if (!fresh || last !== n) return;
          clearTimeout(timer);
          resolve(n);
        };
        wake();
      });
    },
  };
}

async function snapshot(url: string, conveningId: string, token: string): Promise<ConveningView> {
  const res = await fetch(`${url}/api/convenings/${conveningId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { view: ConveningView }).view;
}
