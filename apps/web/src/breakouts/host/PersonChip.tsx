import * as Menu from '@radix-ui/react-dropdown-menu';
import type { DragEvent } from 'react';

export const PERSON_TYPE = 'application/x-brave-person';

export interface MoveTarget {
  key: string | null;
  label: string;
}

/**
 * One person on the room board. Two ways to move them, with the same result: drag the
 * name onto another room, or press "Move" and pick the room from a menu (arrow keys,
 * Enter), which works from the keyboard, with a screen reader and on a phone.
 */
export function PersonChip({
  id,
  name,
  tag,
  targets,
  onMove,
}: {
  id: string;
  name: string;
  tag?: string;
  targets: MoveTarget[];
  onMove: (participantId: string, to: string | null) => void;
}) {
  const onDragStart = (e: DragEvent<HTMLLIElement>) => {
    e.dataTransfer.setData(PERSON_TYPE, id);
    e.dataTransfer.effectAllowed = 'move';
  };

  return (
    <li className="person-chip" data-person={id} draggable={targets.length > 0} onDragStart={onDragStart}>
      <span className="chip-name">
        {name}
        {tag && <span className="tag">{tag}</span>}
      </span>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <button type="button" className="chip-move" aria-label={`Move ${name}`} disabled={targets.length === 0}>
            Move <span aria-hidden="true">▾</span>
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="move-menu" align="end" sideOffset={4} collisionPadding={8}>
            <Menu.Label className="move-menu-label">Move {name} to</Menu.Label>
            {targets.map((t) => (
              <Menu.Item key={t.key ?? 'plenary'} className="move-menu-item" onSelect={() => onMove(id, t.key)}>
                {t.label}
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    </li>
  );
}
