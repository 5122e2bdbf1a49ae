import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  createIncrementalFilter,
  filterRows,
  narrowsQuery,
  parseQuery,
  subtreeIds,
  toRegisterRow,
  type FilterContext,
  type RegisterFilter,
} from './register';
import { resolveSetting } from '../domain/settings';
import { SETTINGS } from '../domain/settingDefinitions';
import { MEMBER_STATUSES, type Member } from '../domain/types';
import { vietnameseNameSortKey } from '../text/sortKey';
import { generateDemoWard } from '../demo/generator';

const ORG_A = 'a0000000-0000-4000-8000-000000000001';
const ORG_B = 'b0000000-0000-4000-8000-000000000002';

function member(over: Partial<Member>): Member {
  return {
    id: crypto.randomUUID(),
    organizationId: ORG_A,
    status: 'official',
    fullName: 'Nguyễn Văn Hùng',
    sex: 'male',
    birthDate: '1960-04-12',
    joinedOn: '1990-05-19',
    ...over,
  };
}

const members = [
  member({ fullName: 'Nguyễn Văn Hùng', partyCardNumber: '12345678', citizenId: '001060012345' }),
  member({
    fullName: 'Nguyễn Văn Hưng',
    sex: 'male',
    birthDate: '1995-01-01',
    joinedOn: '2020-03-03',
    status: 'probationary',
  }),
  member({
    fullName: 'Đặng Thị Lan',
    sex: 'female',
    organizationId: ORG_B,
    ethnicity: '02',
    religion: 'buddhism',
    dossierNumber: '012345HN',
  }),
  member({
    fullName: 'Trần Đăng Khoa',
    birthDate: '1940',
    joinedOn: '1965-02-03',
    status: 'exempted',
    politicalTheory: 'advanced',
  }),
  member({ fullName: 'Lê Văn Tâm', status: 'deceased' }),
];
const rows = members.map((m) => toRegisterRow({ ...m, _nameKey: vietnameseNameSortKey(m.fullName) }));
const context: FilterContext = {
  asOf: '2025-07-15',
  ageBands: resolveSetting(SETTINGS.ageBands, undefined, '2025-07-15'),
  admissionPeriodBands: resolveSetting(SETTINGS.admissionPeriodBands, undefined, '2025-07-15'),
};
const names = (filter: RegisterFilter) => filterRows(rows, filter, context).map((r) => r.fullName);

describe('searching the register', () => {
  it.each([
    ['nguyen van hung', ['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng']],
    ['NGUYEN VAN HUNG', ['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng']],
    ['Nguyễn Văn Hùng', ['Nguyễn Văn Hùng']],
    ['Nguye\u0302\u0303n Văn Hưng', ['Nguyễn Văn Hưng']],
    ['dang', ['Đặng Thị Lan', 'Trần Đăng Khoa']],
    ['Đặng', ['Đặng Thị Lan']],
    ['hung nguyen', ['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng']],
    ['12345678', ['Nguyễn Văn Hùng']],
    ['001060012345', ['Nguyễn Văn Hùng']],
    ['012345hn', ['Đặng Thị Lan']],
    ['   ', ['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng', 'Đặng Thị Lan', 'Trần Đăng Khoa']],
    ['xyz', []],
  ])('"%s" finds %j', (query, expected) => {
    expect(names({ query })).toEqual(expected);
  });

  it('reads a query typed with diacritics exactly and one without as folded', () => {
    expect(parseQuery('Hùng')).toEqual({ tokens: ['hùng'], exact: true });
    expect(parseQuery(' hung  nguyen ')).toEqual({ tokens: ['hung', 'nguyen'], exact: false });
  });
});

