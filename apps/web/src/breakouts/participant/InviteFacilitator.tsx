import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import type { RoomView } from '@brave/protocol';
import { formatList } from '@brave/i18n';
import { currentLanguage } from '../../app/i18n.ts';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { isFacilitatorRole, namesOf } from '../words.ts';

/**
 * A caucus decides which facilitators may join it. Anyone in the caucus can invite or
 * uninvite; invited facilitators see who is here and what is raised here.
 */
export function InviteFacilitator({ room }: { room: RoomView }) {
  const { state } = useConvening();
  const id = useId();
  const facilitators = Object.values(state.participants).filter(isFacilitatorRole);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const { send, pending, error } = useCommand();
  const [saved, setSaved] = useState(false);
  const { t } = useTranslation('breakouts');
  const current = chosen ?? room.hosts;
  const invited = namesOf(state, room.hosts);

  const save = async () => {
    const result = await send({ type: 'room.hosts.set', roomId: room.id, hostIds: current });
    if (result.ok) {
      setChosen(null);
      setSaved(true);
    }
  };
  const toggle = (pid: string, on: boolean) => {
    setSaved(false);
    setChosen(on ? [...new Set([...current, pid])] : current.filter((x) => x !== pid));
  };

  return (
    <details className="invite-facilitator">
      <summary>{t('invite.summary')}</summary>
      <p className="muted">
        {invited.length > 0
          ? t('invite.invited', { names: formatList(currentLanguage(), invited) })
          : t('invite.none')}
      </p>
      {facilitators.length === 0 ? (
        <p className="muted">{t('invite.noFacilitators')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <fieldset className="fieldset compact-fieldset">
            <legend className="field-label">{t('invite.who')}</legend>
            {facilitators.map((f) => (
              <label className="check" key={f.id}>
                <input type="checkbox" checked={current.includes(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} />
                {f.name}
              </label>
            ))}
          </fieldset>
          <p className="hint" id={`${id}-who`}>
            {t('invite.anyone')}
          </p>
          {error && (
            <p className="gentle-note" role="alert">
              {error.message}
            </p>
          )}
          <div role="status">{saved && <p className="sent-note">{t('invite.saved')}</p>}</div>
          <div className="actions">
            <button type="submit" className="button small" disabled={pending || chosen === null} aria-describedby={`${id}-who`}>
              {t('invite.save')}
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
