import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import type { VersionVector } from './bundleTypes';
import {
  covers,
  lackedFields,
  mergeVectors,
  peerNeedsRecord,
  stampNode,
  vectorAfterImport,
  vectorLeq,
} from './vectors';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const s = (minute: number, node: string) =>
  formatHlc({ millis: Date.UTC(2026, 10, 1) + minute * 60_000, counter: 0, node });

describe('version vectors', () => {
  it('a stamp names its laptop', () => expect(stampNode(s(1, B))).toBe(B));

  it.each<{ name: string; vv: VersionVector; stamp: string; covered: boolean }>([
    { name: 'covered: at or before the entry', vv: { [A]: s(5, A) }, stamp: s(5, A), covered: true },
    { name: 'not covered: after the entry', vv: { [A]: s(5, A) }, stamp: s(6, A), covered: false },
    { name: 'not covered: laptop unknown', vv: { [A]: s(5, A) }, stamp: s(1, B), covered: false },
    { name: 'entries of other laptops do not count', vv: { [B]: s(9, B) }, stamp: s(1, A), covered: false },
  ])('$name', ({ vv, stamp, covered }) => expect(covers(vv, stamp)).toBe(covered));

  it('merges entry by entry, keeping the newest', () => {
    expect(mergeVectors({ [A]: s(1, A), [B]: s(5, B) }, { [A]: s(3, A), [C]: s(2, C) })).toEqual({
      [A]: s(3, A),
      [B]: s(5, B),
      [C]: s(2, C),
    });
  });

  it.each<{ a: VersionVector; b: VersionVector; leq: boolean }>([
    { a: {}, b: {}, leq: true },
    { a: { [A]: s(1, A) }, b: { [A]: s(2, A) }, leq: true },
    { a: { [A]: s(3, A) }, b: { [A]: s(2, A) }, leq: false },
    { a: { [B]: s(1, B) }, b: { [A]: s(2, A) }, leq: false },
  ])('vectorLeq %#', ({ a, b, leq }) => expect(vectorLeq(a, b)).toBe(leq));

  it('what a peer lacks: fields whose stamps its vector does not cover', () => {
    const record = { _h: s(1, A), _v: { phone: s(4, B), notes: s(2, A) } };
    expect(lackedFields(record, { [A]: s(3, A) })).toEqual(['phone']);
    expect(lackedFields(record, {})).toEqual(['_h', 'notes', 'phone']);
    expect(peerNeedsRecord(record, { [A]: s(3, A), [B]: s(4, B) })).toBe(false);
    expect(peerNeedsRecord(record, { [A]: s(3, A), [B]: s(3, B) })).toBe(true);
    expect(peerNeedsRecord(record, undefined)).toBe(true);
  });

  it.each<{
    name: string;
    local: VersionVector;
    base: VersionVector;
    source: VersionVector;
    expected: VersionVector;
    advanced: boolean;
  }>([
    {
      name: 'a full file (empty base) advances the vector',
      local: { [A]: s(1, A) },
      base: {},
      source: { [B]: s(4, B), [A]: s(0, A) },
      expected: { [A]: s(1, A), [B]: s(4, B) },
      advanced: true,
    },
    {
      name: 'a delta whose base this laptop holds advances it',
      local: { [A]: s(3, A), [B]: s(2, B) },
      base: { [A]: s(2, A), [B]: s(2, B) },
      source: { [B]: s(6, B), [A]: s(2, A) },
      expected: { [A]: s(3, A), [B]: s(6, B) },
      advanced: true,
    },
    {
      name: 'a delta assuming more than this laptop holds (restored from a backup) leaves it',
      local: { [A]: s(3, A) },
      base: { [A]: s(3, A), [C]: s(5, C) },
      source: { [B]: s(6, B), [C]: s(5, C) },
      expected: { [A]: s(3, A) },
      advanced: false,
    },
  ])('$name', ({ local, base, source, expected, advanced }) => {
    expect(vectorAfterImport(local, base, source)).toEqual({ vv: expected, advanced });
  });
});
