import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS, type RoundView } from '@brave/protocol';
import { clockTime } from '../../app/words.ts';
import { useConvening } from '../../live/context.ts';
import { useCommand } from '../../live/useCommand.ts';
import { useServerNow } from '../clock.ts';
import { RoundClock } from '../RoundClock.tsx';
import { safeVideoUrl } from '../words.ts';
import { CloseRooms } from './CloseRooms.tsx';
import { RoomBoard, isHidden, type BoardRoom } from './RoomBoard.tsx';
import { RoomConfidential } from './RoomConfidential.tsx';
import { strategyLabel } from './words.ts';

const RETIME: readonly { seconds: number; label: string; spoken: string }[] = [
  { seconds: -60, label: '−1 min', spoken: 'Shorten by 1 minute' },
  { seconds: 60, label: '+1 min', spoken: 'Add 1 minute' },
  { seconds: 300, label: '+5 min', spoken: 'Add 5 minutes' },
];

/** The round in progress: time, a message to every room, the rooms and their people. */
export function RunningRound({ round }: { round: RoundView }) {
  const { state, client } = useConvening();
  const id = useId();
  const now = useServerNow(client, true);
  const move = useCommand();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The "Open rooms" button that had focus is gone: continue from here.
    if (document.activeElement === document.body) heading.current?.focus();
  }, []);

  const rooms: BoardRoom[] = Object.values(round.rooms).map((r) => ({ ...r, key: r.id }));
  // In a caucus round the main room is never listed: who is there says something about answers.
  const anyHidden = rooms.some(isHidden) || round.strategy === 'affinity';
  const placed = new Set(rooms.flatMap((r) => r.members));
  const plenary = anyHidden
    ? null
    : Object.values(state.participants)
        .filter((p) => p.role === 'participant' && p.affirmedAt !== null && !placed.has(p.id))
        .map((p) => p.id);

  return (
    <section className="running" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        Running: {round.name} <span className="tag">{strategyLabel(round.strategy)}</span>
      </h3>
      <div className="running-top">
        <RoundClock round={round} now={now} />
        <Retime round={round} />
      </div>
      <Broadcast round={round} />
      {move.error && (
        <p className="gentle-note" role="alert">
          {move.error.message}
        </p>
      )}
      <RoomBoard
        label="Rooms"
        rooms={rooms}
        plenary={plenary}
        plenaryNote={anyHidden ? 'Everyone who is not in a room is here. Caucus rosters stay with the caucuses.' : undefined}
        busy={move.pending}
        onMove={async (participantId, to) => (await move.send({ type: 'room.move', participantId, toRoomId: to })).ok}
        extras={(room) => <RoomExtras roomId={room.key} round={round} />}
      />
      <div className="actions">
        <CloseRooms />
      </div>
    </section>
  );
}

function RoomExtras({ roomId, round }: { roomId: string; round: RoundView }) {
  const room = round.rooms[roomId];
  if (!room) return null;
  const video = safeVideoUrl(room.videoUrl);
  return (
    <>
      <RoomConfidential round={round} room={room} />
      {room.helpRequestedAt && <p className="help-line">Asked for help at {clockTime(room.helpRequestedAt)}. Answer it at the top of the page.</p>}
      {video && (
        <p className="small-print">
          <a href={video} target="_blank" rel="noopener noreferrer">
            Video call for {room.name}
          </a>
        </p>
      )}
    </>
  );
}

function Retime({ round }: { round: RoundView }) {
  const { send, pending, error } = useCommand();
  const [said, setSaid] = useState('');
  const retime = async (seconds: number, spoken: string) => {
    const result = await send({ type: 'round.extend', seconds });
    if (result.ok) setSaid(`${spoken.replace('Shorten', 'Shortened').replace('Add', 'Added')}.`);
  };
  return (
    <div className="retime">
      <div className="actions" role="group" aria-label="Change the time">
        {RETIME.map((r) => (
          <button key={r.seconds} type="button" className="button small" aria-label={r.spoken} disabled={pending} onClick={() => void retime(r.seconds, r.spoken)}>
            {r.label}
          </button>
        ))}
      </div>
      <p role="status" className="muted small-print">
        {error ? error.message : said ? `${said} Every room now ends at ${clockTime(round.endsAt)}.` : ''}
      </p>
    </div>
  );
}

function Broadcast({ round }: { round: RoundView }) {
  const { state } = useConvening();
  const id = useId();
  const [text, setText] = useState('');
  const { send, pending, error } = useCommand();
  const last = state.broadcast?.roundId === round.id ? state.broadcast : null;
  const submit = async () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const result = await send({ type: 'round.broadcast', text: trimmed });
    if (result.ok) setText('');
  };
  return (
    <form
      className="broadcast-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-msg`}>Message to every room</label>
        <textarea id={`${id}-msg`} rows={2} maxLength={LIMITS.noteMax} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div role="status">
        {error ? <p className="gentle-note">{error.message}</p> : last ? <p className="muted small-print">Sent at {clockTime(last.at)}: “{last.text}”</p> : null}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={pending || !text.trim()}>
          Send to every room
        </button>
      </div>
    </form>
  );
}
