import type { ConveningView, CreateConveningBody, DomainEvent } from '@brave/protocol';
import { openingEvents, type OpeningOptions } from '@brave/core';
import type { Store } from '../store/types.ts';
import { newCohostCode, newId, newJoinCode } from './ids.ts';
import { ConveningRoom, type Fanout, type RoomOptions } from './room.ts';

/** A community convening's settings, and who hosts it (their id follows them across convenings). */
export interface CreateOptions extends OpeningOptions {
  host?: { participantId: string; name: string } | undefined;
}

/**
 * The live rooms of this server process. Rooms load from the store on first use; two
 * callers asking at once share one load. Created per server, never a module global.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<ConveningRoom | null>>();

  constructor(
    private readonly store: Store,
    private readonly fanout: Fanout,
    private readonly options: RoomOptions,
  ) {}

  get(id: string): Promise<ConveningRoom | null> {
    let room = this.rooms.get(id);
    if (!room) {
      room = this.store.convening(id).then((rec) => (rec ? ConveningRoom.load(id, this.store, this.fanout, this.options) : null));
      room.catch(() => this.rooms.delete(id));
      this.rooms.set(id, room);
    }
    // Several processes: a room another process owns reads what that owner appended first,
    // so someone who just joined there is known here too.
    if (this.options.cluster) return room.then(async (r) => (await r?.catchUp(), r));
    return room;
  }

  /**
   * Open a convening. `options` come from the server itself (a community's convening),
   * never from the quick anonymous POST /api/convenings body.
   */
  async create(body: CreateConveningBody, options: CreateOptions = {}) {
    const id = newId('c');
    const { host, ...opening } = options;
    const hostId = host?.participantId ?? newId('p');
    const hosted = host ? { ...body, hostName: host.name } : body;
    const cohostCode = newCohostCode();
    for (let attempt = 0; ; attempt++) {
      const joinCode = newJoinCode();
      if ((await this.store.conveningByJoinCode(joinCode)) && attempt < 5) continue;
      const events = openingEvents(hosted, { conveningId: id, joinCode, hostId }, newId, opening);
      const at = this.options.now();
      await this.store.createConvening(
        { id, joinCode, cohostCode, createdAt: at },
        events.map((event) => ({ at, actor: hostId, event })),
      );
      return { id, joinCode, cohostCode, hostId };
    }
  }

  /** Rewrite some event types of a convening's stored log, and its live state with it (one refold). */
  async rewrite(id: string, types: readonly DomainEvent['type'][], fn: (e: DomainEvent) => DomainEvent): Promise<number> {
    const room = await this.get(id);
    return room ? room.rewrite(types, fn) : 0;
  }

  /** Let someone out of a convening (see ConveningRoom.remove); false when they were not in it. */
  async revoke(id: string, participantId: string): Promise<boolean> {
    const room = await this.get(id);
    return room ? room.remove(participantId) : false;
  }

  /**
   * Cut someone's live connections to a convening without writing anything (a closed
   * convening keeps them in its log; its handshake refuses them from now on). Only a loaded
   * room can have connections, so none is loaded for this. True when the room was loaded.
   */
  async expel(id: string, participantId: string): Promise<boolean> {
    // A load that failed has no connections either (and must not fail the caller's leave).
    const room = await this.rooms.get(id)?.catch(() => null);
    if (!room) return false;
    this.fanout.expel(id, participantId);
    return true;
  }

  /** Apply retention to one convening (store and live state); how many rows changed. */
  async retain(id: string): Promise<number> {
    const room = await this.get(id);
    return room ? room.applyRetention() : 0;
  }

  /**
   * A convening's state for reading only (exports, "my data", schedules): the live room's
   * if it is loaded, else folded from the log without keeping it, so looking back over a
   * year of convenings does not keep them all in memory.
   */
  async peek(id: string): Promise<Readonly<ConveningView> | null> {
    const live = this.rooms.get(id);
    if (live) return (await live)?.snapshot ?? null;
    if (!(await this.store.convening(id))) return null;
    const room = await ConveningRoom.load(id, this.store, this.fanout, this.options);
    room.stop();
    return room.snapshot;
  }

  /** Drop a (deleted) convening's live state: timers stop, nothing is served from memory. */
  forget(id: string): void {
    const room = this.rooms.get(id);
    this.rooms.delete(id);
    void room?.then((r) => r?.stop(), () => undefined);
  }

  /** The convenings loaded in this process (the cluster watches their owners). */
  loaded(): string[] {
    return [...this.rooms.keys()];
  }

  stopAll(): void {
    for (const room of this.rooms.values()) void room.then((r) => r?.stop(), () => undefined);
  }
}
