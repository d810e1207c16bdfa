import { useTranslation } from 'react-i18next';
import { KIND_LABEL, STATUS_FOR_SENDER, VISIBILITY_CHOICE, clockTime } from '../app/words.ts';
import { useConvening } from '../live/context.ts';
import { AddWords } from './AddWords.tsx';

/** The person's own signals and what has happened to each. */
export function MySignals() {
  const { state, self } = useConvening();
  const { t } = useTranslation('live');
  const mine = Object.values(state.signals)
    .filter((s) => s.by === self.participantId)
    .sort((a, b) => b.raisedAt - a.raisedAt);

  return (
    <section className="card my-signals" aria-labelledby="my-signals-h">
      <h2 id="my-signals-h">{t('mine.heading')}</h2>
      {mine.length === 0 ? (
        <p className="muted">{t('mine.empty')}</p>
      ) : (
        <ul className="plain-list">
          {mine.map((s) => {
            const note = [...s.history].reverse().find((h) => h.note)?.note;
            return (
              <li key={s.id} className={`my-signal kind-${s.kind}`}>
                <p className="my-signal-head">
                  <strong>{KIND_LABEL[s.kind]}</strong> <time dateTime={new Date(s.raisedAt).toISOString()}>{clockTime(s.raisedAt)}</time>
                  <span className="tag">{VISIBILITY_CHOICE[s.visibility].label}</span>
                </p>
                <p className={`my-signal-status status-${s.status}`}>{STATUS_FOR_SENDER[s.status]}</p>
                {note && <p className="facilitator-note">{t('mine.note', { note })}</p>}
                {s.explanation ? (
                  <blockquote className="words">{s.explanation}</blockquote>
                ) : (
                  state.status === 'open' && <AddWords signalId={s.id} kind={s.kind} toRoom={!s.privateExplanation} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
