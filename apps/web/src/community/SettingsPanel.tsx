import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/errors.ts';
import { navigate } from '../app/router.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { communityApi } from './api.ts';
import { saveBlob } from '../app/save-file.ts';
import { fileNameOf } from './browser.ts';
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
  const { t } = useTranslation('community');

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
      <h2 id={`${id}-h`}>{t('settings.title')}</h2>
      {editing ? (
        <CommunityForm
          initial={info}
          submitLabel={t('settings.save')}
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
            <dt>{t('settings.channels')}</dt>
            <dd>{info.channels.map((c) => c.name).join(', ')}</dd>
            <dt>{t('settings.caucusOptions')}</dt>
            <dd>{info.caucusOptions.length > 0 ? info.caucusOptions.join(', ') : t('settings.none')}</dd>
            <dt>{t('settings.retention')}</dt>
            <dd>{retentionText(info.retentionDays)}</dd>
          </dl>
          <button type="button" className="button" onClick={() => (setEditing(true), setSaved(false))}>
            {t('settings.edit')}
          </button>
        </>
      )}
      <div role="status">{saved && <p className="sent-note">{t('settings.saved')}</p>}</div>

      <h3 className="subsection">{t('settings.export')}</h3>
      <p className="hint">{t('settings.exportHint')}</p>
      <button type="button" className="button quiet" onClick={() => void exportJson()}>
        {t('settings.download')}
      </button>
      <div role="alert">{problem && <p className="gentle-note">{problem}</p>}</div>

      <h3 className="subsection">{t('settings.delete')}</h3>
      <p className="hint">{t('settings.deleteHint')}</p>
      <ConfirmAction
        action={t('settings.delete')}
        triggerClass="button quiet"
        question={t('settings.deleteQuestion', { name: info.name })}
        explanation={t('settings.deleteExplanation')}
        keepLabel={t('settings.keep')}
        ready={confirmName.trim() === info.name.trim()}
        onConfirm={async () => {
          await communityApi.remove(caller, info.id, confirmName.trim());
          navigate('/communities', { replace: true });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('settings.typeName')}</label>
          <input id={`${id}-confirm`} value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" />
        </div>
      </ConfirmAction>
    </section>
  );
}
