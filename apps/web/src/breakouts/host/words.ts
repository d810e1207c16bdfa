import type { RoundSpec } from '@brave/protocol';
import type { StrategyKind } from './specForm.ts';

/** The console's words for the ways to group people, in the order the guide lists them. */
export const STRATEGIES: readonly { kind: StrategyKind; label: string; hint: string; name: string }[] = [
  { kind: 'random', label: 'Random', hint: 'Rooms by count or by size; sizes differ by one at most.', name: 'Small groups' },
  { kind: 'mix', label: 'Mix', hint: 'Like random, but people who already shared a room are kept apart where possible.', name: 'Small groups' },
  { kind: 'byChoice', label: 'By choice', hint: 'Rooms by each person’s own channel or role; big groups are split evenly.', name: 'Communities of practice' },
  { kind: 'affinity', label: 'Affinity caucus', hint: 'Rooms from each person’s private answer to the caucus question. Only they chose it.', name: 'Caucuses' },
  { kind: 'cohorts', label: 'Team cohorts', hint: 'Whole teams together, a few teams per cohort, mixing regions and kinds of organisation.', name: 'Cohorts' },
  { kind: 'selfSelect', label: 'Self-select', hint: 'People pick a room themselves, up to each room’s cap.', name: 'Open space' },
  { kind: 'manual', label: 'Manual', hint: 'You place people yourself by dragging, or with the Move button.', name: 'Small groups' },
];

/** A round name that is still one of our suggestions may follow the strategy; a typed one stays. */
export function suggestedName(current: string, kind: StrategyKind): string {
  const ours = STRATEGIES.some((s) => s.name === current.trim()) || current.trim() === '';
  return ours ? (STRATEGIES.find((s) => s.kind === kind)?.name ?? current) : current;
}

export const strategyLabel = (kind: string): string => STRATEGIES.find((s) => s.kind === kind)?.label ?? kind;

const minutes = (seconds: number): string => {
  const m = seconds / 60;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} min`;
};

/** One line that says what a prepared round will do. */
export function describeSpec(spec: RoundSpec): string {
  const s = spec.strategy;
  let how: string;
  switch (s.kind) {
    case 'random':
    case 'mix':
      how = s.spec.by === 'count' ? `${s.spec.rooms} rooms` : `rooms of ${s.spec.size}`;
      break;
    case 'byChoice':
      how = `by ${s.field}, up to ${s.maxRoomSize} a room`;
      break;
    case 'affinity':
      how = s.undecided === 'plenary' ? 'others stay in the main room' : 'others meet in an open room';
      break;
    case 'cohorts':
      how = `${s.teamsPerCohort?.min ?? 4}–${s.teamsPerCohort?.max ?? 5} teams a cohort`;
      break;
    case 'selfSelect':
    case 'manual':
      how = s.rooms.map((r) => r.name).join(', ');
      break;
  }
  return `${strategyLabel(s.kind)}: ${how} · ${minutes(spec.durationSeconds)}`;
}

export const newSeed = (): number => Math.floor(Math.random() * 2 ** 31);

/** The round builder's words for choosing confidential rooms one by one. */
export const CONFIDENTIAL_CHOICE = {
  some: 'Rooms I choose',
  rooms: 'Confidential rooms in this round',
  previewFirst: 'Preview first: the rooms the preview makes can then be ticked here.',
  noneTicked: 'No room is ticked yet, so no room of this round will be confidential.',
  ticked: (n: number): string => (n === 1 ? '1 room will be confidential.' : `${n} rooms will be confidential.`),
} as const;
