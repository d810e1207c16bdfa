import { useTranslation } from 'react-i18next';
import { LIMITS, type Agreement } from '@brave/protocol';
import { EditableList } from './EditableList.tsx';

/** An item being edited; `id` is kept from the original so spotlights keep pointing at it. */
export interface DraftAgreement {
  key: string;
  id?: string;
  text: string;
}

let counter = 0;
const newKey = () => `draft-${(counter += 1)}`;

export const toDrafts = (agreements: readonly Agreement[]): DraftAgreement[] =>
  agreements.map((a) => ({ key: newKey(), id: a.id, text: a.text }));

export const blankDraft = (): DraftAgreement => ({ key: newKey(), text: '' });

/** What the API and the agreements.set command take: empty items dropped. */
export const fromDrafts = (drafts: readonly DraftAgreement[]) =>
  drafts
    .map((d) => ({ ...(d.id ? { id: d.id } : {}), text: d.text.trim() }))
    .filter((d) => d.text.length > 0);

/**
 * Add, remove and reword agreements (EditableList: focus follows each change).
 */
export function AgreementsEditor({
  items,
  onChange,
}: {
  items: readonly DraftAgreement[];
  onChange: (items: DraftAgreement[]) => void;
}) {
  const { t } = useTranslation('live');
  return (
    <div className="agreements-editor">
      <EditableList
        items={items}
        onChange={onChange}
        blank={blankDraft}
        max={LIMITS.agreementsMax}
        addLabel={t('agreementsEditor.add')}
        rowLabel={(i) => t('agreementsEditor.row', { n: i + 1 })}
        removeLabel={(_, i) => t('agreementsEditor.remove', { n: i + 1 })}
        field={(d, row, edit) => <textarea {...row} rows={2} maxLength={LIMITS.agreementTextMax} value={d.text} onChange={(e) => edit({ text: e.target.value })} />}
      />
    </div>
  );
}
