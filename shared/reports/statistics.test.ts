import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeMember, makeOrganization } from '../../tests/fixtures/records';
import { ageInYears, formatIsoDate, monthsBetween } from '../domain/dates';
import { SETTINGS } from '../domain/settingDefinitions';
import { dateBandIndex, resolveSetting } from '../domain/settings';
import type { Member, MemberEvent } from '../domain/types';
import { computeStatistics, type Statistics, type StatisticsOptions } from './statistics';
import { dayKeyOf, keyBandIndex, keyBands, wholeMonthsBetween, wholeYearsBetween } from './statisticsDates';
import { tenureGaps, tenureMonthsAt } from './statisticsPrepared';

/**
 * ward ─┬─ committee ─┬─ branchA ── cell
 *       │             └─ branchB
 *       ├─ residential
 *       └─ old (merged into residential on 2025-03-01)
 */
const ward = makeOrganization({
  id: 'ward',
  name: 'Đảng bộ phường',
  type: 'ward',
  parentId: null,
  category: 'partyAgency',
});
const committee = makeOrganization({
  id: 'committee',
  type: 'grassrootsCommittee',
  parentId: 'ward',
  category: 'school',
});
const branchA = makeOrganization({ id: 'branchA', parentId: 'committee', category: 'school' });
const cell = makeOrganization({ id: 'cell', type: 'cell', parentId: 'branchA', category: 'school' });
const branchB = makeOrganization({
  id: 'branchB',
  parentId: 'committee',
  category: 'school',
  foundedOn: '2025-05-01',
});
const residential = makeOrganization({ id: 'residential', parentId: 'ward' });
const old = makeOrganization({
  id: 'old',
  parentId: 'ward',
  status: 'merged',
  mergedInto: 'residential',
  mergedOn: '2025-03-01',
});
const TREE = [ward, committee, branchA, cell, branchB, residential, old];

const AS_OF = '2025-07-15';

function options(over: Partial<StatisticsOptions> = {}): StatisticsOptions {
  const asOf = over.asOf ?? AS_OF;
  const setting = <T>(definition: Parameters<typeof resolveSetting<T>>[0]) =>
    resolveSetting(definition, undefined, asOf);
  return {
    asOf,
    rootOrgId: 'ward',
    ageBands: setting(SETTINGS.ageBands),
    tenureBands: setting(SETTINGS.tenureBands),
    admissionPeriodBands: setting(SETTINGS.admissionPeriodBands),
    branchMinFullMembers: 3,
    codeLists: {
      ethnicGroups: setting(SETTINGS.ethnicGroups),
      religions: setting(SETTINGS.religions),
      professionalQualifications: setting(SETTINGS.professionalQualifications),
      academicTitles: setting(SETTINGS.academicTitles),
      politicalTheoryLevels: setting(SETTINGS.politicalTheoryLevels),
      orgCategories: setting(SETTINGS.orgCategories),
    },
    ...over,
  };
}

/** A member with only a file (no events): the replay gives admission and official dates. */
const member = (id: string, over: Partial<Member> = {}) =>
  makeMember({ id, organizationId: 'branchA', ...over });
const stats = (members: Member[], events: MemberEvent[] = [], over: Partial<StatisticsOptions> = {}) =>
  computeStatistics(members, events, TREE, options(over));
const counts = (figures: Statistics['members']['status']) =>
  Object.fromEntries(figures.filter((f) => f.count > 0).map((f) => [f.label, f.count]));

