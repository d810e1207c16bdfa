import { z } from 'zod';
import { ApiError, ErrorCode } from './errors.ts';
import { LoggedEvent } from './events.ts';
import { Id, Role } from './model.ts';
import { ConveningView } from './view.ts';
import { RoundPreview } from './breakouts.ts';
import type { CommandEnvelope } from './commands.ts';

/** Socket.io event names. No other file spells them out. */
export const SOCKET_EVENTS = {
  /** client → server: a CommandEnvelope, answered through the ack callback. */
  command: 'command',
  /** server → client: first message after connecting (snapshot or replay). */
  hello: 'hello',
  /** server → client: one live event, already filtered for this reader. */
  event: 'event',
  /** server → client: a typed error that could not be returned through an ack. */
  fault: 'fault',
  /** server → client: how many people are connected right now (no names). */
  presence: 'presence',
} as const;

/** What the client puts in socket.io's `auth` on every (re)connection attempt. */
export const HandshakeAuth = z.object({
  token: z.string().min(1).max(2048),
  protocolVersion: z.number().int(),
  /** Last sequence number this client folded in; the server replays what came after. */
  lastSeq: z.number().int().nonnegative().optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const Self = z.object({ participantId: Id, role: Role, conveningId: Id });
export type Self = z.infer<typeof Self>;

export const Hello = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('snapshot'), protocolVersion: z.number(), self: Self, snapshot: ConveningView }),
  z.object({ mode: z.literal('replay'), protocolVersion: z.number(), self: Self, events: z.array(LoggedEvent), head: z.number() }),
]);
export type Hello = z.infer<typeof Hello>;

export const Presence = z.object({ online: z.number().int().nonnegative() });
export type Presence = z.infer<typeof Presence>;

export const AckResult = z.union([
  z.object({ ok: z.literal(true), seq: z.number().int().optional(), id: z.string().optional(), preview: RoundPreview.optional() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type AckResult = z.infer<typeof AckResult>;

/** Typed socket.io maps, for `Server<C2S, S2C>` and `Socket<S2C, C2S>`. */
export interface ServerToClient {
  hello: (msg: Hello) => void;
  event: (msg: LoggedEvent) => void;
  fault: (err: ApiError) => void;
  presence: (msg: Presence) => void;
}
export interface ClientToServer {
  command: (envelope: CommandEnvelope, ack: (result: AckResult) => void) => void;
}

/** Why the server refused a connection, sent as the connect_error `data`. */
export const ConnectRefusal = z.object({ code: ErrorCode, message: z.string() });
export type ConnectRefusal = z.infer<typeof ConnectRefusal>;
