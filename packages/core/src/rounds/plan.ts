import type { ConveningView, PlanMove, RoomView, RoundPreview, RoundSpec } from '@brave/protocol';
import { planBreakouts, PlanError, type EngineParticipant, type Plan, type Strategy } from '../breakouts/index.ts';
import { isFacilitator } from '../viewer.ts';

export interface PlanContext {
  /** Who is connected now; people who are away stay in plenary. Everyone when absent. */
  online?: (participantId: string) => boolean;
  /**
   * Groups who met in earlier convenings of the same community (never caucus rooms),
   * so a mix round months later still avoids repeat pairs. None for a quick convening.
   */
  pastMeetings?: readonly (readonly string[])[];
}

/** A plan made from the convening's own state, with the facilitator's edits applied. */
export interface RoundPlan {
  rooms: RoomView[];
  plenary: string[];
  preview: RoundPreview;
}

export class MoveRefused extends Error {}

/** Who takes part: affirmed people who are here; facilitators only when spread one per room. */
function roster(state: ConveningView, spec: RoundSpec, ctx: PlanContext): EngineParticipant[] {
  const withFacilitators = spec.constraints?.onePerRoom === 'facilitators';
  return Object.values(state.participants)
    .filter((p) => p.affirmedAt !== null && p.role !== 'observer')
    .filter((p) => withFacilitators || !isFacilitator(p.role))
    .filter((p) => !ctx.online || ctx.online(p.id))
    .map((p) => ({
      id: p.id,
      isFacilitator: isFacilitator(p.role),
      channel: p.profile.channel,
      role: p.profile.role,
      team: p.profile.team,
      organisation: p.profile.organisation,
      region: p.profile.region,
      orgType: p.profile.orgType,
      affinity: state.affinity[p.id]?.answer ?? null,
    }));
}

function strategyOf(spec: RoundSpec, state: ConveningView): Strategy {
  const s = spec.strategy;
  switch (s.kind) {
    case 'random':
      return { kind: 'random', ...s.spec };
    case 'mix':
      return { kind: 'mix', ...s.spec, ...(s.avoidSameTeam !== undefined ? { avoidSameTeam: s.avoidSameTeam } : {}) };
    case 'affinity':
      return { kind: 'affinity', options: state.caucusOptions, undecided: s.undecided, ...(s.maxRoomSize ? { maxRoomSize: s.maxRoomSize } : {}) };
    default:
      return s;
  }
}

/**
 * Everyone who already shared a room in this convening (for cross-pollination). Caucus
 * rooms are left out: who met in a caucus must not shape, or show through, later rounds.
 */
export function pastRooms(state: ConveningView): string[][] {
  return Object.values(state.rounds).flatMap((r) =>
    Object.values(r.rooms)
      .filter((room) => room.kind !== 'caucus')
      .map((room) => room.members),
  );
}

export function defaultSeed(state: ConveningView): number {
  let h = 2166136261;
  for (const ch of `${state.id}:${Object.keys(state.rounds).length}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 2 ** 31;
}

export function planRound(state: ConveningView, spec: RoundSpec, seed: number, moves: PlanMove[], ctx: PlanContext): RoundPlan {
  const constraints = spec.constraints
    ? {
        ...(spec.constraints.keepTogether ? { keepTogether: spec.constraints.keepTogether } : {}),
        ...(spec.constraints.keepApart ? { keepApart: spec.constraints.keepApart } : {}),
        ...(spec.constraints.onePerRoom ? { onePerRoom: spec.constraints.onePerRoom } : {}),
      }
    : undefined;
  // Self-select rounds open with empty rooms: people pick their room themselves (room.join).
  const plan: Plan =
    spec.strategy.kind === 'selfSelect'
      ? selfSelectPlan(spec.strategy.rooms, roster(state, spec, ctx))
      : planBreakouts({
          participants: roster(state, spec, ctx),
          history: [...(ctx.pastMeetings ?? []), ...pastRooms(state)],
          strategy: strategyOf(spec, state),
          ...(constraints ? { constraints } : {}),
          seed,
        });
  const rooms: RoomView[] = plan.rooms.map((r) => ({
    id: r.key,
    name: r.name,
    kind: r.kind,
    caucus: r.caucus ?? null,
    members: [...r.members],
    size: r.members.length,
    hosts: r.kind === 'caucus' ? [] : r.members.filter((id) => isFacilitator(state.participants[id]?.role ?? 'participant')),
    videoUrl: spec.videoUrls?.[r.key] ?? spec.videoUrls?.[r.name] ?? null,
    cap: spec.strategy.kind === 'selfSelect' ? (spec.strategy.rooms.find((x) => x.id === r.key)?.cap ?? null) : null,
    helpRequestedAt: null,
  }));
  const plenary = new Set(plan.plenary);
  for (const move of moves) applyMove(state, rooms, plenary, move);
  for (const room of rooms) room.size = room.members.length;
  // In a caucus round, who stays out of the caucuses says something about their answer.
  const caucusRound = rooms.some((r) => r.kind === 'caucus');
  return {
    rooms,
    plenary: [...plenary],
    preview: {
      seed,
      rooms: rooms.map((r) => ({ key: r.id, name: r.name, kind: r.kind, caucus: r.caucus, members: r.kind === 'caucus' ? [] : r.members, size: r.size })),
      plenary: caucusRound ? [] : [...plenary],
      plenarySize: plenary.size,
      repeatPairs: plan.explanation.repeatPairs,
      lines: plan.explanation.lines,
    },
  };
}

function selfSelectPlan(rooms: { id: string; name: string }[], people: EngineParticipant[]): Plan {
  return {
    rooms: rooms.map((r) => ({ key: r.id, name: r.name, kind: 'breakout', members: [] })),
    plenary: people.map((p) => p.id),
    explanation: { sizes: rooms.map(() => 0), repeatPairs: 0, repeatPairList: [], balance: [], unsatisfied: [], reassigned: [], lines: ['People choose their own room once the round opens.'] },
  };
}

/** Move one person; nobody enters a caucus except by their own answer. */
export function applyMove(state: ConveningView, rooms: RoomView[], plenary: Set<string>, move: PlanMove): void {
  const target = move.toRoomKey === null ? null : rooms.find((r) => r.id === move.toRoomKey);
  if (move.toRoomKey !== null && !target) throw new MoveRefused(`There is no room "${move.toRoomKey}".`);
  if (target?.kind === 'caucus' && state.affinity[move.participantId]?.answer !== target.caucus) {
    throw new MoveRefused('Only people who chose that caucus themselves can join it.');
  }
  if (!state.participants[move.participantId]) throw new MoveRefused('That person is not in this convening.');
  for (const r of rooms) r.members = r.members.filter((id) => id !== move.participantId);
  plenary.delete(move.participantId);
  if (target) target.members.push(move.participantId);
  else plenary.add(move.participantId);
}

export { PlanError };
