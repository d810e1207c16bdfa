import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@brave/protocol';

/** The community's agreements, as every convening of it opens with them. */
export function AgreementsCard({ agreements }: { agreements: readonly Agreement[] }) {
  const id = useId();
  const { t } = useTranslation('community');
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('join.agreements')}</h2>
      <p className="hint">{t('agreements.hint')}</p>
      <ol className="agreement-list">
        {agreements.map((a) => (
          <li key={a.id}>{a.text}</li>
        ))}
      </ol>
    </section>
  );
}
