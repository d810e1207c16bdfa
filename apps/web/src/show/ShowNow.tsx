import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { currentItem, nextItem } from '@brave/core';
import { formatLeft, spokenLeft, useServerClockWarmup, useServerNow } from '../breakouts/clock.ts';
import { useConvening } from '../live/context.ts';
import { KIND_LABEL, minutesText } from './words.ts';
import './show.css';

/** The run of show as it stands: the item now, the one after it, and the server's time. */
export function useShowNow() {
  const { state, client } = useConvening();
  useServerClockWarmup(client);
  const now = useServerNow(client, state.show.status === 'running');
  const current = currentItem(state);
  const next = nextItem(state);
  const left = state.show.endsAt === null ? null : state.show.endsAt - now;
  return { show: state.show, current, next, now, left };
}

/**
 * "Now" and "next" for everyone, with the time left. Past its time, an item simply shows
 * that it is wrapping up: how far over it ran is for the facilitators' console alone.
 * A new item is announced once, politely; the countdown itself is a timer, never read out.
 */
export function ShowNow() {
  const id = useId();
  const { show, current, next, left } = useShowNow();
  const { t } = useTranslation('show');
  if (show.status === 'planned' || show.items.length === 0) return null;
  return (
    <section className="card show-now" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('now.heading')}
      </h2>
      <div role="status" aria-live="polite" aria-atomic="true">
        {current ? (
          <p className="show-now-line">
            <span className="show-label">{t('now.now')}</span> <strong className="show-title">{current.title}</strong>{' '}
            <span className="tag">{KIND_LABEL[current.kind]}</span>
          </p>
        ) : (
          <p className="show-now-line">
            <span className="show-label">{t('now.now')}</span> <strong className="show-title">{t('now.end')}</strong>
          </p>
        )}
      </div>
      {current && left !== null && (
        <p className="show-left muted">
          {left > 0 ? (
            <>
              <span role="timer" aria-label={t('now.leftSpoken', { time: spokenLeft(left) })} className="clock-digits">
                {formatLeft(left)}
              </span>{' '}
              {t('now.left')}
            </>
          ) : (
            t('now.wrapping')
          )}
        </p>
      )}
      {current?.speaker && <p className="muted">{t('now.with', { speaker: current.speaker })}</p>}
      {next && (
        <p className="show-next-line">
          <span className="show-label">{t('now.next')}</span> {next.title} <span className="muted">({minutesText(next.minutes)})</span>
        </p>
      )}
    </section>
  );
}
