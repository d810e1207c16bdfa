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
      return `Saved “${v.label}”.`;
    });
  const restore = (v: DocVersion) =>
    act(async () => {
      const r = await api.restore(name, v.id);
      return `Restored “${r.restored.label}”. What was there before is kept as “${r.savedBefore.label}”.`;
    });
  const publish = (v: DocVersion) =>
    act(async () => {
      const p = await api.publish(name, v.id);
      onPublished(p);
      return `Published “${v.label}”. The public page now shows this version.`;
    });

  return (
    <section className="card versions" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Versions</h2>
      {canWrite && (
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            if (label.trim()) void save();
          }}
        >
          <label htmlFor={`${id}-label`}>Name this version</label>
          <div className="inline-field">
            <input
              id={`${id}-label`}
              value={label}
              maxLength={COLLAB_LIMITS.versionLabelMax}
              placeholder="For example: draft for the June convening"
              onChange={(e) => setLabel(e.target.value)}
            />
            <button type="submit" className="button small" disabled={busy || !label.trim()}>
              Save version
            </button>
          </div>
        </form>
      )}
      <p className={note?.problem ? 'gentle-note' : 'hint'} role="status">
        {note?.text ?? ''}
      </p>
      {versions && versions.length === 0 && <p className="muted">No saved versions yet.</p>}
      <ul className="plain-list version-list" aria-label="Saved versions">
        {versions?.map((v) => (
          <li key={v.id} className="version">
            <p className="version-head">
              <strong>{v.label}</strong>
              {v.id === publishedVersionId && <span className="tag">Published</span>}
            </p>
            <p className="hint">
              {whenSaved(v.at)}
              {v.byName ? ` · ${v.byName}` : v.by === null ? ' · saved automatically' : ''}
            </p>
            <div className="version-actions">
              <VersionPreview api={api} name={name} version={v} />
              {canWrite && <RestoreButton version={v} disabled={busy} onConfirm={() => void restore(v)} />}
              {canPublish && (
                <button type="button" className="button small" disabled={busy} aria-label={`Publish version ${v.label}`} onClick={() => void publish(v)}>
                  Publish
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
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className="button small quiet" disabled={disabled} aria-label={`Restore version ${version.label}`}>
          Restore
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title>Restore “{version.label}”?</AlertDialog.Title>
          <AlertDialog.Description className="muted">
            The document becomes this version for everyone who has it open. What is there now is saved as a version first, so you can
            come back to it.
          </AlertDialog.Description>
          <div className="actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button quiet">
                Keep the current text
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="button primary" onClick={onConfirm}>
                Restore this version
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
