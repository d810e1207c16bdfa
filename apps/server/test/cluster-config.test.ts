// Several processes are turned on by configuration alone; a wrong setting must stop the
// start with a plain message, and no setting must leave the single process as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { ForwardOpSchema } from '../src/convening/cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'brave-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { DATA_DIR: dir, SECRET: 'a-secret-that-is-long-enough-for-hmac-000000' };
const PG = 'postgres://brave@127.0.0.1:5432/brave';

describe('REDIS_URL and the lease settings', () => {
  it('leave a single process alone when unset', () => {
    expect(loadConfig(base).cluster).toBeNull();
    expect(loadConfig({ ...base, DATABASE_URL: PG }).cluster).toBeNull();
  });

  it('turn on several processes with a shared database', () => {
    expect(loadConfig({ ...base, DATABASE_URL: PG, REDIS_URL: 'redis://127.0.0.1:6379', NODE_ID: 'web-1' }).cluster).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      leaseTtlMs: 5_000,
      nodeId: 'web-1',
    });
  });

  it.each([
    [{ REDIS_URL: 'redis://127.0.0.1:6379' }, /DATABASE_URL/],
    [{ DATABASE_URL: PG, REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis/],
    [{ DATABASE_URL: PG, REDIS_URL: 'redis://r', LEASE_TTL_MS: '10' }, /LEASE_TTL_MS/],
    [{ DATABASE_URL: PG, REDIS_URL: 'redis://r', NODE_ID: 'has space' }, /NODE_ID/],
  ])('refuse %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});

describe('what one process hands another over Redis', () => {
  it('is parsed again on arrival: an unknown kind, a forged role or a bad command is refused', () => {
    const actor = { participantId: 'p_1', role: 'participant' };
    expect(ForwardOpSchema.safeParse({ kind: 'command', actor, envelope: { key: 'key-0001', command: { type: 'spotlight.clear' } } }).success).toBe(true);
    expect(ForwardOpSchema.safeParse({ kind: 'drop_tables', actor }).success).toBe(false);
    expect(ForwardOpSchema.safeParse({ kind: 'command', actor: { ...actor, role: 'owner' }, envelope: { key: 'key-0001', command: { type: 'spotlight.clear' } } }).success).toBe(false);
    expect(ForwardOpSchema.safeParse({ kind: 'command', actor, envelope: { key: 'key-0001', command: { type: 'nope' } } }).success).toBe(false);
    expect(ForwardOpSchema.safeParse({ kind: 'remove', participantId: '../../etc' }).success).toBe(false);
  });
});
