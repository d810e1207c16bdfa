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
  return (
    <section className={`card room-card${caucus ? ' is-caucus' : ''}`} aria-labelledby={`${id}-h`}>
      <p className="eyebrow">
        {caucus ? 'Your caucus' : 'Your breakout room'} · {round.name}
      </p>
      <h2 id={`${id}-h`}>{roomTitle(room)}</h2>
      <RoundClock round={round} now={now} />
      <ConfidentialNotice room={room} />
      <h3 id={`${id}-who`}>Here with you {room.members.length > 0 && <span className="count">{room.members.length}</span>}</h3>
      <ul className="plain-list room-members" aria-labelledby={`${id}-who`}>
        {room.members.map((pid) => {
          const p = state.participants[pid];
          return (
            <li key={pid}>
              {p?.name ?? 'Someone who left'}
              {p?.pronouns && <span className="muted"> ({p.pronouns})</span>}
              {pid === self.participantId && <span className="tag">You</span>}
            </li>
          );
        })}
      </ul>
      {room.members.length === 1 && (
        <p>
          {caucus
            ? 'You are the only one in this caucus this time. A facilitator can join you if you ask them below, or ask for help.'
            : 'You are on your own in this room for now. Ask for help if you would like company.'}
        </p>
      )}
      {caucus && (
        <p className="muted small-print">
          This list is for the caucus only. Others see that a caucus of {peopleCount(room.size)} meets, not who.
        </p>
      )}
      {video && (
        <p>
          <a className="button wide video-link" href={video} target="_blank" rel="noopener noreferrer">
            Open the video call for {room.name}
          </a>
        </p>
      )}
      <HelpButton room={room} />
      {(caucus || room.confidential) && <InviteFacilitator room={room} />}
    </section>
  );
}
