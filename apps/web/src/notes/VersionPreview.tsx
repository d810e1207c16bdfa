import { useTranslation } from 'react-i18next';
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState } from 'react';
import type { DocVersion } from '@brave/protocol';
import { describeError } from '../app/errors.ts';
import type { DocsApi } from './api.ts';
import { articleNodes } from './sanitize.ts';
import { whenSaved } from './words.ts';

/** A saved version, read-only, as its HTML export shows it. */
export function VersionPreview({ api, name, version }: { api: DocsApi; name: string; version: DocVersion }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('notes');
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="button small quiet" aria-label={t('preview.viewLabel', { label: version.label })}>
          {t('preview.view')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide">
          <Dialog.Title>{t('preview.title', { label: version.label })}</Dialog.Title>
          <Dialog.Description className="muted">
            {version.byName ? t('preview.savedBy', { when: whenSaved(version.at), name: version.byName }) : t('preview.saved', { when: whenSaved(version.at) })}
          </Dialog.Description>
          {open && <PreviewBody api={api} name={name} versionId={version.id} />}
          <div className="actions">
            <Dialog.Close asChild>
              <button type="button" className="button quiet">
                {t('preview.close')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PreviewBody({ api, name, versionId }: { api: DocsApi; name: string; versionId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const { t } = useTranslation('notes');

  useEffect(() => {
    let live = true;
    api
      .exported(name, 'html', versionId)
      .then((blob) => blob.text())
      .then(
        (html) => {
          if (!live || !box.current) return;
          box.current.replaceChildren(articleNodes(html));
          setLoaded(true);
        },
        (err: unknown) => live && setProblem(describeError(err)),
      );
    return () => {
      live = false;
    };
  }, [api, name, versionId]);

  return (
    <>
      {problem && (
        <p className="gentle-note" role="alert">
          {problem}
        </p>
      )}
      {!loaded && !problem && (
        <p className="loading" role="status">
          {t('preview.loading')}
        </p>
      )}
      <div ref={box} className="notes-prose version-preview" />
    </>
  );
}