describe('members by a breakdown, as of the date', () => {
  it.each<[string, Member[], keyof Statistics['members'], Record<string, number>]>([
    [
      'status from the replay: probation ends on the official date',
      [
        member('a', { joinedOn: '2024-09-01', officialOn: '2025-09-01', status: 'probationary' }),
        member('b'),
      ],
      'status',
      { 'Dự bị': 1, 'Chính thức': 1 },
    ],
    [
      'sex',
      [member('a'), member('b', { sex: 'female' }), member('c', { sex: 'female' })],
      'sex',
      { Nam: 1, Nữ: 2 },
    ],
    [
      'age 30 on the eve of the 31st birthday is in 18–30',
      [member('a', { birthDate: '1994-07-16' })],
      'age',
      { '18–30': 1 },
    ],
    [
      'age 31 on the 31st birthday is in 31–40',
      [member('a', { birthDate: '1994-07-15' })],
      'age',
      { '31–40': 1 },
    ],
    [
      'a birth year alone counts from 1 January (oldest possible)',
      [member('a', { birthDate: '1964' })],
      'age',
      { 'Trên 60': 1 },
    ],
    [
      '61 on the 61st birthday is over 60',
      [member('a', { birthDate: '1964-07-15' })],
      'age',
      { 'Trên 60': 1 },
    ],
    ['an unreadable birth date is "Chưa rõ"', [member('a', { birthDate: '19xx' })], 'age', { 'Chưa rõ': 1 }],
    [
      'ethnicity by code list label; missing is "Chưa rõ"',
      [member('a', { ethnicity: '01' }), member('b', { ethnicity: '02' }), member('c')],
      'ethnicity',
      { Kinh: 1, Tày: 1, 'Chưa rõ': 1 },
    ],
    [
      'religion',
      [member('a', { religion: 'none' }), member('b', { religion: 'catholicism' })],
      'religion',
      { Không: 1, 'Công giáo': 1 },
    ],
    [
      'general education by level of the system',
      [
        member('a', { generalEducation: '12/12' }),
        member('b', { generalEducation: '7/10' }),
        member('c', { generalEducation: '9/12' }),
        member('d', { generalEducation: '4/10' }),
      ],
      'generalEducation',
      { 'Trung học phổ thông': 1, 'Trung học cơ sở': 2, 'Tiểu học': 1 },
    ],
    [
      'qualification at the highest level; science doctors count with doctors',
      [
        member('a', { professionalQualification: 'doctorate' }),
        member('b', { professionalQualification: 'scienceDoctorate' }),
        member('c', { professionalQualification: 'university' }),
      ],
      'professionalQualification',
      { 'Tiến sĩ': 2, 'Đại học': 1 },
    ],
    [
      'academic titles, and those without one',
      [member('a', { academicTitle: 'professor' }), member('b')],
      'academicTitle',
      { 'Giáo sư': 1, 'Không có học hàm': 1 },
    ],
    [
      'political theory: cao cấp and cử nhân together',
      [
        member('a', { politicalTheory: 'advanced' }),
        member('b', { politicalTheory: 'bachelor' }),
        member('c', { politicalTheory: 'elementary' }),
      ],
      'politicalTheory',
      { 'Cao cấp, cử nhân': 2, 'Sơ cấp': 1 },
    ],
    [
      'tenure from the admission decision: 30 years on the day',
      [
        member('a', {
          admissionDecisionDate: '1995-07-15',
          joinedOn: '1995-08-19',
          officialOn: '1996-08-19',
        }),
      ],
      'tenure',
      { 'Từ 30 đến dưới 40 năm': 1 },
    ],
    [
      'tenure the day before 30 years is under 30',
      [
        member('a', {
          admissionDecisionDate: '1995-07-16',
          joinedOn: '1995-08-19',
          officialOn: '1996-08-19',
        }),
      ],
      'tenure',
      { 'Dưới 30 năm': 1 },
    ],
    [
      'tenure without a decision date counts from the ceremony',
      [member('a', { joinedOn: '1975-07-15', officialOn: '1976-07-15' })],
      'tenure',
      { 'Từ 50 năm trở lên': 1 },
    ],
    [
      'admission period: 30/4/1975 is in the first band, 1/5/1975 in the second',
      [
        member('a', { joinedOn: '1975-04-30', officialOn: '1976-04-30' }),
        member('b', { joinedOn: '1975-05-01', officialOn: '1976-05-01' }),
      ],
      'admissionPeriod',
      { 'Đến 30/4/1975': 1, 'Từ 01/5/1975 đến 1985': 1 },
    ],
    [
      'a year alone as admission date counts from its first day',
      [member('a', { joinedOn: '1986', officialOn: '1987' })],
      'admissionPeriod',
      { 'Từ 1986 đến 1996': 1 },
    ],
  ])('%s', (_name, members, breakdown, expected) => {
    expect(counts(stats(members).members[breakdown])).toEqual(expected);
  });
});

