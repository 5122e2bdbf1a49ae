import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  computeMaxHlc,
  fieldStamp,
  sameValue,
  stampCreate,
  stampDeleted,
  stampEdit,
  type StoredRecord,
} from './record';
import { formatHlc } from './hlc';

const NODE = '1a2b3c4d5e6f7a8b';
const t = (ms: number) => formatHlc({ millis: Date.UTC(2025, 6, 15) + ms, counter: 0, node: NODE });
const ID = '9d0c1f7e-3b1a-4e8b-9c55-0a1b2c3d4e5f';

function created(fields: Record<string, unknown>): StoredRecord {
  return stampEdit(undefined, { id: ID, ...fields }, t(0))!.record;
}

describe('creating a record', () => {
  it('stamps it with one creation stamp and no overrides', () => {
    const edit = stampEdit(undefined, { id: ID, fullName: 'Nguyễn Văn An', sex: 'male', notes: undefined }, t(0))!;
    expect(edit.kind).toBe('create');
    expect(edit.record).toEqual({ id: ID, fullName: 'Nguyễn Văn An', sex: 'male', deleted: 0, _h: t(0), _v: {}, _maxHlc: t(0) });
    expect(edit.changes.map((c) => c.field)).toEqual(['fullName', 'sex']);
  });

  it('ignores envelope keys that a draft may carry', () => {
    const edit = stampEdit(undefined, { id: ID, fullName: 'A', _h: 'forged', _v: { x: 'y' }, deleted: 1 }, t(0))!;
    expect(edit.record._h).toBe(t(0));
    expect(edit.record._v).toEqual({});
  });

  // stampCreate is the bulk creation's stamping (stampEdit of nothing stored, without the changes).
  const envelope = { id: ID, deleted: 0, _h: t(5), _v: {}, _maxHlc: t(5) };
  it.each([
    ['plain fields', { fullName: 'Nguyễn Văn An', sex: 'male' }, { fullName: 'Nguyễn Văn An', sex: 'male' }],
    ['empty values left out', { fullName: 'B', notes: undefined, alias: null, phone: '' }, { fullName: 'B', phone: '' }],
    ['a nested object and a number', { hometown: { province: 'Hà Nội' }, dossierNumber: 12 }, { hometown: { province: 'Hà Nội' }, dossierNumber: 12 }],
    ['envelope and derived keys dropped', { fullName: 'C', _h: 'forged', _v: { x: 'y' }, _maxHlc: 'z', _nameKey: 'k', deleted: 1 }, { fullName: 'C' }],
    ['nothing but the id', {}, {}],
  ])('stampCreate of %s', (_label, fields, stored) => {
    const draft = { id: ID, ...fields };
    expect(stampCreate(draft, t(5))).toEqual({ ...stored, ...envelope });
    expect(stampEdit(undefined, draft, t(5))).toMatchObject({ kind: 'create', record: { ...stored, ...envelope } });
  });
});

describe('editing a record stamps only the fields that really changed', () => {
  const base = created({ fullName: 'Nguyễn Văn An', birthDate: '1960-04-12', hometown: { province: 'Hà Nội' } });

  it.each([
    ['the same values', { fullName: 'Nguyễn Văn An', birthDate: '1960-04-12' }, null],
    ['an equal object with keys in another order', { hometown: { province: 'Hà Nội' } }, null],
    ['an empty value over a missing field', { notes: undefined, alias: null }, null],
    ['one changed field', { fullName: 'Nguyễn Văn Ân' }, ['fullName']],
    ['a changed nested object', { hometown: { province: 'Bắc Ninh' } }, ['hometown']],
    ['a cleared field', { birthDate: undefined }, ['birthDate']],
    ['a new field', { phone: '0912345678' }, ['phone']],
  ])('%s', (_label, patch, expected) => {
    const edit = stampEdit(base, { id: ID, ...patch }, t(10));
    if (expected === null) {
      expect(edit).toBeNull();
      return;
    }
    expect(edit!.kind).toBe('update');
    expect(edit!.changes.map((c) => c.field)).toEqual(expected);
    for (const field of expected) expect(fieldStamp(edit!.record, field)).toBe(t(10));
    expect(fieldStamp(edit!.record, 'fullName')).toBe(expected.includes('fullName') ? t(10) : t(0));
    expect(edit!.record._maxHlc).toBe(t(10));
  });

  it('records old and new values', () => {
    const edit = stampEdit(base, { id: ID, fullName: 'Trần Thị Bình' }, t(10))!;
    expect(edit.changes).toEqual([{ field: 'fullName', old: 'Nguyễn Văn An', new: 'Trần Thị Bình' }]);
  });

  it('removes a cleared field from the stored row but keeps its stamp', () => {
    const edit = stampEdit(base, { id: ID, birthDate: null }, t(10))!;
    expect('birthDate' in edit.record).toBe(false);
    expect(edit.record._v.birthDate).toBe(t(10));
  });

  it('never changes the deleted flag through an edit', () => {
    const deleted = stampDeleted(base, true, t(5))!.record;
    expect(stampEdit(deleted, { id: ID, deleted: 0 }, t(10))).toBeNull();
  });
});

describe('deleting and restoring', () => {
  const base = created({ fullName: 'A' });
  it('deletes with a stamped tombstone, then restores', () => {
    const del = stampDeleted(base, true, t(5))!;
    expect(del.kind).toBe('delete');
    expect(del.record.deleted).toBe(1);
    expect(fieldStamp(del.record, 'deleted')).toBe(t(5));
    const res = stampDeleted(del.record, false, t(9))!;
    expect(res.kind).toBe('restore');
    expect(res.record.deleted).toBe(0);
    expect(res.record._maxHlc).toBe(t(9));
  });
  it('does nothing when the record is already in that state', () => {
    expect(stampDeleted(base, false, t(5))).toBeNull();
  });
});

describe('helpers', () => {
  it.each([
    [1, 1, true],
    ['a', 'a', true],
    ['a', 'b', false],
    [null, undefined, true],
    ['', undefined, false],
    [0, null, false],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [[1, 2], [2, 1], false],
  ])('sameValue(%o, %o) is %s', (a, b, expected) => {
    expect(sameValue(a, b)).toBe(expected);
  });

  it('canonical JSON does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it('computes the largest stamp of a record', () => {
    expect(computeMaxHlc({ _h: t(0), _v: { a: t(7), b: t(3) } })).toBe(t(7));
    expect(computeMaxHlc({ _h: t(0), _v: {} })).toBe(t(0));
  });
});
