// Mutable state of a whole-schedule search: every round's rooms at once, and one
// dense matrix W(i, j) = base(i, j) + m(i, j), where base is what a pair costs per
// meeting before the schedule starts (times met in history, teammates, keep-apart,
// minus keep-together) and m is how many of the schedule's rounds seat them together.
//
// The cost is sum over pairs of m·base + m(m−1)/2: exactly what planning round by
// round pays in total (each round pays base + meetings so far for every pair it
// seats together), so the two are compared on the same scale.

export interface ScheduleShape {
  n: number;
  /** Pair weights per meeting (n × n, symmetric, zero diagonal). */
  base: Int32Array;
  /** Room per person for each round (-1 = not in this round). Sizes are kept as given. */
  rounds: readonly Int32Array[];
  /** Swap class per person: only people of one class trade places (facilitators stay spread). */
  classOf: Uint8Array;
  /** Keep-together partners per person (usually empty). */
  partners: readonly (readonly number[])[];
}

export class ScheduleState {
  readonly n: number;
  readonly roundCount: number;
  readonly roomOf: Int32Array[];
  /** members[r][room] = people in that room in round r. */
  readonly members: number[][][];
  readonly w: Int32Array;
  private readonly shape: ScheduleShape;
  private cost = 0;

  constructor(shape: ScheduleShape) {
    this.shape = shape;
    this.n = shape.n;
    this.roundCount = shape.rounds.length;
    this.roomOf = shape.rounds.map((r) => r.slice());
    this.members = this.roomOf.map(() => []);
    this.w = new Int32Array(shape.n * shape.n);
    this.load(this.roomOf);
  }

  /** Replaces every round's rooms (room sizes must match) and recounts the cost. */
  load(rounds: readonly Int32Array[]): void {
    const { n } = this;
    this.w.set(this.shape.base);
    this.cost = 0;
    rounds.forEach((roomOf, r) => {
      this.roomOf[r]!.set(roomOf);
      const rooms: number[][] = [];
      for (let p = 0; p < n; p++) {
        const room = roomOf[p]!;
        if (room < 0) continue;
        while (rooms.length <= room) rooms.push([]);
        rooms[room]!.push(p);
      }
      this.members[r] = rooms;
      for (const room of rooms) {
        for (let x = 0; x < room.length; x++) {
          for (let y = x + 1; y < room.length; y++) this.meet(room[x]!, room[y]!, 1);
        }
      }
    });
  }

  /** Adds (+1) or removes (−1) one meeting of a and b, keeping the cost exact. */
  private meet(a: number, b: number, sign: 1 | -1): void {
    const ab = a * this.n + b;
    if (sign === 1) this.cost += this.w[ab]!;
    else this.cost -= this.w[ab]! - 1;
    this.w[ab]! += sign;
    this.w[b * this.n + a]! += sign;
  }

  penalty(): number {
    return this.cost;
  }

  canSwap(a: number, b: number): boolean {
    return this.shape.classOf[a] === this.shape.classOf[b];
  }

  /** Cost change if a and b (different rooms of round r) traded places. Reads |A| + |B| cells. */
  swapDelta(r: number, a: number, b: number): number {
    const roomOf = this.roomOf[r]!;
    const from = this.members[r]![roomOf[a]!]!;
    const to = this.members[r]![roomOf[b]!]!;
    const { n, w } = this;
    const rowA = a * n;
    const rowB = b * n;
    let delta = from.length + to.length - 2;
    for (const x of from) if (x !== a) delta += w[rowB + x]! - w[rowA + x]!;
    for (const y of to) if (y !== b) delta += w[rowA + y]! - w[rowB + y]!;
    return delta;
  }

  swap(r: number, a: number, b: number): void {
    const roomOf = this.roomOf[r]!;
    const ra = roomOf[a]!;
    const rb = roomOf[b]!;
    const from = this.members[r]![ra]!;
    const to = this.members[r]![rb]!;
    for (const x of from) if (x !== a) this.meet(a, x, -1);
    for (const y of to) if (y !== b) this.meet(b, y, -1);
    from[from.indexOf(a)] = b;
    to[to.indexOf(b)] = a;
    roomOf[a] = rb;
    roomOf[b] = ra;
    for (const x of from) if (x !== b) this.meet(b, x, 1);
    for (const y of to) if (y !== a) this.meet(a, y, 1);
  }

  /**
   * Is p, in round r, part of something a swap could mend: a room-mate who costs
   * (met before, or meets p in another round too), or a keep-together partner elsewhere?
   */
  inConflict(r: number, p: number): boolean {
    const roomOf = this.roomOf[r]!;
    const room = roomOf[p]!;
    if (room < 0) return false;
    const row = p * this.n;
    for (const x of this.members[r]![room]!) if (x !== p && this.w[row + x]! > 1) return true;
    for (const q of this.shape.partners[p]!) if (roomOf[q] !== room && roomOf[q]! >= 0) return true;
    return false;
  }

  snapshot(): Int32Array[] {
    return this.roomOf.map((r) => r.slice());
  }
}
