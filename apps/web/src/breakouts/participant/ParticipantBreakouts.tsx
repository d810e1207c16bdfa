import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import type { RoundView } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { RoundClock } from '../RoundClock.tsx';
import { AboutStep, useAboutPending } from './AboutYou.tsx';
import { RoomCard } from './RoomCard.tsx';
import { RoomPicker } from './RoomPicker.tsx';
import { BroadcastBanner, RoundSaid, useRoundNow } from './RoundStatus.tsx';

/**
 * Everything breakouts add to a participant's screen, above the signal buttons: the
 * facilitators' message, the room card (or the room picker), the welcome back, and the
 * optional "About you" step right after the agreements.
 */
export function ParticipantBreakouts() {
  const { self } = useConvening();
  const { round, room, now, said, welcomeBack, dismissWelcome } = useRoundNow();
  const [aboutPending, aboutDone] = useAboutPending();
  const [afterStep, setAfterStep] = useState<'saved' | 'later' | null>(null);

  return (
    <div className="breakout-area">
      <RoundSaid said={said} />
      <BroadcastBanner round={round} />
      {round && room && <RoomCard round={round} room={room} now={now} />}
      {round && round.strategy === 'selfSelect' && <RoomPicker round={round} now={now} currentRoomId={room?.id ?? null} />}
      {round && !room && round.strategy !== 'selfSelect' && <MainRoomDuringRound round={round} now={now} />}
      {!round && welcomeBack && <WelcomeBack roundName={welcomeBack} onDismiss={dismissWelcome} />}
      {aboutPending && self.role !== 'observer' && (
        <AboutStep
          onDone={(how) => {
            aboutDone();
            setAfterStep(how);
          }}
        />
      )}
      {afterStep && <AfterStep how={afterStep} onDismiss={() => setAfterStep(null)} />}
    </div>
  );
}

function MainRoomDuringRound({ round, now }: { round: RoundView; now: number }) {
  const id = useId();
  const { state, self } = useConvening();
  const { t } = useTranslation('breakouts');
  // Told only to the person: their caucus has no room this round because nobody else chose it.
  const answer = state.affinity[self.participantId]?.answer ?? null;
  const caucusOfOne =
    round.strategy === 'affinity' && answer !== null && state.caucusOptions.includes(answer) && !Object.values(round.rooms).some((r) => r.caucus === answer);
  return (
    <section className="card room-card in-main-room" aria-labelledby={`${id}-h`}>
      <p className="eyebrow">{t('main.eyebrow', { round: round.name })}</p>
      <h2 id={`${id}-h`}>{t('main.heading')}</h2>
      <RoundClock round={round} now={now} />
      {caucusOfOne && <p>{t('main.caucusOfOne')}</p>}
      <p className="muted">{t('main.others')}</p>
    </section>
  );
}

function WelcomeBack({ roundName, onDismiss }: { roundName: string; onDismiss: () => void }) {
  const { t } = useTranslation('breakouts');
  return (
    <section className="card welcome-back-card" aria-label={t('main.welcomeLabel')}>
      <p className="welcome-title">{t('main.welcome')}</p>
      <p className="muted">{t('main.ended', { round: roundName })}</p>
      <div className="actions">
        <button type="button" className="button quiet small" onClick={onDismiss}>
          {t('main.hide')}
        </button>
      </div>
    </section>
  );
}

/** After the step: a short note that takes focus, since the form it replaced is gone. */
function AfterStep({ how, onDismiss }: { how: 'saved' | 'later'; onDismiss: () => void }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const { t } = useTranslation('breakouts');
  useEffect(() => ref.current?.focus(), []);
  return (
    <p className="sent-note about-thanks" ref={ref} tabIndex={-1}>
      {how === 'saved' ? t('about.thanksSaved') : t('about.thanksLater')}{' '}
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('about.hideNote')}
      </button>
    </p>
  );
}
