import { io as ioClient, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { AGREEMENT_LIBRARY, DEFAULT_AGREEMENT_SET } from '@brave/core';
import { within } from '../lib/clock.ts';
import type { FanoutKind } from '../lib/messages.ts';
import { joinMany, openConvening, type Convening } from '../lib/ours.ts';

/** The facilitator side of a fan-out run: sends one broadcast and resolves with its seq. */
export interface Sender {
  /** Participant credentials to hand to workers (ours), or null (baselines need none). */
  tokens: string[] | null;
  /** Bytes of one broadcast as received (JSON of the event payload). */
  payloadBytes(): number;
  broadcast(round: number): Promise<number>;
  close(): void;
}

const agreements = AGREEMENT_LIBRARY.find((s) => s.id === DEFAULT_AGREEMENT_SET)!.agreements;

/** The same payload ours delivers for a spotlight: {seq, at, event: spotlight.set}. */
export function spotlightPayload(seq: number, round: number) {
  const a = agreements[round % agreements.length]!;
  return { seq, at: Date.now(), event: { type: 'spotlight.set', agreementId: a.id, text: a.text, source: 'facilitator' } };
}

export async function oursSender(url: string, participants: number): Promise<Sender> {
  const conv: Convening = await openConvening(url, 'Fan-out bench');
  const tokens = await joinMany(url, conv.made.joinCode, participants);
  let bytes = 0;
  conv.host.on('event', (e) => (bytes = JSON.stringify(e).length));
  return {
    tokens,
    payloadBytes: () => bytes,
    async broadcast(round) {
      const list = conv.host.state!.agreements;
      const agreement = list[round % list.length]!;
      const ack = await conv.host.send({ type: 'spotlight.set', agreementId: agreement.id });
      if (!ack.ok || ack.seq === undefined) throw new Error(`spotlight refused: ${ack.ok ? 'no seq' : ack.error.message}`);
      return ack.seq;
    },
    close: () => conv.host.close(),
  };
}

export async function socketIoSender(url: string): Promise<Sender> {
  const socket: Socket = ioClient(url, { path: '/socket.io', transports: ['websocket'], reconnection: false });
  await within(new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  }), 10_000, 'socket.io sender');
  let seq = 0;
  let bytes = 0;
  socket.on('event', (p: unknown) => (bytes = JSON.stringify(p).length));
  return {
    tokens: null,
    payloadBytes: () => bytes,
    async broadcast(round) {
      const payload = spotlightPayload(++seq, round);
      await socket.timeout(15_000).emitWithAck('command', payload);
      return payload.seq;
    },
    close: () => socket.disconnect(),
  };
}

export async function wsSender(url: string): Promise<Sender> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), { perMessageDeflate: false });
  await within(new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  }), 10_000, 'ws sender');
  const acks = new Map<number, () => void>();
  let bytes = 0;
  socket.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as { ack?: number; seq?: number };
    if (msg.ack !== undefined) acks.get(msg.ack)?.();
    else bytes = data.toString().length;
  });
  let seq = 0;
  return {
    tokens: null,
    payloadBytes: () => bytes,
    async broadcast(round) {
      const payload = spotlightPayload(++seq, round);
      const acked = new Promise<void>((resolve) => acks.set(payload.seq, resolve));
      socket.send(JSON.stringify(payload));
      await within(acked, 15_000, 'ws ack');
      acks.delete(payload.seq);
      return payload.seq;
    },
    close: () => socket.terminate(),
  };
}

export function senderFor(kind: FanoutKind, url: string, participants: number): Promise<Sender> {
  if (kind === 'ours') return oursSender(url, participants);
  if (kind === 'socketio') return socketIoSender(url);
  return wsSender(url);
}
