import { useTranslation } from 'react-i18next';
import { lazy, Suspense, useId, useState } from 'react';
import { useConvening } from '../../live/context.ts';
import { loadAboutSeen, saveAboutSeen } from './aboutSeen.ts';

// Asked once per convening: fetched when it is needed, not with every participant's page.
const AboutForm = lazy(() => import('./AboutForm.tsx').then((m) => ({ default: m.AboutForm })));
function QuestionsLoading() {
  const { t } = useTranslation('breakouts');
  return <p className="muted">{t('about.loading')}</p>;
}
const loading = <QuestionsLoading />;

/** True until this person has saved details, answered, or said "not now" on this device. */
export function useAboutPending(): [boolean, () => void] {
  const { state, me, self } = useConvening();
  const [seen, setSeen] = useState(() => loadAboutSeen(state.id));
  const told = me ? Object.values(me.profile).some((v) => v !== null) : false;
  const answered = state.affinity[self.participantId] !== undefined;
  const done = () => {
    saveAboutSeen(state.id);
    setSeen(true);
  };
  return [!seen && !told && !answered, done];
}

/**
 * The optional step right after the agreements: first a short invitation (so the signal
 * buttons stay in reach on a phone), then the questions for those who want to answer.
 */
export function AboutStep({ onDone }: { onDone: (how: 'saved' | 'later') => void }) {
  const id = useId();
  const [answering, setAnswering] = useState(false);
  const { t } = useTranslation('breakouts');
  const later = (
    <button type="button" className="button quiet" onClick={() => onDone('later')}>
      {t('about.notNow')}
    </button>
  );
  return (
    <section className="card about-step" aria-labelledby={`${id}-h`}>
      <p className="eyebrow">{t('about.eyebrow')}</p>
      <h2 id={`${id}-h`}>{t('about.heading')}</h2>
      <p>{t('about.intro')}</p>
      {answering ? (
        <Suspense fallback={loading}>
          <AboutForm saveLabel={t('about.saveContinue')} onDone={() => onDone('saved')} focusFirst>
            {later}
          </AboutForm>
        </Suspense>
      ) : (
        <div className="actions">
          {later}
          <button type="button" className="button primary" onClick={() => setAnswering(true)}>
            {t('about.answerNow')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The same questions, later: folded away until the person opens it. */
export function YourDetails() {
  const { self } = useConvening();
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('breakouts');
  // Observers take no part in the room-making, so there is nothing to ask them.
  if (self.role === 'observer') return null;
  return (
    <details className="card your-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <span className="summary-title">{t('about.details')}</span>
        <span className="muted"> {t('about.detailsSummary')}</span>
      </summary>
      {/* Mounted only while open, so it always starts from what the server holds now. */}
      {open && (
        <Suspense fallback={loading}>
          <AboutForm saveLabel={t('about.saveChanges')} allowWithdraw />
        </Suspense>
      )}
    </details>
  );
}
