// A sparse weighted graph over participant indices, stored in compressed rows
// (typed arrays, no Map, no strings) so that tens of thousands of people with
// many past meetings stay cheap to build and to walk.

export interface PairGraph {
  n: number;
  /** Neighbours of i are nbr[start[i]] .. nbr[start[i + 1] - 1] (unordered). */
  start: Int32Array;
  nbr: Int32Array;
  weight: Float64Array;
  /** Sum of |w| over pairs whose merged weight is negative. */
  offset: number;
}

/** Collects undirected weighted edges; repeated pairs are summed by toGraph. */
export class EdgeList {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private w = new Float64Array(1024);
  private size = 0;

  add(i: number, j: number, weight: number): void {
    if (i === j || weight === 0) return;
    if (this.size === this.from.length) this.grow();
    this.from[this.size] = i;
    this.to[this.size] = j;
    this.w[this.size] = weight;
    this.size++;
  }

  /** Adds every pair of `members` with the same weight. */
  addClique(members: readonly number[], weight: number): void {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) this.add(members[x]!, members[y]!, weight);
    }
  }

  private grow(): void {
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (len: number) => T): T => {
      const next = make(old.length * 2);
      next.set(old);
      return next;
    };
    this.from = grow(this.from, (len) => new Int32Array(len));
    this.to = grow(this.to, (len) => new Int32Array(len));
    this.w = grow(this.w, (len) => new Float64Array(len));
  }

  /** Builds compressed rows, merging duplicate pairs and dropping zero sums. */
  toGraph(n: number): PairGraph {
    const start = new Int32Array(n + 1);
    for (let e = 0; e < this.size; e++) {
      start[this.from[e]! + 1]!++;
      start[this.to[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const nbr = new Int32Array(start[n]!);
    const weight = new Float64Array(nbr.length);
    for (let e = 0; e < this.size; e++) {
      const a = this.from[e]!;
      const b = this.to[e]!;
      const w = this.w[e]!;
      nbr[fill[a]!] = b;
      weight[fill[a]!++] = w;
      nbr[fill[b]!] = a;
      weight[fill[b]!++] = w;
    }
    return mergeRows(n, start, nbr, weight);
  }
}

/** Sums repeated neighbours within each row, compacting the arrays. */
function mergeRows(n: number, start: Int32Array, nbr: Int32Array, weight: Float64Array): PairGraph {
  const slot = new Int32Array(n).fill(-1);
  const outStart = new Int32Array(n + 1);
  let out = 0;
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = out;
    for (let e = start[i]!; e < start[i + 1]!; e++) {
      const j = nbr[e]!;
      const at = slot[j]!;
      if (at >= rowStart) {
        weight[at]! += weight[e]!;
        continue;
      }
      slot[j] = out;
      nbr[out] = j;
      weight[out++] = weight[e]!;
    }
    out = dropZeros(nbr, weight, rowStart, out);
    for (let e = rowStart; e < out; e++) if (nbr[e]! > i && weight[e]! < 0) offset -= weight[e]!;
    outStart[i + 1] = out;
  }
  return { n, start: outStart, nbr: nbr.slice(0, out), weight: weight.slice(0, out), offset };
}

function dropZeros(nbr: Int32Array, weight: Float64Array, from: number, to: number): number {
  let out = from;
  for (let e = from; e < to; e++) {
    if (weight[e] === 0) continue;
    nbr[out] = nbr[e]!;
    weight[out++] = weight[e]!;
  }
  return out;
}
