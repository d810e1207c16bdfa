// Mutable state of one room-filling search, with O(degree) cost updates.
// Cost = sum of pair weights inside rooms (+ graph offset, so zero is perfect)
//      + HARD × facilitator imbalance (rooms with more than ceil(F/k) or
//        fewer than floor(F/k) facilitators, counted per pool).

import { HARD } from './graph.ts';
import type { PairGraph } from './graph.ts';
import type { Rng } from './rng.ts';

/** People who may only swap among themselves, and the rooms they fill. */
export interface Pool {
  members: number[];
  /** Global room indices this pool fills. */
  rooms: number[];
  /** Target size of each of those rooms (same order). */
  sizes: number[];
}

export interface SolveInput {
  pools: Pool[];
  roomTotal: number;
  graph: PairGraph;
  /** Facilitator flags when they should be spread one per room, else null. */
  facilitators: Uint8Array | null;
  /** Groups placed first and side by side (keep-together groups). */
  together: readonly number[][];
  budget: number;
  rng: Rng;
}

export class SearchState {
  readonly roomOf: Int32Array;
  readonly poolOfRoom: Int32Array;
  readonly scratch: Float64Array;
  readonly movable: number[] = [];
  /** keep-together group index per person, -1 if none. */
  readonly groupOf: Int32Array;
  readonly groups: readonly number[][];
  private readonly poolOfPerson: Int32Array;
  private readonly capacity: Int32Array;
  private readonly count: Int32Array;
  private readonly facCount: Int32Array;
  private readonly facLo: Int32Array;
  private readonly facHi: Int32Array;
  private readonly graph: PairGraph;
  private readonly facs: Uint8Array | null;
  private readonly pools: Pool[];
  /** Room r's members live in slots[roomStart[r] .. roomStart[r] + count[r]). */
  private readonly roomStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly slotOf: Int32Array;
  private cost = 0;

  constructor(input: SolveInput) {
    const n = input.graph.n;
    const rooms = input.roomTotal;
    this.graph = input.graph;
    this.facs = input.facilitators;
    this.pools = input.pools;
    this.roomOf = new Int32Array(n).fill(-1);
    this.poolOfPerson = new Int32Array(n).fill(-1);
    this.poolOfRoom = new Int32Array(rooms).fill(-1);
    this.capacity = new Int32Array(rooms);
    this.count = new Int32Array(rooms);
    this.facCount = new Int32Array(rooms);
    this.facLo = new Int32Array(rooms);
    this.facHi = new Int32Array(rooms);
    this.scratch = new Float64Array(rooms);
    this.groups = input.together;
    this.groupOf = new Int32Array(n).fill(-1);
    input.together.forEach((group, g) => group.forEach((m) => (this.groupOf[m] = g)));
    input.pools.forEach((pool, p) => this.describePool(pool, p));
    this.roomStart = new Int32Array(rooms + 1);
    for (let r = 0; r < rooms; r++) this.roomStart[r + 1] = this.roomStart[r]! + this.capacity[r]!;
    this.slots = new Int32Array(this.roomStart[rooms]!);
    this.slotOf = new Int32Array(n).fill(-1);
  }

  /** Current members of a room (a live view: copy before swapping). */
  membersOf(room: number): Int32Array {
    const from = this.roomStart[room]!;
    return this.slots.subarray(from, from + this.count[room]!);
  }

  private describePool(pool: Pool, p: number): void {
    const facs = this.facs === null ? 0 : pool.members.filter((m) => this.facs?.[m] === 1).length;
    const k = Math.max(1, pool.rooms.length);
    pool.rooms.forEach((room, r) => {
      this.poolOfRoom[room] = p;
      this.capacity[room] = pool.sizes[r] ?? 0;
      this.facLo[room] = Math.floor(facs / k);
      this.facHi[room] = Math.ceil(facs / k);
    });
    for (const m of pool.members) this.poolOfPerson[m] = p;
    if (pool.rooms.length > 1) this.movable.push(...pool.members);
  }

  reset(): void {
    for (const pool of this.pools) for (const m of pool.members) this.roomOf[m] = -1;
    this.count.fill(0);
    this.facCount.fill(0);
    this.cost = this.graph.offset;
    if (this.facs === null) return;
    for (let r = 0; r < this.facLo.length; r++) this.cost += HARD * this.facPenalty(r, 0);
  }

  penalty(): number {
    return this.cost;
  }

  isFull(room: number): boolean {
    return this.count[room]! >= this.capacity[room]!;
  }

  freeSeats(room: number): number {
    return this.capacity[room]! - this.count[room]!;
  }

