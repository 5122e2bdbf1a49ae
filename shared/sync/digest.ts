/**
 * A short digest of all synced records (the sync status screen shows it): two laptops that have
 * exchanged both ways hold the same records, hence the same digest. Order-independent: each record
 * (table, canonical form) is hashed to 64 bits and the hashes are summed modulo 2^64, so it can
 * be computed while streaming in any order. Not a security check — files carry SHA-256 for that.
 */
import { canonicalJson } from './record';
import type { SyncRecord } from './merge';

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

const isBusinessKey = (key: string) => key !== 'id' && key.charCodeAt(0) !== 95; /* '_' */

/** An array index key ('0', '17'): objects list these first, in numeric order, whatever the insertion order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
const isIndexKey = (key: string) => {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && INDEX_KEY.test(key) && Number(key) < 4294967295;
};

/** Sorts keys as a JSON object built from them in sorted order lists them (canonicalJson's order). */
function inObjectOrder(keys: string[]): void {
  keys.sort();
  if (!keys.some(isIndexKey)) return;
  const indexes = keys.filter(isIndexKey).sort((x, y) => Number(x) - Number(y));
  const others = keys.filter((key) => !isIndexKey(key));
  keys.splice(0, keys.length, ...indexes, ...others);
}

/**
 * `canonicalJson(canonicalRecord(record))` written directly, without building the canonical record
 * and its sorted copy (the digest reads every record of the register; digest.test.ts checks that
 * both texts are equal). Derived `_` fields of a stored row are ignored, as `canonicalRecord` does.
 */
export function canonicalRecordText(record: SyncRecord): string {
  const h = record._h;
  const v = record._v;
  const keys: string[] = ['_v', 'deleted'];
  if (h !== undefined) keys.push('_h');
  if (record.id !== undefined) keys.push('id');
  const stamped: string[] = [];
  for (const key in record) {
    if (!Object.hasOwn(record, key) || !isBusinessKey(key) || key === 'deleted') continue;
    const value = record[key];
    if (value !== undefined && value !== null) keys.push(key);
  }
  for (const key in v) {
    if (!Object.hasOwn(v, key) || !isBusinessKey(key)) continue;
    const stamp = v[key];
    if (stamp !== undefined && stamp !== null && stamp !== h) stamped.push(key);
  }
  inObjectOrder(keys);
  inObjectOrder(stamped);
  const parts: string[] = [];
  for (const key of keys) {
    let value: string | undefined;
    if (key === '_h') value = JSON.stringify(h);
    else if (key === 'deleted') value = record.deleted === 1 ? '1' : '0';
    else if (key === 'id') value = JSON.stringify(record.id);
    else if (key === '_v') value = `{${stamped.map((f) => `${JSON.stringify(f)}:${JSON.stringify(v[f])}`).join(',')}}`;
    else {
      const cell = record[key];
      value = typeof cell === 'object' ? canonicalJson(cell) : (JSON.stringify(cell));
    }
    // As JSON.stringify does inside an object: a key whose value has no JSON is left out.
    if (value !== undefined) parts.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${parts.join(',')}}`;
}

export class DataDigest {
  private high = 0;
  private low = 0;
  count = 0;

  add(table: string, record: SyncRecord): void {
    const [a, b] = hash64(`${table}\u0000${canonicalRecordText(record)}`);
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
