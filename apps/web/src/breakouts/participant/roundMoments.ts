import type { ConveningView } from '@brave/protocol';
import { clockTime } from '../../app/words.ts';
import { namesOf, roomOfPerson, roomTitle, runningRound } from '../words.ts';

/** What a participant's screen last saw of the running round. */
export interface Seen {
  roundId: string;
  roomId: string | null;
  /** They affirmed the agreements while this round ran and have not been placed yet. */
  late: boolean;
  endsAt: number;
  warned: boolean;
  over: boolean;
}

export interface Moment {
  seen: Seen | null;
  /** Words to say out loud, or null when nothing worth saying happened. */
  said: string | null;
  /** The round to welcome them back from; null to hide the welcome; undefined to leave it. */
  welcomeBack?: string | null;
}

/**
 * The moment worth saying out loud, from what the screen saw before and the state now:
 * where you are when a round opens, when you are moved, or (arriving during a round) where
 * you joined; more or less time, the one-minute warning, time up, and the return.
 */
export function nextMoment(state: ConveningView, selfId: string, now: number, before: Seen | null): Moment {
  const round = runningRound(state);
  if (!round) return before ? { seen: null, said: 'Welcome back to the main room. The breakout round has ended.', welcomeBack: state.rounds[before.roundId]?.name ?? 'The round' } : { seen: null, said: null };
  const room = roomOfPerson(round, selfId);
  const fresh = !before || before.roundId !== round.id;
  const affirmedAt = state.participants[selfId]?.affirmedAt ?? null;
  const late = fresh ? affirmedAt !== null && affirmedAt >= round.startedAt : before.late && !room;
  const seen: Seen = { roundId: round.id, roomId: room?.id ?? null, late, endsAt: round.endsAt, warned: round.warnedAt !== null, over: now >= round.endsAt };
  const others = room ? namesOf(state, room.members.filter((id) => id !== selfId)) : [];
  const inRoom = room ? `in ${roomTitle(room)}${others.length > 0 ? ` with ${others.join(', ')}` : ''}` : '';
  const where = room ? `You are ${inRoom}.` : 'You stay in the main room for this round.';
  // Someone who arrives during a round is placed as they affirm: nobody moved them.
  const joined = room ? `You joined during ${round.name}: you are ${inRoom}.` : `You joined during ${round.name}.`;
  if (fresh) return { seen, said: late ? joined : `Breakouts have started: ${round.name}. ${where}`, welcomeBack: null };
  if (before.roomId !== seen.roomId) {
    const placed = before.late && before.roomId === null;
    return { seen, said: room ? (placed ? joined : `You have been moved. ${where}`) : 'You are back in the main room for the rest of this round.' };
  }
  if (before.endsAt !== seen.endsAt) {
    const how = seen.endsAt > before.endsAt ? 'gave this round more time' : 'shortened this round';
    return { seen, said: `The facilitators ${how}. It now ends at ${clockTime(seen.endsAt)}.` };
  }
  if (!before.warned && seen.warned && !seen.over) return { seen, said: 'About one minute left in this round.' };
  if (!before.over && seen.over) return { seen, said: 'Time is up. Please wrap up; everyone returns to the main room in a moment.' };
  return { seen, said: null };
}
