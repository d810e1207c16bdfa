/** Which workers have reported a broadcast complete; lets the sender await a round. */
export class Arrivals {
  private readonly counts = new Map<number, number>();
  private readonly waiters = new Map<number, { need: number; resolve: () => void }>();

  add(seq: number): void {
    const count = (this.counts.get(seq) ?? 0) + 1;
    this.counts.set(seq, count);
    const w = this.waiters.get(seq);
    if (w && count >= w.need) {
      this.waiters.delete(seq);
      w.resolve();
    }
  }

  wait(seq: number, need: number): Promise<void> {
    if ((this.counts.get(seq) ?? 0) >= need) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(seq, { need, resolve }));
  }
}
