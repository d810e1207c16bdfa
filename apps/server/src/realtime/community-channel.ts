import type { Namespace, Server, Socket } from 'socket.io';
import {
  DOORBELL_EVENTS,
  DOORBELL_NAMESPACE,
  DoorbellAuth,
  PROTOCOL_VERSION,
  type CommunityChanged,
  type DoorbellToClient,
  type DoorbellToServer,
} from '@brave/protocol';
import type { AccountAuth } from '../accounts/auth.ts';
import type { DoorbellLimits } from '../config.ts';
import type { CommunityBell } from '../community/bell.ts';
import type { CommunityDirectory } from '../community/directory.ts';
import { RateLimiter } from '../http/ratelimit.ts';
import { refusal } from './socket.ts';

/** Who holds a doorbell connection: a member by credential, or a facilitator by session. */
type Holder = { kind: 'member'; memberId: string; token: string } | { kind: 'facilitator'; accountId: string };

interface BellData {
  communityId: string;
  holder: Holder;
}
type Nsp = Namespace<DoorbellToServer, DoorbellToClient, Record<string, never>, BellData>;
type Conn = Socket<DoorbellToServer, DoorbellToClient, Record<string, never>, BellData>;

export interface CommunityChannelDeps {
  bell: CommunityBell;
  directory: CommunityDirectory;
  /** Does this account facilitate this (existing) community right now? */
  facilitates(communityId: string, accountId: string): boolean;
  auth: Pick<AccountAuth, 'fromCookieHeader'>;
  limits: DoorbellLimits;
  now?: () => number;
  log: (msg: string, err?: unknown) => void;
}

const roomOf = (communityId: string) => `k:${communityId}`;
const holderKey = (communityId: string, h: Holder) => `${communityId}:${h.kind === 'member' ? `m:${h.memberId}` : `a:${h.accountId}`}`;

/**
 * The `/community` namespace (docs/communities.md, "The home stays current"): an open
 * community home listens here and fetches itself again when the community's doorbell
 * rings. The handshake admits a current member (their `m1.…` credential) or a facilitator
 * (their session cookie) into their community's room only; everything else is refused as
 * a typed connect_error. Each ring re-checks who is still allowed when members or the
 * community changed, and lets out those who are not.
 */
export function attachCommunityChannel(io: Server, deps: CommunityChannelDeps): { close(): void } {
  const nsp = io.of(DOORBELL_NAMESPACE) as unknown as Nsp;
  const handshakes = new RateLimiter(deps.limits.rate.perSecond, deps.limits.rate.burst, deps.now);
  /** Admitted connections by holder and by community, counted from the handshake on. */
  const open = new Map<string, Set<string>>();
  const count = (key: string) => open.get(key)?.size ?? 0;
  const add = (key: string, id: string) => void (open.get(key) ?? open.set(key, new Set()).get(key)!).add(id);
  const remove = (key: string, id: string) => {
    const set = open.get(key);
    if (set?.delete(id) && set.size === 0) open.delete(key);
  };

  /** After a change of members or facilitators: may this connection stay? A database hiccup keeps it (the next ring asks again). */
  const stillAllowed = (socket: Conn): boolean => {
    const { communityId, holder } = socket.data;
    try {
      if (holder.kind === 'facilitator') return deps.facilitates(communityId, holder.accountId);
      const member = deps.directory.verifyMember(holder.token);
      return member?.communityId === communityId && member.memberId === holder.memberId;
    } catch (err) {
      deps.log('doorbell: could not re-check a connection', err);
      return true;
    }
  };

  nsp.use((socket, next) => {
    admit(socket).then(
      (data) => {
        // Counted and capped here, synchronously, so two handshakes at once cannot both take the last place.
        const keys = [holderKey(data.communityId, data.holder), roomOf(data.communityId)];
        if (count(keys[0]!) >= deps.limits.perPerson) return next(refusal('rate_limited', 'This community is open in many windows of yours already; close one and try again.'));
        if (count(keys[1]!) >= deps.limits.perCommunity) return next(refusal('rate_limited', 'This community has very many windows open right now; the page keeps itself current a little more slowly.'));
        for (const k of keys) add(k, socket.id);
        // Whichever comes first: the socket leaves, or its connection closes before it ever joined.
        const forget = () => keys.forEach((k) => remove(k, socket.id));
        socket.once('disconnect', forget);
        socket.conn.once('close', forget);
        socket.data = data;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : refusal('internal', 'Something went wrong on our side; the page keeps itself current without this.')),
    );
  });

  async function admit(socket: Conn): Promise<BellData> {
    const wait = handshakes.take(addressOf(socket));
    if (wait > 0) throw refusal('rate_limited', 'Many pages connected from here just now; this one tries again in a moment.');
    const auth = DoorbellAuth.safeParse(socket.handshake.auth);
    if (!auth.success) throw refusal('bad_request', 'This connection needs the community it is for.');
    const { communityId, token, protocolVersion } = auth.data;
    if (protocolVersion !== PROTOCOL_VERSION) throw refusal('protocol_mismatch', 'This page is out of date. Please reload it.');
    if (token !== undefined) {
      const member = deps.directory.verifyMember(token);
      if (member?.communityId !== communityId) throw refusal('unauthorized', 'Your member link does not open this community. Ask a facilitator for a new one.');
      return { communityId, holder: { kind: 'member', memberId: member.memberId, token } };
    }
    const account = await deps.auth.fromCookieHeader(socket.handshake.headers.cookie);
    if (!account || !deps.facilitates(communityId, account.id)) throw refusal('unauthorized', 'Only the members and facilitators of this community hear about its changes.');
    return { communityId, holder: { kind: 'facilitator', accountId: account.id } };
  }

  nsp.on('connection', (socket) => {
    void Promise.resolve(socket.join(roomOf(socket.data.communityId))).catch((err: unknown) => {
      deps.log('doorbell: could not join a community room', err);
      socket.disconnect(true);
    });
    // The doorbell only rings one way: anything a client sends is ignored, never answered.
  });

  const stop = deps.bell.listen((communityId: string, change: CommunityChanged) => {
    const room = roomOf(communityId);
    if (change.kind === 'members' || change.kind === 'community') {
      for (const id of nsp.adapter.rooms.get(room) ?? []) {
        const socket = nsp.sockets.get(id);
        if (socket && !stillAllowed(socket)) socket.disconnect(true);
      }
    }
    nsp.to(room).emit(DOORBELL_EVENTS.changed, change);
  });

  return {
    close() {
      stop();
      nsp.disconnectSockets(true);
    },
  };
}

/** The caller's address; a forwarded one only from a proxy on this machine (as Express trusts it). */
function addressOf(socket: Conn): string {
  const direct = socket.handshake.address;
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const loopback = direct === '127.0.0.1' || direct === '::1' || direct === '::ffff:127.0.0.1';
  if (!loopback || typeof forwarded !== 'string') return direct;
  return forwarded.split(',').at(-1)?.trim() || direct;
}
