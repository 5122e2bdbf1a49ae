/**
 * The merge of one record is a join (sync.md "Model"): commutative, associative and idempotent,
 * checked on random records with random stamps from three laptops, clears, deletes and unknown fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { canonicalRecord, mergeRecord, sameCell, type SyncRecord } from './merge';
import { canonicalJson, sameValue } from './record';

const NODES = ['1111111111111111', '2222222222222222', '3333333333333333'];
const T0 = Date.UTC(2026, 10, 1);
const stampArb = fc
  .record({ minute: fc.nat({ max: 20 }), counter: fc.nat({ max: 2 }), node: fc.constantFrom(...NODES) })
  .map(({ minute, counter, node }) => formatHlc({ millis: T0 + minute * 60_000, counter, node }));
const FIELDS = ['fullName', 'phone', 'notes', 'organizationId', 'futureField'];
const valueArb = fc.oneof(
  fc.constantFrom('An', 'Bình', 'Cường', 'x'),
  fc.constant(undefined),
  fc.record({ a: fc.nat({ max: 2 }) }),
);

/** A well-formed record: every field stamp at or after its creation. */
const recordArb: fc.Arbitrary<SyncRecord> = fc
  .record({
    h: stampArb,
    deleted: fc.constantFrom<0 | 1>(0, 1),
    cells: fc.array(
      fc.record({ field: fc.constantFrom(...FIELDS, 'deleted'), value: valueArb, later: stampArb }),
      {
        maxLength: 6,
      },
    ),
  })
  .map(({ h, deleted, cells }) => {
    const record: Record<string, unknown> = { id: 'r', deleted, _h: h, _v: {} };
    for (const cell of cells) {
      const stamp = cell.later > h ? cell.later : h;
      if (cell.field === 'deleted') record.deleted = cell.value === undefined ? 0 : 1;
      else if (cell.value === undefined) delete record[cell.field];
      else record[cell.field] = cell.value;
      (record._v as Record<string, string>)[cell.field] = stamp;
    }
    return canonicalRecord(record as SyncRecord);
  });

const join = (a: SyncRecord, b: SyncRecord) => mergeRecord(a, b).record;
const text = (r: SyncRecord) => canonicalJson(r);

describe('mergeRecord is a join', () => {
  const params = { numRuns: 2000 };
  it('commutative', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => text(join(a, b)) === text(join(b, a))),
      params,
    );
  });
  it('associative', () => {
    fc.assert(
      fc.property(
        recordArb,
        recordArb,
        recordArb,
        (a, b, c) => text(join(join(a, b), c)) === text(join(a, join(b, c))),
      ),
      params,
    );
  });
  it('idempotent, and merging what one already has changes nothing', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(text(join(a, a))).toBe(text(a));
        expect(mergeRecord(a, a).outcome).toBe('unchanged');
        const ab = join(a, b);
        expect(mergeRecord(ab, b).changed).toBe(false);
        expect(mergeRecord(ab, a).changed).toBe(false);
      }),
      params,
    );
  });
  it('every field of the result is the newer of the two (stale-safe)', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const ab = join(a, b);
        for (const field of [...FIELDS, 'deleted']) {
          const stamp = (r: SyncRecord) => r._v[field] ?? r._h;
          const newest = stamp(a) > stamp(b) ? stamp(a) : stamp(b);
          expect(stamp(ab)).toBe(newest);
        }
      }),
      params,
    );
  });
});

describe('sameCell', () => {
  it('agrees with the write path’s sameValue on any JSON values', () => {
    const json = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.record({ a: fc.option(fc.nat({ max: 2 }), { nil: undefined }) }),
    );
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameCell(a, b)).toBe(sameValue(a, b));
        expect(sameCell(a, a)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
