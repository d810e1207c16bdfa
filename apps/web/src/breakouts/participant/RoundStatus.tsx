import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { RoundView } from '@brave/protocol';
import { Link } from '../../components/Link.tsx';
import { useConvening } from '../../live/context.ts';
import { useServerClockWarmup, useServerNow } from '../clock.ts';
import { RoundClock } from '../RoundClock.tsx';
import { roomOfPerson, roomTitle, runningRound } from '../words.ts';
import { useRoundMoments } from './useRoundMoments.ts';
import '../../styles/breakouts.css';

/**
 * The running round as this person lives it, ticking on the server's clock: the round,
 * their room, now, and the moments worth saying out loud. One source for the
 * participant's screen and for any page beside it (their room's notes).
 */
export function useRoundNow() {
  const { state, self, client } = useConvening();
  useServerClockWarmup(client);
  const round = runningRound(state);
  const now = useServerNow(client, round !== null);
  const room = roomOfPerson(round, self.participantId);
  const moments = useRoundMoments(now);
  return { round, room, now, ...moments };
}

/** What was just said about the round, for screen readers (on screen it shows as it happens). */
export function RoundSaid({ said }: { said: string }) {
  return (
    <p className="visually-hidden" role="status">
      {said}
    </p>
  );
}

/** The facilitators' latest message to every room: calm, announced once, not a pop-up. */
export function BroadcastBanner({ round }: { round: RoundView | null }) {
  const { state } = useConvening();
  const message = round && state.broadcast?.roundId === round.id ? state.broadcast : null;
  const { t } = useTranslation('breakouts');
  return (
    <div className={message ? 'broadcast' : 'broadcast-empty'} role="status" aria-live="polite" aria-label={t('status.broadcastLabel')}>
      {message && (
        <>
          <p className="broadcast-eyebrow">{t('status.broadcastEyebrow')}</p>
          <p className="broadcast-text">{message.text}</p>
        </>
      )}
    </div>
  );
}

/**
 * The round on a page away from the participant's screen (a room's notes): time left,
 * the one-minute warning and wrap-up, the facilitators' messages, and once the rooms
 * have closed, the way back to the main room. Nothing shows outside a round.
 */
export function RoundStatusStrip({ mainRoomHref }: { mainRoomHref: string }) {
  const id = useId();
  const { round, room, now, said, welcomeBack } = useRoundNow();
  const { t } = useTranslation('breakouts');
  return (
    <div className="breakout-area round-status-strip">
      <RoundSaid said={said} />
      <BroadcastBanner round={round} />
      {round && (
        <section className="card room-card compact-round" aria-labelledby={`${id}-h`}>
          <p className="eyebrow" id={`${id}-h`}>
            {room ? t('status.stripEyebrowRoom', { round: round.name, room: roomTitle(room) }) : t('status.stripEyebrow', { round: round.name })}
          </p>
          <RoundClock round={round} now={now} />
        </section>
      )}
      {!round && welcomeBack && (
        <section className="card welcome-back-card" aria-labelledby={`${id}-closed`}>
          <p className="welcome-title" id={`${id}-closed`}>
            {t('status.closed')}
          </p>
          <p className="muted">{t('status.closedBody', { round: welcomeBack })}</p>
          <p>
            <Link className="button" href={mainRoomHref}>
              {t('status.backToMain')}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
