import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { RoomView } from '@brave/protocol';
import { clockTime } from '../../app/words.ts';
import { useCommand } from '../../live/useCommand.ts';

/**
 * "Ask for help" for the whole room: every facilitator sees the room's name at once.
 * The room then sees that help is on its way, and when a facilitator has answered.
 */
export function HelpButton({ room }: { room: RoomView }) {
  const { send, pending, error } = useCommand();
  const asked = room.helpRequestedAt;
  const before = useRef(asked);
  const [answered, setAnswered] = useState(false);
  const { t } = useTranslation('breakouts');

  useEffect(() => {
    // A request that disappears while the room is still running was answered.
    if (before.current !== null && asked === null) setAnswered(true);
    if (asked !== null) setAnswered(false);
    before.current = asked;
  }, [asked]);

  return (
    <div className="room-help">
      {asked === null && (
        <button type="button" className="button" disabled={pending} onClick={() => void send({ type: 'room.help' })}>
          {t('help.ask')}
        </button>
      )}
      <div role="status">
        {asked !== null ? (
          <p className="sent-note">{t('help.onItsWay', { room: room.name, time: clockTime(asked) })}</p>
        ) : answered ? (
          <p className="sent-note">{t('help.answered', { room: room.name })}</p>
        ) : null}
        {error && <p className="gentle-note">{error.message}</p>}
      </div>
    </div>
  );
}
