import type { DomainEvent } from '@brave/protocol';

/**
 * What a community adds to its convenings; the communities module implements it. A
 * quick convening has no community beyond itself, so every hook is optional.
 */
export interface CommunityHooks {
  /** Groups who met in earlier convenings of this convening's community (never caucus rooms). */
  pastMeetings(conveningId: string): Promise<string[][]>;
  /** A round's opening is durable: who is in which room. Caucus rooms are never passed. */
  roundOpened(conveningId: string, rooms: { kind: 'breakout' | 'caucus'; members: string[] }[]): void;
  /** Someone asked to keep their caucus answer for later convenings (null: keep nothing now). */
  answerKept(conveningId: string, participantId: string, answer: string | null): void;
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
 * After a command's events are durable: what the community keeps from them. `keptBefore`
 * says whether the actor had asked to keep their caucus answer before this command.
 */
export function tellCommunity(
  hooks: Partial<CommunityHooks> | undefined,
  conveningId: string,
  events: readonly { event: DomainEvent }[],
  keptBefore: boolean,
  log: Log,
): void {
  if (!hooks) return;
  for (const { event: e } of events) {
    try {
      if (e.type === 'round.opened' && hooks.roundOpened) {
        // Caucus rosters never leave the convening: who met in a caucus says who answered what.
        const rooms = Object.values(e.round.rooms)
          .filter((r) => r.kind !== 'caucus')
          .map((r) => ({ kind: r.kind, members: [...r.members] }));
        hooks.roundOpened(conveningId, rooms);
      } else if (e.type === 'affinity.answered' && hooks.answerKept && (e.keep || keptBefore)) {
        hooks.answerKept(conveningId, e.participantId, e.keep ? e.answer : null);
      }
    } catch (err) {
      log(`convening ${conveningId}: the community could not record ${e.type}`, err);
    }
  }
}
