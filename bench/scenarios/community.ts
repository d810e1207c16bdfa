import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import Database from 'better-sqlite3';
import { CommunityInfo, type MemberCredential } from '@brave/protocol';
import { now } from '../lib/clock.ts';
import { ROOT, startService, type Service } from '../lib/procs.ts';
import { summarise, type Summary } from '../lib/stats.ts';
import { Caller, CHANNELS, enter, holdConvening, joinMembers, scheduleOne, signUp } from './community-setup.ts';

const SECRET = 'bench-secret-that-is-long-enough-for-hmac-0123456789';

export interface CommunityOptions {
  sizes: number[];
  convenings: number;
  /** Members let into each convening (connected, affirmed, in the mix round). */
  attendees: number;
  /** Timed calls per operation. */
  reps: number;
}

export interface CommunityRow {
  op: string;
  latencyMs: Summary;
  cpuUsPerCall: number;
  responseBytes: number;
  floorMs: Summary;
  floorCpuUs: number;
}

export interface CommunityPoint {
  members: number;
  convenings: number;
  attendees: number;
  eventsStored: number;
  setupS: number;
  rows: CommunityRow[];
}

export interface CommunityResult {
  points: CommunityPoint[];
  error?: string;
}

/** Our server on `dataDir`, kept between starts so the same data can be read after a restart. */
const start = (dataDir: string): Promise<Service> =>
  startService({ name: 'ours', script: join(ROOT, 'apps/server/src/main.ts'), env: { PORT: '0', DATA_DIR: dataDir, SECRET, LOG: 'info' }, ready: /running at http:\/\/[^:\s]+:(\d+)/ });

/** Time `reps` sequential calls; server CPU from /proc over the whole loop. */
async function timed(server: Service, reps: number, call: (i: number) => Promise<number>): Promise<{ ms: Summary; cpuUs: number; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  const cpu0 = server.cpuNs();
  for (let i = 0; i < reps; i++) {
    const t = now();
    bytes = await call(i);
    ms.push(now() - t);
  }
  return { ms: summarise(ms), cpuUs: (server.cpuNs() - cpu0) / 1000 / reps, bytes };
}

/** The floor: the same rows read straight from SQLite and JSON-serialised, in this process. */
function floor(reps: number, work: (i: number) => void): { ms: Summary; cpuUs: number } {
  const ms: number[] = [];
  const cpu0 = cpuUsage();
  for (let i = 0; i < reps; i++) {
    const t = now();
    work(i);
    ms.push(now() - t);
  }
  const d = cpuUsage(cpu0);
  return { ms: summarise(ms), cpuUs: (d.user + d.system) / reps };
}

function floors(db: Database.Database, communityId: string) {
  const q = (sql: string) => db.prepare(sql);
  const home = [
    q('SELECT * FROM communities WHERE id = ?'),
    q('SELECT * FROM community_facilitators WHERE community_id = ?'),
    q('SELECT * FROM members WHERE community_id = ? AND former = 0'),
    q('SELECT g.*, (SELECT json_group_array(member_id) FROM working_group_members WHERE group_id = g.id) AS m, (SELECT json_group_array(channel) FROM working_group_channels WHERE group_id = g.id) AS c FROM working_groups g WHERE community_id = ?'),
    q('SELECT * FROM scheduled_convenings WHERE community_id = ? ORDER BY starts_at'),
  ];
  const events = q('SELECT e.* FROM events e JOIN scheduled_convenings s ON s.convening_id = e.convening_id WHERE s.community_id = ? ORDER BY e.convening_id, e.seq');
  const homeRows = () => home.map((s) => s.all(communityId));
  const one = q('SELECT * FROM members WHERE id = ?');
  return {
    home: () => JSON.stringify(homeRows()),
    me: (memberId: string) => JSON.stringify([one.get(memberId), events.all(communityId), q('SELECT * FROM community_meetings WHERE community_id = ?').all(communityId)]),
    export: () => JSON.stringify([homeRows(), events.all(communityId)]),
  };
}

/**
 * A scratch database file with the same pragmas as the server's (WAL, synchronous NORMAL)
 * for the write floors: one insert in a transaction, serialised.
 */
