import { useTranslation } from 'react-i18next';
import type { AgreementSetId, AgreementSetInfo } from '@brave/protocol';
import { AgreementsEditor, type DraftAgreement } from '../AgreementsEditor.tsx';
import { RadioList } from '../RadioList.tsx';

export const CUSTOM: AgreementSetId = 'custom';

/**
 * Pick one of the built-in sets (with a preview) or write your own. `drafts` is null
 * while the chosen set is used as it is, and a list once the facilitator edits it.
 */
export function AgreementSetPicker({
  sets,
  chosen,
  onChoose,
  drafts,
  onDrafts,
  onEdit,
}: {
  sets: readonly AgreementSetInfo[];
  chosen: AgreementSetId;
  onChoose: (id: AgreementSetId) => void;
  drafts: DraftAgreement[] | null;
  onDrafts: (drafts: DraftAgreement[]) => void;
  onEdit: () => void;
}) {
  const current = sets.find((s) => s.id === chosen);
  const { t } = useTranslation('start');
  const options = [
    ...sets.map((s) => ({ value: s.id, label: s.title, hint: s.summary })),
    { value: CUSTOM, label: t('sets.custom'), hint: t('sets.customHint') },
  ];
  return (
    <fieldset className="fieldset">
      <legend>{t('sets.legend')}</legend>
      <p className="hint">{t('sets.hint')}</p>
      <div className="set-picker">
        <RadioList legend={t('sets.from')} value={chosen} onChange={onChoose} options={options} />
        <div className="set-preview">
          {drafts ? (
            <>
              <p className="field-label">{t('sets.yours')}</p>
              <AgreementsEditor items={drafts} onChange={onDrafts} />
            </>
          ) : current ? (
            <>
              <p className="field-label">{current.title}</p>
              <ol className="agreement-list">
                {current.agreements.map((a) => (
                  <li key={a.id}>{a.text}</li>
                ))}
              </ol>
              <button type="button" className="button quiet" onClick={onEdit}>
                {t('sets.edit')}
              </button>
            </>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
