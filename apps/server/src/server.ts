import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { LIMITS, PROTOCOL_VERSION, type HealthResult } from '@brave/protocol';
import { TokenService } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { RoomRegistry } from './convening/registry.ts';
import type { CommunityHooks } from './convening/room.ts';
import { attachCollab, type Collab, type CollabOptions } from './collab/index.ts';
import { KyselyDocStore } from './collab/doc-log.ts';
import { attachAccounts } from './accounts/index.ts';
import { attachMail, type Mail } from './mail/index.ts';
import { communityApi, createCommunities } from './community/index.ts';
import { CommunityNews } from './community/news.ts';
import { apiRouter } from './http/api.ts';
import { errorHandler, fail } from './http/respond.ts';
import { attachCommunityChannel } from './realtime/community-channel.ts';
import { attachRealtime } from './realtime/socket.ts';
import type { Cluster } from './cluster/index.ts';
import { openDatabase } from './store/database.ts';
import { KyselyStore } from './store/kysely-store.ts';
import { SqliteStore } from './store/sqlite.ts';
import type { Store } from './store/types.ts';

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

export function makeLogger(level: Config['log']) {
  return (msg: string, err?: unknown) => {
    if (level === 'silent') return;
    // Errors are logged by name and message only: bodies and credentials never reach logs.
    const detail = err instanceof Error ? ` (${err.name}: ${err.message})` : '';
    console.error(`[brave-space] ${msg}${detail}`);
  };
}

