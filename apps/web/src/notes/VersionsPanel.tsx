import { useTranslation } from 'react-i18next';
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useCallback, useEffect, useId, useState } from 'react';
import { COLLAB_LIMITS, type DocVersion, type Publication } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import type { DocsApi } from './api.ts';
import { VersionPreview } from './VersionPreview.tsx';
import { whenSaved } from './words.ts';

interface Props {
  api: DocsApi;
  name: string;
  canWrite: boolean;
  canPublish: boolean;
  publishedVersionId: string | null;
  onPublished: (p: Publication) => void;
}

/** Named versions: save one, look back at any, restore one, and (facilitators) publish one. */
export function VersionsPanel({ api, name, canWrite, canPublish, publishedVersionId, onPublished }: Props) {
  const id = useId();
  const [versions, setVersions] = useState<DocVersion[] | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; problem?: boolean } | null>(null);
  const { t } = useTranslation('notes');

  const reload = useCallback(() => api.versions(name).then((r) => setVersions(r.versions)), [api, name]);
  useEffect(() => {
    reload().catch((err: unknown) => setNote({ text: describeError(err), problem: true }));
  }, [reload]);

  /** Run one action, then list again; whatever happens is said in the status line. */
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ text: await work() });
      await reload();
    } catch (err) {
      setNote({ text: describeError(err), problem: true });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    act(async () => {
      const v = await api.saveVersion(name, label.trim());
      setLabel('');
      return t('versions.savedNote', { label: v.label });
    });
  const restore = (v: DocVersion) =>
    act(async () => {
      const r = await api.restore(name, v.id);
      return t('versions.restoredNote', { label: r.restored.label, before: r.savedBefore.label });
    });
  const publish = (v: DocVersion) =>
    act(async () => {
      const p = await api.publish(name, v.id);
      onPublished(p);
      return t('versions.publishedNote', { label: v.label });
    });

  return (
    <section className="card versions" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('versions.heading')}</h2>
      {canWrite && (
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            if (label.trim()) void save();
          }}
        >
          <label htmlFor={`${id}-label`}>{t('versions.name')}</label>
          <div className="inline-field">
            <input
              id={`${id}-label`}
              value={label}
              maxLength={COLLAB_LIMITS.versionLabelMax}
              placeholder={t('versions.example')}
              onChange={(e) => setLabel(e.target.value)}
            />
            <button type="submit" className="button small" disabled={busy || !label.trim()}>
              {t('versions.save')}
            </button>
          </div>
        </form>
      )}
      <p className={note?.problem ? 'gentle-note' : 'hint'} role="status">
        {note?.text ?? ''}
      </p>
      {versions && versions.length === 0 && <p className="muted">{t('versions.none')}</p>}
      <ul className="plain-list version-list" aria-label={t('versions.list')}>
        {versions?.map((v) => (
          <li key={v.id} className="version">
            <p className="version-head">
              <strong>{v.label}</strong>
              {v.id === publishedVersionId && <span className="tag">{t('versions.published')}</span>}
            </p>
            <p className="hint">
              {whenSaved(v.at)}
              {v.byName ? ` · ${v.byName}` : v.by === null ? <> · {t('versions.auto')}</> : ''}
            </p>
            <div className="version-actions">
              <VersionPreview api={api} name={name} version={v} />
              {canWrite && <RestoreButton version={v} disabled={busy} onConfirm={() => void restore(v)} />}
              {canPublish && (
                <button type="button" className="button small" disabled={busy} aria-label={t('versions.publishLabel', { label: v.label })} onClick={() => void publish(v)}>
                  {t('versions.publish')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function RestoreButton({ version, disabled, onConfirm }: { version: DocVersion; disabled: boolean; onConfirm: () => void }) {
  const { t } = useTranslation('notes');
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className="button small quiet" disabled={disabled} aria-label={t('versions.restoreLabel', { label: version.label })}>
          {t('versions.restore')}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>{t('versions.restoreTitle', { label: version.label })}</AlertDialog.Title>
          <AlertDialog.Description className="muted">
            {t('versions.restoreBody')}
          </AlertDialog.Description>
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button quiet">
                {t('versions.keep')}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="button primary" onClick={onConfirm}>
                {t('versions.restoreConfirm')}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
