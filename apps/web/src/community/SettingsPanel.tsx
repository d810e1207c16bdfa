import { useId, useState } from 'react';
import { describeError } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { communityApi } from './api.ts';
import { fileNameOf, saveBlob } from './browser.ts';
import { CommunityForm } from './CommunityForm.tsx';
import { retentionText } from './words.ts';
import type { HomeProps } from './types.ts';

/** Change the community's settings, export it, or delete it. Facilitators only. */
export function SettingsPanel({ home, caller, reload }: HomeProps) {
  const id = useId();
  const info = home.community;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmName, setConfirmName] = useState('');

  const exportJson = async () => {
    setProblem(null);
    try {
      saveBlob(await communityApi.exported(caller, info.id), `${fileNameOf(info.name, 'community')}.json`);
    } catch (err) {
      setProblem(describeError(err));
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Settings</h2>
      {editing ? (
        <CommunityForm
          initial={info}
          submitLabel="Save settings"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await communityApi.update(caller, info.id, body);
            setEditing(false);
            setSaved(true);
            await reload();
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>Channels</dt>
            <dd>{info.channels.map((c) => c.name).join(', ')}</dd>
            <dt>Caucus options</dt>
            <dd>{info.caucusOptions.length > 0 ? info.caucusOptions.join(', ') : 'None'}</dd>
            <dt>Retention</dt>
            <dd>{retentionText(info.retentionDays)}</dd>
          </dl>
          <button type="button" className="button" onClick={() => (setEditing(true), setSaved(false))}>
            Edit settings
          </button>
        </>
      )}
      <div role="status">{saved && <p className="sent-note">Settings saved.</p>}</div>

      <h3 className="subsection">Export</h3>
      <p className="hint">The whole community as one JSON file: convenings, agreements, breakout rooms (caucus rooms by size only), and the documents as Markdown.</p>
      <button type="button" className="button quiet" onClick={() => void exportJson()}>
        Download the export (JSON)
      </button>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>

      <h3 className="subsection">Delete the community</h3>
      <p className="hint">Erases members, convenings, documents and published pages. This cannot be undone; download the export first if you want to keep anything.</p>
      <ConfirmAction
        action="Delete the community"
        triggerClass="button quiet"
        question={`Delete “${info.name}” for good?`}
        explanation="Everything the community holds is erased for everyone. Type its name to confirm."
        keepLabel="Keep the community"
        ready={confirmName.trim() === info.name.trim()}
        onConfirm={async () => {
          await communityApi.remove(caller, info.id, confirmName.trim());
          navigate('/communities', { replace: true });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-confirm`}>Type the community’s name</label>
          <input id={`${id}-confirm`} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
        </div>
      </ConfirmAction>
    </section>
  );
}
