import { Trans, useTranslation } from 'react-i18next';
import './floor.css';
import { useConvening } from '../live/context.ts';
import { spokenLeft, useServerNow } from '../breakouts/clock.ts';

/**
 * The calm "quiet moment" state everyone sees while a silence lasts: what it means and
 * the time left. A status region, so it is announced once as it begins, not every second.
 */
export function SilenceBanner() {
  const { state, client } = useConvening();
  const silence = state.floor.silence;
  const now = useServerNow(client, silence !== null);
  const { t } = useTranslation('floor');
  return (
    <div role="status" aria-live="polite">
      {silence && (
        <section className="silence-banner" aria-labelledby="silence-h">
          <h2 id="silence-h">{t('silence.heading')}</h2>
          <p>{t('silence.body')}</p>
          <p className="muted">
            <Trans t={t} i18nKey="silence.left" values={{ time: spokenLeft(silence.endsAt - now) }} components={{ left: <span className="silence-left" /> }} />
          </p>
        </section>
      )}
    </div>
  );
}
