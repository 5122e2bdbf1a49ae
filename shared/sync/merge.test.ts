import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import type { VersionVector } from './bundleTypes';
import { canonicalRecord, mergeRecord, toSyncRecord, type SyncRecord } from './merge';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const T0 = Date.UTC(2026, 10, 1, 8);
/** Stamp `minutes` after T0 on laptop `node`. */
const s = (minutes: number, node = A, counter = 0) =>
  formatHlc({ millis: T0 + minutes * 60_000, counter, node });
const rec = (over: Partial<SyncRecord> & Record<string, unknown>): SyncRecord => ({
  id: 'r1',
  deleted: 0,
  _h: s(0),
  _v: {},
  ...over,
});

describe('mergeRecord: one field, last writer wins', () => {
  const cases: {
    name: string;
    local: SyncRecord;
    incoming: SyncRecord;
    expected: Record<string, unknown>;
    outcome: string;
  }[] = [
    {
      name: 'a newer incoming value wins',
      local: rec({ phone: '0912', _v: { phone: s(1) } }),
      incoming: rec({ phone: '0988', _v: { phone: s(2, B) } }),
      expected: { phone: '0988', _v: { phone: s(2, B) } },
      outcome: 'updated',
    },
    {
      name: 'an older incoming value loses (stale-safe)',
      local: rec({ phone: '0912', _v: { phone: s(5) } }),
      incoming: rec({ phone: '0988', _v: { phone: s(2, B) } }),
      expected: { phone: '0912', _v: { phone: s(5) } },
      outcome: 'unchanged',
    },
    {
      name: 'the node id breaks a tie of time and counter',
      local: rec({ phone: '0912', _v: { phone: s(2, A) } }),
      incoming: rec({ phone: '0988', _v: { phone: s(2, B) } }),
      expected: { phone: '0988' },
      outcome: 'updated',
    },
    {
      name: 'the same stamp is the same write: nothing to do',
      local: rec({ phone: '0912', _v: { phone: s(2) } }),
      incoming: rec({ phone: '0912', _v: { phone: s(2) } }),
      expected: { phone: '0912' },
      outcome: 'unchanged',
    },
    {
      name: 'a newer clear removes the value and keeps its stamp',
      local: rec({ phone: '0912', _v: { phone: s(1) } }),
      incoming: rec({ _v: { phone: s(3, B) } }),
      expected: { phone: undefined, _v: { phone: s(3, B) } },
      outcome: 'updated',
    },
    {
      name: 'different fields edited on two laptops both survive',
      local: rec({ phone: '0912', notes: 'cũ', _v: { phone: s(4) } }),
      incoming: rec({ phone: '0900', notes: 'mới', _v: { notes: s(3, B) } }),
      expected: { phone: '0912', notes: 'mới', _v: { phone: s(4), notes: s(3, B) } },
      outcome: 'updated',
    },
    {
      name: 'a tombstone deletes',
      local: rec({ fullName: 'An' }),
      incoming: rec({ fullName: 'An', deleted: 1, _v: { deleted: s(2, B) } }),
      expected: { deleted: 1 },
      outcome: 'deleted',
    },
    {
      name: 'a newer edit does not resurrect a deleted record, but is kept',
      local: rec({ fullName: 'An', deleted: 1, _v: { deleted: s(2) } }),
      incoming: rec({ fullName: 'Bình', _v: { fullName: s(3, B) } }),
      expected: { deleted: 1, fullName: 'Bình' },
      outcome: 'updated',
    },
    {
      name: 'only a stamped restore brings a record back',
      local: rec({ fullName: 'An', deleted: 1, _v: { deleted: s(2) } }),
      incoming: rec({ fullName: 'An', deleted: 0, _v: { deleted: s(4, B) } }),
      expected: { deleted: 0 },
      outcome: 'restored',
    },
    {
      name: 'an old restore does not undo a newer delete',
      local: rec({ deleted: 1, _v: { deleted: s(6) } }),
      incoming: rec({ deleted: 0, _v: { deleted: s(4, B) } }),
      expected: { deleted: 1 },
      outcome: 'unchanged',
    },
    {
      name: 'unknown fields of a newer version are kept with their stamps',
      local: rec({ phone: '0912' }),
      incoming: rec({ phone: '0912', futureField: { a: 1 }, _v: { futureField: s(3, B) } }),
      expected: { futureField: { a: 1 }, _v: { futureField: s(3, B) } },
      outcome: 'updated',
    },
    {
      name: 'two creations of one key: the later creation writes every field',
      local: rec({ _h: s(1), versions: ['a'], extra: 'x' }),
      incoming: rec({ _h: s(2, B), versions: ['b'] }),
      expected: { _h: s(2, B), versions: ['b'], extra: undefined, _v: {} },
      outcome: 'updated',
    },
    {
      name: 'a newer stamp with the same value changes only the stamp',
      local: rec({ phone: '0912', _v: { phone: s(1) } }),
      incoming: rec({ phone: '0912', _v: { phone: s(2, B) } }),
      expected: { phone: '0912', _v: { phone: s(2, B) } },
      outcome: 'updated',
    },
  ];
  it.each(cases)('$name', ({ local, incoming, expected, outcome }) => {
    const result = mergeRecord(local, incoming);
    expect(result.outcome).toBe(outcome);
    for (const [key, value] of Object.entries(expected)) expect(result.record[key]).toEqual(value);
    expect(result.changed).toBe(outcome !== 'unchanged');
  });

  it('a new record is taken whole, and lists its fields as new', () => {
    const incoming = rec({ fullName: 'An', phone: null });
    const result = mergeRecord(undefined, incoming);
    expect(result.outcome).toBe('new');
    expect(result.record).toEqual({ id: 'r1', deleted: 0, _h: s(0), _v: {}, fullName: 'An' });
    expect(result.changes.map((c) => c.field)).toEqual(['fullName']);
  });

  it('lists changed fields old → new with their stamps', () => {
    const result = mergeRecord(
      rec({ phone: '0912', _v: { phone: s(1) } }),
      rec({ phone: '0988', notes: 'x', _v: { phone: s(2, B), notes: s(2, B) } }),
    );
    expect(result.changes).toEqual([
      { field: 'notes', old: undefined, new: 'x', oldStamp: s(0), newStamp: s(2, B) },
      { field: 'phone', old: '0912', new: '0988', oldStamp: s(1), newStamp: s(2, B) },
    ]);
  });

  it('two different values under one stamp resolve the same way on both sides', () => {
    const x = rec({ phone: '1', _v: { phone: s(2) } });
    const y = rec({ phone: '2', _v: { phone: s(2) } });
    expect(mergeRecord(x, y).record).toEqual(mergeRecord(y, x).record);
  });

  it('refuses to merge two different records', () => {
    expect(() => mergeRecord(rec({ id: 'a' }), rec({ id: 'b' }))).toThrow();
  });
});