describe('filters', () => {
  it.each<[string, RegisterFilter, string[]]>([
    [
      'active members by default',
      {},
      ['Nguyễn Văn Hùng', 'Nguyễn Văn Hưng', 'Đặng Thị Lan', 'Trần Đăng Khoa'],
    ],
    ['a chosen status', { statuses: ['deceased'] }, ['Lê Văn Tâm']],
    ['probationary only', { statuses: ['probationary'] }, ['Nguyễn Văn Hưng']],
    ['by sex', { sex: 'female' }, ['Đặng Thị Lan']],
    ['by organization', { organizationIds: new Set([ORG_B]) }, ['Đặng Thị Lan']],
    ['by ethnicity', { ethnicities: ['02'] }, ['Đặng Thị Lan']],
    ['by religion', { religions: ['buddhism'] }, ['Đặng Thị Lan']],
    ['by political theory', { politicalTheory: ['advanced'] }, ['Trần Đăng Khoa']],
    ['age 18–30 as of the date', { ageBand: 0 }, ['Nguyễn Văn Hưng']],
    [
      'over 60, with a year-only birth date',
      { ageBand: 4 },
      ['Nguyễn Văn Hùng', 'Đặng Thị Lan', 'Trần Đăng Khoa'],
    ],
    ['admitted up to 30/4/1975', { admissionPeriod: 0 }, ['Trần Đăng Khoa']],
    ['filters combine with search', { query: 'nguyen', ageBand: 4 }, ['Nguyễn Văn Hùng']],
  ])('%s', (_label, filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it('a compiled filter is reusable over many rows', () => {
    const keep = compileFilter({ sex: 'male' }, context);
    expect(rows.filter(keep)).toHaveLength(3);
  });
});

describe('organization sub-trees', () => {
  const orgs = [
    { id: 'ward', parentId: null },
    { id: 'committee', parentId: 'ward' },
    { id: 'branch-1', parentId: 'committee' },
    { id: 'branch-2', parentId: 'committee' },
    { id: 'cell', parentId: 'branch-2' },
    { id: 'other', parentId: 'ward' },
  ];
  it.each([
    ['committee', ['committee', 'branch-1', 'branch-2', 'cell']],
    ['branch-1', ['branch-1']],
    ['ward', ['ward', 'committee', 'branch-1', 'branch-2', 'cell', 'other']],
  ])('the sub-tree of %s', (root, expected) => {
    expect([...subtreeIds(root, orgs)].sort()).toEqual([...expected].sort());
  });
});

describe('filtering as the user types', () => {
  it.each([
    ['', 'n', true],
    ['n', 'ng', true],
    ['nguyen', 'nguyen v', true],
    ['nguyen v', 'nguyen va', true],
    ['nguyen va', 'nguyen v', false],
    ['ng', 'n g', false],
    ['Trầ', 'Trần', true],
    ['tran', 'Trần', false],
    ['hung', 'hung ', true],
  ])('"%s" then "%s": narrows = %s', (before, after, expected) => {
    expect(narrowsQuery(before, after)).toBe(expected);
  });

  it('gives the same rows as a full filter for every keystroke, forwards and back', () => {
    const incremental = createIncrementalFilter();
    const others = [{}];
    for (const query of [
      'n',
      'ng',
      'nguy',
      'nguyen',
      'nguyen v',
      'nguyen va',
      'nguyen v',
      'd',
      'da',
      'đặ',
      'Đặng',
      '',
    ]) {
      expect(incremental(rows, { query }, context, others)).toEqual(filterRows(rows, { query }, context));
    }
  });

  it('starts again from every row when another filter changes', () => {
    const incremental = createIncrementalFilter();
    incremental(rows, { query: 'n', sex: 'female' }, context, [{ sex: 'female' }]);
    const everyone = incremental(rows, { query: 'ng' }, context, [{}]);
    expect(everyone).toEqual(filterRows(rows, { query: 'ng' }, context));
    expect(everyone.some((r) => r.sex === 'male')).toBe(true);
  });
});

describe('searching a large register (the column scan)', () => {
  // The same answers as the row-by-row predicate, on a register big enough for the column scan.
  const ward = generateDemoWard({ seed: 7, memberCount: 4000, asOf: '2025-07-15' });
  const big = ward.members
    .map((m) => toRegisterRow({ ...m, _nameKey: vietnameseNameSortKey(m.fullName) }))
    .sort((a, b) => (a.nameKey < b.nameKey ? -1 : 1));
  const someOrg = ward.members[0]!.organizationId;
  const filters: [string, RegisterFilter][] = [
    ['no filter', {}],
    ['a folded query', { query: 'nguyen van' }],
    ['a query with diacritics', { query: 'Thị' }],
    ['a number', { query: '00' }],
    ['every status', { statuses: [...MEMBER_STATUSES] }],
    ['the dead only', { statuses: ['deceased'], query: 'van' }],
    ['a query and a sex', { query: 'hoa', sex: 'female' }],
    ['an organization', { organizationIds: new Set([someOrg]) }],
    ['an age band', { ageBand: 1, query: 'n' }],
    ['nothing matches', { query: 'zzzz' }],
  ];
  it.each(filters)('%s', (_, filter) => {
    const expected = big.filter(compileFilter(filter, context));
    const got = filterRows(big, filter, context);
    expect(got).toEqual(expected);
    expect(got.length).toBeLessThanOrEqual(big.length);
  });
  it('narrows keystroke by keystroke to the same rows as a fresh search', () => {
    const incremental = createIncrementalFilter();
    const others = [{}];
    for (const query of ['n', 'ng', 'ngu', 'nguyen', 'nguyen t', 'nguyen th', 'nguyen t', 'Ng', 'Ngu']) {
      expect(incremental(big, { query }, context, others)).toEqual(big.filter(compileFilter({ query }, context)));
    }
  });
  it('finds a few members and not the whole register for a narrow query', () => {
    const target = big[1234]!;
    const got = filterRows(big, { query: target.fullName }, context);
    expect(got).toContain(target);
    expect(got.length).toBeLessThan(50);
  });
});
