import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { CollabSnapshot } from './collab.ts';
import { LOCAL_WORDS } from './words.ts';

/** How many whole seconds until `at`, ticking while there is a wait to show. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1_000));
}

/**
 * The document's connection, always visible: connected, reconnecting, offline or refused,
 * and whether edits made here are saved on this device but not yet shared. A polite
 * live region: it changes with the connection and when edits stop or start waiting,
 * never with each keystroke (see `unshared`).
 */
export function CollabStatus({ snapshot, onRetry }: { snapshot: CollabSnapshot; onRetry: () => void }) {
  const { state, unshared, notice } = snapshot;
  const seconds = useSecondsUntil(state.kind === 'reconnecting' ? state.retryAt : null);
  const { t } = useTranslation('notes');
  const text = (() => {
    switch (state.kind) {
      case 'connecting':
        return t('status.connecting');
      case 'connected':
        return unshared ? t('status.connected') : LOCAL_WORDS.shared;
      case 'reconnecting':
        return t('status.reconnecting');
      case 'offline':
        return t('status.offline');
      case 'refused':
        return state.message;
    }
  })();
  const pill = state.kind === 'connected' ? 'live' : state.kind === 'refused' ? 'refused' : state.kind === 'connecting' ? 'connecting' : 'reconnecting';
  return (
    <div className="collab-status">
      <p className={`connection connection-${pill}`} role="status" aria-label={t('status.label')}>
        <span className="connection-dot" aria-hidden="true" />
        {text}
        {/* The countdown is for the eye only: a live region that ticks would never be quiet. */}
        {seconds ? <span aria-hidden="true"> {t('status.nextTry', { seconds })}</span> : null}
        {unshared && state.kind !== 'refused' && <span className="unsent"> · {LOCAL_WORDS.notShared}</span>}
      </p>
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}
      {(state.kind === 'refused' || state.kind === 'reconnecting') && (
        <button type="button" className="button small quiet" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}
