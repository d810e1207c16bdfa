import type { ConveningView, DocAccess, DocKind, DocSummary, DomainEvent, RoomView, RoundView } from '@brave/protocol';
import { seesRoster } from '../rounds/access.ts';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { docName, toolkitTitle, type DocRef } from './names.ts';

/**
 * The convening gate: who may open which collaborative document with a convening
 * credential. One table, asked at the websocket upgrade, by the docs list and by every
 * document route:
 * - toolkit drafts (the convening's community's): in a quick convening (its own
 *   community) facilitators and participants write, observers read; in a community
 *   convening facilitators and participants write while it is open and read after it
 *   closed, observers get none (they read the published share-out);
 * - plenary notes: everyone in the convening writes;
 * - a breakout room's notes: its members, its hosts and the facilitators write;
 * - a caucus's notes: its members and the hosts the caucus chose, nobody else; the same
 *   for every room of a caucus round (whoever may read a room's notes sees its roster).
 * Rooms of ended rounds keep their members, so people keep their notes afterwards.
 * Members and facilitators reach the drafts between convenings through the community
 * gate (community.ts).
 */
export type DocDecision =
  | { ok: true; access: DocAccess; kind: DocKind; title: string }
  | { ok: false; code: 'not_found' | 'forbidden'; message: string };

/** A quick convening is its own community: nothing about its drafts changed with communities. */
export const isQuickConvening = (state: ConveningView): boolean => state.communityId === state.id;

export function docAccess(state: ConveningView, viewer: Viewer, ref: DocRef): DocDecision {
  const owner = ref.kind === 'toolkit' ? state.communityId : state.id;
  if ((ref.kind === 'toolkit' ? ref.communityId : ref.conveningId) !== owner) return notFound();
  if (!state.participants[viewer.participantId]) return forbidden('You are not part of this convening.');
  switch (ref.kind) {
    case 'toolkit':
      return toolkitAccess(state, viewer, ref.channel);
    case 'plenary':
      return { ok: true, access: 'write', kind: 'plenary', title: 'Plenary notes' };
    case 'room': {
      const round = state.rounds[ref.roundId];
      const room = round?.rooms[ref.roomId];
      if (!round || !room) return notFound();
      if (room.confidential && round.status === 'ended') return closedConfidential(round, room, viewer);
      if (!seesRoster(round, room, viewer)) {
        return forbidden(room.kind === 'caucus' ? 'Caucus notes are for the caucus and the hosts it chose.' : 'These notes belong to another room.');
      }
      return { ok: true, access: 'write', kind: room.kind === 'caucus' ? 'caucus' : 'room', title: roomTitle(round, room) };
    }
  }
}

/**
 * A confidential room's notes once its round closed: gone when it chose "delete"; when it
 * chose "keep", for its members only (the facilitators it let in were let in for the round).
 */
function closedConfidential(round: RoundView, room: RoomView, viewer: Viewer): DocDecision {
  if (room.confidential?.notes !== 'keep') return { ok: false, code: 'not_found', message: CONFIDENTIAL_DELETED };
  if (!room.members.includes(viewer.participantId)) return forbidden('These confidential notes are kept for the members of the room only.');
  return { ok: true, access: 'write', kind: room.kind === 'caucus' ? 'caucus' : 'room', title: roomTitle(round, room) };
}

export const CONFIDENTIAL_DELETED = 'These notes were confidential and were deleted when the round closed, as the room was told.';
/** The refusal of an export or a share-back of confidential notes. */
export const CONFIDENTIAL_STAYS = 'These notes are confidential: they stay in the room, so they cannot be exported or shared.';

/**
 * Events after which a convening's open documents are asked the gate again at once, not
 * only at the next periodic re-check: rooms open, change (a room marked confidential, a
 * caucus changing its hosts, someone moved) or close, someone leaves, the convening ends.
 */
export const DOC_ACCESS_EVENTS: ReadonlySet<DomainEvent['type']> = new Set<DomainEvent['type']>([
  'round.opened',
  'room.updated',
  'round.ended',
  'participant.removed',
  'convening.closed',
]);

/** Is this document a confidential room's notes? */
export function isConfidentialNotes(state: ConveningView, ref: DocRef): boolean {
  return ref.kind === 'room' && state.rounds[ref.roundId]?.rooms[ref.roomId]?.confidential != null;
}

function toolkitAccess(state: ConveningView, viewer: Viewer, channel: string): DocDecision {
  const title = toolkitTitle(state.channels, channel);
  if (!title) return notFound();
  const ok = (access: DocAccess): DocDecision => ({ ok: true, access, kind: 'toolkit', title });
  if (isQuickConvening(state)) return ok(viewer.role === 'observer' ? 'read' : 'write');
  if (viewer.role === 'observer') return forbidden('Observers read the published share-out of a toolkit, not its working draft.');
  return ok(state.status === 'open' ? 'write' : 'read');
}



/** Members only (not hosts or facilitators): the people whose consent a share-back is. */
export function isRoomMember(state: ConveningView, ref: DocRef, participantId: string): boolean {
  if (ref.kind !== 'room') return false;
  return state.rounds[ref.roundId]?.rooms[ref.roomId]?.members.includes(participantId) ?? false;
}

const roomTitle = (round: RoundView, room: RoomView) =>
  room.kind === 'caucus'
    ? `${room.confidential ? 'Confidential caucus' : 'Caucus'} notes: ${room.name} (${round.name})`
    : `${room.confidential ? 'Confidential notes' : 'Notes'}: ${room.name} (${round.name})`;

/** Every document this person may open, toolkit drafts first (in channel order), then notes by round. */
export function listDocs(state: ConveningView, viewer: Viewer): DocSummary[] {
  const refs: DocRef[] = [
    ...state.channels.map((c) => ({ kind: 'toolkit' as const, communityId: state.communityId, channel: c.id })),
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
  /** Publish a version as a public page: toolkit drafts only. */
  publish: boolean;
  /** Send chosen passages to the plenary or a toolkit: room notes only, by its members. */
  shareFrom: boolean;
  /** Download as Markdown or HTML: every document one may read, except confidential notes. */
  export: boolean;
}

export const NO_ABILITIES: DocAbilities = { read: false, write: false, publish: false, shareFrom: false, export: false };

/** In a convening, facilitators publish the drafts they may write. */
export function docAbilities(state: ConveningView, viewer: Viewer, ref: DocRef): DocAbilities {
  const d = docAccess(state, viewer, ref);
  if (!d.ok) return NO_ABILITIES;
  const write = d.access === 'write';
  return {
    read: true,
    write,
    publish: ref.kind === 'toolkit' && write && isFacilitator(viewer.role),
    shareFrom: isRoomMember(state, ref, viewer.participantId) && !isConfidentialNotes(state, ref),
    export: !isConfidentialNotes(state, ref),
  };
}

/**
 * Where a room's passages may go: the plenary notes of the same convening, or a toolkit
 * draft of its community.
 */
export function isShareTarget(state: Pick<ConveningView, 'id' | 'communityId'>, from: DocRef, to: DocRef): boolean {
  if (from.kind !== 'room' || from.conveningId !== state.id) return false;
  if (to.kind === 'plenary') return to.conveningId === state.id;
  return to.kind === 'toolkit' && to.communityId === state.communityId;
}

const notFound = (): DocDecision => ({ ok: false, code: 'not_found', message: 'There is no such document in this convening.' });
const forbidden = (message: string): DocDecision => ({ ok: false, code: 'forbidden', message });
