import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { RoomView, RoundView } from '@brave/protocol';
import { useConvening } from '../../live/context.ts';
import { RoundClock } from '../RoundClock.tsx';
import { peopleCount, roomTitle, safeVideoUrl } from '../words.ts';
import { HelpButton } from './HelpButton.tsx';
import { ConfidentialNotice } from './ConfidentialNotice.tsx';
import { InviteFacilitator } from './InviteFacilitator.tsx';

/** Where this person is during a round: the room, who is in it, the time, and help. */
export function RoomCard({ round, room, now }: { round: RoundView; room: RoomView; now: number }) {
  const { state, self } = useConvening();
  const id = useId();
  const video = safeVideoUrl(room.videoUrl);
  const caucus = room.kind === 'caucus';
  const { t } = useTranslation('breakouts');
  return (
    <section className={`card room-card${caucus ? ' is-caucus' : ''}`} aria-labelledby={`${id}-h`}>
      <p className="eyebrow">
        {caucus ? t('room.yourCaucus', { round: round.name }) : t('room.yourRoom', { round: round.name })}
      </p>
      <h2 id={`${id}-h`}>{roomTitle(room)}</h2>
      <RoundClock round={round} now={now} />
      <ConfidentialNotice room={room} />
      <h3 id={`${id}-who`}>{t('room.hereWithYou')} {room.members.length > 0 && <span className="count">{room.members.length}</span>}</h3>
      <ul className="plain-list room-members" aria-labelledby={`${id}-who`}>
        {room.members.map((pid) => {
          const p = state.participants[pid];
          return (
            <li key={pid}>
              {p?.name ?? t('room.someoneWhoLeft')}
              {p?.pronouns && <span className="muted"> ({p.pronouns})</span>}
              {pid === self.participantId && <span className="tag">{t('room.you')}</span>}
            </li>
          );
        })}
      </ul>
      {room.members.length === 1 && (
        <p>
          {caucus ? t('room.aloneCaucus') : t('room.alone')}
        </p>
      )}
      {caucus && (
        <p className="muted small-print">
          {t('room.caucusList', { people: peopleCount(room.size) })}
        </p>
      )}
      {video && (
        <p>
          <a className="button wide video-link" href={video} target="_blank" rel="noopener noreferrer">
            {t('room.video', { room: room.name })}
          </a>
        </p>
      )}
      <HelpButton room={room} />
      {(caucus || room.confidential) && <InviteFacilitator room={room} />}
    </section>
  );
}
