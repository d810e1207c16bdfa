import { useTranslation } from 'react-i18next';
import { clockTime } from '../../app/words.ts';
import { nameOf, useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';

/** Quiet requests from participants to bring an agreement back to the room. */
export function ReminderQueue() {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('host');
  const open = Object.values(state.reminderRequests)
    .filter((r) => !r.resolved)
    .sort((a, b) => a.at - b.at);

  // The handled request leaves the list (and its buttons with it): keep focus in the section.
  const settle = () => document.getElementById('reminder-queue-h')?.focus();
  const resolve = async (requestId: string) => {
    if ((await send({ type: 'reminder.resolve', requestId })).ok) settle();
  };
  const spotlightAndResolve = async (requestId: string, agreementId: string) => {
    const lit = await send({ type: 'spotlight.set', agreementId });
    if (lit.ok) await resolve(requestId);
  };

  return (
    <section className="card reminder-queue" aria-labelledby="reminder-queue-h">
      <h2 id="reminder-queue-h" tabIndex={-1}>
        {t('requests.heading')}
      </h2>
      {open.length === 0 ? (
        <p className="muted">{t('requests.none')}</p>
      ) : (
        <ul className="plain-list cards">
          {open.map((r) => {
            const agreement = state.agreements.find((a) => a.id === r.agreementId);
            return (
              <li key={r.id} className="request-card">
                <p className="request-agreement">“{agreement?.text ?? t('requests.removed')}”</p>
                <p className="muted">
                  {r.by ? t('requests.askedBy', { name: nameOf(state, r.by) ?? t('requests.someoneWhoLeft'), time: clockTime(r.at) }) : t('requests.askedAnonymously', { time: clockTime(r.at) })}
                </p>
                {r.note && <blockquote className="words">{r.note}</blockquote>}
                {state.status === 'open' && (
                  <div className="actions">
                    {agreement && (
                      <button type="button" className="button small" disabled={pending} onClick={() => void spotlightAndResolve(r.id, agreement.id)}>
                        {t('requests.spotlight')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button quiet small"
                      disabled={pending}
                      onClick={() => void resolve(r.id)}
                    >
                      {t('requests.done')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