  poolMembers(person: number): number[] {
    return this.pools[this.poolOfPerson[person]!]?.members ?? [];
  }

  place(person: number, room: number): void {
    const { start, nbr, weight } = this.graph;
    for (let e = start[person]!; e < start[person + 1]!; e++) {
      if (this.roomOf[nbr[e]!] === room) this.cost += weight[e]!;
    }
    this.cost += this.placeFacilitatorCost(person, room);
    if (this.facs?.[person] === 1) this.facCount[room]!++;
    this.roomOf[person] = room;
    const slot = this.roomStart[room]! + this.count[room]!;
    this.slots[slot] = person;
    this.slotOf[person] = slot;
    this.count[room]!++;
  }

  /** Adds each neighbour's weight to scratch[its room]; returns the rooms touched. */
  neighbourRoomCosts(person: number): number[] {
    const { start, nbr, weight } = this.graph;
    const touched: number[] = [];
    for (let e = start[person]!; e < start[person + 1]!; e++) {
      const room = this.roomOf[nbr[e]!]!;
      if (room < 0) continue;
      if (this.scratch[room] === 0 && !touched.includes(room)) touched.push(room);
      this.scratch[room]! += weight[e]!;
    }
    return touched;
  }

  clearScratch(touched: readonly number[]): void {
    for (const room of touched) this.scratch[room] = 0;
  }

  /** Extra facilitator cost of adding `person` to `room`. */
  placeFacilitatorCost(person: number, room: number): number {
    if (this.facs?.[person] !== 1) return 0;
    const f = this.facCount[room]!;
    return HARD * (this.facPenalty(room, f + 1) - this.facPenalty(room, f));
  }

  private facPenalty(room: number, f: number): number {
    return Math.max(0, f - this.facHi[room]!) + Math.max(0, this.facLo[room]! - f);
  }

  /** Cost change if a and b (in different rooms of one pool) traded places. */
  swapDelta(a: number, b: number): number {
    const ra = this.roomOf[a]!;
    const rb = this.roomOf[b]!;
    let delta = this.moveDelta(a, b, ra, rb) + this.moveDelta(b, a, rb, ra);
    const facs = this.facs;
    if (facs !== null && facs[a] !== facs[b]) {
      const [from, to] = facs[a] === 1 ? [ra, rb] : [rb, ra];
      const ff = this.facCount[from]!;
      const ft = this.facCount[to]!;
      delta += HARD * (this.facPenalty(from, ff - 1) + this.facPenalty(to, ft + 1));
      delta -= HARD * (this.facPenalty(from, ff) + this.facPenalty(to, ft));
    }
    return delta;
  }

  private moveDelta(person: number, partner: number, from: number, to: number): number {
    const { start, nbr, weight } = this.graph;
    let delta = 0;
    for (let e = start[person]!; e < start[person + 1]!; e++) {
      const other = nbr[e]!;
      if (other === partner) continue;
      const room = this.roomOf[other];
      if (room === from) delta -= weight[e]!;
      else if (room === to) delta += weight[e]!;
    }
    return delta;
  }

  /** Trades the rooms of a and b; `delta` must come from swapDelta(a, b). */
  swap(a: number, b: number, delta: number): void {
    const ra = this.roomOf[a]!;
    const rb = this.roomOf[b]!;
    this.roomOf[a] = rb;
    this.roomOf[b] = ra;
    const sa = this.slotOf[a]!;
    const sb = this.slotOf[b]!;
    this.slots[sa] = b;
    this.slots[sb] = a;
    this.slotOf[a] = sb;
    this.slotOf[b] = sa;
    this.cost += delta;
    const facs = this.facs;
    if (facs === null || facs[a] === facs[b]) return;
    const [from, to] = facs[a] === 1 ? [ra, rb] : [rb, ra];
    this.facCount[from]!--;
    this.facCount[to]!++;
  }

  /** People who sit next to a conflict, are split from a partner, or unbalance facilitators. */
  troubled(): number[] {
    const out: number[] = [];
    for (const person of this.movable) if (this.isTroubled(person)) out.push(person);
    return out;
  }

  private isTroubled(person: number): boolean {
    const { start, nbr, weight } = this.graph;
    const room = this.roomOf[person]!;
    for (let e = start[person]!; e < start[person + 1]!; e++) {
      const together = this.roomOf[nbr[e]!] === room;
      if ((together && weight[e]! > 0) || (!together && weight[e]! < 0)) return true;
    }
    if (this.facs === null) return false;
    const f = this.facCount[room]!;
    return f < this.facLo[room]! || (this.facs[person] === 1 && f > this.facHi[room]!);
  }
}
