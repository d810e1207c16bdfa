import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import type { CollabLimits } from '@brave/protocol';
import type { AccountAuth } from '../accounts/auth.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { DocActions } from './actions.ts';
import { deleteConfidentialNotes } from './confidential.ts';
import type { CommunityDocFacts } from './community-gate.ts';
import type { DocStore } from './doc-store.ts';
import { resolveLimits } from './limits.ts';
import { DocRegistry } from './registry.ts';
import { SharedDocs, type DocBus } from './shared-docs.ts';
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
  /** Where documents are kept (collab/doc-log.ts on the server's database). */
  store: DocStore;
  /** Several processes: the documents' Redis channels (cluster/index.ts). Absent: this process alone. */
  bus?: DocBus | undefined;
  tokens: TokenService;
  rooms: RoomRegistry;
  /** Communities (member credentials, working groups): the community gate. Absent: only convening credentials open documents. */
  community?: CommunityDocFacts | undefined;
  /** Facilitator accounts (session cookie) for the community gate. */
  accounts?: AccountAuth | undefined;
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
  /**
   * Call after a community's members, facilitators, working groups or channels changed:
   * open connections to its toolkit drafts are checked again at once, and one that lost
   * its access (or its write access) is closed with COLLAB_CLOSE.forbidden. (They are
   * also re-checked every few seconds regardless.)
   */
  communityChanged(communityId: string): Promise<void>;
  /**
   * Call after a convening's rooms changed (a room marked confidential live, hosts, moves,
   * a round's end): its open notes connections are checked again at once, and one the
   * policy no longer allows is closed with COLLAB_CLOSE.forbidden.
   */
  conveningChanged(conveningId: string): Promise<void>;
  /** Call after deleting documents from the store: open ones are closed and forgotten, nothing is written back. */
  docsDeleted(names: readonly string[]): void;
  /** Delete a closed round's confidential notes: open ones closed, every row gone (collab/confidential.ts). */
  deleteNotes(names: readonly string[]): Promise<void>;
  /** Store what is queued, then close every connection. */
  close(): Promise<void>;
}

/**
 * Collaborative documents on the shared HTTP server: the /collab/ websocket endpoint
 * (our own `upgrade` listener), the document API and the public pages. Everything here
 * belongs to one server instance.
 */
export function attachCollab(http: HttpServer, deps: CollabDeps, options: CollabOptions = {}): Collab {
  const limits = resolveLimits(deps.env, options.limits);
  const store = deps.store;
  const shared = deps.bus ? new SharedDocs(deps.bus, limits, deps.log) : null;
  const docs = new DocRegistry(store, { limits, now: deps.now, log: deps.log, ...(shared ? { shared } : {}) });
  shared?.serve(docs);
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
    api: docRoutes({ tokens: deps.tokens, rooms: deps.rooms, community: deps.community, accounts: deps.accounts, docs, actions, store, publicUrl: deps.publicUrl }),
    pages: publicRoutes(store),
    stats: () => ({ openDocs: docs.openCount, connections: upgrade.connectionCount }),
    docsDeleted: (names) => {
      docs.deleted(names);
      shared?.deleted(names);
    },
    deleteNotes: (names) => deleteConfidentialNotes(docs, store, names, shared),
    communityChanged: (communityId) => upgrade.communityChanged(communityId).catch((err: unknown) => deps.log('collab: community re-check failed', err)),
    conveningChanged: (conveningId) => upgrade.conveningChanged(conveningId),
    async close() {
      http.off('upgrade', onUpgrade);
      await docs.closeAll();
      upgrade.close();
    },
  };
}
