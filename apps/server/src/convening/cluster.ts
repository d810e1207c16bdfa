import { z } from 'zod';
import { CommandEnvelope, ErrorCode, Id, ProfileInput, Role, type AckResult } from '@brave/protocol';
import type { Viewer } from '@brave/core';

/** Who the server lets in: from a join link, or a community member with their own id. */
export interface AdmitRequest {
  name: string;
  pronouns: string | null;
  role: Role;
  /** A member's id in every convening of their community (a fresh one when absent). */
  participantId?: string | undefined;
  profile?: ProfileInput | undefined;
  /** The caucus answer they asked the community to keep. */
  keptAnswer?: string | null | undefined;
}
export type AdmitResult =
  | { ok: true; participantId: string; role: Role; existing: boolean }
  | { ok: false; error: { code: Extract<ErrorCode, 'store_unavailable' | 'closed' | 'bad_request'>; message: string } };

/**
 * What a process that does not own a convening hands to the one that does. Each crosses
 * Redis as JSON and is parsed again on arrival (ForwardOpSchema).
 */
export type ForwardOp =
  | { kind: 'command'; actor: Viewer; envelope: CommandEnvelope }
  | { kind: 'admit'; person: AdmitRequest }
  | { kind: 'remove'; participantId: string };
export interface ForwardResult {
  command: AckResult;
  admit: AdmitResult;
  remove: boolean;
}

export const ForwardOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), actor: z.object({ participantId: Id, role: Role }), envelope: CommandEnvelope }),
  z.object({
    kind: z.literal('admit'),
    person: z.object({
      name: z.string().max(200),
      pronouns: z.string().max(200).nullable(),
      role: Role,
      participantId: Id.optional(),
      profile: ProfileInput.optional(),
      keptAnswer: z.string().max(10_000).nullable().optional(),
    }),
  }),
  z.object({ kind: z.literal('remove'), participantId: Id }),
]);

/**
 * How a ConveningRoom takes part in several processes (REDIS_URL; apps/server/src/cluster/).
 * Exactly one process holds a convening's lease: its rooms decide, append with the lease's
 * epoch and arm the timers. The others follow the log and forward every write to it.
 */
export interface RoomCluster {
  /** This process's lease epoch for the convening, or undefined when it does not own it. */
  epoch(conveningId: string): number | undefined;
  /** Run `op` where the convening is owned (here, if this process can take the lease). */
  forward<O extends ForwardOp>(conveningId: string, op: O): Promise<ForwardResult[O['kind']]>;
  /** The store refused `epoch`: another process owns the convening now. */
  fenced(conveningId: string, epoch: number): void;
}
