/**
 * The digest's record text is exactly canonical JSON of the canonical record, so the faster text
 * changes no digest: checked on the demo ward as stored, and on random records of every shape.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoWard } from '../demo/generator';
import { canonicalRecord, type SyncRecord } from './merge';
import { canonicalJson } from './record';
import { canonicalRecordText, digestRecords } from './digest';

const reference = (r: SyncRecord) => canonicalJson(canonicalRecord(r));
const H = '2025-07-01T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
const LATER = '2025-07-02T08:00:00.000Z-0000-bbbbbbbbbbbbbbbb';

describe('the digest text of a record', () => {
  it('equals canonical JSON of the canonical record on the demo ward, stored with derived fields', () => {
    const ward = generateDemoWard({ seed: 'digest', memberCount: 300 });
    const records = [...ward.organizations, ...ward.members, ...ward.events].map((r, i) => ({
      ...r,
      deleted: i % 50 === 0 ? 1 : 0,
      _h: H,
      _v: i % 7 === 0 ? { phone: LATER, deleted: LATER, notes: H } : {},
      _maxHlc: LATER,
      _nameKey: 'an nguyen van',
    })) as unknown as SyncRecord[];
    for (const r of records) expect(canonicalRecordText(r)).toBe(reference(r));
  });

  it.each([
    ['null and undefined fields', { id: 'x', deleted: 0, _h: H, _v: {}, a: null, b: undefined, c: '' }],
    ['a stamp equal to the creation', { id: 'x', deleted: 0, _h: H, _v: { a: H, b: LATER }, a: 1 }],
    ['a stamped field with no value', { id: 'x', deleted: 1, _h: H, _v: { gone: LATER } }],
    ['stamps of non-business keys', { id: 'x', deleted: 0, _h: H, _v: { id: LATER, _x: LATER, deleted: LATER } }],
    ['nested objects and arrays', { id: 'x', deleted: 0, _h: H, _v: {}, z: { b: 1, a: [{ d: 1, c: undefined }, null, undefined] } }],
    ['keys that sort around _', { id: 'x', deleted: 0, _h: H, _v: {}, Z: 1, a: 2, A: 3, é: 4, '0': 5 }],
    ['a deleted flag other than 0 or 1', { id: 'x', deleted: 2 as 0, _h: H, _v: {} }],
  ])('%s', (_, record) => {
    expect(canonicalRecordText(record as SyncRecord)).toBe(reference(record as SyncRecord));
  });

  it('equals the reference on random records', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined))),
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined))),
    );
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('id', 'deleted', '_h', '_x', 'name', 'Name'));
    fc.assert(
      fc.property(
        fc.dictionary(key, value),
        fc.dictionary(key, fc.oneof(fc.constant(H), fc.constant(LATER))),
        fc.constantFrom(0, 1),
        (fields, v, deleted) => {
          const record = { ...fields, id: 'r1', deleted, _h: H, _v: v } as SyncRecord;
          expect(canonicalRecordText(record)).toBe(reference(record));
        },
      ),
      { numRuns: 10000 },
    );
  });

  it('equals the reference on random records already in canonical form (the one-call path)', () => {
    // Flat values, none empty, every field stamp later than the creation: what the write path
    // stores, and what canonicalRecordText writes with one JSON.stringify. Keys that sort oddly,
    // or that an object inherits, included.
    const key = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('0', '10', '2', 'a', 'Z', 'é', '__proto__', 'toString', 'constructor', 'name', 'phone'),
    );
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(
        fc.dictionary(key, value),
        fc.dictionary(key, fc.constant(LATER)),
        fc.constantFrom(0, 1),
        fc.boolean(),
        (fields, v, deleted, derived) => {
          const record = { ...fields, id: 'r1', deleted, _h: H, _v: v, ...(derived ? { _maxHlc: LATER } : {}) } as SyncRecord;
          expect(canonicalRecordText(record)).toBe(reference(record));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('the digest of records does not depend on their order or on derived fields', () => {
    const a = { id: 'a', deleted: 0, _h: H, _v: {}, name: 'Chi bộ 1' } as SyncRecord;
    const b = { id: 'b', deleted: 0, _h: H, _v: { name: LATER }, name: 'Chi bộ 2' } as SyncRecord;
    expect(digestRecords([{ t: 'organizations', r: a }, { t: 'organizations', r: b }])).toBe(
      digestRecords([{ t: 'organizations', r: { ...b, _maxHlc: LATER } }, { t: 'organizations', r: a }]),
    );
    expect(digestRecords([{ t: 'organizations', r: a }])).not.toBe(digestRecords([{ t: 'members', r: a }]));
  });
});
