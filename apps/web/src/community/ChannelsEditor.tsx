import { useTranslation } from 'react-i18next';
import { EditableList } from '../components/EditableList.tsx';
import { blankChannel, CHANNELS_MAX, slugOf, type ChannelDraft } from './channels.ts';

/** Add, rename and remove channels (EditableList, as the agreements: focus follows the change). */
export function ChannelsEditor({ items, onChange }: { items: readonly ChannelDraft[]; onChange: (items: ChannelDraft[]) => void }) {
  const { t } = useTranslation('community');
  const { t: tApp } = useTranslation('app');
  return (
    <fieldset className="fieldset channels-editor">
      <legend>{t('channels.legend')}</legend>
      <p className="hint">{t('channels.hint', { max: CHANNELS_MAX })}</p>
      <EditableList
        items={items}
        onChange={onChange}
        blank={blankChannel}
        max={CHANNELS_MAX}
        addLabel={t('channels.add')}
        rowLabel={(i) => t('channels.row', { n: i + 1 })}
        removeLabel={(c, i) => (c.name.trim() ? t('channels.removeNamed', { n: i + 1, name: c.name.trim() }) : t('channels.remove', { n: i + 1 }))}
        field={(c, row, edit) => <input {...row} value={c.name} maxLength={40} onChange={(e) => edit({ name: e.target.value })} aria-describedby={`${row.id}-id`} />}
        below={(c, fieldId) => (
          <>
            <p className="hint" id={`${fieldId}-id`}>
              {c.id ? t('channels.kept', { id: c.id }) : c.name.trim() ? t('channels.willSave', { id: slugOf(c.name) }) : ''}
            </p>
            <div className="field translation-field">
              <label htmlFor={`${fieldId}-es`}>{tApp('channelSpanish')}</label>
              <input id={`${fieldId}-es`} lang="es" value={c.es ?? ''} maxLength={40} onChange={(e) => onChange(items.map((x) => (x.key === c.key ? { ...x, es: e.target.value } : x)))} />
            </div>
          </>
        )}
      />
    </fieldset>
  );
}
