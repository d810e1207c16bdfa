import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Server } from 'socket.io';
import { z } from 'zod';
import { Id } from '@brave/protocol';
import { ForwardOpSchema, type ForwardOp, type ForwardResult, type RoomCluster } from '../convening/cluster.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import type { ConveningRoom } from '../convening/room.ts';
import { StoreUnavailableError, type Store } from '../store/types.ts';
import type { DocBus } from '../collab/shared-docs.ts';
import { Ownership } from './ownership.ts';
import { connectRedis } from './redis.ts';

/** How long a forwarded write waits for the owner before it is answered store_unavailable (the client's ack waits 5 s). */
const FORWARD_TIMEOUT_MS = 4_000;
const ATTEMPTS = 3;

const Request = z.object({ id: z.string().max(64), from: z.string().max(200), conveningId: Id, op: ForwardOpSchema });
const Reply = z.object({ id: z.string().max(64), moved: z.boolean().optional(), failed: z.boolean().optional(), result: z.unknown().optional() });
type Reply = z.infer<typeof Reply>;

export interface ClusterOptions {
  io: Server;
  store: Store;
  redisUrl: string;
  leaseTtlMs: number;
  nodeId?: string | undefined;
  getRooms: () => RoomRegistry;
  log: (msg: string, err?: unknown) => void;
}

export interface Cluster {
  nodeId: string;
  rooms: RoomCluster;
  /** The documents' Redis channels (collab/shared-docs.ts). */
  docs: DocBus;
  redisConnected(): boolean;
  close(): Promise<void>;
}

const owners = (node: string) => `brave:owner:${node}`;
const replies = (node: string) => `brave:reply:${node}`;

/**
 * Several identical processes on one PostgreSQL and one Redis. socket.io's Redis adapter
 * carries the owner's deliveries (each already cut down for its audience's room) to the
 * sockets on every process; a write that reaches a process not owning its convening is
 * forwarded over a Redis channel to the lease holder (or, if nobody holds it, this process
 * takes the lease and runs it). The log stays the truth: followers read it by seq.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { store, log, getRooms, leaseTtlMs } = options;
  const nodeId = options.nodeId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  // Back after an outage: this process's readers may have missed what owners elsewhere sent
  // meanwhile. Their connections are cut, and each comes back and resumes from its seq
  // (the client waits 0.5 to 1.5 s, so they do not all return at once).
  const back: (() => void)[] = [];
  const redis = await connectRedis(options.io, options.redisUrl, log, () => {
    options.io.local.disconnectSockets(true);
    for (const listener of back) listener();
  });
  const ownership = new Ownership(store, nodeId, leaseTtlMs, (id) => void getRooms().get(id).then((r) => r?.follow(), () => undefined), log);
  const pending = new Map<string, (reply: Reply | null) => void>();

  /** Take the lease if nobody holds it; the new owner's room catches up and arms its timers first. */
  const claim = async (room: ConveningRoom) =>
    ownership.claim(room.id, () => {
      room.lead().catch((err: unknown) => {
        log(`cluster: could not take over convening ${room.id}`, err);
        ownership.drop(room.id);
      });
    });

  async function ask(owner: string, conveningId: string, op: ForwardOp): Promise<Reply | null> {
    const id = randomBytes(9).toString('base64url');
    const answered = new Promise<Reply | null>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(null);
      }, FORWARD_TIMEOUT_MS);
      pending.set(id, (r) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(r);
      });
    });
    try {
      await redis.publish(owners(owner), JSON.stringify({ id, from: nodeId, conveningId, op }));
    } catch {
      pending.get(id)?.(null);
    }
    return answered;
  }

  async function forward<O extends ForwardOp>(conveningId: string, op: O): Promise<ForwardResult[O['kind']]> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const room = await getRooms().get(conveningId);
      if (!room) break;
      let owner: string;
      try {
        owner = (await claim(room)).owner;
      } catch (err) {
        log(`cluster: could not learn who owns convening ${conveningId}`, err);
        break;
      }
      if (owner === nodeId) return run(room, op);
      const reply = await ask(owner, conveningId, op);
      if (reply?.moved) continue;
      if (!reply || reply.failed) break;
      return reply.result as ForwardResult[O['kind']];
    }
    return unavailable(op);
  }

  await redis.subscribe(replies(nodeId), (message) => {
    const reply = Reply.safeParse(safeJson(message));
    if (reply.success) pending.get(reply.data.id)?.(reply.data);
  });
  await redis.subscribe(owners(nodeId), (message) => {
    const request = Request.safeParse(safeJson(message));
    if (!request.success) return log('cluster: ignored a forwarded request that did not parse');
    const { id, from, conveningId, op } = request.data;
    const answer = async (): Promise<Omit<Reply, 'id'>> => {
      const room = ownership.epoch(conveningId) === undefined ? null : await getRooms().get(conveningId);
      if (!room) return { moved: true };
      try {
        return { result: await run(room, op) };
      } catch (err) {
        log(`cluster: a forwarded ${op.kind} failed`, err);
        return { failed: true };
      }
    };
    void answer().then((reply) => redis.publish(replies(from), JSON.stringify({ id, ...reply })).catch(() => undefined));
  });

  // A convening loaded here whose owner went away (its lease ran out) is taken over within
  // a lease's lifetime, so its timers fire even if nobody sends anything.
  const watch = setInterval(() => {
    const registry = getRooms();
    for (const id of registry.loaded()) {
      if (ownership.epoch(id) !== undefined) continue;
      void registry.get(id).then((room) => room && claim(room)).catch(() => undefined);
    }
  }, Math.max(50, Math.floor(leaseTtlMs / 2)));
  watch.unref();

  return {
    nodeId,
    rooms: {
      epoch: (id) => ownership.epoch(id),
      forward,
      fenced: (id, epoch) => ownership.drop(id, epoch),
    },
    docs: {
      publish: (channel, message) => redis.publish(channel, message),
      subscribe: (channel, listener) => redis.subscribe(channel, listener),
      unsubscribe: (channel) => redis.unsubscribe(channel),
      onBack: (listener) => void back.push(listener),
    },
    redisConnected: () => redis.connected(),
    async close() {
      clearInterval(watch);
      await ownership.close();
      for (const resolve of pending.values()) resolve(null);
      await redis.close();
    },
  };
}

function run<O extends ForwardOp>(room: ConveningRoom, op: O): Promise<ForwardResult[O['kind']]> {
  const o: ForwardOp = op;
  const result = o.kind === 'command' ? room.command(o.actor, o.envelope) : o.kind === 'admit' ? room.admit(o.person) : room.remove(o.participantId);
  return result as Promise<ForwardResult[O['kind']]>;
}

function unavailable<O extends ForwardOp>(op: O): ForwardResult[O['kind']] {
  if (op.kind === 'remove') throw new StoreUnavailableError('The process running this convening did not answer.');
  const message = 'We could not reach the part of Brave Space running this convening, so nothing was done. Please try again.';
  return { ok: false, error: { code: 'store_unavailable', message } } as ForwardResult[O['kind']];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
