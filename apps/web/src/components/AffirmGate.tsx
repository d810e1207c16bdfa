import { useTranslation } from 'react-i18next';
import { useConvening } from '../live/context.ts';
import { useCommand } from '../live/useCommand.ts';

/** Everyone reads the agreements and takes them on before entering the room. */
export function AffirmGate() {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const { t } = useTranslation('live');
  return (
    <section className="card affirm" aria-labelledby="affirm-heading">
      <h2 id="affirm-heading">{t('affirm.heading')}</h2>
      <p>{t('affirm.body')}</p>
      <ol className="agreement-list">
        {state.agreements.map((a) => (
          <li key={a.id}>{a.text}</li>
        ))}
      </ol>
      <button
        type="button"
        className="button primary wide"
        disabled={pending}
        onClick={() => void send({ type: 'agreements.affirm' })}
      >
        {t('affirm.button')}
      </button>
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
