import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading.tsx';

/** A calm full-screen message: not found, ended, or a place this device does not hold. */
export function Message({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <main className="page page-narrow">
      <div className="card message">
        <PageHeading title={title}>{title}</PageHeading>
        {children}
      </div>
    </main>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('app');
  return (
    <main className="page page-narrow">
      <p className="loading" role="status">
        {label ?? t('loading')}
      </p>
    </main>
  );
}
