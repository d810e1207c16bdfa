import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LiveClient } from '@brave/client';
import { DomainEvent, type CommandType, type ConveningView } from '@brave/protocol';
import { spawnServer, type ServerProcess } from '../../support/server.ts';
import { joinAs, openConvening, until, untilStatus } from '../../support/people.ts';
import { connectDoc, plain, synced, typeParagraph, untilDoc } from '../../integration/collab-helpers.ts';
import { MixedLoad, type Actor, type Sent } from './load.ts';
import { between, seeded } from './rng.ts';

/**
 * kill -9 at a seeded moment of mixed load (signals, spotlights, triage, rounds, document
 * typing), then a restart on the same DATA_DIR and port. Returns what it measured and a
 * list of problems (empty when everything held):
 *  - every command acknowledged before the kill is in the database as the kill left it;
 *  - every command acknowledged at all is there once, as the event its answer named;
 *  - every marker text is stored at most once (no command ran twice);
 *  - every client comes back to `live` by itself and ends equal to a fresh snapshot;
 *  - every line a second editor had received is stored; every line typed, even offline,
 *    ends in the document exactly once.
 */
export interface CrashRun {
  seed: number;
  env: Record<string, string>;
  server: ServerProcess;
  participants?: number;
  typists?: number;
}

export interface CrashReport {
  seed: number;
  crashAfter: number;
  sent: number;
  acked: number;
  ackedBeforeKill: number;
  refused: Record<string, number>;
  storedEvents: number;
  lines: number;
  linesAckedBeforeKill: number;
  downMs: number;
  problems: string[];
  /** The restarted server (the caller stops it or reuses it). */
  server: ServerProcess;
}

/** The event each command leaves at the sequence number its answer carries. */
const EVENT_OF: Partial<Record<CommandType, DomainEvent['type']>> = {
  'signal.raise': 'signal.raised',
  'signal.explain': 'signal.explained',
  'signal.triage': 'signal.triaged',
  'spotlight.set': 'spotlight.set',
  'spotlight.clear': 'spotlight.cleared',
  'reminder.request': 'reminder.requested',
  'reminder.resolve': 'reminder.resolved',
  'round.open': 'round.opened',
  'round.close': 'round.ended',
  'round.broadcast': 'round.broadcast',
  'room.move': 'room.updated',
  'profile.set': 'participant.profiled',
};

export async function crashScenario(run: CrashRun): Promise<CrashReport> {
  const closers: (() => void)[] = [];
  let restarted: ServerProcess | null = null;
  try {
    return await scenario(run, closers, (p) => (restarted = p));
  } catch (err) {
    // Leave nothing running behind a failure: the restarted server is ours to stop.
    await (restarted as ServerProcess | null)?.stop();
    throw err;
  } finally {
    for (const close of closers) close();
  }
}

