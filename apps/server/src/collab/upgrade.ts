import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { COLLAB_CLOSE, type ApiError, type DocAccess, HTTP_STATUS } from '@brave/protocol';
import { docAccess, parseDocName, type DocRef, type Viewer } from '@brave/core';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { Connection } from './connection.ts';
import type { DocRegistry } from './registry.ts';
import type { CollabLimits } from '@brave/protocol';

export const COLLAB_PREFIX = '/collab/';

export interface UpgradeDeps {
  tokens: TokenService;
  rooms: RoomRegistry;
  docs: DocRegistry;
  originAllowed: (req: IncomingMessage) => boolean;
  limits: CollabLimits;
  now: () => number;
  log: (msg: string, err?: unknown) => void;
  /** How often open connections are checked against the access policy again. */
  recheckMs?: number;
  /** Runs before authorising (tests use it to prove a slow authorisation still connects). */
  beforeAuthorise?: (req: IncomingMessage) => Promise<void>;
}

type Admission = { ok: true; name: string; ref: DocRef; viewer: Viewer; access: DocAccess } | { ok: false; error: ApiError };

/**
 * Our `upgrade` router for /collab/<docName>?token=…: everything is checked BEFORE the
 * websocket exists (origin, credential, document, access policy), and a refusal is an
 * HTTP answer with a reason. socket.io is configured with destroyUpgrade: false, so a
 * slow authorisation is not cut off by it.
 */
export function collabUpgrade(deps: UpgradeDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.messageBytes * 2, perMessageDeflate: false });
  const connections = new Set<Connection>();

  const handle = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy());
    const admission = await admit(req, deps).catch((err: unknown): Admission => {
      deps.log('collab: upgrade failed', err);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong opening that document.' } };
    });
    if (socket.destroyed) return;
    if (!admission.ok) return refuse(socket, admission.error);
    let doc;
    try {
      doc = deps.docs.open(admission.name, admission.ref);
    } catch (err) {
      deps.log(`collab: could not open ${admission.name}`, err);
      return refuse(socket, { code: 'store_unavailable', message: 'That document could not be opened just now; try again.' });
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(ws, doc, { viewer: admission.viewer, ref: admission.ref }, admission.access, deps.docs, deps.limits, deps.now);
      connections.add(conn);
      ws.once('close', () => connections.delete(conn));
    });
  };

  const keepAlive = setInterval(() => {
    for (const c of connections) c.ping();
  }, 30_000);
  keepAlive.unref();
  // Access can change while connected (moved to another room, a caucus changing its
  // hosts): look again every few seconds and close what the policy no longer allows.
  const recheck = setInterval(() => void stillAllowed(connections, deps).catch((err) => deps.log('collab: access re-check failed', err)), deps.recheckMs ?? 5_000);
  recheck.unref();

  return {
    /** Returns false for upgrades that are not ours (socket.io's). */
    route(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = (req.url ?? '/').split('?')[0]!;
      if (!path.startsWith(COLLAB_PREFIX)) return false;
      void handle(req, socket, head);
      return true;
    },
    get connectionCount() {
      return connections.size;
    },
    close(): void {
      clearInterval(keepAlive);
      clearInterval(recheck);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

async function admit(req: IncomingMessage, deps: UpgradeDeps): Promise<Admission> {
  await deps.beforeAuthorise?.(req);
  if (!deps.originAllowed(req)) return no('forbidden', 'Documents cannot be opened from that site.');
  const url = new URL(req.url ?? '/', 'http://localhost');
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(COLLAB_PREFIX.length));
  } catch {
    return no('not_found', 'There is no such document.');
  }
  const ref = parseDocName(name);
  if (!ref) return no('not_found', 'There is no such document.');
  const cred = deps.tokens.verify(url.searchParams.get('token'));
  if (!cred) return no('unauthorized', 'A valid credential is needed to open documents; please join again.');
  if (cred.conveningId !== ref.conveningId) return no('unauthorized', 'Your credential is for a different convening.');
  const room = await deps.rooms.get(cred.conveningId);
  if (!room) return no('not_found', 'There is no such convening.');
  const viewer: Viewer = { participantId: cred.participantId, role: cred.role };
  if (!room.snapshot.participants[viewer.participantId]) return no('unauthorized', 'Your credential is not valid here; please join again.');
  const decision = docAccess(room.snapshot, viewer, ref);
  if (!decision.ok) return no(decision.code, decision.message);
  return { ok: true, name, ref, viewer, access: decision.access };
}

async function stillAllowed(connections: Set<Connection>, deps: UpgradeDeps): Promise<void> {
  for (const conn of connections) {
    const room = await deps.rooms.get(conn.who.ref.conveningId);
    const decision = room ? docAccess(room.snapshot, conn.who.viewer, conn.who.ref) : null;
    // Gaining write access takes effect on the next connection; losing any access, now.
    if (decision?.ok && !(conn.access === 'write' && decision.access === 'read')) continue;
    conn.close(COLLAB_CLOSE.forbidden, 'Your access to this document changed; reconnect to continue.');
  }
}

const no = (code: ApiError['code'], message: string): Admission => ({ ok: false, error: { code, message } });

/** Answer an upgrade we will not accept with a plain HTTP response carrying the reason. */
function refuse(socket: Duplex, error: ApiError): void {
  const status = HTTP_STATUS[error.code];
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1_000).unref();
}
