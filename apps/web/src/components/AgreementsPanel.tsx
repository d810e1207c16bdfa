import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useConvening } from '../live/context.ts';
import { ReminderRequestDialog } from './ReminderRequestDialog.tsx';

/** The group's agreements, pinned for everyone, with the current spotlight marked. */
export function AgreementsPanel() {
  const { state, self } = useConvening();
  const [asked, setAsked] = useState(false);
  const { t } = useTranslation('live');
  const textOf = (id: string) => state.agreements.find((a) => a.id === id)?.text ?? t('agreements.changed');
  const mine = Object.values(state.reminderRequests).filter((r) => r.by === self.participantId);

  return (
    <section className="card agreements-panel" aria-labelledby="agreements-h">
      <h2 id="agreements-h">{t('agreements.heading')}</h2>
      <ol className="agreement-list">
        {state.agreements.map((a) => {
          const lit = state.spotlight?.agreementId === a.id;
          return (
            <li key={a.id} className={lit ? 'is-spotlit' : undefined}>
              {a.text}
              {lit && <span className="tag">{t('agreements.spotlit')}</span>}
            </li>
          );
        })}
      </ol>
      {state.status === 'open' && <ReminderRequestDialog onSent={() => setAsked(true)} />}
      <div role="status">{asked && <p className="sent-note">{t('agreements.requestSent')}</p>}</div>
      {mine.length > 0 && (
        <ul className="plain-list my-requests" aria-label={t('agreements.myRequests')}>
          {mine.map((r) => (
            <li key={r.id}>
              {t('agreements.asked', { agreement: textOf(r.agreementId) })} {r.resolved ? t('agreements.resolved') : t('agreements.waiting')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
