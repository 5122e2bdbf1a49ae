import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chance,
  createRng,
  createWeightedPicker,
  pick,
  randomDigits,
  randomInt,
  shuffled,
  uuidFromRandom,
  weightedPick,
} from './random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seeded random', () => {
  it('gives the same sequence for the same seed, and a different one for another seed', () => {
    const draw = (seed: number | string) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw('phuc-loi')).toEqual(draw('phuc-loi'));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw('0x'));
  });

  it('keeps floats in [0, 1) and spreads them evenly', () => {
    const rng = createRng(7);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const x = rng.next();
      if (x < 0 || x >= 1) outside += 1;
      else buckets[Math.floor(x * 10)]! += 1;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws integers within inclusive bounds, reaching both ends', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 20 }),
        (seed, min, span) => {
          const rng = createRng(seed);
          const seen = new Set<number>();
          for (let i = 0; i < 400; i += 1) {
            const n = randomInt(rng, min, min + span);
            expect(n).toBeGreaterThanOrEqual(min);
            expect(n).toBeLessThanOrEqual(min + span);
            seen.add(n);
          }
          expect(seen.has(min) && seen.has(min + span)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('picks by weight, never a zero-weight item', () => {
    const rng = createRng(1);
    const counts = { a: 0, b: 0, c: 0 };
    const pickLetter = createWeightedPicker<keyof typeof counts>([
      ['a', 3],
      ['b', 1],
      ['c', 0],
    ]);
    for (let i = 0; i < 40_000; i += 1) counts[pickLetter(rng)] += 1;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
    expect(weightedPick(rng, ['x', 'y'], [0, 5])).toBe('y');
    expect(() => createWeightedPicker([['x', 0]])).toThrow(RangeError);
  });

  it('shuffles into a permutation, picks members, and draws digits', () => {
    const rng = createRng(3);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const result = shuffled(rng, items);
    expect(result).not.toEqual(items);
    expect([...result].sort((x, y) => x - y)).toEqual(items);
    expect(items).toContain(pick(rng, items));
    expect(randomDigits(rng, 8)).toMatch(/^\d{8}$/);
    expect(typeof chance(rng, 0.5)).toBe('boolean');
    expect(chance(rng, 0)).toBe(false);
  });
});

describe('uuidFromRandom', () => {
  it('produces distinct RFC 4122 version 4 UUIDs, deterministically', () => {
    const rng = createRng(99);
    const ids = Array.from({ length: 10_000 }, () => uuidFromRandom(rng));
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidFromRandom(createRng(5))).toBe(uuidFromRandom(createRng(5)));
  });
});
