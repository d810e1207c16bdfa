// A starting split of teams into cohorts that is balanced by construction: every region
// and every org type is spread within one team between cohorts, and the cohorts hold the
// asked team counts. Why this always exists: draw the teams as edges between their
// region and their org type (a bipartite multigraph). A proper k-edge-colouring of it,
// after splitting each value into chunks of at most k teams, uses every colour at most
// once per chunk, so each value gets floor(d/k) or ceil(d/k) teams of each colour (de
// Werra's equitable colouring). Swapping the two colours along an alternating path keeps
// the colouring proper, which evens out the colour sizes to the asked counts.

/** Per team: its region and org type ('' when not given; treated like any other value). */
export interface BalanceProfile {
  region: string;
  orgType: string;
}

/**
 * Cohorts (lists of team indices) with exactly `counts[c]` teams each, `counts` being
 * balanced (differing by at most one). `order` is the team order to colour in (shuffled
 * by the caller, so different seeds give different splits).
 */
export function balancedCohorts(profiles: readonly BalanceProfile[], counts: readonly number[], order: readonly number[]): number[][] {
  const k = counts.length;
  if (k <= 1) return [order.slice()];
  const left = chunkVertices(order, (t) => profiles[t]!.region, k);
  const right = chunkVertices(order, (t) => profiles[t]!.orgType, k);
  const colouring = new EdgeColouring(k, left.vertices, right.vertices);
  for (const t of order) colouring.add(t, left.of.get(t)!, right.of.get(t)!);
  colouring.evenOut();
  const classes = Array.from({ length: k }, (_, c) => order.filter((t) => colouring.colourOf.get(t) === c));
  classes.sort((a, b) => b.length - a.length);
  return classes;
}

/** Splits the teams of each value into chunks of at most k, one graph vertex per chunk. */
function chunkVertices(order: readonly number[], valueOf: (t: number) => string, k: number) {
  const chunk = new Map<string, { vertex: number; used: number }>();
  const of = new Map<number, number>();
  let vertices = 0;
  for (const t of order) {
    const value = valueOf(t);
    let current = chunk.get(value);
    if (current === undefined || current.used === k) {
      current = { vertex: vertices++, used: 0 };
      chunk.set(value, current);
    }
    current.used++;
    of.set(t, current.vertex);
  }
  return { vertices, of };
}

/** A proper edge colouring of a bipartite multigraph of max degree <= k. */
class EdgeColouring {
  readonly colourOf = new Map<number, number>();
  /** at[side][vertex][colour] = edge (team) of that colour there, or -1. */
  private readonly at: [Int32Array[], Int32Array[]];
  private readonly ends = new Map<number, [number, number]>();

  constructor(
    private readonly k: number,
    leftCount: number,
    rightCount: number,
  ) {
    const make = (n: number) => Array.from({ length: n }, () => new Int32Array(k).fill(-1));
    this.at = [make(leftCount), make(rightCount)];
  }

  add(edge: number, u: number, v: number): void {
    this.ends.set(edge, [u, v]);
    const a = this.free(0, u);
    const b = this.free(1, v);
    // Colour a is free at u; if it is taken at v, flip the a/b path from v (it cannot reach u).
    if (this.at[1][v]![a] !== -1) this.flipPath(1, v, a, b);
    this.paint(edge, a);
  }

  /** Kempe swaps until colour class sizes differ by at most one. */
  evenOut(): void {
    for (;;) {
      const sizes = new Array<number>(this.k).fill(0);
      for (const c of this.colourOf.values()) sizes[c]!++;
      const big = sizes.indexOf(Math.max(...sizes));
      const small = sizes.indexOf(Math.min(...sizes));
      if (sizes[big]! - sizes[small]! <= 1) return;
      this.shiftOne(big, small);
    }
  }

  private free(side: 0 | 1, vertex: number): number {
    const slots = this.at[side][vertex]!;
    for (let c = 0; c < this.k; c++) if (slots[c] === -1) return c;
    throw new Error('breakouts: a cohort colouring vertex has more than k teams');
  }

  private paint(edge: number, colour: number): void {
    const [u, v] = this.ends.get(edge)!;
    this.colourOf.set(edge, colour);
    this.at[0][u]![colour] = edge;
    this.at[1][v]![colour] = edge;
  }

  private unpaint(edge: number): void {
    const [u, v] = this.ends.get(edge)!;
    const colour = this.colourOf.get(edge)!;
    this.at[0][u]![colour] = -1;
    this.at[1][v]![colour] = -1;
    this.colourOf.delete(edge);
  }

  /** The maximal path from (side, vertex) alternating colours a, b, starting with a. */
  private path(side: 0 | 1, vertex: number, a: number, b: number): number[] {
    const edges: number[] = [];
    let s = side;
    let x = vertex;
    let colour = a;
    for (;;) {
      const edge = this.at[s][x]![colour]!;
      if (edge === -1 || edges.includes(edge)) return edges;
      edges.push(edge);
      const [u, v] = this.ends.get(edge)!;
      x = s === 0 ? v : u;
      s = s === 0 ? 1 : 0;
      colour = colour === a ? b : a;
    }
  }

  /** Swaps colours a and b on the path that starts at (side, vertex) with colour a. */
  private flipPath(side: 0 | 1, vertex: number, a: number, b: number): void {
    const edges = this.path(side, vertex, a, b);
    const colours = edges.map((e) => this.colourOf.get(e)!);
    edges.forEach((e) => this.unpaint(e));
    edges.forEach((e, i) => this.paint(e, colours[i] === a ? b : a));
  }

  /** Finds an a/b path with one more a than b and flips it: class a loses one, b gains one. */
  private shiftOne(a: number, b: number): void {
    for (const [edge, colour] of this.colourOf) {
      if (colour !== a) continue;
      const [u, v] = this.ends.get(edge)!;
      // An a-edge with b free at one end starts a path; walk it from that end.
      for (const [side, x] of [[0, u], [1, v]] as const) {
        if (this.at[side][x]![b] !== -1) continue;
        const edges = this.path(side, x, a, b);
        if (edges.length % 2 === 1) return this.flipPath(side, x, a, b);
      }
    }
    throw new Error('breakouts: no path to even out cohort team counts');
  }
}
