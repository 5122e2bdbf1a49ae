import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SETTING_DEFINITIONS, SETTINGS, findSettingDefinition } from './settingDefinitions';
import {
  dateBandIndex,
  defineSetting,
  mergeSettingVersions,
  numberBandIndex,
  resolveSetting,
  resolveSettingVersion,
  storedSettingSchema,
  withSettingVersion,
} from './settings';

const dues = defineSetting({
  key: 'test.duesRate',
  label: 'Mức đảng phí',
  description: 'Ví dụ',
  schema: z.number().positive(),
  defaults: [
    { effectiveFrom: '2010-01-01', value: 10, source: 'Quyết định 342-QĐ/TW' },
    { effectiveFrom: '2026-02-03', value: 5, source: 'Quy định 01-QĐ/TW' },
  ],
});

describe('resolveSetting: the version in force on a date', () => {
  it.each([
    ['2009-06-30', 10, 'before the first known version, the earliest applies'],
    ['2010-01-01', 10, 'on the first day of a version'],
    ['2026-02-02', 10, 'the day before a change'],
    ['2026-02-03', 5, 'the day of a change'],
    ['2030-01-01', 5, 'long after'],
  ])('on %s → %i (%s)', (asOf, expected) => {
    expect(resolveSetting(dues, undefined, asOf)).toBe(expected);
  });

  it('lets a stored version correct a default with the same date, keeping later defaults', () => {
    const stored = [{ effectiveFrom: '2010-01-01', value: 12, source: 'Văn phòng sửa' }];
    expect(resolveSetting(dues, stored, '2020-01-01')).toBe(12);
    expect(resolveSettingVersion(dues, stored, '2020-01-01')).toMatchObject({
      origin: 'stored',
      source: 'Văn phòng sửa',
    });
    expect(resolveSetting(dues, stored, '2026-03-01')).toBe(5);
  });

  it('answers from the versions stored when asked: a newly read array of versions is merged anew', () => {
    // Resolving remembers the merge per stored array (an import resolves settings per row).
    const before = [{ effectiveFrom: '2025-07-01', value: 7 }];
    expect(resolveSetting(dues, before, '2025-12-31')).toBe(7);
    expect(resolveSetting(dues, before, '2025-12-31')).toBe(7);
    const after = [...before, { effectiveFrom: '2025-10-01', value: 8 }];
    expect(resolveSetting(dues, after, '2025-12-31')).toBe(8);
    expect(resolveSetting(dues, undefined, '2025-12-31')).toBe(10);
  });

  it('adds stored versions between defaults', () => {
    const stored = [{ effectiveFrom: '2025-07-01', value: 7 }];
    expect(resolveSetting(dues, stored, '2025-06-30')).toBe(10);
    expect(resolveSetting(dues, stored, '2025-12-31')).toBe(7);
    expect(resolveSetting(dues, stored, '2026-02-03')).toBe(5);
  });

  it('skips stored versions that do not fit the schema, and says which', () => {
    const stored = [
      { effectiveFrom: '2025-07-01', value: -1 },
      { effectiveFrom: '2025-13-01', value: 3 },
      'junk',
      { effectiveFrom: '2025-08-01', value: 8 },
    ];
    const merged = mergeSettingVersions(dues, stored);
    expect(merged.ignored).toHaveLength(3);
    expect(merged.versions.map((v) => v.effectiveFrom)).toEqual(['2010-01-01', '2025-08-01', '2026-02-03']);
    expect(resolveSetting(dues, stored, '2025-07-15')).toBe(10);
  });
});