async function scenario(run: CrashRun, closers: (() => void)[], onRestart: (p: ServerProcess) => void): Promise<CrashReport> {
  const random = seeded(run.seed);
  const problems: string[] = [];
  let server = run.server;
  const url = server.url;

  const { made, host } = await openConvening(url, { title: `Crash ${run.seed}` });
  closers.push(() => host.close());
  const cohost = await joinAs(url, made.joinCode, 'Cohost', { cohostCode: made.cohostCode });
  closers.push(() => cohost.client.close());
  const people = await Promise.all(Array.from({ length: run.participants ?? 5 }, (_, i) => joinAs(url, made.joinCode, `P${i}`)));
  closers.push(() => people.forEach((p) => p.client.close()));
  const actors: Actor[] = [
    { name: 'Host', role: 'host', client: host },
    { name: 'Cohost', role: 'cohost', client: cohost.client },
    ...people.map((p, i) => ({ name: `P${i}`, role: 'participant' as const, client: p.client })),
  ];
  const all = actors.map((a) => a.client);
  const tokens = new Map<LiveClient, string>([[host, made.facilitatorToken], [cohost.client, cohost.joined.token], ...people.map((p) => [p.client, p.joined.token] as const)]);

  // Documents: typists on the plenary notes, and a watcher whose copy is what was relayed (so stored).
  const docName = `notes:${made.id}:plenary`;
  const typists = Array.from({ length: run.typists ?? 2 }, () => connectDoc(url, docName, made.facilitatorToken));
  const watcher = connectDoc(url, docName, made.facilitatorToken);
  closers.push(() => [...typists, watcher].forEach((d) => d.destroy()));
  await Promise.all([...typists, watcher].map((d) => synced(d.provider)));
  const typed: string[] = [];
  let typing = true;
  closers.push(() => (typing = false));
  const typingLoops = typists.map(async (t, k) => {
    for (let n = 0; typing; n++) {
      const line = `t${run.seed}-${k}-${n}`;
      typeParagraph(t.doc, line);
      typed.push(line);
      await new Promise((r) => setTimeout(r, between(random, 10, 40)));
    }
  });
  const ourLines = (text: string) => text.split('\n').filter((l) => l.startsWith(`t${run.seed}-`));

  const load = new MixedLoad(run.seed, actors, people.map((p) => p.joined.participantId));
  closers.push(() => void load.stop());
  const crashAfter = between(random, 15, 70);
  load.start();
  await load.reached(crashAfter);

  // kill -9, then freeze what counted as acknowledged at that moment.
  await server.crash();
  const killedAt = Date.now();
  for (const d of [...typists, watcher]) d.provider.disconnect();
  const linesAcked = ourLines(plain(watcher.doc));
  const ackedBeforeKill = load.sent.filter((s) => s.ack.ok && s.answeredAt < killedAt);
  checkAcks(ackedBeforeKill, readLog(run.env.DATA_DIR!, made.id), 'before the kill', problems);

  server = await respawn(run.env);
  onRestart(server);
  await Promise.all(all.map((c) => untilStatus(c, 'live', 30_000)));
  const downMs = Date.now() - killedAt;

  // Acknowledged lines are stored: a fresh reader sees them before any typist is back.
  const reader = connectDoc(server.url, docName, made.facilitatorToken);
  closers.push(() => reader.destroy());
  await synced(reader.provider);
  const stored = new Set(ourLines(plain(reader.doc)));
  const lostLines = linesAcked.filter((l) => !stored.has(l));
  if (lostLines.length) problems.push(`lines received by the watcher but lost: ${lostLines.slice(0, 5).join(', ')}`);
  for (const d of [...typists, watcher]) d.provider.connect();

  await load.reached(load.sent.length + 15);
  await load.stop();
  typing = false;
  await Promise.all(typingLoops);

  // A last event everyone receives, then every view must equal a fresh snapshot.
  const barrier = await host.send({ type: 'spotlight.set', agreementId: host.state!.agreements[0]!.id }, `barrier-${run.seed}`);
  if (!barrier.ok || !barrier.seq) problems.push(`barrier refused: ${JSON.stringify(barrier)}`);
  else {
    await Promise.all(all.map((c) => until(c, (x) => x.state!.spotlight?.seq === barrier.seq, 20_000)));
    for (const c of all) {
      if (c.status !== 'live') problems.push(`${c.self?.participantId} is ${c.status}`);
      const fresh = await snapshot(server.url, made.id, tokens.get(c)!);
      const diff = firstDifference(c.state, fresh);
      if (diff) problems.push(`${c.self?.participantId}'s view differs from a fresh snapshot at ${diff}`);
    }
  }

  const log = readLog(run.env.DATA_DIR!, made.id);
  checkAcks(load.sent.filter((s) => s.ack.ok), log, 'in the end', problems);
  checkOnce(load.sent, log, problems);

  // Every line typed (online, offline, across the kill) ends in the document exactly once.
  await untilDoc(reader.doc, () => typed.every((l) => plain(reader.doc).includes(l)), 30_000, 'every typed line').catch(() => undefined);
  const final = ourLines(plain(reader.doc));
  const missing = typed.filter((l) => !final.includes(l));
  if (missing.length) problems.push(`typed lines missing: ${missing.slice(0, 5).join(', ')} (${missing.length})`);
  if (new Set(final).size !== final.length) problems.push('a typed line appears twice');

  const refused: Record<string, number> = {};
  for (const s of load.sent) if (!s.ack.ok) refused[s.ack.error.code] = (refused[s.ack.error.code] ?? 0) + 1;
  return {
    seed: run.seed,
    crashAfter,
    sent: load.sent.length,
    acked: load.sent.filter((s) => s.ack.ok).length,
    ackedBeforeKill: ackedBeforeKill.length,
    refused,
    storedEvents: log.size,
    lines: typed.length,
    linesAckedBeforeKill: linesAcked.length,
    downMs,
    problems,
    server,
  };
}

/** The convening's stored log, read straight from the SQLite file: seq → event JSON. */
function readLog(dataDir: string, conveningId: string): Map<number, string> {
  const db = new Database(join(dataDir, 'brave-space.db'));
  try {
    const rows = db.prepare('SELECT seq, body FROM events WHERE convening_id = ? ORDER BY seq').all(conveningId) as { seq: number; body: string }[];
    return new Map(rows.map((r) => [r.seq, r.body]));
  } finally {
    db.close();
  }
}

/** Every acknowledged command's event is stored at the sequence number its answer carries. */
function checkAcks(acked: Sent[], log: Map<number, string>, when: string, problems: string[]): void {
  for (const s of acked) {
    if (!s.ack.ok || s.ack.seq === undefined) continue;
    const body = log.get(s.ack.seq);
    const event = body ? DomainEvent.parse(JSON.parse(body)) : null;
    const expected = EVENT_OF[s.command.type];
    const fits =
      event !== null &&
      (!expected || event.type === expected) &&
      (!s.marker || body!.includes(JSON.stringify(s.marker))) &&
      (!s.ack.id || body!.includes(JSON.stringify(s.ack.id)));
    if (!fits) problems.push(`${when}: ${s.command.type} acknowledged as seq ${s.ack.seq} (${s.key}) but stored ${body ?? 'nothing'}`.slice(0, 300));
  }
}

/** No command ran twice: each marker text is in at most one stored event (exactly one if acknowledged). */
function checkOnce(sent: Sent[], log: Map<number, string>, problems: string[]): void {
  const bodies = [...log.values()];
  const byMarker = new Map<string, Sent[]>();
  for (const s of sent) if (s.marker) byMarker.set(s.marker, [...(byMarker.get(s.marker) ?? []), s]);
  for (const [marker, sends] of byMarker) {
    const needle = JSON.stringify(marker);
    const count = bodies.filter((b) => b.includes(needle)).length;
    const acked = sends.some((s) => s.ack.ok && s.ack.seq !== undefined);
    if (count > 1 || (acked && count !== 1)) problems.push(`"${marker}" is stored ${count} times (acknowledged: ${acked})`);
  }
}

/** Start again on the same port; a port briefly held elsewhere is retried, not a failure. */
async function respawn(env: Record<string, string>): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnServer(env);
    } catch (err) {
      if (attempt >= 5 || !/EADDRINUSE/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function snapshot(url: string, conveningId: string, token: string): Promise<ConveningView> {
  const res = await fetch(`${url}/api/convenings/${conveningId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { view: ConveningView }).view;
}

/** Path of the first difference between two JSON values, or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path} (${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)})`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
