import { useId } from 'react';
import { clockTime } from '../../app/words.ts';
import { useConvening } from '../../live/context.ts';
import { namesOf, peopleCount, roomTitle } from '../words.ts';
import { strategyLabel } from './words.ts';

/** Who was where in each ended round. Caucuses show their size only, even to facilitators they invited. */
export function PastRounds() {
  const { state } = useConvening();
  const id = useId();
  const ended = Object.values(state.rounds)
    .filter((r) => r.status === 'ended')
    .sort((a, b) => b.startedAt - a.startedAt);
  return (
    <section className="past-rounds" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Who was where</h3>
      {ended.length === 0 && <p className="muted">Rounds that have ended appear here.</p>}
      {ended.map((round) => (
        <details key={round.id} className="past-round">
          <summary>
            {round.name} <span className="muted">· {strategyLabel(round.strategy)} · {clockTime(round.startedAt)}</span>
          </summary>
          <ul className="plain-list past-rooms">
            {Object.values(round.rooms).map((room) => (
              <li key={room.id}>
                <strong>{roomTitle(room)}</strong>{' '}
                {room.kind === 'breakout' && room.members.length > 0 ? (
                  <span>{namesOf(state, room.members).join(', ')}</span>
                ) : (
                  <span className="muted">
                    {peopleCount(room.size)}
                    {room.kind === 'caucus' ? ', known only to the caucus' : room.size > 0 ? ', known only to the room' : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
