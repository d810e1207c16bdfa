// Seeded pseudo-random numbers so a plan can be replayed exactly from its seed.
// sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state,
// 32-bit output, good statistical quality and very cheap in JavaScript.

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). `bound` must be >= 1. */
  int(bound: number): number;
}

export function createRng(seed: number): Rng {
  // Spread the seed over the four state words, then warm the generator up so
  // neighbouring seeds do not produce similar first outputs.
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) step();
  const next = (): number => step() / 4294967296;
  return {
    next,
    int: (bound: number): number => Math.floor(next() * bound),
  };
}

/** Fisher–Yates shuffle in place; returns the same array for chaining. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** Turns any finite number into a 32-bit seed (fractions and negatives allowed). */
export function normaliseSeed(seed: number): number {
  return Math.trunc(seed) >>> 0;
}
