import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import type { SignalStatus, SignalView } from '@brave/protocol';
import { i18n } from '../../app/i18n.ts';
import { nameOf, useConvening } from '../../live/context.ts';
import { SignalCard, signalTitle } from './SignalCard.tsx';

const GROUPS = ['raised', 'acknowledged', 'parked'] as const satisfies readonly SignalStatus[];

/**
 * The queue every facilitator works together: changes made by one appear for all.
 * New signals are announced politely, so a facilitator using a screen reader hears them.
 */
export function SignalQueue() {
  const { state } = useConvening();
  const all = Object.values(state.signals).sort((a, b) => a.raisedAt - b.raisedAt);
  const of = (status: SignalStatus) => all.filter((s) => s.status === status);
  const addressed = of('addressed');
  const { t } = useTranslation('host');

  return (
    <section className="card queue" aria-labelledby="queue-h">
      <h2 id="queue-h" tabIndex={-1}>
        {t('queue.heading')}
      </h2>
      <NewSignalAnnouncer signals={all} />
      {all.length === 0 && <p className="muted">{t('queue.empty')}</p>}
      {GROUPS.map((status) => {
        const list = of(status);
        if (list.length === 0) return null;
        return (
          <section key={status} className="queue-group" aria-labelledby={`queue-${status}`}>
            <h3 id={`queue-${status}`}>
              {t(`queue.group.${status}`)} <span className="count">{list.length}</span>
            </h3>
            <ul className="plain-list cards">
              {list.map((s) => (
                <SignalCard key={s.id} signal={s} />
              ))}
            </ul>
          </section>
        );
      })}
      {addressed.length > 0 && (
        <details className="queue-group">
          <summary>
            {t('queue.addressed')} <span className="count">{addressed.length}</span>
          </summary>
          <ul className="plain-list cards">
            {addressed.map((s) => (
              <SignalCard key={s.id} signal={s} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function NewSignalAnnouncer({ signals }: { signals: SignalView[] }) {
  const { state } = useConvening();
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    // The first render holds what was already there; only later arrivals are news.
    if (seen.current === null) {
      seen.current = new Set(signals.map((s) => s.id));
      return;
    }
    const fresh = signals.filter((s) => !seen.current!.has(s.id));
    for (const s of fresh) seen.current.add(s.id);
    const last = fresh.at(-1);
    if (last) setMessage(i18n.t('host:queue.new', { title: signalTitle(last, nameOf(state, last.by)) }));
  }, [signals, state]);
  return (
    <p className="visually-hidden" role="status">
      {message}
    </p>
  );
}
