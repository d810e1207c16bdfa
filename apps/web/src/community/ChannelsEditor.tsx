import { useTranslation } from 'react-i18next';
import { EditableList } from '../components/EditableList.tsx';
import { blankChannel, CHANNELS_MAX, slugOf, type ChannelDraft } from './channels.ts';

/** Add, rename and remove channels (EditableList, as the agreements: focus follows the change). */
export function ChannelsEditor({ items, onChange }: { items: readonly ChannelDraft[]; onChange: (items: ChannelDraft[]) => void }) {
  const { t } = useTranslation('app');
  return (
    <fieldset className="fieldset channels-editor">
      <legend>Channels</legend>
      <p className="hint">The communities of practice in your network. Each channel has one toolkit draft, and members choose one. One to {CHANNELS_MAX} channels.</p>
      <EditableList
        items={items}
        onChange={onChange}
        blank={blankChannel}
        max={CHANNELS_MAX}
        addLabel="Add a channel"
        rowLabel={(i) => `Channel ${i + 1} name`}
        removeLabel={(c, i) => `Remove channel ${i + 1}${c.name.trim() ? ` (${c.name.trim()})` : ''}`}
        field={(c, row, edit) => <input {...row} value={c.name} maxLength={40} onChange={(e) => edit({ name: e.target.value })} aria-describedby={`${row.id}-id`} />}
        below={(c, fieldId) => (
          <>
            <p className="hint" id={`${fieldId}-id`}>
              {c.id ? `Kept as “${c.id}”: its draft stays with it when renamed.` : c.name.trim() ? `Will be saved as “${slugOf(c.name)}”.` : ''}
            </p>
            <div className="field translation-field">
              <label htmlFor={`${fieldId}-es`}>{t('channelSpanish')}</label>
              <input id={`${fieldId}-es`} lang="es" value={c.es ?? ''} maxLength={40} onChange={(e) => onChange(items.map((x) => (x.key === c.key ? { ...x, es: e.target.value } : x)))} />
            </div>
          </>
        )}
      />
    </fieldset>
  );
}
