import { useTranslation } from 'react-i18next';
import { clockTime } from '../app/words.ts';
import { nameOf, useConvening } from '../live/context.ts';

const SHOWN = 8;

/**
 * Calm notices of other people's signals, newest first. Never a tally, never who sent
 * an anonymous one. The list is a polite live region: new notices are read out once.
 */
export function RoomNotices() {
  const { state } = useConvening();
  const { t } = useTranslation('live');
  const notices = state.notices.slice(-SHOWN).reverse();
  return (
    <section className="card notices" aria-labelledby="notices-h">
      <h2 id="notices-h">{t('notices.heading')}</h2>
      {notices.length === 0 && (
        <p className="muted">{t('notices.empty')}</p>
      )}
      <ul className="plain-list notice-list" aria-live="polite" aria-relevant="additions text">
        {notices.map((n) => {
          const who = nameOf(state, n.by);
          return (
            <li key={n.id} className={`notice kind-${n.kind}`}>
              <p>
                {who ? t(`notices.named.${n.kind}`, { name: who }) : t(`notices.someone.${n.kind}`)} <span className="muted">{t(`notices.care.${n.kind}`)}</span>{' '}
                <time className="muted" dateTime={new Date(n.at).toISOString()}>
                  {clockTime(n.at)}
                </time>
              </p>
              {n.explanation && <blockquote className="words">{n.explanation}</blockquote>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