/** Build and start one server: HTTP API, socket.io, static web app, all on one port. */
export async function startServer(config: Config, options: { store?: Store; collab?: CollabOptions; hooks?: Partial<CommunityHooks> } = {}): Promise<RunningServer> {
  const log = makeLogger(config.log);
  const sqliteFile = join(config.dataDir, 'brave-space.db');
  const busyTimeoutMs = config.storeBusyTimeoutMs;
  const store =
    options.store ??
    (config.databaseUrl ? new KyselyStore(await openDatabase({ databaseUrl: config.databaseUrl, sqliteFile })) : await SqliteStore.open(sqliteFile, { busyTimeoutMs }));
  // Accounts, communities and documents are on the same database as the convening logs
  // (either engine; docs/architecture.md, Storage). With DATABASE_URL no SQLite file is opened.
  const database = store instanceof KyselyStore ? store.database : null;
  // Documents too, so with DATABASE_URL every process shares them (and relays over Redis).
  const docStore = database ? new KyselyDocStore(database) : null;
  const tokens = new TokenService(config.secret, config.tokenTtlMs);
  const app = express();
  const http = createHttpServer(app);
  const originAllowed = makeOriginCheck(config);

  // Communities (same database): built before the registry, whose rooms call their hooks.
  const communities = database && docStore ? createCommunities({ database, docs: docStore, secret: config.secret, now: Date.now, log }) : null;
  // The directory documents ask synchronously; with several processes it is read again every few seconds.
  await communities?.directory.load(config.databaseUrl ? config.directoryRereadMs : undefined);

  // The realtime layer needs the registry and the registry needs its fanout: wire lazily.
  const rooms: { registry?: RoomRegistry } = {};
  const { io, fanout } = attachRealtime(http, { tokens, getRooms: () => rooms.registry!, originAllowed, log, sendBufferBytes: config.socketSendBufferBytes, clustered: config.cluster !== null });
  // Several processes: loaded only then, so the single process never opens Redis.
  const cluster: Cluster | null = config.cluster
    ? await (await import('./cluster/index.ts')).startCluster({ io, store, ...config.cluster, getRooms: () => rooms.registry!, log })
    : null;
  // Confidential notes are deleted through the documents, built after the registry: wired lazily too.
  const notes: { collab?: Collab | null } = {};
  const registry = (rooms.registry = new RoomRegistry(store, fanout, {
    deleteNotes: (names) => notes.collab?.deleteNotes(names) ?? Promise.resolve(),
    recheckDocs: (id) => notes.collab?.conveningChanged(id) ?? Promise.resolve(),
    now: Date.now,
    reminderMinuteMs: config.reminderMinuteMs,
    roundSecondMs: config.roundSecondMs,
    planBudgetMs: config.planBudgetMs,
    log,
    ...(cluster ? { cluster: cluster.rooms } : {}),
    ...(options.hooks || communities ? { hooks: { ...communities?.hooks, ...options.hooks } } : {}),
  }));

  // Facilitator accounts (cookie sessions) live in the same database; `accounts.auth` is the
  // one way other routes learn who is signed in.
  const accounts = database ? attachAccounts({ database, config, originAllowed, now: Date.now }) : null;

  // Collaborative documents (/collab/ websockets, /api/…/docs, /p/<slug>): in docStore, across processes over Redis.
  const collab: Collab | null =
    docStore
      ? attachCollab(
          http,
          { store: docStore, bus: cluster?.docs, tokens, rooms: registry, accounts: accounts?.auth, community: communities?.directory, originAllowed, publicUrl: config.publicUrl, now: Date.now, log, env: process.env },
          options.collab,
        )
      : null;
  notes.collab = collab;
  // Several processes: a community change made through another process is read and re-checked here at once.
  if (cluster && communities) {
    await communities.shareAcross(new CommunityNews(cluster.docs, log), (id) => void collab?.communityChanged(id));
  }

  // Email (docs/email.md): choices and unsubscribing always; sending only with SMTP_URL.
  const listening = { url: '' };
  const mail: Mail | null =
    database && accounts && communities
      ? await attachMail({
          database,
          config,
          accounts: accounts.store,
          auth: accounts.auth,
          communities: communities.communities,
          members: communities.members,
          hub: communities.hub,
          memberTokens: communities.memberTokens,
          originAllowed,
          base: () => config.publicUrl ?? listening.url,
          now: Date.now,
          log,
        })
      : null;

  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          // Radix primitives inject small <style> tags (scroll locking), hence unsafe-inline for styles only.
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
    }),
  );
  app.get('/healthz', (_req, res) => {
    const redis = cluster ? { redis: cluster.redisConnected() ? ('connected' as const) : ('disconnected' as const) } : {};
    res.json({ ok: true, protocolVersion: PROTOCOL_VERSION, store: store.kind, ...redis } satisfies HealthResult);
  });
  app.use('/api', express.json({ limit: LIMITS.httpBodyBytes }), apiRouter({ store, rooms: registry, tokens, publicUrl: config.publicUrl, joinRate: config.joinRate }));
  if (accounts) app.use('/api', express.json({ limit: LIMITS.httpBodyBytes }), accounts.api);
  if (mail) app.use('/api', express.json({ limit: LIMITS.httpBodyBytes }), mail.api);
  const community =
    communities && accounts
      ? communityApi(
          {
            ...communities,
            store,
            rooms: registry,
            tokens,
            auth: accounts.auth,
            publicUrl: config.publicUrl,
            joinRate: config.joinRate,
            limits: config.communityLimits,
            now: Date.now,
            docsDeleted: (names) => collab?.docsDeleted(names),
            communityChanged: (id) => void collab?.communityChanged(id),
            memberLeft: (id, memberId) => mail?.forgetMember(id, memberId) ?? Promise.resolve(),
          },
          { intervalMs: config.retention.sweepMs, dayMs: config.retention.dayMs, log },
        )
      : null;
  if (community) app.use('/api', express.json({ limit: LIMITS.httpBodyBytes }), community.api, community.hub);
  // The community doorbell: open community homes hear that something changed (docs/communities.md).
  const doorbell =
    communities && accounts
      ? attachCommunityChannel(io, {
          bell: communities.bell,
          directory: communities.directory,
          facilitates: (id, accountId) => communities.directory.facts(id)?.facilitators.includes(accountId) ?? false,
          auth: accounts.auth,
          limits: config.doorbell,
          log,
        })
      : null;
  community?.sweeper.start();
  if (collab) app.use('/api', collab.api);
  if (collab) app.use(collab.pages);
  if (mail) app.use(mail.pages);
  app.use('/api', (_req, res) => fail(res, { code: 'not_found', message: 'No such API route.' }));
  serveWeb(app, config.webDist);
  app.use(errorHandler(log));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  listening.url = `http://${shownHost}:${port}`;
  mail?.start();
  return {
    url: config.publicUrl ?? listening.url,
    port,
    store,
    async close() {
      community?.sweeper.stop();
      await mail?.close();
      communities?.directory.stop();
      registry.stopAll();
      await cluster?.close();
      await collab?.close();
      doorbell?.close();
      // The callback fires once the HTTP server has closed; close()'s own promise only fails.
      await new Promise<void>((resolve, reject) => {
        io.close(() => resolve()).catch(reject);
      });
      http.closeAllConnections();
      await store.close();
    },
  };
}

function serveWeb(app: express.Express, dist: string): void {
  const index = join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h', immutable: false }));
  app.get(/^\/(?!api\/|socket\.io\/|collab\/).*/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built yet. Run `pnpm build` (or `pnpm start`).');
      return;
    }
    res.sendFile(index);
  });
}

/**
 * Browsers always send Origin on websocket upgrades: allow our own origin and the
 * configured ones. Non-browser clients (bots, tests) send none and rely on tokens.
 */
export function makeOriginCheck(config: Config) {
  const allowed = new Set(config.allowedOrigins);
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).origin);
  return (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (!origin) return true;
    if (allowed.has(origin)) return true;
    const host = req.headers.host;
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  };
}