describe('who is counted', () => {
  it('a member admitted after the date is not counted yet; one who died before it no longer', () => {
    const late = member('late', { joinedOn: '2025-08-01', officialOn: undefined, status: 'probationary' });
    const gone = member('gone', { status: 'deceased' });
    const died = makeEvent({ memberId: 'gone', type: 'deceased', date: '2025-01-10' });
    const result = stats([late, gone, member('here')], [died]);
    expect(result.total.ids).toEqual(['here']);
  });

  it('a sub-tree counts its own members, with its cells’, and not the rest of the ward', () => {
    const members = [
      member('a'),
      member('c', { organizationId: 'cell' }),
      member('r', { organizationId: 'residential' }),
    ];
    expect(stats(members, [], { rootOrgId: 'committee' }).total.ids.sort()).toEqual(['a', 'c']);
    expect(stats(members, [], { rootOrgId: 'branchA' }).total.ids.sort()).toEqual(['a', 'c']);
    expect(stats(members).total.count).toBe(3);
  });

  it('members of a merged organization count in its target after the merge, in their own before', () => {
    const members = [member('m', { organizationId: 'old' })];
    expect(stats(members, [], { rootOrgId: 'residential' }).total.count).toBe(1);
    expect(stats(members, [], { rootOrgId: 'residential', asOf: '2025-02-01' }).total.count).toBe(0);
    expect(stats(members, [], { rootOrgId: 'old', asOf: '2025-02-01' }).total.count).toBe(1);
  });

  it('temporary attendance is shown at the host but never counted there', () => {
    const visitor = member('v', { organizationId: 'residential' });
    const events = [
      makeEvent({ memberId: 'v', type: 'admission', date: visitor.joinedOn, organizationId: 'residential' }),
      makeEvent({ memberId: 'v', type: 'madeOfficial', date: visitor.officialOn! }),
      makeEvent({
        memberId: 'v',
        type: 'transferInternal',
        transferKind: 'temporary',
        date: '2025-03-01',
        fromOrganizationId: 'residential',
        toOrganizationId: 'branchA',
      }),
    ];
    const host = stats([visitor], events, { rootOrgId: 'branchA' });
    expect(host.total.count).toBe(0);
    expect(host.temporary.ids).toEqual(['v']);
    expect(stats([visitor], events, { rootOrgId: 'residential' }).total.ids).toEqual(['v']);
  });

  it('today’s figures read the member’s fields: a file without events still counts', () => {
    const m = member('x', { status: 'exempted' });
    expect(counts(stats([m], [], { today: AS_OF }).members.status)).toEqual({ 'Miễn sinh hoạt': 1 });
    expect(counts(stats([m], [], { today: '2026-01-01' }).members.status)).toEqual({ 'Chính thức': 1 });
  });
});

describe('organizations as of the date', () => {
  it('count those founded by then and not merged or dissolved, the root itself left out', () => {
    const result = stats([]);
    expect(result.organizations.total.ids.sort()).toEqual([
      'branchA',
      'branchB',
      'cell',
      'committee',
      'residential',
    ]);
    expect(stats([], [], { asOf: '2025-02-01' }).organizations.total.ids.sort()).toEqual([
      'branchA',
      'cell',
      'committee',
      'old',
      'residential',
    ]);
    const byType = Object.fromEntries(result.organizations.byType.map((f) => [f.key, f.count]));
    expect(byType).toEqual({
      grassrootsCommittee: 1,
      grassrootsBranch: 0,
      subCommittee: 0,
      branch: 3,
      cell: 1,
    });
    const byCategory = Object.fromEntries(
      result.organizations.byCategory.filter((f) => f.count).map((f) => [f.key, f.count]),
    );
    expect(byCategory).toEqual({ school: 4, residentialGroup: 1 });
  });

  it('list branches with fewer full members than the setting, a cell’s members counting in its branch', () => {
    const members = [
      member('a'),
      member('b'),
      member('c', { organizationId: 'cell' }),
      member('d', { organizationId: 'residential' }),
    ];
    expect(stats(members).organizations.smallBranches.ids.sort()).toEqual(['branchB', 'residential']);
  });
});

