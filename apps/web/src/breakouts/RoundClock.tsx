import { useTranslation } from 'react-i18next';
import type { RoundView } from '@brave/protocol';
import { clockTime } from '../app/words.ts';
import { formatLeft, spokenLeft } from './clock.ts';

/**
 * A round's countdown as both screens show it: time left, then the grace countdown once
 * time is up. It is a timer (not a live region): announcements happen at chosen moments
 * elsewhere, never every second.
 */
export function RoundClock({ round, now, compact = false }: { round: RoundView; now: number; compact?: boolean }) {
  const left = round.endsAt - now;
  const over = left <= 0;
  const graceLeft = round.endsAt + round.graceSeconds * 1000 - now;
  const warned = round.warnedAt !== null && !over;
  const { t } = useTranslation('breakouts');
  return (
    <div className={`round-clock${warned ? ' is-warned' : ''}${over ? ' is-over' : ''}${compact ? ' compact' : ''}`}>
      {over ? (
        <p className="clock-line">
          <span className="clock-label">{t('clock.timeUp')}</span> {t('clock.backIn')}{' '}
          <span role="timer" aria-label={t('clock.backInSpoken', { time: spokenLeft(graceLeft) })} className="clock-digits">
            {formatLeft(graceLeft)}
          </span>
        </p>
      ) : (
        <p className="clock-line">
          <span role="timer" aria-label={t('clock.leftSpoken', { time: spokenLeft(left) })} className="clock-digits">
            {formatLeft(left)}
          </span>{' '}
          <span className="clock-label">{t('clock.left')}</span>
        </p>
      )}
      {!compact && (
        <p className="clock-note muted">
          {warned && <>{t('clock.warned')} </>}
          {over ? t('clock.finish') : t('clock.endsAt', { time: clockTime(round.endsAt) })}
        </p>
      )}
    </div>
  );
}
