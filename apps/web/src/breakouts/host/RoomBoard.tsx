import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useConvening } from '../../live/context.ts';
import { peopleCount, roomTitle } from '../words.ts';
import { PERSON_TYPE, PersonChip, type MoveTarget } from './PersonChip.tsx';
import './board.css';

export interface BoardRoom {
  key: string;
  name: string;
  kind: 'breakout' | 'caucus';
  caucus: string | null;
  members: string[];
  size: number;
  helpRequestedAt?: number | null;
}

/** A room whose roster this facilitator may not see (a caucus, or any room of a caucus round): only its size is known here. */
export const isHidden = (room: BoardRoom): boolean => room.members.length === 0 && room.size > 0;

const ROLE_TAG: Record<string, string> = { facilitator: 'Facilitator', cofacilitator: 'Co-facilitator' };

/**
 * Rooms with their people, for the preview and for a running round. People move by drag
 * and drop or with each person's Move menu; both call `onMove`. Nobody can be moved into
 * a caucus (only their own answer puts them there), so caucus rooms take no drops.
 */
export function RoomBoard({
  label,
  rooms,
  plenary,
  plenaryNote,
  onMove,
  busy,
  extras,
  emptyNote = 'Nobody yet. Drag someone here or use their Move button.',
}: {
  label: string;
  rooms: BoardRoom[];
  /** Who is in the main room, or null where that must not be shown. */
  plenary: string[] | null;
  plenaryNote?: string;
  onMove: (participantId: string, to: string | null) => Promise<boolean>;
  busy: boolean;
  extras?: (room: BoardRoom) => ReactNode;
  /** What an empty ordinary room says. */
  emptyNote?: string;
}) {
  const { state } = useConvening();
  const id = useId();
  const board = useRef<HTMLElement>(null);
  const [said, setSaid] = useState('');
  const [over, setOver] = useState<string | null>(null);
  // A moved person is rendered afresh in their new room: give their Move button focus
  // there, once the move is done (the room lists have been redrawn by then).
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    board.current?.querySelector<HTMLElement>(`[data-person="${CSS.escape(focusAfterMove)}"] .chip-move`)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const nameOf = (pid: string) => state.participants[pid]?.name ?? 'Someone who left';
  const targetsFor = (from: string | null): MoveTarget[] => [
    ...rooms.filter((r) => r.kind === 'breakout' && r.key !== from).map((r) => ({ key: r.key, label: `${r.name} (${peopleCount(r.size)})` })),
    ...(from !== null ? [{ key: null, label: 'The main room' }] : []),
  ];
  const move = async (pid: string, to: string | null) => {
    if (busy) return; // one move at a time
    const where = to === null ? 'the main room' : (rooms.find((r) => r.key === to)?.name ?? 'another room');
    const ok = await onMove(pid, to);
    setSaid(ok ? `Moved ${nameOf(pid)} to ${where}.` : '');
    if (ok) setFocusAfterMove(pid);
  };

  const dropZone = (key: string | null, accepts: boolean) => ({
    onDragOver: (e: DragEvent) => {
      if (!accepts || !e.dataTransfer.types.includes(PERSON_TYPE)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(key ?? 'plenary');
    },
    onDragLeave: () => setOver(null),
    onDrop: (e: DragEvent) => {
      setOver(null);
      const pid = e.dataTransfer.getData(PERSON_TYPE);
      if (!accepts || !pid) return;
      e.preventDefault();
      void move(pid, key);
    },
  });

  const chip = (pid: string, from: string | null) => (
    <PersonChip
      key={pid}
      id={pid}
      name={nameOf(pid)}
      tag={ROLE_TAG[state.participants[pid]?.role ?? '']}
      targets={targetsFor(from)}
      onMove={(p, to) => void move(p, to)}
    />
  );

  return (
    <section className="room-board" aria-labelledby={`${id}-h`} ref={board}>
      <h3 id={`${id}-h`}>{label}</h3>
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <ul className="plain-list board-rooms">
        {rooms.map((room) => {
          const hidden = isHidden(room);
          const accepts = room.kind === 'breakout';
          return (
            <li key={room.key}>
              <section
                className={`board-room kind-${room.kind}${over === room.key ? ' is-over' : ''}${room.helpRequestedAt ? ' needs-help' : ''}`}
                aria-labelledby={`${id}-${room.key}`}
                {...dropZone(room.key, accepts)}
              >
                <h4 id={`${id}-${room.key}`}>
                  {roomTitle(room)} <span className="count">{room.size}</span>
                </h4>
                {hidden ? (
                  <p className="muted">
                    {peopleCount(room.size)}. {room.kind === 'caucus' ? 'Only the caucus sees who, unless it invites you.' : 'Only the people in it see who, unless they invite you.'}
                  </p>
                ) : room.members.length === 0 ? (
                  <p className="muted">{accepts ? emptyNote : 'Nobody yet.'}</p>
                ) : (
                  <ul className="plain-list chips">{room.members.map((pid) => chip(pid, room.key))}</ul>
                )}
                {extras?.(room)}
              </section>
            </li>
          );
        })}
      </ul>
      <section className={`board-room board-plenary${over === 'plenary' ? ' is-over' : ''}`} aria-labelledby={`${id}-plenary`} {...dropZone(null, true)}>
        <h4 id={`${id}-plenary`}>
          The main room {plenary && <span className="count">{plenary.length}</span>}
        </h4>
        {plenaryNote && <p className="muted">{plenaryNote}</p>}
        {plenary && plenary.length > 0 && <ul className="plain-list chips">{plenary.map((pid) => chip(pid, null))}</ul>}
        {plenary && plenary.length === 0 && !plenaryNote && <p className="muted">Everyone is in a room.</p>}
      </section>
    </section>
  );
}
