import { debrief, type Debrief, type Viewer } from '@brave/core';
import type { ConveningRoom } from '../convening/room.ts';
import type { Store } from '../store/types.ts';

/** Debriefs kept at once (one per facilitator of a convening); the least recently asked goes first. */
const KEPT = 64;

/**
 * The debrief reads a convening's whole log (hands are counted from it). A facilitator's
 * console asks again whenever they bring it up to date, and the report downloads ask too:
 * at the same log version (`ConveningRoom.logVersion`: its last seq, and how often it was
 * rewritten in place) the same reader gets the debrief already built, without reading
 * the log again. Each reader has their own entry, since each sees only what the policy
 * lets them.
 */
export class DebriefCache {
  private readonly kept = new Map<string, { version: string; value: Debrief }>();

  constructor(private readonly store: Pick<Store, 'events'>) {}

  async of(room: ConveningRoom, viewer: Viewer): Promise<Debrief> {
    const key = `${room.id}:${viewer.participantId}:${viewer.role}`;
    const version = room.logVersion;
    const hit = this.kept.get(key);
    this.kept.delete(key);
    if (hit?.version === version) {
      this.kept.set(key, hit);
      return hit.value;
    }
    const state = room.snapshot;
    const value = debrief(state, viewer, await this.store.events(room.id));
    this.kept.set(key, { version, value });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= KEPT) break;
      this.kept.delete(oldest);
    }
    return value;
  }
}
