import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { COLLAB_CLOSE, type ApiError, type DocAccess, HTTP_STATUS } from '@brave/protocol';
import { parseDocName, type DocRef } from '@brave/core';
import type { AccountAuth } from '../accounts/auth.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { facilitatorCaller, memberCaller, type CommunityDocFacts } from './community-gate.ts';
import { Connection } from './connection.ts';
import { belongsTo, conveningCaller, type DocCaller, type Resolved } from './gate.ts';
import type { DocRegistry } from './registry.ts';
import type { CollabLimits } from '@brave/protocol';

export const COLLAB_PREFIX = '/collab/';

export interface UpgradeDeps {
  tokens: TokenService;
  rooms: RoomRegistry;
  /** Communities (member credentials, working groups); absent without them. */
  community?: CommunityDocFacts | undefined;
  /** Facilitator accounts (session cookie); absent without them. */
  accounts?: Pick<AccountAuth, 'fromCookieHeader'> | undefined;
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

type Admission = { ok: true; name: string; ref: DocRef; caller: DocCaller; access: DocAccess; channelName: string | undefined } | { ok: false; error: ApiError };

/**
 * Our `upgrade` router for /collab/<docName>?token=…: everything is checked BEFORE the
 * websocket exists (origin, credential, document, access policy), and a refusal is an
 * HTTP answer with a reason. socket.io is configured with destroyUpgrade: false, so a
 * slow authorisation is not cut off by it. The credential picks the gate: a convening
 * credential (`v1.…`), a member credential (`m1.…`), or, with no token, the facilitator
 * account of the session cookie.
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
      doc = await deps.docs.open(admission.name, admission.ref, admission.channelName);
    } catch (err) {
      deps.log(`collab: could not open ${admission.name}`, err);
      return refuse(socket, { code: 'store_unavailable', message: 'That document could not be opened just now; try again.' });
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(ws, doc, { caller: admission.caller, ref: admission.ref }, admission.access, deps.docs, deps.limits, deps.now);
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
  const recheck = setInterval(() => void stillAllowed(connections).catch((err) => deps.log('collab: access re-check failed', err)), deps.recheckMs ?? 5_000);
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
    /** A community's members, facilitators, working groups or channels changed: re-check its connections now. */
    async communityChanged(communityId: string): Promise<void> {
      await stillAllowed([...connections].filter((c) => c.who.caller.communityId === communityId));
    },
    /** A convening's rooms changed: re-check the connections to its notes now. */
    async conveningChanged(conveningId: string): Promise<void> {
      await stillAllowed([...connections].filter((c) => c.who.caller.conveningId === conveningId));
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
  const resolved = await authorise(deps, url.searchParams.get('token'), req.headers.cookie, ref);
  if (!resolved.ok) return resolved;
  const { caller } = resolved;
  if (!belongsTo(caller, ref)) return no('unauthorized', 'Your credential is for a different convening or community.');
  const decision = caller.access(ref);
  if (!decision.ok) return no(decision.code, decision.message);
  return { ok: true, name, ref, caller, access: decision.access, channelName: caller.channelName(ref) };
}

/** The gate the credential asks for. Without a token, only a facilitator's session opens toolkit drafts. */
function authorise(deps: UpgradeDeps, token: string | null, cookie: string | undefined, ref: DocRef): Promise<Resolved> {
  if (token?.startsWith('m1.')) return memberCaller(deps, token);
  if (token || ref.kind !== 'toolkit' || !deps.accounts) return conveningCaller(deps, token);
  const accounts = deps.accounts;
  return accounts.fromCookieHeader(cookie).then((account) => facilitatorCaller(deps, ref.communityId, account, () => accounts.fromCookieHeader(cookie)));
}

/**
 * Access can change while connected (moved to another room, a caucus changing its hosts,
 * a convening closing, a working group losing a member, a credential re-issued): ask the
 * gate again and close what it no longer allows. Gaining write access takes effect on
 * the next connection; losing any access, now.
 */
async function stillAllowed(connections: Iterable<Connection>): Promise<void> {
  for (const conn of connections) {
    const fresh = await conn.who.caller.refresh().catch(() => null);
    const decision = fresh?.access(conn.who.ref);
    if (fresh && decision?.ok && !(conn.access === 'write' && decision.access === 'read')) {
      conn.who.caller = fresh; // keep the current facts, not the ones it connected with
      continue;
    }
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
