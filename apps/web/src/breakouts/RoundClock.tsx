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
  return (
    <div className={`round-clock${warned ? ' is-warned' : ''}${over ? ' is-over' : ''}${compact ? ' compact' : ''}`}>
      {over ? (
        <p className="clock-line">
          <span className="clock-label">Time is up.</span> Back in the main room in{' '}
          <span role="timer" aria-label={`Back in the main room in ${spokenLeft(graceLeft)}`} className="clock-digits">
            {formatLeft(graceLeft)}
          </span>
        </p>
      ) : (
        <p className="clock-line">
          <span role="timer" aria-label={`${spokenLeft(left)} left`} className="clock-digits">
            {formatLeft(left)}
          </span>{' '}
          <span className="clock-label">left</span>
        </p>
      )}
      {!compact && (
        <p className="clock-note muted">
          {warned ? 'About a minute left: a good moment to wrap up. ' : ''}
          {over ? 'Take a moment to finish your thought.' : `Ends at ${clockTime(round.endsAt)}.`}
        </p>
      )}
    </div>
  );
}
