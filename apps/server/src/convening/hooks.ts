import type { ConveningView, DomainEvent } from '@brave/protocol';
import { isPrivateRoom } from '@brave/core';

/**
 * What a community adds to its convenings; the communities module implements it. A
 * quick convening has no community beyond itself, so every hook is optional.
 */
export interface CommunityHooks {
  /** Groups who met in earlier convenings of this convening's community (never caucus rooms). */
  pastMeetings(conveningId: string): Promise<string[][]>;
  /**
   * A round's end is durable (by command, timer or close): who was in which room at the end,
   * after moves and self-selection. Caucus rooms are never passed.
   */
  roundEnded(conveningId: string, rooms: { kind: 'breakout' | 'caucus'; members: string[] }[]): void | Promise<void>;
  /**
   * Does this participant still belong to the convening's community? A credential of a
   * community convening holds only while it does (false for a former member or an account
   * no longer facilitating it). Runs on every handshake and document check: keep it cheap.
   * Absent: everyone the convening knows belongs.
   */
  stillBelongs?(conveningId: string, participantId: string): boolean;
  /** Someone asked to keep their caucus answer for later convenings (null: keep nothing now). */
  answerKept(conveningId: string, participantId: string, answer: string | null): void | Promise<void>;
  /** The convening's close is durable (the community home stops offering Join). */
  closed?(conveningId: string): void;
}

type Log = (msg: string, err?: unknown) => void;

/** How long a round waits for the community's history before planning without it. */
const PAST_MEETINGS_WAIT_MS = 5_000;

/** The community's earlier meetings; a plan without them beats a round that never opens. */
export async function pastMeetingsOf(hooks: Partial<CommunityHooks> | undefined, conveningId: string, log: Log): Promise<string[][]> {
  const fetch = hooks?.pastMeetings;
  if (!fetch) return [];
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[][]>((resolve) => {
    timer = setTimeout(() => resolve([]), PAST_MEETINGS_WAIT_MS).unref();
  });
  try {
    return await Promise.race([fetch(conveningId), late]);
  } catch (err) {
    log(`convening ${conveningId}: could not read the community's earlier rooms`, err);
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * After a command's events are durable, before its answer: a caucus answer the actor asked
 * the community to keep (awaited, so the answer means it is kept). `keptBefore` says whether they had asked to keep it before this command.
 */
export async function tellKeptAnswers(
  hooks: Partial<CommunityHooks> | undefined,
  conveningId: string,
  events: readonly { event: DomainEvent }[],
  keptBefore: boolean,
  log: Log,
): Promise<void> {
  if (!hooks?.answerKept) return;
  for (const { event: e } of events) {
    if (e.type !== 'affinity.answered' || !(e.keep || keptBefore)) continue;
    try {
      await hooks.answerKept(conveningId, e.participantId, e.keep ? e.answer : null);
    } catch (err) {
      log(`convening ${conveningId}: the community could not keep a caucus answer`, err);
    }
  }
}

/**
 * After any durable event, folded into `state`: when it ended a round, who met whom in
 * it, from the rooms as they were at the end.
 */
export async function tellRoundEnded(hooks: Partial<CommunityHooks> | undefined, state: ConveningView, e: DomainEvent, log: Log): Promise<void> {
  if (e.type !== 'round.ended' || !hooks?.roundEnded) return;
  const round = state.rounds[e.roundId];
  if (!round) return;
  // Private rosters never leave the convening: who met in a caucus round's rooms says who answered what.
  const rooms = Object.values(round.rooms)
    .filter((r) => !isPrivateRoom(round, r))
    .map((r) => ({ kind: r.kind, members: [...r.members] }));
  try {
    await hooks.roundEnded(state.id, rooms);
  } catch (err) {
    log(`convening ${state.id}: the community could not record a round's rooms`, err);
  }
}

/** After the close is durable: tell the community, which tells its open homes. */
export function tellClosed(hooks: Partial<CommunityHooks> | undefined, conveningId: string, log: Log): void {
  try {
    hooks?.closed?.(conveningId);
  } catch (err) {
    log(`convening ${conveningId}: the community could not hear of its close`, err);
  }
}