describe('withSettingVersion: what the settings screen saves', () => {
  it('creates a record keyed by the setting, replacing a version with the same date', () => {
    const first = withSettingVersion(dues, undefined, { effectiveFrom: '2025-07-01', value: 7 });
    expect(first).toEqual({ id: 'test.duesRate', versions: [{ effectiveFrom: '2025-07-01', value: 7 }] });
    const second = withSettingVersion(dues, first, { effectiveFrom: '2025-01-01', value: 6 });
    const third = withSettingVersion(dues, second, { effectiveFrom: '2025-07-01', value: 8 });
    expect(third.versions).toEqual([
      { effectiveFrom: '2025-01-01', value: 6 },
      { effectiveFrom: '2025-07-01', value: 8 },
    ]);
    expect(storedSettingSchema.parse(third)).toEqual(third);
  });

  it('refuses an invalid value or a partial date', () => {
    expect(() => withSettingVersion(dues, undefined, { effectiveFrom: '2025-07-01', value: 0 })).toThrow();
    expect(() => withSettingVersion(dues, undefined, { effectiveFrom: '2025-07', value: 3 })).toThrow();
  });
});

describe('the registry', () => {
  it('has unique keys, Vietnamese labels, and defaults that pass their own schemas', () => {
    const keys = SETTING_DEFINITIONS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const definition of SETTING_DEFINITIONS) {
      expect(definition.label.normalize('NFC')).toBe(definition.label);
      expect(definition.description.length).toBeGreaterThan(5);
      expect(definition.defaults.length).toBeGreaterThan(0);
      for (const version of definition.defaults)
        expect(definition.schema.safeParse(version.value).success).toBe(true);
      expect(findSettingDefinition(definition.key)).toBe(definition);
    }
  });

  it.each([
    [SETTINGS.probationMonths, 12],
    [SETTINGS.admissionMinAgeYears, 18],
    [SETTINGS.admissionMaxAgeYears, 60],
    [SETTINGS.branchMinOfficialMembers, 3],
    [SETTINGS.grassrootsBranchMaxMembers, 30],
    [SETTINGS.admissionCeremonyWorkingDays, 30],
  ] as const)('%s defaults to %i today', (definition, value) => {
    expect(resolveSetting(definition, undefined, '2026-01-01')).toBe(value);
  });

  it('has the badge milestones in ascending order', () => {
    const milestones = resolveSetting(SETTINGS.badgeMilestones, undefined, '2026-01-01');
    expect(milestones).toEqual([30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]);
  });

  it('refuses a code list with a repeated code', () => {
    const list = [
      { code: 'a', label: 'A' },
      { code: 'a', label: 'B' },
    ];
    expect(SETTINGS.religions.schema.safeParse(list).success).toBe(false);
  });
});

describe('statistics bands', () => {
  const ages = resolveSetting(SETTINGS.ageBands, undefined, '2026-01-01');
  const tenure = resolveSetting(SETTINGS.tenureBands, undefined, '2026-01-01');
  const periods = resolveSetting(SETTINGS.admissionPeriodBands, undefined, '2026-01-01');

  it.each([
    [18, '18–30'],
    [30, '18–30'],
    [31, '31–40'],
    [60, '51–60'],
    [61, 'Trên 60'],
    [98, 'Trên 60'],
  ])('age %i is in band %s', (age, label) => {
    expect(ages[numberBandIndex(ages, age)]!.label).toBe(label);
  });

  it.each([
    [29, 'Dưới 30 năm'],
    [30, 'Từ 30 đến dưới 40 năm'],
    [49, 'Từ 40 đến dưới 50 năm'],
    [50, 'Từ 50 năm trở lên'],
  ])('tenure %i years is in band %s', (years, label) => {
    expect(tenure[numberBandIndex(tenure, years)]!.label).toBe(label);
  });

  it.each([
    ['1975-04-30', 'Đến 30/4/1975'],
    ['1975-05-01', 'Từ 01/5/1975 đến 1985'],
    ['1985-12-31', 'Từ 01/5/1975 đến 1985'],
    ['1996-06-01', 'Từ 1986 đến 1996'],
    ['2010-12-31', 'Từ 1997 đến 2010'],
    ['2025-07-15', 'Từ 2011 đến nay'],
  ])('joined %s is in period %s', (date, label) => {
    expect(periods[dateBandIndex(periods, date)]!.label).toBe(label);
  });

  it('says -1 for a value outside every band', () => {
    expect(numberBandIndex([{ label: 'x', from: 0, to: 10 }], 10)).toBe(-1);
    expect(dateBandIndex([{ label: 'x', from: '2000-01-01' }], '1999-12-31')).toBe(-1);
  });
});
