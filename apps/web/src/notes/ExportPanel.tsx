import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { ExportFormat } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import type { DocsApi } from './api.ts';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
];

/** Save the document as it is now. The download needs the credential, so it is fetched first. */
export function ExportPanel({ api, name, title }: { api: DocsApi; name: string; title: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const { t } = useTranslation('notes');

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setProblem(null);
    try {
      const blob = await api.exported(name, format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${fileName(title)}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setProblem(describeError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card export" aria-labelledby="export-h">
      <h2 id="export-h">{t('export.heading')}</h2>
      <p className="hint">{t('export.hint')}</p>
      <div className="actions start">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" className="button small" disabled={busy !== null} onClick={() => void download(format)}>
            {busy === format ? t('export.preparing') : t('export.download', { format: label })}
          </button>
        ))}
      </div>
      {problem && (
        <p className="gentle-note" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

const fileName = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'document';
