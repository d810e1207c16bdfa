import type { ConveningView, ParticipantView, RoomView, RoundView } from '@brave/protocol';
import { i18n } from '../app/i18n.ts';

/** Breakout words both screens use (breakouts namespace), read while rendering. */

/** The caucus answer the server always accepts besides the convening's own options. */
export const PREFER_NOT = 'prefer not to say';

/** How the caucus question describes its privacy, wherever it is asked. */
export const caucusPrivacy = (): string => i18n.t('breakouts:caucusPrivacy');

/** A caucus room is named after its option; say so in a way that reads well. */
export function roomTitle(room: Pick<RoomView, 'kind' | 'name'>): string {
  return room.kind === 'caucus' ? i18n.t('breakouts:caucusTitle', { name: room.name }) : room.name;
}

export const peopleCount = (n: number): string => i18n.t('breakouts:people', { count: n });

/** Names for a list of ids, in the order given; people who left are said so. */
export function namesOf(state: ConveningView, ids: readonly string[]): string[] {
  return ids.map((id) => state.participants[id]?.name ?? i18n.t('breakouts:someoneWhoLeft'));
}

export const isFacilitatorRole = (p: ParticipantView | undefined): boolean =>
  p?.role === 'facilitator' || p?.role === 'cofacilitator';

/** The running round, if any. */
export function runningRound(state: ConveningView): RoundView | null {
  const round = state.activeRoundId ? state.rounds[state.activeRoundId] : undefined;
  return round && round.status === 'running' ? round : null;
}

/** The room of a running round this person is in (their own room is always visible to them). */
export function roomOfPerson(round: RoundView | null, participantId: string): RoomView | null {
  if (!round) return null;
  return Object.values(round.rooms).find((r) => r.members.includes(participantId)) ?? null;
}

/** Only web links become clickable: a pasted `javascript:` address must never run. */
export function safeVideoUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
