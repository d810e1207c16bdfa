import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import type { RoomView } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { confidentialAnnouncement, confidentialMeans, confidentialTitle, notesFate } from '../confidential.ts';

/**
 * The calm notice inside a confidential room: what it means, what becomes of the notes,
 * announced once on entering (a polite live region that holds the sentence), and the
 * facilitators knocking, for anyone in the room to let in or not.
 */
export function ConfidentialNotice({ room }: { room: RoomView }) {
  const id = useId();
  const notes = room.confidential?.notes ?? null;
  // A live region speaks what changes in it, not what it held from the start: fill it after mounting.
  const [said, setSaid] = useState('');
  const { i18n } = useTranslation();
  useEffect(() => setSaid(notes ? confidentialAnnouncement(notes) : ''), [notes, i18n.language]);
  if (!room.confidential) return null;
  return (
    <section className="confidential-notice" aria-labelledby={`${id}-h`}>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="confidential-announcement">
        {said}
      </p>
      <h3 id={`${id}-h`}>{confidentialTitle()}</h3>
      <p>{confidentialMeans()}</p>
      <p>{notesFate(room.confidential.notes)}</p>
      <Knocks room={room} />
    </section>
  );
}

function Knocks({ room }: { room: RoomView }) {
  const { state } = useConvening();
  const { send, pending, error } = useCommand();
  const knocks = room.knocks ?? [];
  const { t } = useTranslation('breakouts');
  return (
    <div className="knocks">
      <div role="status" aria-live="polite">
        {knocks.length > 0 && <p>{t('confidential.knocks', { count: knocks.length })}</p>}
      </div>
      {knocks.length > 0 && (
        <ul className="plain-list knock-list">
          {knocks.map((fid) => {
            const name = state.participants[fid]?.name ?? t('confidential.aFacilitator');
            return (
              <li key={fid}>
                <span>{t('confidential.wouldJoin', { name })}</span>
                <span className="actions">
                  <button type="button" className="button small primary" disabled={pending} onClick={() => void send({ type: 'room.knock.answer', roomId: room.id, facilitatorId: fid, letIn: true })}>
                    {t('confidential.letIn', { name })}
                  </button>
                  <button type="button" className="button small quiet" disabled={pending} onClick={() => void send({ type: 'room.knock.answer', roomId: room.id, facilitatorId: fid, letIn: false })}>
                    {t('confidential.notNow')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="gentle-note" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
