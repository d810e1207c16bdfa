// Rooms of one. The sizing rule never makes one out of a group of two or more, but a
// group can be one person: the only one who chose Money, a caucus with a single member,
// the only person without an answer. Each such room is reported with the choices that
// fit it, and the facilitator's choice (by room key) is applied:
// - keep: they have the room to themselves (the default);
// - merge: they join the nearest room: the smallest other room of two or more (of any
//   size if there is none), never a caucus;
// - open-room: they join the open room, where the strategy has one;
// - plenary: they stay in the main room (caucuses only).
// A caucus of one is offered only keep and plenary: moving someone into another caucus
// breaks self-identification, and the open room's roster is seen by facilitators, so
// arriving there would tell them who was alone. Lines never name the person.

import type { Draft, DraftRoom } from './context.ts';
import type { AloneChoice, AloneChoices, AloneRoom } from './types.ts';

export interface AloneRules {
  choices: AloneChoices | undefined;
  /** Whether people without an answer meet in an open room. */
  openRoom: boolean;
}

/** Open rooms are keyed open-1, open-2 … (an answer called "open" becomes answer-open-1). */
const isOpen = (room: DraftRoom): boolean => /^open-\d+$/.test(room.key);

export function resolveAlone(draft: Draft, rules: AloneRules): void {
  for (const room of draft.rooms.filter((r) => r.members.length === 1)) {
    if (room.members.length !== 1) continue; // someone merged into it meanwhile
    const options = optionsFor(draft, room, rules.openRoom);
    const asked = rules.choices?.[room.key];
    const choice: AloneChoice = asked !== undefined && options.includes(asked) ? asked : 'keep';
    const entry: AloneRoom = { room: room.key, name: room.name, kind: room.kind, options, choice };
    if (choice !== 'keep') entry.to = send(draft, room, choice);
    draft.alone.push(entry);
    draft.lines.push(aloneLine(entry, draft));
  }
}

function optionsFor(draft: Draft, room: DraftRoom, openRoom: boolean): AloneChoice[] {
  if (room.kind === 'caucus') return ['keep', 'plenary'];
  const options: AloneChoice[] = ['keep'];
  if (mergeTarget(draft, room) !== null) options.push('merge');
  if (openRoom && !isOpen(room) && draft.rooms.some(isOpen)) options.push('open-room');
  return options;
}

/** The smallest other non-caucus room of two or more (else of any size); ties: the first. */
function mergeTarget(draft: Draft, room: DraftRoom): DraftRoom | null {
  const others = draft.rooms.filter((r) => r !== room && r.kind === 'breakout' && r.members.length > 0);
  const pick = (list: DraftRoom[]) => list.reduce<DraftRoom | null>((best, r) => (best === null || r.members.length < best.members.length ? r : best), null);
  return pick(others.filter((r) => r.members.length >= 2)) ?? pick(others);
}

/** Moves the one person out and drops their room; returns where they went (null = plenary). */
function send(draft: Draft, room: DraftRoom, choice: AloneChoice): string | null {
  const person = room.members[0]!;
  const target = choice === 'merge' ? mergeTarget(draft, room) : choice === 'open-room' ? smallestOpen(draft) : null;
  draft.rooms = draft.rooms.filter((r) => r !== room);
  if (target === null) {
    draft.plenary.push(person);
    return null;
  }
  target.members.push(person);
  target.members.sort((a, b) => a - b);
  return target.key;
}

function smallestOpen(draft: Draft): DraftRoom | null {
  return draft.rooms.filter(isOpen).reduce<DraftRoom | null>((best, r) => (best === null || r.members.length < best.members.length ? r : best), null);
}

function aloneLine(entry: AloneRoom, draft: Draft): string {
  const where = entry.to === undefined ? null : entry.to === null ? 'the main room' : (draft.rooms.find((r) => r.key === entry.to)?.name ?? 'another room');
  if (entry.kind === 'caucus') {
    return where === null
      ? 'One caucus room has a single member; they keep it to themselves unless you choose otherwise.'
      : `One caucus room had a single member; they wait in ${where}.`;
  }
  return where === null ? `${entry.name} would hold one person alone; they keep it unless you choose otherwise.` : `${entry.name} would have held one person alone; they join ${where}.`;
}

/** Rooms of one that no strategy resolved (a roster of one, a cohort of one, a hand placement). */
export function otherAlone(rooms: readonly DraftRoom[], reported: readonly AloneRoom[]): AloneRoom[] {
  const known = new Set(reported.map((a) => a.room));
  return rooms
    .filter((r) => r.members.length === 1 && !known.has(r.key))
    .map((r) => ({ room: r.key, name: r.name, kind: r.kind, options: ['keep'], choice: 'keep' }));
}
