import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Every setting comes from the environment and passes this schema before use. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://user:password@host:port/db puts the convening store in PostgreSQL; unset, all stays in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  /**
   * redis://host:port (or rediss://) runs this process as one of several on the same
   * DATABASE_URL: deliveries cross processes through Redis, one process owns each convening.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  /** How long a process owns a convening without renewing; another takes over after it (REDIS_URL only). */
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(60_000).default(5_000),
  /**
   * With DATABASE_URL: how often each process reads every community again. A safety net: with
   * REDIS_URL a community change is announced to the other processes as soon as it commits.
   */
  DIRECTORY_REREAD_MS: z.coerce.number().int().min(500).max(86_400_000).default(5_000),
  /** A name for this process in the lease table and logs (REDIS_URL only); host, pid and a random tail when unset. */
  NODE_ID: z.string().regex(/^[\w.-]{1,100}$/, 'NODE_ID is letters, digits, dot, dash or underscore').optional(),
  /** Signs credentials. At least 32 characters; generated and kept in DATA_DIR when unset. */
  SECRET: z.string().min(32, 'SECRET must be at least 32 characters').optional(),
  /** Base of the links we hand out (join link, host link). Defaults to the request's host. */
  PUBLIC_URL: z.url().optional(),
  /** Comma-separated origins allowed to open sockets; the server's own origin always is. */
  ALLOWED_ORIGINS: z.string().default(''),
  TOKEN_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24 * 30),
  /** How long a reminder "minute" lasts; only tests shorten it. */
  REMINDER_MINUTE_MS: z.coerce.number().int().min(10).max(60_000).default(60_000),
  /** How long a breakout-round "second" lasts; only tests shorten it. */
  ROUND_SECOND_MS: z.coerce.number().int().min(1).max(1000).default(1000),
  /** How long the planner may search when several agenda rounds are planned together; 0 = one at a time. */
  PLAN_BUDGET_MS: z.coerce.number().int().min(0).max(5_000).default(1_000),
  /** How long a write waits for a locked database before it is refused; tests shorten it. */
  STORE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** Bytes that may wait for one reader who stopped reading before it is disconnected. */
  SOCKET_SEND_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(4 * 1024 * 1024),
  /**
   * Creating and joining, per address: a burst, then a steady rate. Generous by default
   * because a whole venue often shares one address.
   */
  JOIN_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(300),
  JOIN_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
  /** How long a facilitator stays signed in on one browser. */
  SESSION_TTL_DAYS: z.coerce.number().positive().max(365).default(30),
  /** Sign-in, sign-up and reset links, per address: a burst, then a steady rate. */
  ACCOUNT_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(30),
  ACCOUNT_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(0.2),
  /** Failed sign-ins per email in 15 minutes before that email must wait. */
  SIGNIN_FAILURES_MAX: z.coerce.number().int().min(1).max(1_000).default(10),
  /**
   * How much one caller may create. Generous: a network of 12–18 communities meeting monthly
   * with up to a few thousand members each stays far below every one (why each: CommunityLimits).
   */
  MAX_ACCOUNTS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  MAX_COMMUNITIES_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(50),
  MAX_MEMBERS_PER_COMMUNITY: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  MAX_SCHEDULED_PER_COMMUNITY: z.coerce.number().int().min(1).max(100_000).default(500),
  MAX_WORKING_GROUPS_PER_COMMUNITY: z.coerce.number().int().min(1).max(10_000).default(100),
  MAX_OPEN_FACILITATOR_INVITES: z.coerce.number().int().min(1).max(10_000).default(50),
  /** New links for members who lost theirs, per community: a burst, then a steady rate. */
  MEMBER_REISSUE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(100),
  MEMBER_REISSUE_PER_HOUR: z.coerce.number().positive().max(1_000_000).default(60),
  /** How often community retention rules run (deleting signal details and rosters after the period). */
  RETENTION_SWEEP_MS: z.coerce.number().int().min(10).max(7 * 86_400_000).default(3_600_000),
  /** How long a retention "day" lasts; only tests shorten it. */
  RETENTION_DAY_MS: z.coerce.number().int().min(10).max(86_400_000).default(86_400_000),
  /** Community doorbell connections (open community homes): per person and community, per community, handshakes per address. */
  DOORBELL_PER_PERSON: z.coerce.number().int().min(1).max(1_000).default(8),
  DOORBELL_PER_COMMUNITY: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  DOORBELL_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(60),
  DOORBELL_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(5),
  /** smtp://user:pass@host:port or smtps://… sends email (docs/email.md); unset, nothing is sent and links are shown to copy. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of our mail, e.g. "Brave Space <hello@example.org>". */
  MAIL_FROM: z.string().min(3).max(200).regex(/@/, 'MAIL_FROM must contain an email address').default('Brave Space <brave-space@localhost>'),
  /** Mails sent per minute from one process, and at most per address per hour. */
  MAIL_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  MAIL_PER_RECIPIENT_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Tries of one mail, and the wait before the second (doubling after). */
  MAIL_TRIES: z.coerce.number().int().min(1).max(20).default(6),
  MAIL_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** How often the reminder scheduler looks for convenings due a reminder. */
  MAIL_TICK_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** How long a reminder "hour" lasts (a day is 24); only tests shorten it. */
  MAIL_HOUR_MS: z.coerce.number().int().min(100).max(3_600_000).default(3_600_000),
  WEB_DIST: z.string().optional(),
  LOG: z.enum(['silent', 'info', 'debug']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL for the convening store; null: SQLite in dataDir. */
  databaseUrl: string | null;
  /** With databaseUrl: how often every community is read again into each process's directory. */
  directoryRereadMs: number;
  /** Several processes (needs databaseUrl); null: this process serves everything alone. */
  cluster: { redisUrl: string; leaseTtlMs: number; nodeId: string | undefined } | null;
  secret: string;
  publicUrl: string | undefined;
  allowedOrigins: string[];
  tokenTtlMs: number;
  reminderMinuteMs: number;
  roundSecondMs: number;
  planBudgetMs: number;
  storeBusyTimeoutMs: number;
  socketSendBufferBytes: number;
  joinRate: { burst: number; perSecond: number };
  accounts: { sessionTtlMs: number; rate: { burst: number; perSecond: number }; signinFailuresMax: number; maxAccounts: number };
  communityLimits: CommunityLimits;
  retention: { sweepMs: number; dayMs: number };
  doorbell: DoorbellLimits;
  /** Email (docs/email.md); null: no SMTP_URL, nothing is sent. */
  mail: MailConfig | null;
  webDist: string;
  log: 'silent' | 'info' | 'debug';
}