function scratch(dir: string): { member: (i: number) => void; admit: (i: number) => void; close: () => void } {
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE members (id TEXT PRIMARY KEY, community_id TEXT NOT NULL, name TEXT NOT NULL, channel TEXT, team TEXT, organisation TEXT, region TEXT, joined_at INTEGER NOT NULL);
           CREATE TABLE events (convening_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, actor TEXT, body TEXT NOT NULL, PRIMARY KEY (convening_id, seq)) WITHOUT ROWID;`);
  const m = db.prepare('INSERT INTO members VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const e = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?)');
  return {
    member: (i) => void JSON.stringify(db.transaction(() => m.run(`u_floor${i}`, 'k_floor', `Member ${i}`, 'money', 'Team 1', 'Org 1', 'Region 1', Date.now()))()),
    admit: (i) => void JSON.stringify(db.transaction(() => e.run('c_floor', i, Date.now(), `u_floor${i}`, JSON.stringify({ type: 'participant.joined', participant: { id: `u_floor${i}`, name: `Member ${i}` } })))()),
    close: () => db.close(),
  };
}

export async function runCommunity(opts: CommunityOptions, log: (s: string) => void): Promise<CommunityResult> {
  const result: CommunityResult = { points: [] };
  for (const n of opts.sizes) {
    const dataDir = mkdtempSync(join(tmpdir(), 'brave-bench-community-'));
    let server: Service | undefined;
    try {
      server = await start(dataDir);
      const t0 = now();
      const built = await build(server.url, n, opts);
      // Read back after a restart: nothing is loaded, as months after the convenings.
      await server.stop();
      server = await start(dataDir);
      built.f.base = server.url;
      const setupS = (now() - t0) / 1000;
      log(`  ${n} members, ${opts.convenings} convenings × ${opts.attendees}: built in ${setupS.toFixed(0)} s`);
      const point = await measure(server, dataDir, built, n, opts);
      result.points.push({ ...point, setupS });
      for (const r of point.rows) log(`    ${r.op.padEnd(34)} p50 ${r.latencyMs.p50.toFixed(2)} ms  p95 ${r.latencyMs.p95.toFixed(2)} ms  CPU ${r.cpuUsPerCall.toFixed(0)} µs  floor p50 ${r.floorMs.p50.toFixed(3)} ms`);
    } catch (err) {
      result.error = err instanceof Error ? err.message : String(err);
      log(`  community at ${n} failed: ${result.error}`);
      break;
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return result;
}

interface Built {
  f: Caller;
  communityId: string;
  code: string;
  members: MemberCredential[];
}

async function build(url: string, n: number, opts: CommunityOptions): Promise<Built> {
  const f = await signUp(url);
  const community = CommunityInfo.parse(await f.expect(201, 'POST', '/api/communities', { name: 'Bench network', description: 'A community of practice for the bench', retentionDays: null, channels: CHANNELS.map((c) => ({ id: c, name: c[0]!.toUpperCase() + c.slice(1) })) }));
  const invite = (await f.expect(200, 'GET', `/api/communities/${community.id}/member-invite`)) as { url: string };
  const code = new URLSearchParams(new URL(invite.url).hash.slice(1)).get('code') ?? '';
  const members = await joinMembers(f, community.id, code, n, 0);
  for (const [g, channel] of ['money', 'narrative', 'policy'].entries()) {
    const group = members.slice(g * 50, g * 50 + 50).map((m) => m.memberId);
    await f.expect(201, 'POST', `/api/communities/${community.id}/working-groups`, { name: `${channel} group`, channels: [channel], members: group });
  }
  for (let k = 0; k < opts.convenings; k++) {
    const sid = await scheduleOne(f, community.id, k);
    // A different slice of the membership comes each month.
    const from = (k * opts.attendees) % Math.max(1, n - opts.attendees);
    await holdConvening(f, community.id, sid, members.slice(from, from + opts.attendees));
  }
  return { f, communityId: community.id, code, members };
}

async function measure(server: Service, dataDir: string, b: Built, n: number, opts: CommunityOptions): Promise<Omit<CommunityPoint, 'setupS'>> {
  const { f, communityId: id, members } = b;
  const reps = opts.reps;
  const member = (i: number) => Object.assign(new Caller(server.url), { bearer: members[i % Math.min(members.length, opts.attendees)]!.token });
  const bytes = async (c: Caller, path: string) => {
    const r = await c.expect(200, 'GET', path);
    return JSON.stringify(r).length;
  };
  const db = new Database(join(dataDir, 'brave-space.db'), { readonly: true, fileMustExist: true });
  const fl = floors(db, id);
  const sc = scratch(dataDir);
  const rows: CommunityRow[] = [];
  const row = (op: string, ours: Awaited<ReturnType<typeof timed>>, base: ReturnType<typeof floor>) =>
    rows.push({ op, latencyMs: ours.ms, cpuUsPerCall: ours.cpuUs, responseBytes: ours.bytes, floorMs: base.ms, floorCpuUs: base.cpuUs });
  try {
    // One untimed call each so the first fold of a log is not the only thing measured.
    await bytes(f, `/api/communities/${id}`);
    row('GET home (facilitator)', await timed(server, reps, () => bytes(f, `/api/communities/${id}`)), floor(reps, () => fl.home()));
    row('GET home (member)', await timed(server, reps, (i) => bytes(member(i), `/api/communities/${id}`)), floor(reps, () => fl.home()));
    row('GET /me (member)', await timed(server, reps, (i) => bytes(member(i), `/api/communities/${id}/me`)), floor(reps, (i) => fl.me(members[i % members.length]!.memberId)));
    row('GET /export (facilitator)', await timed(server, Math.max(5, reps >> 2), () => bytes(f, `/api/communities/${id}/export`)), floor(Math.max(5, reps >> 2), () => fl.export()));
    let joined = n;
    row(
      'POST member join',
      await timed(server, reps, async () => JSON.stringify(await joinMembers(f, id, b.code, 1, joined++)).length),
      floor(reps, (i) => sc.member(i)),
    );
    const sid = await scheduleOne(f, id, opts.convenings);
    await f.expect(201, 'POST', `/api/communities/${id}/convenings/${sid}/start`);
    // Members who have not entered yet, so each call admits someone new into the live room.
    const fresh = members.slice(-reps);
    row('POST convening join (live)', await timed(server, reps, async (i) => JSON.stringify(await enter(server.url, id, sid, fresh[i]!.token)).length), floor(reps, (i) => sc.admit(i)));
    const eventsStored = (db.prepare('SELECT count(*) AS c FROM events').get() as { c: number }).c;
    return { members: n, convenings: opts.convenings, attendees: opts.attendees, eventsStored, rows };
  } finally {
    db.close();
    sc.close();
  }
}
