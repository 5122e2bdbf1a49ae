/**
 * Hybrid logical clock (after Kulkarni et al. and Actual Budget's `crdt/timestamp.ts`).
 *
 * A stamp is wall-clock milliseconds + a 16-bit counter + the node id, serialized as
 * `2025-07-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b` so that plain string order is time order,
 * with the node id breaking ties. One stamp is issued per user edit and shared by every field
 * that edit changed.
 */

export const HLC_COUNTER_MAX = 0xffff;
/** Largest millisecond value whose ISO form keeps the fixed width (year 9999). */
const MAX_MILLIS = 253402300799999;
const NODE_PATTERN = /^[0-9a-f]{16}$/;
const STAMP_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

export class HlcError extends Error {
  override name = 'HlcError';
}

export function isValidNodeId(node: string): boolean {
  return NODE_PATTERN.test(node);
}

export function formatHlc({ millis, counter, node }: HlcParts): string {
  if (!Number.isInteger(millis) || millis < 0 || millis > MAX_MILLIS) {
    throw new HlcError(`Thời điểm không hợp lệ cho đồng hồ: ${millis}`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > HLC_COUNTER_MAX) {
    throw new HlcError(`Bộ đếm đồng hồ vượt giới hạn: ${counter}`);
  }
  if (!isValidNodeId(node)) throw new HlcError(`Mã máy không hợp lệ: ${node}`);
  const iso = new Date(millis).toISOString();
  return `${iso}-${counter.toString(16).toUpperCase().padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match) throw new HlcError(`Dấu thời gian không hợp lệ: ${stamp}`);
  const millis = Date.parse(match[1]!);
  if (Number.isNaN(millis) || new Date(millis).toISOString() !== match[1]) {
    throw new HlcError(`Dấu thời gian không hợp lệ: ${stamp}`);
  }
  return { millis, counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function isValidHlc(stamp: string): boolean {
  try {
    parseHlc(stamp);
    return true;
  } catch {
    return false;
  }
}

/** The larger of two stamps (string order is time order). */
export function maxHlc(a: string, b: string): string {
  return a >= b ? a : b;
}

/** A new random node id: 16 lower-case hex digits. */
export function randomNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Moves to the next logical tick, advancing the logical millisecond when the counter overflows. */
function tick(millis: number, counter: number): { millis: number; counter: number } {
  return counter > HLC_COUNTER_MAX ? { millis: millis + 1, counter: 0 } : { millis, counter };
}

export class HybridLogicalClock {
  private millis: number;
  private counter: number;

  /**
   * @param node this install's node id
   * @param last the last stamp this clock issued or observed (persisted between runs)
   * @param wallClock the computer's clock, injectable for tests
   */
  constructor(
    readonly node: string,
    last: string | undefined,
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!isValidNodeId(node)) throw new HlcError(`Mã máy không hợp lệ: ${node}`);
    const parts = last ? parseHlc(last) : { millis: 0, counter: 0 };
    this.millis = parts.millis;
    this.counter = parts.counter;
  }

  /** The newest stamp this clock has issued or observed. */
  get last(): string {
    return formatHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  /** Issues a stamp for a local edit; every call returns a stamp greater than all before it. */
  now(): string {
    const physical = this.wallClock();
    const next =
      physical > this.millis
        ? { millis: physical, counter: 0 }
        : tick(this.millis, this.counter + 1);
    this.millis = next.millis;
    this.counter = next.counter;
    return this.last;
  }

  /**
   * Takes in a stamp received from another laptop, so the next local stamp is greater than it.
   * Callers bound incoming stamps first (the sync clock guard): this method trusts its input.
   */
  observe(stamp: string): void {
    const remote = parseHlc(stamp);
    const physical = this.wallClock();
    const millis = Math.max(physical, this.millis, remote.millis);
    let counter: number;
    if (millis === this.millis && millis === remote.millis) counter = Math.max(this.counter, remote.counter) + 1;
    else if (millis === this.millis) counter = this.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    else counter = 0;
    const next = tick(millis, counter);
    this.millis = next.millis;
    this.counter = next.counter;
  }
}
