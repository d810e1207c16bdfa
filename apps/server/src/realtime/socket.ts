import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  CommandEnvelope,
  HandshakeAuth,
  LIMITS,
  PROTOCOL_VERSION,
  SOCKET_EVENTS,
  apiError,
  schemaError,
  type AckResult,
  type ClientToServer,
  type ConnectRefusal,
  type ServerToClient,
} from '@brave/protocol';
import { isFacilitator, type Audience, type Delivery, type Viewer } from '@brave/core';
import type { TokenService } from '../auth/tokens.ts';
import type { Fanout } from '../convening/room.ts';
import type { RoomRegistry } from '../convening/registry.ts';
import { TokenBucket } from '../http/ratelimit.ts';
import { SEND_BUFFER_BYTES, boundSendBuffer } from './backpressure.ts';
import { HELLO_SUFFIX, writeSnapshotFrame } from './hello-frame.ts';

interface SocketData {
  viewer: Viewer;
  conveningId: string;
  lastSeq: number | undefined;
}
type IO = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
type Conn = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

/** socket.io room names for each audience of a convening. */
const rooms = {
  everyone: (c: string) => `c:${c}`,
  facilitators: (c: string) => `c:${c}:f`,
  participants: (c: string) => `c:${c}:p`,
  person: (c: string, p: string) => `c:${c}:u:${p}`,
};

export interface RealtimeDeps {
  tokens: TokenService;
  getRooms: () => RoomRegistry;
  originAllowed: (req: IncomingMessage) => boolean;
  log: (msg: string, err?: unknown) => void;
  /** Bytes that may wait for one slow reader before it is cut off (it resyncs on return). */
  sendBufferBytes?: number;
  /** Several processes (REDIS_URL): presence is counted across them. */
  clustered?: boolean;
}

/** The socket.io adapter: handshake auth, commands in, filtered events out. */
export function attachRealtime(http: HttpServer, deps: RealtimeDeps): { io: IO; fanout: Fanout } {
  const io: IO = new Server(http, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: LIMITS.socketMessageBytes,
    // Upgrades we do not own (/collab/) are routed by our own upgrade handler.
    destroyUpgrade: false,
    allowRequest: (req, cb) => cb(null, deps.originAllowed(req)),
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });

  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal('unauthorized', 'A credential is needed to connect.'));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return next(refusal('protocol_mismatch', `This page is out of date (protocol ${auth.data.protocolVersion}, server ${PROTOCOL_VERSION}). Please reload.`));
    }
    const cred = deps.tokens.verify(auth.data.token);
    if (!cred) return next(refusal('unauthorized', 'Your credential is not valid here. Please join again.'));
    socket.data = { viewer: { participantId: cred.participantId, role: cred.role }, conveningId: cred.conveningId, lastSeq: auth.data.lastSeq };
    // What it said is in socket.data now: the credential is not kept for the connection's
    // life (nor shown to other processes asking who is connected), a few hundred bytes each.
    socket.handshake.auth = {};
    // Refuse unknown people here, as a typed handshake refusal: a disconnect after
    // connecting would make the client retry forever. A failed load is left to onConnection.
    deps.getRooms().get(cred.conveningId).then(
      (room) => next(room?.admits(cred.participantId) ? undefined : refusal('unauthorized', 'This convening does not know you. Please join again.')),
      () => next(),
    );
  });

  const presence = presenceAnnouncer(io, deps.clustered ?? false);
  io.on('connection', (socket) => void onConnection(socket, deps, presence).catch((err) => {
    deps.log('socket: connection failed', err);
    socket.disconnect(true);
  }));

  const fanout: Fanout = {
    online: (c: string, p: string) => (io.sockets.adapter.rooms.get(rooms.person(c, p))?.size ?? 0) > 0,
    // Across processes (socket.io's adapter asks each one through Redis); this one's own when they do not answer.
    present: (c: string) =>
      io.in(rooms.everyone(c)).fetchSockets().then(
        (sockets) => new Set(sockets.map((s) => s.data.viewer.participantId)),
        () => new Set([...(io.sockets.adapter.rooms.get(rooms.everyone(c)) ?? [])].map((id) => io.sockets.sockets.get(id)?.data.viewer.participantId ?? '')),
      ),
    deliver(conveningId: string, d: Delivery, envelope: { seq: number; at: number }) {
      target(io, conveningId, d.audience).emit(SOCKET_EVENTS.event, { ...envelope, event: d.event });
    },
    // Every connection of a person joins their own room (onConnection), so this reaches all
    // of them. The client comes back on its own and the handshake refuses it, typed.
    expel: (c: string, p: string) => io.in(rooms.person(c, p)).disconnectSockets(true),
  };
  return { io, fanout };
}

function target(io: IO, c: string, a: Audience) {
  switch (a.to) {
    case 'everyone':
      return io.to(rooms.everyone(c));
    case 'person':
      return io.to(rooms.person(c, a.id));
    case 'facilitators':
      return a.except ? io.to(rooms.facilitators(c)).except(rooms.person(c, a.except)) : io.to(rooms.facilitators(c));
    case 'participants':
      return a.except ? io.to(rooms.participants(c)).except(rooms.person(c, a.except)) : io.to(rooms.participants(c));
    case 'people':
      return io.to(a.ids.map((id) => rooms.person(c, id)));
  }
}

