/**
 * A small seeded pseudo-random generator for demo data and property tests: the same seed gives the
 * same sequence on every machine, which `Math.random` and `crypto` cannot. Not for secrets or
 * real record ids (those use `crypto.randomUUID()`).
 *
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand,
 * and needs only 32-bit integer operations, so it is fast in any JavaScript engine.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
}

/** Hashes a string seed to 32 bits (FNV-1a), so seeds like 'phuc-loi' work too. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32: spreads one 32-bit seed over sfc32's four state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number | string): Rng {
  const mix = splitmix32(typeof seed === 'string' ? hashSeed(seed) : Math.trunc(seed));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm-up: the first outputs of a fresh state are weakly mixed.
  for (let i = 0; i < 12; i += 1) uint32();
  return { uint32, next: () => uint32() / 4294967296 };
}

/** An integer in [min, max], both inclusive. */
export function randomInt(rng: Rng, min: number, max: number): number {
  if (max < min) throw new RangeError(`Empty range [${min}, ${max}]`);
  return min + Math.floor(rng.next() * (max - min + 1));
}

export function chance(rng: Rng, probability: number): boolean {
  return rng.next() < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
  return items[Math.floor(rng.next() * items.length)]!;
}

/** Picks an item with probability proportional to its weight. */
export function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  return createWeightedPicker(items.map((item, i) => [item, weights[i] ?? 0] as const))(rng);
}

/**
 * Prepares a weighted choice once (cumulative weights, binary search) for use in a hot loop.
 * Entries are [item, weight]; weights need not sum to 1.
 */
export function createWeightedPicker<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const items: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [item, weight] of entries) {
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`Invalid weight ${weight}`);
    if (weight === 0) continue;
    total += weight;
    items.push(item);
    cumulative.push(total);
  }
  if (items.length === 0) throw new RangeError('Nothing to pick: all weights are zero');
  return (rng) => {
    const target = rng.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return items[low]!;
  };
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A string of `length` decimal digits (leading zeros kept). */
export function randomDigits(rng: Rng, length: number): string {
  let text = '';
  // Up to 9 digits per draw: 10^9 < 2^32, and one draw per chunk keeps the hot loop short.
  for (let left = length; left > 0; left -= 9) {
    const chunk = Math.min(9, left);
    text += String(Math.floor(rng.next() * 10 ** chunk)).padStart(chunk, '0');
  }
  return text;
}

const hex8 = (word: number) => word.toString(16).padStart(8, '0');

/** An RFC 4122 version 4 UUID ('xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx') drawn from `rng`. */
export function uuidFromRandom(rng: Rng): string {
  const a = hex8(rng.uint32());
  // Version nibble 4 (bits 12–15 of the second word), variant bits 10 (top of the third word).
  const b = hex8(((rng.uint32() & 0xffff0fff) | 0x00004000) >>> 0);
  const c = hex8(((rng.uint32() & 0x3fffffff) | 0x80000000) >>> 0);
  const d = hex8(rng.uint32());
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}
