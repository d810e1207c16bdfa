import type { ConveningView, DocAccess, DocKind, DocSummary, RoomView, RoundView } from '@brave/protocol';
import { CHANNELS } from '@brave/protocol';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { docName, type DocRef } from './names.ts';

/**
 * Who may open which collaborative document. One table, asked at the websocket upgrade,
 * by the docs list and by every document route:
 * - toolkit drafts: facilitators, co-facilitators and participants write; observers read;
 * - plenary notes: everyone in the convening writes;
 * - a breakout room's notes: its members, its hosts and the facilitators write;
 * - a caucus's notes: its members and the hosts the caucus chose, nobody else.
 * Rooms of ended rounds keep their members, so people keep their notes afterwards.
 */
export type DocDecision =
  | { ok: true; access: DocAccess; kind: DocKind; title: string }
  | { ok: false; code: 'not_found' | 'forbidden'; message: string };

const CHANNEL_TITLE: Record<(typeof CHANNELS)[number], string> = {
  money: 'Money toolkit draft',
  narrative: 'Narrative toolkit draft',
  policy: 'Policy toolkit draft',
};

export function docAccess(state: ConveningView, viewer: Viewer, ref: DocRef): DocDecision {
  if (ref.conveningId !== state.id) return notFound();
  if (!state.participants[viewer.participantId]) return forbidden('You are not part of this convening.');
  switch (ref.kind) {
    case 'toolkit':
      return { ok: true, access: viewer.role === 'observer' ? 'read' : 'write', kind: 'toolkit', title: CHANNEL_TITLE[ref.channel] };
    case 'plenary':
      return { ok: true, access: 'write', kind: 'plenary', title: 'Plenary notes' };
    case 'room': {
      const round = state.rounds[ref.roundId];
      const room = round?.rooms[ref.roomId];
      if (!round || !room) return notFound();
      if (!mayOpenRoom(room, viewer)) {
        return forbidden(room.kind === 'caucus' ? 'Caucus notes are for the caucus and the hosts it chose.' : 'These notes belong to another room.');
      }
      return { ok: true, access: 'write', kind: room.kind === 'caucus' ? 'caucus' : 'room', title: roomTitle(round, room) };
    }
  }
}

function mayOpenRoom(room: RoomView, viewer: Viewer): boolean {
  if (room.members.includes(viewer.participantId) || room.hosts.includes(viewer.participantId)) return true;
  return room.kind === 'breakout' && isFacilitator(viewer.role);
}

/** Members only (not hosts or facilitators): the people whose consent a share-back is. */
export function isRoomMember(state: ConveningView, ref: DocRef, participantId: string): boolean {
  if (ref.kind !== 'room') return false;
  return state.rounds[ref.roundId]?.rooms[ref.roomId]?.members.includes(participantId) ?? false;
}

const roomTitle = (round: RoundView, room: RoomView) =>
  room.kind === 'caucus' ? `Caucus notes: ${room.name} (${round.name})` : `Notes: ${room.name} (${round.name})`;

/** Every document this person may open, toolkit drafts first, then notes by round. */
export function listDocs(state: ConveningView, viewer: Viewer): DocSummary[] {
  const refs: DocRef[] = [
    ...CHANNELS.map((channel) => ({ kind: 'toolkit' as const, conveningId: state.id, channel })),
    { kind: 'plenary', conveningId: state.id },
  ];
  const rounds = Object.values(state.rounds).sort((a, b) => a.startedAt - b.startedAt);
  for (const round of rounds) {
    for (const roomId of Object.keys(round.rooms)) refs.push({ kind: 'room', conveningId: state.id, roundId: round.id, roomId });
  }
  const out: DocSummary[] = [];
  for (const ref of refs) {
    const d = docAccess(state, viewer, ref);
    if (d.ok) out.push({ name: docName(ref), title: d.title, kind: d.kind, access: d.access });
  }
  return out;
}

/** What a person may do with a document beyond reading it. */
export interface DocAbilities {
  read: boolean;
  /** Edit live, save named versions, restore a version. */
  write: boolean;
  /** Publish a version as a public page: toolkit drafts only, by facilitators. */
  publish: boolean;
  /** Send chosen passages to the plenary or a toolkit: room notes only, by its members. */
  shareFrom: boolean;
}

export function docAbilities(state: ConveningView, viewer: Viewer, ref: DocRef): DocAbilities {
  const d = docAccess(state, viewer, ref);
  if (!d.ok) return { read: false, write: false, publish: false, shareFrom: false };
  return {
    read: true,
    write: d.access === 'write',
    publish: ref.kind === 'toolkit' && isFacilitator(viewer.role),
    shareFrom: isRoomMember(state, ref, viewer.participantId),
  };
}

/** Where a room's passages may go: the plenary notes or a toolkit draft of the same convening. */
export const isShareTarget = (from: DocRef, to: DocRef): boolean =>
  from.kind === 'room' && to.conveningId === from.conveningId && (to.kind === 'plenary' || to.kind === 'toolkit');

const notFound = (): DocDecision => ({ ok: false, code: 'not_found', message: 'There is no such document in this convening.' });
const forbidden = (message: string): DocDecision => ({ ok: false, code: 'forbidden', message });
