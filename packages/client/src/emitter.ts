/** A tiny typed event emitter; `on` returns its own unsubscribe. */
export class Emitter<Events extends Record<string, (...args: never[]) => void>> {
  private readonly handlers = new Map<keyof Events, Set<Events[keyof Events]>>();

  on<K extends keyof Events>(name: K, fn: Events[K]): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  protected emit<K extends keyof Events>(name: K, ...args: Parameters<Events[K]>): void {
    for (const fn of this.handlers.get(name) ?? []) (fn as (...a: Parameters<Events[K]>) => void)(...args);
  }
}
