import { Trans, useTranslation } from 'react-i18next';
import type { Publication } from '@brave/protocol';
import { CopyField } from '../components/host/CopyField.tsx';
import { whenSaved } from './words.ts';

/** The public share-out of a toolkit draft: where it is, and which version it shows. */
export function PublishPanel({ publication, canPublish }: { publication: Publication | null; canPublish: boolean }) {
  const { t } = useTranslation('notes');
  if (!publication && !canPublish) return null;
  return (
    <section className="card publish" aria-labelledby="publish-h">
      <h2 id="publish-h">{t('publish.heading')}</h2>
      {!publication ? (
        <p className="muted">
          <Trans t={t} i18nKey="publish.none" components={{ strong: <strong /> }} />
        </p>
      ) : (
        <>
          <p>
            {t('publish.showing', { label: publication.label || t('publish.unnamed'), when: whenSaved(publication.publishedAt) })}{' '}
            <a href={publication.url} target="_blank" rel="noopener noreferrer">
              {t('publish.open')}
            </a>{' '}
            ·{' '}
            <a href={publication.markdownUrl} target="_blank" rel="noopener noreferrer">
              {t('publish.markdown')}
            </a>
          </p>
          <CopyField label={t('publish.link')} value={publication.url} hint={t('publish.linkHint')} />
        </>
      )}
    </section>
  );
}
