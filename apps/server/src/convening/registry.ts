import type { CreateConveningBody } from '@brave/protocol';
import { openingEvents } from '@brave/core';
import type { Store } from '../store/types.ts';
import { newCohostCode, newId, newJoinCode } from './ids.ts';
import { ConveningRoom, type Fanout, type RoomOptions } from './room.ts';

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
    return room;
  }

  async create(body: CreateConveningBody) {
    const id = newId('c');
    const hostId = newId('p');
    const cohostCode = newCohostCode();
    for (let attempt = 0; ; attempt++) {
      const joinCode = newJoinCode();
      if ((await this.store.conveningByJoinCode(joinCode)) && attempt < 5) continue;
      const events = openingEvents(body, { conveningId: id, joinCode, hostId }, newId);
      const at = this.options.now();
      await this.store.createConvening(
        { id, joinCode, cohostCode, createdAt: at },
        events.map((event) => ({ at, actor: hostId, event })),
      );
      return { id, joinCode, cohostCode, hostId };
    }
  }

  stopAll(): void {
    for (const room of this.rooms.values()) void room.then((r) => r?.stop(), () => undefined);
  }
}