describe('changes over the period', () => {
  const m = member('m', { joinedOn: '2024-03-10', officialOn: '2025-03-10', organizationId: 'branchB' });
  const events = [
    makeEvent({ memberId: 'm', type: 'admission', date: '2024-03-10', organizationId: 'branchA' }),
    makeEvent({ memberId: 'm', type: 'madeOfficial', date: '2025-03-10' }),
    makeEvent({
      memberId: 'm',
      type: 'transferInternal',
      transferKind: 'official',
      date: '2025-06-01',
      fromOrganizationId: 'branchA',
      toOrganizationId: 'residential',
    }),
  ];
  const changes = (result: Statistics) =>
    Object.fromEntries(result.changes.figures.filter((f) => f.count > 0).map((f) => [f.key, f.count]));

  it.each<[string, Partial<StatisticsOptions>, Record<string, number>]>([
    ['the ward in 2025: made official; a move inside the ward is no transfer', {}, { madeOfficial: 1 }],
    [
      'the ward in 2024: the admission',
      { period: { from: '2024-01-01', to: '2024-12-31' } },
      { admitted: 1 },
    ],
    [
      'the committee in 2025: made official there, then transferred out of it',
      { rootOrgId: 'committee' },
      { madeOfficial: 1, transferredOut: 1 },
    ],
    ['the residential branch in 2025: transferred in', { rootOrgId: 'residential' }, { transferredIn: 1 }],
    [
      'a period that ends the day before the move',
      { rootOrgId: 'residential', period: { from: '2025-01-01', to: '2025-05-31' } },
      {},
    ],
  ])('%s', (_name, over, expected) => {
    expect(changes(stats([m], events, over))).toEqual(expected);
  });

  it('counts deaths, removals, expulsion by discipline, leaving, and arrivals and departures across the ward’s edge', () => {
    const people = ['d', 'r', 'x', 'q', 'i', 'o'].map((id) => member(id));
    const on = '2025-04-01';
    const evs = [
      makeEvent({ memberId: 'd', type: 'deceased', date: on }),
      makeEvent({ memberId: 'r', type: 'removedFromRolls', date: on }),
      makeEvent({ memberId: 'x', type: 'discipline', disciplineForm: 'expulsion', date: on }),
      makeEvent({ memberId: 'q', type: 'resigned', date: on }),
      makeEvent({
        memberId: 'i',
        type: 'transferIn',
        transferKind: 'official',
        date: on,
        toOrganizationId: 'branchA',
      }),
      makeEvent({
        memberId: 'o',
        type: 'transferOut',
        transferKind: 'official',
        date: on,
        toExternal: 'Đảng bộ phường Việt Hưng',
      }),
      makeEvent({
        memberId: 'o',
        type: 'transferOut',
        transferKind: 'temporary',
        date: '2025-02-01',
        toExternal: 'Chi bộ khác',
      }),
    ];
    expect(changes(stats(people, evs))).toEqual({
      deceased: 1,
      removedFromRolls: 1,
      expelled: 1,
      resigned: 1,
      transferredIn: 1,
      transferredOut: 1,
    });
  });
});

describe('date arithmetic on keys agrees with shared/domain/dates.ts', () => {
  const day = fc
    .record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map((d) =>
      formatIsoDate({ ...d, day: Math.min(d.day, new Date(Date.UTC(d.year, d.month, 0)).getUTCDate()) }),
    );

  it('whole months and years between two dates', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(wholeMonthsBetween(dayKeyOf(from)!, dayKeyOf(to)!)).toBe(monthsBetween(from, to));
        expect(wholeYearsBetween(dayKeyOf(from)!, dayKeyOf(to)!)).toBe(ageInYears(from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2000-02-29', '2018-02-28', 18],
    ['2000-02-29', '2018-02-27', 17],
    ['1990-01-31', '1990-02-28', 0],
  ])('born %s, on %s: %i years (end-of-month clamp)', (born, on, years) => {
    expect(wholeYearsBetween(dayKeyOf(born)!, dayKeyOf(on)!)).toBe(years);
  });

  it('date bands', () => {
    const bands = resolveSetting(SETTINGS.admissionPeriodBands, undefined, AS_OF);
    const keyed = keyBands(bands);
    fc.assert(
      fc.property(day, (d) => {
        expect(keyBandIndex(keyed, dayKeyOf(d)!)).toBe(dateBandIndex(bands, d));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('party tenure with a readmission', () => {
  it('subtracts the time between leaving and readmission, once the readmission happened', () => {
    const events = [
      { type: 'resigned' as const, date: '2000-01-01' },
      { type: 'readmission' as const, date: '2005-01-01' },
    ];
    const gaps = tenureGaps(events);
    expect(gaps).toHaveLength(1);
    expect(tenureMonthsAt(dayKeyOf('1990-01-01'), gaps, dayKeyOf('2025-01-01')!)).toBe(35 * 12 - 5 * 12);
    expect(tenureMonthsAt(dayKeyOf('1990-01-01'), gaps, dayKeyOf('2004-01-01')!)).toBe(14 * 12);
    expect(tenureMonthsAt(dayKeyOf('2030-01-01'), gaps, dayKeyOf('2025-01-01')!)).toBeUndefined();
  });
});
