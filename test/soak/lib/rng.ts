/** A small seeded generator (mulberry32): the same seed replays the same run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => {
  if (items.length === 0) throw new Error('pick from nothing');
  return items[Math.floor(random() * items.length)]!;
};

export const between = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
