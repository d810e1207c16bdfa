import { io, type Socket } from 'socket.io-client';
import { LiveClient } from '@brave/client';
import { Command, PROTOCOL_VERSION, SOCKET_EVENTS, type CommandType, type ConveningView, type Role } from '@brave/protocol';
import type { startTestServer } from '../support/server.ts';
import { joinAs, ok, openConvening, until } from '../support/people.ts';
import { mint, minter } from './collab-helpers.ts';

/**
 * Shared by the abuse suites (test/integration/abuse-*.test.ts): a convening with every
 * kind of person in it, credentials that must fail, and ways to read what the server
 * stored and what a reader sees.
 */
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Everyone who holds a working credential for the convening under test. */
export const MEMBERS = ['facilitator', 'cofacilitator', 'participant', 'caucus', 'observer'] as const;
export type Member = (typeof MEMBERS)[number];
/** Credentials that must open nothing of it. */
export const STRANGERS = ['outsider', 'none', 'forged', 'expired'] as const;
export type Stranger = (typeof STRANGERS)[number];
export type Who = Member | Stranger;

/** The role a member's credential carries (a caucus member is a participant who chose a caucus). */
export const ROLE_OF: Record<Member, Role> = {
  facilitator: 'facilitator',
  cofacilitator: 'cofacilitator',
  participant: 'participant',
  caucus: 'participant',
  observer: 'observer',
};

/** Every command type, read from the protocol's Command union itself. */
export const COMMAND_TYPES: CommandType[] = Command.options.map((o) => o.shape.type.value);

export interface World {
  id: string;
  joinCode: string;
  cohostCode: string;
  clients: Record<Member, LiveClient>;
  /** A second caucus member, so notices inside the caucus have a reader. */
  caucusPeer: LiveClient;
  ids: Record<Member, string>;
  tokens: Record<Who, string | undefined>;
  /** The facilitator of another convening, connected there. */
  outsider: LiveClient;
  roundId: string;
  caucusRoomId: string;
  agreementIds: string[];
  participantSignal: string;
  participantRequest: string;
  close(): void;
}

const CAUCUS = 'person of color';

/**
 * A convening in the middle of a caucus round: a facilitator, a co-facilitator, a
 * participant in plenary, two caucus members, an observer (no public route hands out
 * observer credentials yet, so one is minted for a real person), and an outsider.
 */
export async function world(url: string): Promise<World> {
  const { made, host } = await openConvening(url, { title: 'Access matrix' });
  const cofac = await joinAs(url, made.joinCode, 'Cole', { cohostCode: made.cohostCode });
  const pat = await joinAs(url, made.joinCode, 'Pat');
  const cami = await joinAs(url, made.joinCode, 'Cami');
  const cato = await joinAs(url, made.joinCode, 'Cato');
  const oli = await joinAs(url, made.joinCode, 'Oli');
  oli.client.close();
  const observerToken = mint({ conveningId: made.id, participantId: oli.joined.participantId, role: 'observer' });
  const observer = new LiveClient({ url, token: observerToken });
  await observer.connect();
  const other = await openConvening(url, { title: 'Another convening' });

  await ok(cami.client, { type: 'affinity.answer', answer: CAUCUS });
  await ok(cato.client, { type: 'affinity.answer', answer: CAUCUS });
  const round = await ok(host, { type: 'round.open', seed: 1, spec: { name: 'Caucus', durationSeconds: 3600, strategy: { kind: 'affinity', undecided: 'plenary' } } });
  const caucusRoom = await until(cami.client, (c) => Object.values(c.state!.rounds[round.id!]?.rooms ?? {}).find((r) => r.members.includes(cami.joined.participantId)));
  const agreementIds = host.state!.agreements.map((a) => a.id);
  const signal = await ok(pat.client, { type: 'signal.raise', kind: 'ouch', visibility: 'named', explanation: 'That landed hard.' });
  const request = await ok(pat.client, { type: 'reminder.request', agreementId: agreementIds[0]! });

  const hostId = host.self!.participantId;
  const clients = { facilitator: host, cofacilitator: cofac.client, participant: pat.client, caucus: cami.client, observer };
  return {
    id: made.id,
    joinCode: made.joinCode,
    cohostCode: made.cohostCode,
    clients,
    caucusPeer: cato.client,
    ids: { facilitator: hostId, cofacilitator: cofac.joined.participantId, participant: pat.joined.participantId, caucus: cami.joined.participantId, observer: oli.joined.participantId },
    tokens: {
      facilitator: made.facilitatorToken,
      cofacilitator: cofac.joined.token,
      participant: pat.joined.token,
      caucus: cami.joined.token,
      observer: observerToken,
      outsider: other.made.facilitatorToken,
      none: undefined,
      // Signed with another secret, for this convening's host.
      forged: `${made.facilitatorToken.split('.').slice(0, 2).join('.')}.${Buffer.from('not the server signature').toString('base64url')}`,
      expired: minter(60_000, () => Date.now() - 3_600_000).issue({ conveningId: made.id, participantId: hostId, role: 'facilitator' }),
    },
    outsider: other.host,
    roundId: round.id!,
    caucusRoomId: caucusRoom.id,
    agreementIds,
    participantSignal: signal.id!,
    participantRequest: request.id!,
    close() {
      for (const c of [...Object.values(clients), cato.client, other.host]) c.close();
    },
  };
}

/** How many events the server has stored for a convening. */
export async function logLength(server: TestServer, conveningId: string): Promise<number> {
  return (await server.store.events(conveningId)).length;
}

/** The reader's view as a fresh load gives it (GET /api/convenings/:id). */
export async function freshView(url: string, conveningId: string, token: string): Promise<ConveningView> {
  const res = await fetch(`${url}/api/convenings/${conveningId}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`view: ${res.status}`);
  return ((await res.json()) as { view: ConveningView }).view;
}

/** A bare socket.io connection (no SDK), resolved once the server said hello. */
export function rawSocket(url: string, token: string, opts: { reconnection?: boolean } = {}): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: opts.reconnection ?? false, auth: { token, protocolVersion: PROTOCOL_VERSION } });
  return new Promise((resolve, reject) => {
    socket.once(SOCKET_EVENTS.hello, () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** The server is up and answering. */
export async function healthy(url: string): Promise<boolean> {
  const res = await fetch(`${url}/healthz`).catch(() => null);
  return res?.status === 200;
}
