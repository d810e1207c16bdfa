import type { ConveningView } from '@brave/protocol';
import type { RoomRegistry } from '../convening/registry.ts';

/**
 * Folded states of closed convenings, for reading only ("my data", exports, purges).
 * Without it every GET /me and export folded every convening log of the community from
 * the store on every call (`RoomRegistry.peek` keeps nothing so a year of history does
 * not stay loaded); the bench measured that as the costliest community read. A closed
 * log changes only through the registry calls wrapped below (retention, rewrites,
 * revoking, forgetting), and each of them drops the entry before and after it runs.
 * Bounded: the least recently read state goes first.
 */
export class ClosedStates {
  private readonly states = new Map<string, Readonly<ConveningView>>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly max = 64,
  ) {}

  async get(id: string): Promise<Readonly<ConveningView> | null> {
    const hit = this.states.get(id);
    if (hit) {
      // Re-insert: a Map iterates in insertion order, so the first key is the oldest read.
      this.states.delete(id);
      this.states.set(id, hit);
      return hit;
    }
    const state = await this.rooms.peek(id);
    if (state?.status === 'closed') {
      this.states.set(id, state);
      if (this.states.size > this.max) this.states.delete(this.states.keys().next().value!);
    }
    return state;
  }

  drop(id: string): void {
    this.states.delete(id);
  }

  /** The registry with every call that can change a stored log dropping that convening's entry. */
  wrap(): RoomRegistry {
    const registry = this.rooms;
    const around = async <T>(id: string, run: () => Promise<T>): Promise<T> => {
      this.drop(id);
      try {
        return await run();
      } finally {
        this.drop(id);
      }
    };
    const wrapped: Partial<RoomRegistry> = {
      rewrite: (id, types, fn) => around(id, () => registry.rewrite(id, types, fn)),
      retain: (id) => around(id, () => registry.retain(id)),
      revoke: (id, participantId) => around(id, () => registry.revoke(id, participantId)),
      forget: (id) => {
        this.drop(id);
        registry.forget(id);
      },
    };
    // Every other method (get, create, peek, expel…) is the registry's own, bound to it.
    return new Proxy(registry, {
      get: (target, key, receiver) => {
        const own = wrapped[key as keyof RoomRegistry];
        if (own) return own;
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
