import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { RoundView } from '@brave/protocol';
import { useCommand } from '../../live/useCommand.ts';
import { RoundClock } from '../RoundClock.tsx';

/**
 * Self-select rounds: people choose a room while it has space. Choosing another room
 * later frees the seat in the first one.
 */
export function RoomPicker({ round, now, currentRoomId }: { round: RoundView; now: number; currentRoomId: string | null }) {
  const id = useId();
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('breakouts');
  const rooms = Object.values(round.rooms);
  const choosing = currentRoomId === null;
  const body = (
    <>
      <ul className="plain-list pick-list">
        {rooms.map((room) => {
          const here = room.id === currentRoomId;
          const full = room.cap !== null && room.size >= room.cap;
          return (
            <li key={room.id} className={here ? 'is-here' : undefined}>
              <span className="pick-name">{room.name}</span>
              <span className="muted">{room.cap !== null ? t('picker.ofCap', { size: room.size, cap: room.cap }) : t('picker.here', { count: room.size })}</span>
              {here ? (
                <span className="tag">{t('picker.youAreHere')}</span>
              ) : (
                <button
                  type="button"
                  className="button small"
                  disabled={pending || full}
                  aria-label={full ? t('picker.isFull', { room: room.name }) : t('picker.joinRoom', { room: room.name })}
                  onClick={() => void send({ type: 'room.join', roomId: room.id })}
                >
                  {full ? t('picker.full') : t('picker.join')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </>
  );

  if (!choosing) {
    return (
      <details className="card change-room">
        <summary>{t('picker.another')}</summary>
        {body}
      </details>
    );
  }
  return (
    <section className="card room-card" aria-labelledby={`${id}-h`}>
      <p className="eyebrow">{t('picker.eyebrow', { round: round.name })}</p>
      <h2 id={`${id}-h`}>{t('picker.heading')}</h2>
      <RoundClock round={round} now={now} />
      <p>{t('picker.intro')}</p>
      {body}
    </section>
  );
}
