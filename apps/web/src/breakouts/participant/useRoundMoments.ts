import { useEffect, useRef, useState } from 'react';
import { clockTime } from '../../app/words.ts';
import { useConvening } from '../../live/context.ts';
import { namesOf, roomOfPerson, roomTitle, runningRound } from '../words.ts';

interface Seen {
  roundId: string;
  roomId: string | null;
  endsAt: number;
  warned: boolean;
  over: boolean;
}

/**
 * The moments of a round worth saying out loud, once each: where you are when it opens
 * or when you are moved, more or less time, the one-minute warning, time up, and the
 * return to the main room. Everything in between is on screen, not in the ear.
 */
export function useRoundMoments(now: number) {
  const { state, self, version } = useConvening();
  const previous = useRef<Seen | null>(null);
  const [said, setSaid] = useState('');
  const [welcomeBack, setWelcomeBack] = useState<string | null>(null);

  useEffect(() => {
    const round = runningRound(state);
    const room = roomOfPerson(round, self.participantId);
    const before = previous.current;
    const seen: Seen | null = round
      ? { roundId: round.id, roomId: room?.id ?? null, endsAt: round.endsAt, warned: round.warnedAt !== null, over: now >= round.endsAt }
      : null;
    previous.current = seen;
    if (!seen) {
      if (before) {
        setSaid('Welcome back to the main room. The breakout round has ended.');
        setWelcomeBack(state.rounds[before.roundId]?.name ?? 'The round');
      }
      return;
    }
    const others = room ? namesOf(state, room.members.filter((id) => id !== self.participantId)) : [];
    const where = room
      ? `You are in ${roomTitle(room)}${others.length > 0 ? ` with ${others.join(', ')}` : ''}.`
      : 'You stay in the main room for this round.';
    if (!before || before.roundId !== seen.roundId) {
      setWelcomeBack(null);
      setSaid(`Breakouts have started: ${round!.name}. ${where}`);
    } else if (before.roomId !== seen.roomId) {
      setSaid(room ? `You have been moved. ${where}` : 'You are back in the main room for the rest of this round.');
    } else if (before.endsAt !== seen.endsAt) {
      const how = seen.endsAt > before.endsAt ? 'gave this round more time' : 'shortened this round';
      setSaid(`The facilitators ${how}. It now ends at ${clockTime(seen.endsAt)}.`);
    } else if (!before.warned && seen.warned && !seen.over) {
      setSaid('About one minute left in this round.');
    } else if (!before.over && seen.over) {
      setSaid('Time is up. Please wrap up; everyone returns to the main room in a moment.');
    }
    // `state` is updated in place by the live client: `version` is what tells a change.
  }, [state, version, self.participantId, now]);

  return { said, welcomeBack, dismissWelcome: () => setWelcomeBack(null) };
}
