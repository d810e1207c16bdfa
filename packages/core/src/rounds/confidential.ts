import type { CommandOf, ConfidentialSpec, ConveningView, RoomView, RoundView } from '@brave/protocol';
import { accept, refuse, type Decision } from '../result.ts';
import { isFacilitator, type Viewer } from '../viewer.ts';
import { activeRound, isCaucusRound, isConfidential, seesRoster } from './access.ts';

/**
 * Confidential rooms. A room marked confidential (in the round's spec, or live by a
 * facilitator) is private like a caucus: its roster, notes and signals are for its
 * members and the hosts they let in. A facilitator who is not a host knocks
 * (`room.knock`) and a member lets them in or declines (`room.knock.answer`). Its notes
 * cannot be exported or shared back, and when the round closes they are deleted, or kept
 * for its members only until the community's retention period, as chosen beforehand.
 * A room stays confidential until its round closes: its members were told so.
 */

/** At most this many facilitators knock on one room at once. */
export const KNOCKS_MAX = 10;

/** Whether a planned room is confidential under its round's spec (rooms named by key or name). */
export function confidentialBySpec(spec: ConfidentialSpec | undefined, room: Pick<RoomView, 'id' | 'name' | 'kind'>, strategy: string): boolean {
  if (!spec) return false;
  if (spec.rooms === 'all') return true;
  if (spec.rooms === 'caucuses') return room.kind === 'caucus' || isCaucusRound({ strategy });
  return spec.rooms.includes(room.id) || spec.rooms.includes(room.name);
}

/** The fields a confidential room carries when it opens (nothing for any other room). */
export function confidentialFields(spec: ConfidentialSpec | undefined, room: Pick<RoomView, 'id' | 'name' | 'kind'>, strategy: string): Partial<RoomView> {
  return spec && confidentialBySpec(spec, room, strategy) ? { confidential: { notes: spec.notes }, knocks: [] } : {};
}

const running = (s: ConveningView): RoundView | null => {
  const r = activeRound(s);
  return r && r.status === 'running' ? r : null;
};
const noRoom = () => refuse('not_found', 'No such room in the running round.', { field: 'roomId' });
const updated = (round: RoundView, room: RoomView) => ({ type: 'room.updated' as const, roundId: round.id, room });

type Handler<T extends 'room.confidential.set' | 'room.knock' | 'room.knock.answer'> = (s: ConveningView, c: CommandOf<T>, actor: Viewer) => Decision;

export const markConfidential: Handler<'room.confidential.set'> = (s, c) => {
  const r = running(s);
  const room = r?.rooms[c.roomId];
  if (!r || !room) return noRoom();
  if (room.confidential) {
    if (room.confidential.notes === c.notes) return accept([]);
    return refuse('conflict', 'This room is already confidential, and its members were told what happens to its notes. That stays as it is.');
  }
  // Its size freezes here (sizeAfter): a size that moved later would say who came or went.
  return accept([updated(r, { ...room, size: room.members.length, confidential: { notes: c.notes }, knocks: [] })]);
};

export const knock: Handler<'room.knock'> = (s, c, actor) => {
  const r = running(s);
  const room = r?.rooms[c.roomId];
  if (!r || !room) return noRoom();
  if (!isConfidential(room)) return refuse('conflict', 'This room is not confidential: you can open it without knocking.');
  const knocks = room.knocks ?? [];
  if (seesRoster(r, room, actor) || knocks.includes(actor.participantId)) return accept([]);
  if (knocks.length >= KNOCKS_MAX) return refuse('rate_limited', 'Several facilitators are already waiting at this room. Please try again in a moment.');
  return accept([updated(r, { ...room, knocks: [...knocks, actor.participantId] })]);
};

export const answerKnock: Handler<'room.knock.answer'> = (s, c, actor) => {
  const r = running(s);
  const room = r?.rooms[c.roomId];
  if (!r || !room) return noRoom();
  if (!room.members.includes(actor.participantId)) return refuse('forbidden', 'Only the members of this room decide who comes in.');
  const knocks = room.knocks ?? [];
  if (!knocks.includes(c.facilitatorId)) return refuse('not_found', 'That knock was already answered.', { field: 'facilitatorId' });
  const rest = knocks.filter((id) => id !== c.facilitatorId);
  const letIn = c.letIn && isFacilitator(s.participants[c.facilitatorId]?.role ?? 'participant');
  const hosts = letIn && !room.hosts.includes(c.facilitatorId) ? [...room.hosts, c.facilitatorId] : room.hosts;
  return accept([updated(r, { ...room, hosts, knocks: rest })]);
};

/** Knocks of facilitators who are hosts now are answered: drop them. */
export const withoutAnsweredKnocks = (room: RoomView, hosts: string[]): Partial<RoomView> =>
  room.knocks ? { knocks: room.knocks.filter((id) => !hosts.includes(id)) } : {};

const notesName = (state: Pick<ConveningView, 'id'>, roundId: string, roomId: string) => `notes:${state.id}:${roundId}:${roomId}`;

/** The notes a closed round's confidential rooms delete (their rooms chose "delete"). */
export function confidentialNotesToDelete(state: ConveningView, roundId: string): string[] {
  const round = state.rounds[roundId];
  if (!round || round.status !== 'ended') return [];
  return Object.values(round.rooms)
    .filter((room) => room.confidential?.notes === 'delete')
    .map((room) => notesName(state, round.id, room.id));
}

/** The same for every ended round (run again when a convening loads, in case a deletion was cut short). */
export const allConfidentialNotesToDelete = (state: ConveningView): string[] =>
  Object.keys(state.rounds).flatMap((id) => confidentialNotesToDelete(state, id));
