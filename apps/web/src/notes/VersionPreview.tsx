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
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="button small quiet" aria-label={`View version ${version.label}`}>
          View
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-wide">
          <Dialog.Title>Version “{version.label}”</Dialog.Title>
          <Dialog.Description className="muted">
            Saved {whenSaved(version.at)}
            {version.byName ? ` by ${version.byName}` : ''}. This is how it read then; nothing here can be edited.
          </Dialog.Description>
          {open && <PreviewBody api={api} name={name} versionId={version.id} />}
          <div className="actions">
            <Dialog.Close asChild>
              <button type="button" className="button quiet">
                Close
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
          Loading this version…
        </p>
      )}
      <div ref={box} className="notes-prose version-preview" />
    </>
  );
}
