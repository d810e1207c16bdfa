import type { ConveningView, LoggedEvent } from '@brave/protocol';

type RoundEvent = Extract<
  LoggedEvent['event'],
  { type: 'round.opened' | 'room.updated' | 'round.retimed' | 'round.warned' | 'round.ended' | 'round.broadcast' }
>;

/** Fold the breakout events (called from the main reducer). */
export function reduceRound(state: ConveningView, e: RoundEvent, at: number): void {
  switch (e.type) {
    case 'round.opened':
      state.rounds[e.round.id] = structuredClone(e.round);
      state.activeRoundId = e.round.id;
      state.broadcast = null;
      break;
    case 'room.updated': {
      const round = state.rounds[e.roundId];
      if (round) round.rooms[e.room.id] = structuredClone(e.room);
      break;
    }
    case 'round.retimed': {
      const round = state.rounds[e.roundId];
      if (round) {
        round.endsAt = e.endsAt;
        round.warnedAt = null;
      }
      break;
    }
    case 'round.warned': {
      const round = state.rounds[e.roundId];
      if (round) round.warnedAt = at;
      break;
    }
    case 'round.ended': {
      const round = state.rounds[e.roundId];
      if (round) {
        round.status = 'ended';
        round.endedAt = at;
        for (const room of Object.values(round.rooms)) room.helpRequestedAt = null;
      }
      if (state.activeRoundId === e.roundId) state.activeRoundId = null;
      state.broadcast = null;
      break;
    }
    case 'round.broadcast':
      state.broadcast = { text: e.text, at, roundId: e.roundId };
      break;
  }
}
