import type { DomainEvent, RoomView, RoundView } from '@brave/protocol';
import { withoutTurns } from './floor/erase.ts';
import { withoutPulseAuthor } from './pulse/erase.ts';

/**
 * Retention: once the period a community chose has passed, a convening's log keeps its
 * shape but loses what is most personal. Signals keep their kind, visibility, place,
 * status and times, but not their words or who raised them (nor who was in the room);
 * rooms keep their names, kinds and sizes (the debrief still shows how big they were),
 * but not who was in them or who hosted them. Pulse answers keep their answer, not who gave it. Pure, so the store can rewrite stored
 * events with it; applying it twice changes nothing more.
 */
export const RETENTION_EVENT_TYPES = [
  'signal.raised',
  'signal.noticed',
  'signal.explained',
  'signal.triaged',
  'reminder.requested',
  'round.opened',
  'room.updated',
  'participant.affirmed',
  'floor.called',
  'pulse.answered',
] as const satisfies readonly DomainEvent['type'][];
export type RetainedEventType = (typeof RETENTION_EVENT_TYPES)[number];

export function touchedByRetention(type: DomainEvent['type']): type is RetainedEventType {
  return (RETENTION_EVENT_TYPES as readonly string[]).includes(type);
}

export function redactForRetention(event: DomainEvent): DomainEvent {
  switch (event.type) {
    case 'signal.raised': {
      // The reader list names the room's members and hosts at the time: a roster too.
      const { readers: _readers, ...rest } = event;
      return { ...rest, by: null, explanation: null };
    }
    case 'signal.noticed':
      return { ...event, by: null, explanation: null };
    case 'signal.explained':
      return { ...event, explanation: null };
    case 'signal.triaged':
      return { ...event, note: null };
    case 'reminder.requested':
      // A request for a reminder is a quieter signal: its note and asker go the same way.
      return { ...event, by: null, anonymous: true, note: null };
    case 'round.opened':
      return { ...event, round: withoutRosters(event.round) };
    case 'room.updated':
      return { ...event, room: withoutRoster(event.room) };
    case 'participant.affirmed': {
      // The room a late arrival joined in a caucus round is a roster entry too.
      const { joined: _joined, ...rest } = event;
      return rest;
    }
    case 'floor.called':
      return withoutTurns(event);
    case 'pulse.answered':
      // Named checks too: the answer still counts, nobody can tell whose it was.
      return withoutPulseAuthor(event);
    default:
      return event;
  }
}

function withoutRosters(round: RoundView): RoundView {
  const rooms: RoundView['rooms'] = {};
  for (const [id, room] of Object.entries(round.rooms)) rooms[id] = withoutRoster(room);
  return { ...round, rooms };
}

function withoutRoster(room: RoomView): RoomView {
  return { ...room, members: [], hosts: [], size: room.size };
}
