/**
 * The record gate's fast checks against zod: the gate's answer must be exactly zod's, for valid
 * records and for every kind of bad field value.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDemoWard } from '@shared/demo/generator';
import { memberEventSchema, memberPhotoSchema, memberSchema, organizationSchema } from '@shared/domain/schemas';
import { FAST_FIELDS, recordProblem, schemaProblem, surelyValid, type CheckedRecord } from './validation';
import type { SyncedTableName } from './database';

const ward = generateDemoWard({ seed: 'validation', memberCount: 400, asOf: '2025-11-26' });
const SAMPLES: Record<string, CheckedRecord[]> = {
  organizations: ward.organizations as unknown as CheckedRecord[],
  members: ward.members as unknown as CheckedRecord[],
  memberEvents: ward.events as unknown as CheckedRecord[],
  memberPhotos: [{ id: ward.members[0]!.id, dataUrl: 'data:image/jpeg;base64,/9j/4AAQ' }],
};
const SHAPES = {
  organizations: organizationSchema.shape,
  members: memberSchema.shape,
  memberEvents: memberEventSchema.shape,
  memberPhotos: memberPhotoSchema.shape,
};
const TABLES = Object.keys(SHAPES) as (keyof typeof SHAPES)[];
/** The same record as a sync import sees it: envelope fields beside the business fields. */
const enveloped = (r: CheckedRecord): CheckedRecord => ({
  ...r,
  deleted: 0,
  _h: '2025-07-01T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa',
  _v: {},
  _maxHlc: '2025-07-01T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa',
});

/** Values that each break some field kind (and fit others). */
const BAD_VALUES: unknown[] = [
  null,
  undefined,
  '',
  '   ',
  'x',
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  true,
  {},
  [],
  [undefined],
  ['not-a-uuid'],
  // A hole: `every` would skip it, zod sees undefined.
  // eslint-disable-next-line no-sparse-arrays
  [, 'c0a80121-7ac0-4e1c-9f00-000000000001'],
  ['c0a80121-7ac0-4e1c-9f00-000000000001'],
  'c0a80121-7ac0-1e1c-9f00-000000000001', // a UUID, but not version 4
  'c0a80121-7ac0-4e1c-9f00-000000000001',
  'C0A80121-7AC0-4E1C-AF00-00000000000F',
  '2025',
  '2025-02',
  '2025-02-29',
  '2024-02-29',
  '2025-13',
  '0000-01-01',
  '2025-1-01',
  'male',
  'official',
  'active',
  'data:image/png;base64,AAAA',
  'data:text/plain,AAAA',
  { detail: 'Số 1', province: 'Hà Nội' },
  { detail: 1 },
  { detail: null, commune: undefined },
  new Date(0),
  Symbol.for('x'),
];

describe('the fast checks cover the schemas', () => {
  it.each(TABLES)('%s: one check for every field of the schema, no more', (table) => {
    expect(Object.keys(FAST_FIELDS[table]!).sort()).toEqual(Object.keys(SHAPES[table]).sort());
  });

  it('settings have no fast check: zod decides every one', () => {
    const setting = { id: 'partyAgeMinimum', versions: [{ effectiveFrom: '2025-07-01', value: 18 }] };
    expect(surelyValid('settings', setting)).toBe(false);
    expect(recordProblem('settings', setting)).toBeNull();
    expect(recordProblem('settings', { id: 'x', versions: [{ effectiveFrom: '2025-07', value: 1 }] })).toMatch(
      /^Không lưu được cài đặt: .*\(trường versions\.0\.effectiveFrom\)\.$/,
    );
  });
});

describe('valid records pass the fast check, as zod passes them', () => {
  it.each(TABLES)('%s', (table) => {
    for (const record of SAMPLES[table]!) {
      expect(schemaProblem(table, record)).toBeNull();
      expect(surelyValid(table, record)).toBe(true);
      expect(surelyValid(table, enveloped(record))).toBe(true);
      expect(recordProblem(table, enveloped(record))).toBeNull();
    }
  });
});

describe('every field with every bad value: the gate answers exactly as zod', () => {
  const cases = TABLES.flatMap((table) =>
    Object.keys(SHAPES[table]).map((field) => [table, field] as [SyncedTableName, string]),
  );
  it.each(cases)('%s.%s', (table, field) => {
    const base = enveloped(SAMPLES[table]![SAMPLES[table]!.length > 1 ? 1 : 0]!);
    let refused = 0;
    for (const value of [...BAD_VALUES, 'missing']) {
      const record = { ...base };
      if (value === 'missing') delete record[field];
      else record[field] = value;
      const zod = schemaProblem(table, record);
      // Never "valid" where zod refuses…
      if (zod !== null) expect(surelyValid(table, record), `${field} = ${String(value)}`).toBe(false);
      // …and the gate's answer, message included, is zod's.
      expect(recordProblem(table, record)).toBe(zod);
      if (zod !== null) refused++;
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('a refusal names the table and the field in Vietnamese', () => {
    const member = { ...SAMPLES.members![0]!, birthDate: '2025-02-30' };
    expect(recordProblem('members', member)).toBe(schemaProblem('members', member));
    expect(recordProblem('members', member)).toMatch(/^Không lưu được đảng viên: Ngày không hợp lệ.*\(trường birthDate\)\.$/);
    const org = { ...SAMPLES.organizations![0]!, name: '  ' };
    expect(recordProblem('organizations', org)).toMatch(/^Không lưu được tổ chức đảng: Không được để trống\. \(trường name\)\.$/);
  });
});

describe('random records', () => {
  const anyValue = fc.oneof(
    fc.constantFrom(...BAD_VALUES),
    fc.string(),
    fc.uuid(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.uuid({ version: 4 }), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('detail', 'commune', 'district', 'province', 'other'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, fc.sample(fc.constantFrom(4, 7, 10), 1)[0])),
  );
  it('with a few fields replaced at random, the gate always answers as zod', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TABLES),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), anyValue), { minLength: 1, maxLength: 4 }),
        (table, pick, changes) => {
          const samples = SAMPLES[table]!;
          const record = enveloped(samples[pick % samples.length]!);
          const fields = Object.keys(SHAPES[table]);
          for (const [i, value] of changes) record[fields[i % fields.length]!] = value;
          const zod = schemaProblem(table, record);
          if (surelyValid(table, record)) expect(zod).toBeNull();
          expect(recordProblem(table, record)).toBe(zod);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
