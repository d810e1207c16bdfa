import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type Database from 'better-sqlite3';
import type { Router } from 'express';
import type { CollabLimits } from '@brave/protocol';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { DocActions } from './actions.ts';
import { DocStore } from './doc-store.ts';
import { resolveLimits } from './limits.ts';
import { DocRegistry } from './registry.ts';
import { docRoutes, publicRoutes } from './routes.ts';
import { collabUpgrade } from './upgrade.ts';

export interface CollabOptions {
  limits?: Partial<CollabLimits>;
  /** How often open connections are checked against the access policy again (default 5 s). */
  accessRecheckMs?: number;
  /** Test hook: awaited before each upgrade is authorised. */
  beforeAuthorise?: (req: IncomingMessage) => Promise<void>;
}

export interface CollabDeps {
  db: Database.Database;
  tokens: TokenService;
  rooms: RoomRegistry;
  originAllowed: (req: IncomingMessage) => boolean;
  publicUrl: string | undefined;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  env: Record<string, string | undefined>;
}

export interface Collab {
  /** Mount under /api (after the JSON body parser). */
  api: Router;
  /** Mount at the root, before the web app's catch-all: /p/<slug>. */
  pages: Router;
  stats(): { openDocs: number; connections: number };
  close(): void;
}

/**
 * Collaborative documents on the shared HTTP server: the /collab/ websocket endpoint
 * (our own `upgrade` listener), the document API and the public pages. Everything here
 * belongs to one server instance.
 */
export function attachCollab(http: HttpServer, deps: CollabDeps, options: CollabOptions = {}): Collab {
  const limits = resolveLimits(deps.env, options.limits);
  const store = new DocStore(deps.db);
  const docs = new DocRegistry(store, { limits, now: deps.now, log: deps.log });
  const actions = new DocActions(docs, store, deps.now);
  const upgrade = collabUpgrade({
    ...deps,
    docs,
    limits,
    ...(options.accessRecheckMs ? { recheckMs: options.accessRecheckMs } : {}),
    ...(options.beforeAuthorise ? { beforeAuthorise: options.beforeAuthorise } : {}),
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (upgrade.route(req, socket, head)) return;
    // socket.io answers its own path; anything else is nobody's.
    if (!(req.url ?? '').startsWith('/socket.io/')) {
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  };
  http.on('upgrade', onUpgrade);

  return {
    api: docRoutes({ tokens: deps.tokens, rooms: deps.rooms, docs, actions, store, publicUrl: deps.publicUrl }),
    pages: publicRoutes(store),
    stats: () => ({ openDocs: docs.openCount, connections: upgrade.connectionCount }),
    close() {
      http.off('upgrade', onUpgrade);
      docs.closeAll();
      upgrade.close();
    },
  };
}
