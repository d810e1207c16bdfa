import { Trans, useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { AgreementsEditor, fromDrafts, toDrafts, type DraftAgreement } from '../AgreementsEditor.tsx';
import { ReminderSchedule } from './ReminderSchedule.tsx';

/** Spotlight one agreement for everyone, clear it, edit the set live, schedule reminders. */
export function HostAgreements() {
  const { state } = useConvening();
  const id = useId();
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('host');
  const [drafts, setDrafts] = useState<DraftAgreement[] | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !drafts) editButton.current?.focus();
    wasEditing.current = drafts !== null;
  }, [drafts]);
  const open = state.status === 'open';
  const lit = state.spotlight;

  const save = async () => {
    if (!drafts) return;
    const agreements = fromDrafts(drafts);
    if (agreements.length === 0) return;
    const result = await send({ type: 'agreements.set', agreementSetId: state.agreementSetId, agreements });
    if (result.ok) setDrafts(null);
  };

  return (
    <section className="card host-agreements" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('agreements.heading')}</h2>
      <div className="current-spotlight" role="status">
        {lit ? (
          <p>
            <Trans t={t} i18nKey={lit.source === 'reminder' ? 'agreements.spotlitRegular' : 'agreements.spotlit'} values={{ text: lit.text }} components={{ strong: <strong /> }} />
          </p>
        ) : (
          <p className="muted">{t('agreements.nothing')}</p>
        )}
      </div>
      {lit && open && (
        <button type="button" className="button quiet" disabled={pending} onClick={() => void send({ type: 'spotlight.clear' })}>
          {t('agreements.clear')}
        </button>
      )}

      {drafts ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <AgreementsEditor items={drafts} onChange={setDrafts} />
          <div className="actions">
            <button type="button" className="button quiet" onClick={() => setDrafts(null)}>
              {t('agreements.cancel')}
            </button>
            <button type="submit" className="button primary" disabled={pending || fromDrafts(drafts).length === 0}>
              {t('agreements.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <ol className="agreement-list host-list">
            {state.agreements.map((a) => (
              <li key={a.id} className={lit?.agreementId === a.id ? 'is-spotlit' : undefined}>
                <span id={`${id}-${a.id}`}>{a.text}</span>
                {open && (
                  <button
                    type="button"
                    className="button small"
                    aria-describedby={`${id}-${a.id}`}
                    disabled={pending}
                    onClick={() => void send({ type: 'spotlight.set', agreementId: a.id })}
                  >
                    {t('agreements.spotlight')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {open && (
            <button ref={editButton} type="button" className="button quiet" onClick={() => setDrafts(toDrafts(state.agreements))}>
              {t('agreements.edit')}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
      <ReminderSchedule />
    </section>
  );
}
