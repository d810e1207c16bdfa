import type { ConveningView } from '@brave/protocol';
import { formatList } from '@brave/i18n';
import { currentLanguage, i18n } from '../../app/i18n.ts';
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
  if (!round) return before ? { seen: null, said: i18n.t('breakouts:moments.welcomeBack'), welcomeBack: state.rounds[before.roundId]?.name ?? i18n.t('breakouts:moments.theRound') } : { seen: null, said: null };
  const room = roomOfPerson(round, selfId);
  const fresh = !before || before.roundId !== round.id;
  const affirmedAt = state.participants[selfId]?.affirmedAt ?? null;
  const late = fresh ? affirmedAt !== null && affirmedAt >= round.startedAt : before.late && !room;
  const seen: Seen = { roundId: round.id, roomId: room?.id ?? null, late, endsAt: round.endsAt, warned: round.warnedAt !== null, over: now >= round.endsAt };
  const others = room ? namesOf(state, room.members.filter((id) => id !== selfId)) : [];
  const vars = { room: room ? roomTitle(room) : '', names: formatList(currentLanguage(), others), round: round.name };
  const where = !room ? i18n.t('breakouts:moments.stay') : others.length > 0 ? i18n.t('breakouts:moments.youWith', vars) : i18n.t('breakouts:moments.you', vars);
  // Someone who arrives during a round is placed as they affirm: nobody moved them.
  const joined = !room ? i18n.t('breakouts:moments.joined', vars) : others.length > 0 ? i18n.t('breakouts:moments.joinedInWith', vars) : i18n.t('breakouts:moments.joinedIn', vars);
  if (fresh) return { seen, said: late ? joined : i18n.t('breakouts:moments.started', { round: round.name, where }), welcomeBack: null };
  if (before.roomId !== seen.roomId) {
    const placed = before.late && before.roomId === null;
    return { seen, said: room ? (placed ? joined : i18n.t('breakouts:moments.moved', { where })) : i18n.t('breakouts:moments.backForRest') };
  }
  if (before.endsAt !== seen.endsAt) {
    const time = clockTime(seen.endsAt);
    return { seen, said: seen.endsAt > before.endsAt ? i18n.t('breakouts:moments.longer', { time }) : i18n.t('breakouts:moments.shorter', { time }) };
  }
  if (!before.warned && seen.warned && !seen.over) return { seen, said: i18n.t('breakouts:moments.warned') };
  if (!before.over && seen.over) return { seen, said: i18n.t('breakouts:moments.over') };
  return { seen, said: null };
}
