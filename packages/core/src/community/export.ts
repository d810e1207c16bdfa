import type { CommunityExport, ConveningView, MyData, RoomView, ScheduledConvening, SignalView } from '@brave/protocol';
import { roomOfScope } from '../rounds/access.ts';

/**
 * What leaves the server about a past convening: in a community export (caucus rooms
 * without rosters, signals without who or words) and in a member's own data (only their
 * rooms and their signals). Pure: built from the convening's full state.
 */
type ExportedConvening = CommunityExport['convenings'][number];

const byStart = <T extends { startedAt: number }>(a: T, b: T) => a.startedAt - b.startedAt;

export function exportConvening(schedule: ScheduledConvening, state: ConveningView | null): ExportedConvening {
  const nameOf = (id: string) => state?.participants[id]?.name ?? 'Someone';
  const room = (r: RoomView) =>
    // A caucus room's roster would say who answered what, a confidential room's is for the
    // room: name and size only.
    r.kind === 'caucus' || r.confidential
      ? { name: r.name, kind: r.kind, size: r.size }
      : { name: r.name, kind: r.kind, size: r.size, members: r.members.map(nameOf) };
  return {
    id: schedule.id,
    title: schedule.title,
    startsAt: schedule.startsAt,
    status: schedule.status,
    outline: [...schedule.outline],
    agreements: state ? state.agreements.map((a) => ({ ...a })) : [],
    rounds: state
      ? Object.values(state.rounds)
          .sort(byStart)
          .map((r) => ({ name: r.name, rooms: Object.values(r.rooms).map(room) }))
      : [],
    signals: state
      ? Object.values(state.signals)
          .filter((s) => heardByEveryFacilitator(state, s))
          .sort((a, b) => a.raisedAt - b.raisedAt)
          .map((s) => ({ kind: s.kind, at: s.raisedAt, status: s.status }))
      : [],
  };
}

/**
 * Not even the time and kind of a signal leaves with the export when only the hosts its
 * room chose heard of it (a caucus or a confidential room; SignalReaders). Retention drops
 * the reader list (it names people), so then the room it was raised in decides.
 */
function heardByEveryFacilitator(state: ConveningView, s: SignalView): boolean {
  if (s.readers) return s.readers.hosts === null;
  const room = roomOfScope(state, s.scope);
  return !room || (room.kind !== 'caucus' && !room.confidential);
}

/** The rooms a person was in and the signals they raised, with their own words. */
export function myConvening(state: ConveningView, participantId: string): Omit<MyData['convenings'][number], 'id' | 'title' | 'startedAt'> {
  const rooms = Object.values(state.rounds)
    .sort(byStart)
    .flatMap((round) =>
      Object.values(round.rooms)
        .filter((r) => r.members.includes(participantId))
        .map((r) => ({ round: round.name, room: r.name, kind: r.kind })),
    );
  const signals = Object.values(state.signals)
    .filter((s) => s.by === participantId)
    .sort((a, b) => a.raisedAt - b.raisedAt)
    .map((s) => ({ kind: s.kind, at: s.raisedAt, visibility: s.visibility, explanation: s.explanation }));
  return { rooms, signals };
}

/** Distinct people someone shared a (non-caucus) room with, over the community's history. */
export function metWithCount(meetings: readonly (readonly string[])[], participantId: string): number {
  const met = new Set<string>();
  for (const group of meetings) if (group.includes(participantId)) for (const id of group) if (id !== participantId) met.add(id);
  return met.size;
}

/** Notes documents that may be exported: plenary and breakout rooms, never caucus or confidential rooms. */
export function exportableNotes(state: ConveningView): { name: string; title: string }[] {
  const out = [{ name: `notes:${state.id}:plenary`, title: `${state.title}: plenary notes` }];
  for (const round of Object.values(state.rounds).sort(byStart)) {
    for (const r of Object.values(round.rooms)) {
      if (r.kind === 'caucus' || r.confidential) continue;
      out.push({ name: `notes:${state.id}:${round.id}:${r.id}`, title: `${state.title}: ${round.name}, ${r.name}` });
    }
  }
  return out;
}

/** Notes documents retention deletes: every room's (breakout and caucus); the plenary's stay. */
export function roomNotesOf(state: ConveningView): string[] {
  return Object.values(state.rounds).flatMap((round) => Object.keys(round.rooms).map((roomId) => `notes:${state.id}:${round.id}:${roomId}`));
}