describe('mergeRecord: conflicts judged with version vectors', () => {
  const local = rec({ phone: '0912', _v: { phone: s(5, A) } });
  const incoming = rec({ phone: '0988', _v: { phone: s(6, B) } });
  const cases: { name: string; localVV: VersionVector; sourceVV: VersionVector; conflict: boolean }[] = [
    {
      name: 'neither had seen the other: a conflict, the newer stamp wins',
      localVV: { [A]: s(5, A) },
      sourceVV: { [B]: s(6, B), [A]: s(0, A) },
      conflict: true,
    },
    {
      name: 'the file’s writer had seen the local write: an ordinary later edit',
      localVV: { [A]: s(5, A) },
      sourceVV: { [B]: s(6, B), [A]: s(5, A) },
      conflict: false,
    },
    {
      name: 'the local laptop had seen the incoming write already',
      localVV: { [A]: s(5, A), [B]: s(6, B) },
      sourceVV: { [B]: s(6, B) },
      conflict: false,
    },
    {
      name: 'an empty source vector (unknown history) counts as not seen',
      localVV: {},
      sourceVV: {},
      conflict: true,
    },
  ];
  it.each(cases)('$name', ({ localVV, sourceVV, conflict }) => {
    const result = mergeRecord(local, incoming, { localVV, sourceVV });
    expect(result.conflicts.length > 0).toBe(conflict);
    expect(result.record.phone).toBe('0988');
    if (conflict)
      expect(result.conflicts[0]).toEqual({
        field: 'phone',
        localValue: '0912',
        localStamp: s(5, A),
        incomingValue: '0988',
        incomingStamp: s(6, B),
        winner: 'incoming',
      });
  });

  it('an edit of a field the creation left empty is no conflict, even with empty vectors', () => {
    const created = rec({ _h: s(1, A) });
    const edited = rec({ _h: s(1, A), phone: '0988', _v: { phone: s(6, B) } });
    expect(mergeRecord(created, edited, { localVV: {}, sourceVV: {} }).conflicts).toEqual([]);
  });

  it('concurrent writes of the same value are no conflict', () => {
    const same = rec({ phone: '0912', _v: { phone: s(6, B) } });
    expect(mergeRecord(local, same, { localVV: {}, sourceVV: {} }).conflicts).toEqual([]);
  });

  it('the local side can win a conflict', () => {
    const older = rec({ phone: '0900', _v: { phone: s(3, B) } });
    const result = mergeRecord(local, older, { localVV: {}, sourceVV: {} });
    expect(result.conflicts[0]).toMatchObject({ winner: 'local', incomingValue: '0900' });
    expect(result.outcome).toBe('unchanged');
  });
});

describe('record forms', () => {
  it('toSyncRecord drops derived fields and keeps the envelope', () => {
    expect(
      toSyncRecord({ id: 'x', deleted: 0, _h: s(0), _v: {}, _maxHlc: s(0), _nameKey: 'k', a: 1 }),
    ).toEqual({
      id: 'x',
      deleted: 0,
      _h: s(0),
      _v: {},
      a: 1,
    });
  });
  it('canonicalRecord drops empty values and stamps equal to the creation', () => {
    expect(canonicalRecord(rec({ a: null, b: 2, _v: { b: s(0), c: s(1) } }))).toEqual({
      id: 'r1',
      deleted: 0,
      _h: s(0),
      _v: { c: s(1) },
      b: 2,
    });
  });
});
