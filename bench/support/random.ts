// Seeded randomness shared by the benchmarks' synthetic worlds, so every run on every machine
// generates the same data for a given seed.

export type Rand = () => number;

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function rng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item, uniformly. */
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** A whole number from lo to hi, both included, uniformly. */
export const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