/**
 * How much a community (or an account, in communities) may hold; a refusal is a typed
 * `conflict` telling the facilitator what to remove. Why the defaults (MAX_* above):
 * - 10,000 accounts: only facilitators have accounts (members hold links), so even a large
 *   network has a few hundred; the cap only stops a script filling the disk over months.
 * - 50 communities per account: a coordinator of a whole network of 12–18 communities
 *   facilitates each of them, with room for several networks or practice communities.
 * - 5,000 members per community: "up to a few thousand members", with headroom.
 * - 500 scheduled convenings per community, past ones included (history cannot be deleted,
 *   and each started one holds a whole log): monthly for 40 years, weekly for almost 10.
 * - 100 working groups: a few per channel (at most 8 channels) and then some.
 * - 50 open co-facilitator links: a community has a handful of facilitators; a link stops
 *   counting once used or after its 7 days.
 * - Re-issued member links: 100 at once (a whole cohort after a device mix-up), then one a
 *   minute. A rate, not a count: a re-issue stores nothing new.
 */
export interface CommunityLimits {
  communitiesPerAccount: number;
  /** Current members; with people who left, at most FORMER_MEMBERS_FACTOR × this. */
  membersPerCommunity: number;
  scheduledPerCommunity: number;
  workingGroupsPerCommunity: number;
  openFacilitatorInvites: number;
  reissue: { burst: number; perSecond: number };
}

