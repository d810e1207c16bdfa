import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { loadDismissedSpotlight, saveDismissedSpotlight } from '../app/storage.ts';
import { useConvening } from '../live/context.ts';

/**
 * The agreement a facilitator is holding up right now. The live region is always in the
 * page (so screen readers announce a new spotlight at once); the banner stays until the
 * person puts it away or a new spotlight replaces it.
 */
export function SpotlightBanner() {
  const { state } = useConvening();
  const { t } = useTranslation('live');
  const [dismissed, setDismissed] = useState(() => loadDismissedSpotlight(state.id));
  const spot = state.spotlight;
  const visible = spot !== null && spot.seq > dismissed;

  const putAway = () => {
    if (!spot) return;
    saveDismissedSpotlight(state.id, spot.seq);
    setDismissed(spot.seq);
    // The button disappears with the banner; keep keyboard users at the top of the page.
    document.querySelector<HTMLElement>('h1[tabindex]')?.focus();
  };

  return (
    <div className={visible ? 'spotlight' : 'spotlight-empty'}>
      <div role="status" aria-live="assertive" aria-atomic="true" aria-label={t('spotlight.label')}>
        {visible && (
          <>
            <p className="spotlight-eyebrow">
              {spot.source === 'reminder' ? t('spotlight.reminder') : t('spotlight.held')}
            </p>
            <p className="spotlight-text">{spot.text}</p>
          </>
        )}
      </div>
      {visible && (
        <button type="button" className="button quiet spotlight-dismiss" onClick={putAway}>
          {t('spotlight.putAway')}
        </button>
      )}
    </div>
  );
}
