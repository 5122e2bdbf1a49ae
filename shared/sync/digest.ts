/**
 * A short digest of all synced records (the sync status screen shows it): two laptops that have
 * exchanged both ways hold the same records, hence the same digest. Order-independent: each record
 * (table, canonical form) is hashed to 64 bits and the hashes are summed modulo 2^64, so it can
 * be computed while streaming in any order. Not a security check — files carry SHA-256 for that.
 */
import { canonicalJson } from './record';
import { canonicalRecord, type SyncRecord } from './merge';

/** Two independent 32-bit hashes of a string (cyrb53-style mixing), as a pair. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

export class DataDigest {
  private high = 0;
  private low = 0;
  count = 0;

  add(table: string, record: SyncRecord): void {
    const [a, b] = hash64(`${table}\u0000${canonicalJson(canonicalRecord(record))}`);
    const low = this.low + b;
    this.low = low >>> 0;
    this.high = (this.high + a + (low > 0xffffffff ? 1 : 0)) >>> 0;
    this.count++;
  }

  /** 16 hex digits; the screen may show the first 8. */
  toString(): string {
    return this.high.toString(16).padStart(8, '0') + this.low.toString(16).padStart(8, '0');
  }
}

export function digestRecords(lines: Iterable<{ t: string; r: SyncRecord }>): string {
  const digest = new DataDigest();
  for (const line of lines) digest.add(line.t, line.r);
  return digest.toString();
}