/**
 * Open community homes listening for changes (realtime/community-channel.ts). A person has
 * a phone and a laptop and a tab or two: 8 each. 10,000 per community: twice the member
 * limit. Handshakes per address: a burst, then a steady rate, so an office behind one
 * address reconnecting after a restart gets in within seconds.
 */
export interface DoorbellLimits {
  perPerson: number;
  perCommunity: number;
  rate: { burst: number; perSecond: number };
}

/**
 * People who left keep a row (their name, for the records), so joining and leaving in a loop
 * would grow a community without bound. Everyone who ever joined is capped at this multiple
 * of the member limit: years of ordinary turnover.
 */
export const FORMER_MEMBERS_FACTOR = 4;

export interface MailConfig {
  smtpUrl: string;
  from: string;
  perMinute: number;
  perRecipientPerHour: number;
  tries: number;
  retryMs: number;
  tickMs: number;
  hourMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  REDIS_URL: several processes need one shared database; set DATABASE_URL=postgres://… too.');
  const dataDir = resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? null,
    directoryRereadMs: e.DIRECTORY_REREAD_MS,
    cluster: e.REDIS_URL ? { redisUrl: e.REDIS_URL, leaseTtlMs: e.LEASE_TTL_MS, nodeId: e.NODE_ID } : null,
    secret: e.SECRET ?? persistedSecret(dataDir),
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    tokenTtlMs: e.TOKEN_TTL_HOURS * 3_600_000,
    reminderMinuteMs: e.REMINDER_MINUTE_MS,
    roundSecondMs: e.ROUND_SECOND_MS,
    planBudgetMs: e.PLAN_BUDGET_MS,
    storeBusyTimeoutMs: e.STORE_BUSY_TIMEOUT_MS,
    socketSendBufferBytes: e.SOCKET_SEND_BUFFER_BYTES,
    joinRate: { burst: e.JOIN_RATE_BURST, perSecond: e.JOIN_RATE_PER_SECOND },
    accounts: {
      sessionTtlMs: e.SESSION_TTL_DAYS * 86_400_000,
      rate: { burst: e.ACCOUNT_RATE_BURST, perSecond: e.ACCOUNT_RATE_PER_SECOND },
      signinFailuresMax: e.SIGNIN_FAILURES_MAX,
      maxAccounts: e.MAX_ACCOUNTS,
    },
    communityLimits: {
      communitiesPerAccount: e.MAX_COMMUNITIES_PER_ACCOUNT,
      membersPerCommunity: e.MAX_MEMBERS_PER_COMMUNITY,
      scheduledPerCommunity: e.MAX_SCHEDULED_PER_COMMUNITY,
      workingGroupsPerCommunity: e.MAX_WORKING_GROUPS_PER_COMMUNITY,
      openFacilitatorInvites: e.MAX_OPEN_FACILITATOR_INVITES,
      reissue: { burst: e.MEMBER_REISSUE_BURST, perSecond: e.MEMBER_REISSUE_PER_HOUR / 3600 },
    },
    retention: { sweepMs: e.RETENTION_SWEEP_MS, dayMs: e.RETENTION_DAY_MS },
    doorbell: { perPerson: e.DOORBELL_PER_PERSON, perCommunity: e.DOORBELL_PER_COMMUNITY, rate: { burst: e.DOORBELL_RATE_BURST, perSecond: e.DOORBELL_RATE_PER_SECOND } },
    mail: e.SMTP_URL
      ? {
          smtpUrl: e.SMTP_URL,
          from: e.MAIL_FROM,
          perMinute: e.MAIL_RATE_PER_MINUTE,
          perRecipientPerHour: e.MAIL_PER_RECIPIENT_PER_HOUR,
          tries: e.MAIL_TRIES,
          retryMs: e.MAIL_RETRY_MS,
          tickMs: e.MAIL_TICK_MS,
          hourMs: e.MAIL_HOUR_MS,
        }
      : null,
    webDist: resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    log: e.LOG,
  };
}

/** A fresh install needs no setup: the first start writes a random secret next to the data. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