/**
 * Tell a convening how many connections it has, at most once a second (no names: a
 * count is all a room needs to feel who is here).
 */
function presenceAnnouncer(io: IO, clustered: boolean): (conveningId: string) => void {
  const pending = new Map<string, NodeJS.Timeout>();
  const announce = (c: string, online: number) => io.to(rooms.everyone(c)).emit(SOCKET_EVENTS.presence, { online });
  return (c) => {
    if (pending.has(c)) return;
    const timer = setTimeout(() => {
      pending.delete(c);
      // Across processes the count asks every one of them (socket.io's adapter, through Redis).
      if (clustered) return void io.in(rooms.everyone(c)).fetchSockets().then((s) => announce(c, s.length), () => undefined);
      announce(c, io.sockets.adapter.rooms.get(rooms.everyone(c))?.size ?? 0);
    }, 1_000);
    timer.unref();
    pending.set(c, timer);
  };
}

async function onConnection(socket: Conn, deps: RealtimeDeps, presence: (c: string) => void): Promise<void> {
  const { viewer, conveningId, lastSeq } = socket.data;
  boundSendBuffer(socket, deps.sendBufferBytes ?? SEND_BUFFER_BYTES, (waiting) =>
    deps.log(`socket: a reader fell ${waiting} bytes behind; disconnected it (it resyncs on return)`),
  );
  const room = await deps.getRooms().get(conveningId);
  if (!room?.admits(viewer.participantId)) {
    socket.emit(SOCKET_EVENTS.fault, { code: 'unauthorized', message: 'This convening does not know you. Please join again.' });
    socket.disconnect(true);
    return;
  }
  // Join audiences and send hello in the same tick, so no event can fall between them.
  // The in-process adapter joins at once; an adapter that joins asynchronously is awaited
  // (hello is read after it, so nothing falls between either; a failure ends the connection).
  const joined = socket.join([
    rooms.everyone(conveningId),
    isFacilitator(viewer.role) ? rooms.facilitators(conveningId) : rooms.participants(conveningId),
    rooms.person(conveningId, viewer.participantId),
  ]);
  if (joined) await joined;
  // Another process owns the convening: read the log after joining, so whatever its owner
  // relayed before the join is in the hello (the client holds live events until hello).
  const behind = room.catchUp();
  if (behind) await behind;
  const hello = room.hello(viewer, lastSeq, HELLO_SUFFIX);
  if (typeof hello === 'string') emitText(socket, SOCKET_EVENTS.hello, hello);
  else if (!writeSnapshotFrame(socket, SOCKET_EVENTS.hello, hello)) emitText(socket, SOCKET_EVENTS.hello, room.helloText(viewer, lastSeq));
  presence(conveningId);
  socket.on('disconnect', () => presence(conveningId));

  const limiter = new TokenBucket(LIMITS.commandsPerSecond, LIMITS.commandBurst);
  // socket.io passes an acknowledgement as the last argument. Whatever came before it,
  // an acknowledgement always gets an answer; `fault` is only for emits without one.
  socket.on(SOCKET_EVENTS.command, (...args: unknown[]) => {
    const reply = ackOf(args);
    if (!reply) return socket.emit(SOCKET_EVENTS.fault, apiError('bad_request', 'Commands need an acknowledgement callback; nothing was done.'));
    if (args.length !== 2) return reply({ ok: false, error: apiError('bad_request', 'A command is one envelope and an acknowledgement; nothing was done.') });
    const wait = limiter.take();
    if (wait > 0) return reply({ ok: false, error: { code: 'rate_limited', message: 'Slow down a little: too many actions at once.', retryAfterMs: wait } });
    const parsed = CommandEnvelope.safeParse(args[0]);
    if (!parsed.success) return reply({ ok: false, error: schemaError(parsed.error, 'command') });
    room.command(viewer, parsed.data).then(reply, (err) => {
      deps.log('socket: command failed', err);
      reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side; nothing was recorded.' } });
    });
  });
  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === SOCKET_EVENTS.command) return;
    const error = apiError('bad_request', `Unknown event "${String(event).slice(0, 40)}".`);
    const reply = ackOf(args);
    if (reply) reply({ ok: false, error });
    else socket.emit(SOCKET_EVENTS.fault, error);
  });
}

/**
 * `socket.emit(event, payload)` for a payload that is already JSON text: the same packet
 * on the wire (socket.io's EVENT type, 2, in the main namespace), without serialising the
 * payload again or walking it for binary parts. Written to the engine in order with every
 * other packet of this connection, as socket.io itself writes them.
 */
function emitText(socket: Conn, event: string, json: string): void {
  if (socket.nsp.name !== '/') return void socket.emit(event as 'hello', JSON.parse(json) as never);
  if (socket.conn.readyState !== 'open') return;
  socket.conn.write(`2[${JSON.stringify(event)},${json}]`, { compress: true });
}

/** The acknowledgement socket.io appended to an emit's arguments, if the emit asked for one. */
function ackOf(args: unknown[]): ((r: AckResult) => void) | null {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as (r: AckResult) => void) : null;
}

/** A typed handshake refusal: socket.io sends `data` to the client as the connect_error's. */
export function refusal(code: ConnectRefusal['code'], message: string): Error & { data: ConnectRefusal } {
  return Object.assign(new Error(message), { data: { code, message } });
}
