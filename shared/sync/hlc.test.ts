import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHlc, HLC_COUNTER_MAX, HybridLogicalClock, isValidHlc, maxHlc, parseHlc, randomNodeId } from './hlc';

const NODE_A = '1a2b3c4d5e6f7a8b';
const NODE_B = 'ffffffffffffffff';

describe('HLC stamp format', () => {
  it.each([
    [{ millis: Date.UTC(2025, 6, 15, 8, 30), counter: 0, node: NODE_A }, '2025-07-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b'],
    [{ millis: 0, counter: 0xffff, node: NODE_B }, '1970-01-01T00:00:00.000Z-FFFF-ffffffffffffffff'],
    [{ millis: Date.UTC(2026, 10, 26, 23, 59, 59, 999), counter: 42, node: NODE_A }, '2026-11-26T23:59:59.999Z-002A-1a2b3c4d5e6f7a8b'],
  ])('formats %o as %s and parses it back', (parts, text) => {
    expect(formatHlc(parts)).toBe(text);
    expect(parseHlc(text)).toEqual(parts);
  });

  it.each([
    'garbage',
    '2025-07-15T08:30:00.000Z-0000-1A2B3C4D5E6F7A8B',
    '2025-07-15T08:30:00.000Z-00000-1a2b3c4d5e6f7a8b',
    '2025-13-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b',
    '2025-02-30T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b',
    '2025-07-15T08:30:00Z-0000-1a2b3c4d5e6f7a8b',
  ])('refuses the malformed stamp %s', (text) => {
    expect(isValidHlc(text)).toBe(false);
    expect(() => parseHlc(text)).toThrow();
  });

  it.each([
    [{ millis: -1, counter: 0, node: NODE_A }],
    [{ millis: 0, counter: HLC_COUNTER_MAX + 1, node: NODE_A }],
    [{ millis: 0, counter: 0, node: 'xyz' }],
  ])('refuses to format out-of-range parts %o', (parts) => {
    expect(() => formatHlc(parts)).toThrow();
  });

  it('string order is time order, then counter, then node', () => {
    const parts = fc.record({
      millis: fc.integer({ min: 0, max: 253402300799999 }),
      counter: fc.integer({ min: 0, max: HLC_COUNTER_MAX }),
      node: fc.constantFrom(NODE_A, NODE_B, '0000000000000001'),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts =
          a.millis !== b.millis ? a.millis - b.millis : a.counter !== b.counter ? a.counter - b.counter : a.node.localeCompare(b.node);
        const byText = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(byText)).toBe(Math.sign(byParts));
      }),
    );
  });

  it('makes random node ids of 16 hex digits', () => {
    expect(randomNodeId()).toMatch(/^[0-9a-f]{16}$/);
    expect(randomNodeId()).not.toBe(randomNodeId());
  });

  it('maxHlc picks the later stamp', () => {
    const early = formatHlc({ millis: 1000, counter: 5, node: NODE_B });
    const late = formatHlc({ millis: 1001, counter: 0, node: NODE_A });
    expect(maxHlc(early, late)).toBe(late);
    expect(maxHlc(late, early)).toBe(late);
  });
});

describe('HybridLogicalClock', () => {
  it('uses the wall clock when it moves forward', () => {
    let wall = Date.UTC(2025, 6, 15);
    const clock = new HybridLogicalClock(NODE_A, undefined, () => wall);
    expect(parseHlc(clock.now())).toEqual({ millis: wall, counter: 0, node: NODE_A });
    wall += 5;
    expect(parseHlc(clock.now())).toEqual({ millis: wall, counter: 0, node: NODE_A });
  });

  it('counts up within one millisecond and when the wall clock goes back', () => {
    let wall = Date.UTC(2025, 6, 15);
    const clock = new HybridLogicalClock(NODE_A, undefined, () => wall);
    const first = clock.now();
    const second = clock.now();
    wall -= 60_000;
    const third = clock.now();
    expect(parseHlc(second).counter).toBe(1);
    expect(parseHlc(third)).toEqual({ millis: Date.UTC(2025, 6, 15), counter: 2, node: NODE_A });
    expect(first < second && second < third).toBe(true);
  });

  it('advances the logical millisecond instead of overflowing the counter', () => {
    const wall = Date.UTC(2025, 6, 15);
    const last = formatHlc({ millis: wall, counter: HLC_COUNTER_MAX, node: NODE_A });
    const clock = new HybridLogicalClock(NODE_A, last, () => wall);
    expect(parseHlc(clock.now())).toEqual({ millis: wall + 1, counter: 0, node: NODE_A });
  });

  it('resumes after its persisted last stamp', () => {
    const wall = Date.UTC(2025, 6, 15);
    const last = formatHlc({ millis: wall + 10_000, counter: 3, node: NODE_A });
    const clock = new HybridLogicalClock(NODE_A, last, () => wall);
    expect(clock.now() > last).toBe(true);
  });

  it('stamps after observing a remote stamp are greater than it', () => {
    const wall = Date.UTC(2025, 6, 15);
    const clock = new HybridLogicalClock(NODE_A, undefined, () => wall);
    const remote = formatHlc({ millis: wall + 3_600_000, counter: 7, node: NODE_B });
    clock.observe(remote);
    const next = clock.now();
    expect(next > remote).toBe(true);
    expect(parseHlc(next).millis).toBe(wall + 3_600_000);
  });

  it('is strictly monotonic under any mix of skewed wall clocks, sends and receives', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), jump: fc.integer({ min: -100_000, max: 100_000 }) }),
      fc.record({
        kind: fc.constant('recv' as const),
        jump: fc.integer({ min: -100_000, max: 100_000 }),
        remoteOffset: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        remoteCounter: fc.integer({ min: 0, max: HLC_COUNTER_MAX }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 200 }), (steps) => {
        let wall = Date.UTC(2025, 6, 15);
        const clock = new HybridLogicalClock(NODE_A, undefined, () => wall);
        let previous = '';
        for (const s of steps) {
          wall = Math.max(0, wall + s.jump);
          if (s.kind === 'send') {
            const stamp = clock.now();
            expect(stamp > previous).toBe(true);
            previous = stamp;
          } else {
            const remote = formatHlc({ millis: Math.max(0, wall + s.remoteOffset), counter: s.remoteCounter, node: NODE_B });
            clock.observe(remote);
            const stamp = clock.now();
            expect(stamp > remote).toBe(true);
            expect(stamp > previous).toBe(true);
            previous = stamp;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
