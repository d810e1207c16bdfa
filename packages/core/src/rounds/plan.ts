import type { ConveningView, PlanMove, RoomView, RoundPreview, RoundSpec } from '@brave/protocol';
import { planBreakouts, PlanError, type EngineParticipant, type Plan, type Strategy } from '../breakouts/index.ts';
import { isFacilitator } from '../viewer.ts';
import { isCaucusRound, isPrivateRoom } from './access.ts';
import { confidentialFields } from './confidential.ts';
import { laterMixRounds, planTogether, type PlanBudget } from './together.ts';
import { byCount, countOf } from '../plural.ts';

export interface PlanContext {
  /** Who is connected now; people who are away stay in plenary. Everyone when absent. */
  online?: (participantId: string) => boolean;
  /**
   * Groups who met in earlier convenings of the same community (never caucus rooms),
   * so a mix round months later still avoids repeat pairs. None for a quick convening.
   */
  pastMeetings?: readonly (readonly string[])[];
  /** Plan later mix rounds of the agenda together with this one, within this budget. None: one at a time. */
  planBudget?: PlanBudget;
  /** Measures how long planning took, to tell the facilitator; never changes a plan. */
  clock?: () => number;
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
      return {
        kind: 'affinity',
        options: state.caucusOptions,
        undecided: s.undecided,
        ...(s.maxRoomSize ? { maxRoomSize: s.maxRoomSize } : {}),
        ...(s.alone ? { alone: s.alone } : {}),
      };
    default:
      return s;
  }
}

/**
 * Everyone who already shared a room in this convening (for cross-pollination). Rooms of
 * caucus rounds are left out: who met there must not shape, or show through, later rounds.
 */
export function pastRooms(state: ConveningView): string[][] {
  return Object.values(state.rounds).flatMap((r) =>
    Object.values(r.rooms)
      .filter((room) => !isPrivateRoom(r, room))
      .map((room) => room.members),
  );
}

export function defaultSeed(state: ConveningView): number {
  let h = 2166136261;
  for (const ch of `${state.id}:${Object.keys(state.rounds).length}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 2 ** 31;
}

export function planRound(state: ConveningView, spec: RoundSpec, seed: number, moves: PlanMove[], ctx: PlanContext, agendaItem?: number): RoundPlan {
  const constraints = spec.constraints
    ? {
        ...(spec.constraints.keepTogether ? { keepTogether: spec.constraints.keepTogether } : {}),
        ...(spec.constraints.keepApart ? { keepApart: spec.constraints.keepApart } : {}),
        ...(spec.constraints.onePerRoom ? { onePerRoom: spec.constraints.onePerRoom } : {}),
      }
    : undefined;
  const history = [...(ctx.pastMeetings ?? []), ...pastRooms(state)].map((room) => [...room]);
  const later = ctx.planBudget ? laterMixRounds(state.agenda, spec, agendaItem) : [];
  const together = later.length > 0 ? planTogether({ participants: roster(state, spec, ctx), history, spec, later, constraints, seed, budget: ctx.planBudget!, clock: ctx.clock }) : null;
  // Self-select rounds open with empty rooms: people pick their room themselves (room.join).
  const plan: Plan =
    together?.plan ??
    (spec.strategy.kind === 'selfSelect'
      ? selfSelectPlan(spec.strategy.rooms, roster(state, spec, ctx))
      : planBreakouts({ participants: roster(state, spec, ctx), history, strategy: strategyOf(spec, state), ...(constraints ? { constraints } : {}), seed }));
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
    ...confidentialFields(spec.confidential, { id: r.key, name: r.name, kind: r.kind }, spec.strategy.kind),
  }));
  const plenary = new Set(plan.plenary);
  // In a caucus round an edit would answer "where is X?" through the sizes it changes, and
  // who stays out of the caucuses says something about their answer (also when no caucus
  // room is left, e.g. a caucus of one sent to the main room).
  const caucusRound = isCaucusRound({ strategy: spec.strategy.kind }) || rooms.some((r) => r.kind === 'caucus');
  if (caucusRound && moves.length > 0) throw new MoveRefused(CAUCUS_PREVIEW_MOVE);
  for (const move of moves) applyMove(state, rooms, plenary, move);
  for (const room of rooms) room.size = room.members.length;
  return {
    rooms,
    plenary: [...plenary],
    preview: {
      seed,
      rooms: rooms.map((r) => ({ key: r.id, name: r.name, kind: r.kind, caucus: r.caucus, members: caucusRound || r.confidential ? [] : r.members, size: r.size })),
      plenary: caucusRound ? [] : [...plenary],
      plenarySize: plenary.size,
      repeatPairs: caucusRound ? 0 : plan.explanation.repeatPairs,
      lines: caucusRound ? caucusLines(rooms, plenary.size) : together ? [together.line, ...plan.explanation.lines] : plan.explanation.lines,
      alone: plan.explanation.alone,
      ...(together && !caucusRound ? { together: together.together } : {}),
    },
  };
}

const CAUCUS_PREVIEW_MOVE = 'In a caucus round people are placed by their own answers, so its rooms cannot be edited by hand.';

/**
 * What a caucus round's preview says: only what its sizes say already. The engine's own
 * lines (repeat pairs, wishes not met, rooms without a facilitator) are counted inside the
 * rooms and could leave just one possible grouping beside earlier rounds.
 */
function caucusLines(rooms: RoomView[], plenarySize: number): string[] {
  const caucuses = rooms.filter((r) => r.kind === 'caucus').length;
  const open = rooms.filter((r) => r.kind !== 'caucus').reduce((n, r) => n + r.size, 0);
  const lines = [`${countOf(caucuses, 'caucus room')}, formed only from each person's own answer.`];
  if (open > 0) lines.push(`${countOf(open, 'person', 'people')} who chose no caucus ${byCount(open, 'meets', 'meet')} in the open room.`);
  lines.push(`${countOf(plenarySize, 'person', 'people')} ${byCount(plenarySize, 'stays', 'stay')} in plenary.`);
  lines.push('Rosters, repeat meetings and wishes are not shown for a caucus round: they would tell who chose what.');
  return lines;
}

function selfSelectPlan(rooms: { id: string; name: string }[], people: EngineParticipant[]): Plan {
  return {
    rooms: rooms.map((r) => ({ key: r.id, name: r.name, kind: 'breakout', members: [] })),
    plenary: people.map((p) => p.id),
    explanation: { sizes: rooms.map(() => 0), alone: [], repeatPairs: 0, repeatPairList: [], balance: [], unsatisfied: [], reassigned: [], lines: ['People choose their own room once the round opens.'] },
  };
}

/**
 * Move one person. Nobody is moved into a caucus by someone else, whatever they answered:
 * a refusal that depended on their answer would tell it.
 */
export function applyMove(state: ConveningView, rooms: RoomView[], plenary: Set<string>, move: PlanMove): void {
  const target = move.toRoomKey === null ? null : rooms.find((r) => r.id === move.toRoomKey);
  if (move.toRoomKey !== null && !target) throw new MoveRefused(`There is no room "${move.toRoomKey}".`);
  if (target?.kind === 'caucus') throw new MoveRefused('Nobody can be moved into a caucus: people are in a caucus only by their own answer.');
  if (!state.participants[move.participantId]) throw new MoveRefused('That person is not in this convening.');
  for (const r of rooms) r.members = r.members.filter((id) => id !== move.participantId);
  plenary.delete(move.participantId);
  if (target) target.members.push(move.participantId);
  else plenary.add(move.participantId);
}

export { PlanError };
