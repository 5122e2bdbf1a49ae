import { describe, expect, it } from 'vitest';
import { makeOrganization } from '../../tests/fixtures/records';
import { emptyCounts, type OrgCounts } from './orgCounts';
import {
  committeeSize,
  leadershipIds,
  standingCommitteeSize,
  leadershipProblem,
  organizationWarnings,
  orgRuleThresholds,
  type OrgRuleThresholds,
  type OrgWarningKind,
} from './organizationRules';
import { SETTINGS } from './settingDefinitions';
import type { Organization } from './types';

const RULES: OrgRuleThresholds = {
  branchMinFullMembers: 3,
  grassrootsBranchMaxMembers: 30,
  grassrootsCommitteeMinMembers: 30,
  committeeMinFullMembers: 9,
  committeeMaxSize: 7,
  wardCommitteeMinSize: 27,
  wardCommitteeMaxSize: 33,
  wardStandingCommitteeMinSize: 9,
  wardStandingCommitteeMaxSize: 11,
  wardDeputySecretariesMax: 2,
  standingCommitteeMinCommitteeSize: 9,
};

const counts = (official: number, probationary = 0, exempted = 0): OrgCounts => ({
  ...emptyCounts(),
  official,
  probationary,
  exempted,
  total: official + probationary + exempted,
});
const ids = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const led = (over: Partial<Organization>) => makeOrganization({ secretaryId: 'sec', ...over });
const ward = (over: Partial<Organization>) => led({ type: 'ward', parentId: null, ...over });

describe('organizationWarnings', () => {
  it.each<[string, Partial<Organization>, OrgCounts, OrgWarningKind[]]>([
    ['a branch with 3 full members is fine', led({ type: 'branch' }), counts(3), []],
    ['a branch with 2 full members is warned', led({ type: 'branch' }), counts(2, 5), ['tooFewFullMembers']],
    ['exempted members are full members', led({ type: 'branch' }), counts(1, 0, 2), []],
    [
      'a grassroots branch is a chi bộ too',
      led({ type: 'grassrootsBranch', isGrassroots: true }),
      counts(2),
      ['tooFewFullMembers'],
    ],
    ['a grassroots branch with 29 members is fine', led({ type: 'grassrootsBranch' }), counts(20, 9), []],
    [
      'a grassroots branch with 30 members is warned',
      led({ type: 'grassrootsBranch' }),
      counts(20, 10),
      ['grassrootsBranchTooLarge'],
    ],
    [
      'a grassroots committee with 30 members is fine',
      led({ type: 'grassrootsCommittee' }),
      counts(25, 5),
      [],
    ],
    [
      'a grassroots committee with 29 members is warned',
      led({ type: 'grassrootsCommittee' }),
      counts(29),
      ['grassrootsCommitteeTooSmall'],
    ],
    [
      'a branch without a secretary is warned',
      makeOrganization({ type: 'branch' }),
      counts(5),
      ['vacantSecretary'],
    ],
    ['so is the ward', makeOrganization({ type: 'ward', parentId: null }), counts(5), ['vacantSecretary']],
    ['a cell has a leader, not a secretary', makeOrganization({ type: 'cell' }), counts(1), []],
    [
      'a branch of 8 full members may have a secretary and one deputy',
      led({ deputySecretaryIds: ['d'] }),
      counts(8),
      [],
    ],
    [
      '…but not a chi ủy',
      led({ deputySecretaryIds: ['d'], committeeMemberIds: ['x'] }),
      counts(8),
      ['committeeNotAllowed'],
    ],
    ['…nor two deputies', led({ deputySecretaryIds: ['d', 'e'] }), counts(8), ['committeeNotAllowed']],
    [
      'a branch of 9 full members may elect a chi ủy of 7',
      led({ deputySecretaryIds: ['d'], committeeMemberIds: ids(5) }),
      counts(9),
      [],
    ],
    [
      'a chi ủy of 8 is too large',
      led({ deputySecretaryIds: ['d'], committeeMemberIds: ids(6) }),
      counts(12),
      ['committeeTooLarge'],
    ],
    [
      'the secretary listed again as a chi ủy member counts once',
      led({ deputySecretaryIds: ['d'], committeeMemberIds: ['sec', ...ids(5)] }),
      counts(12),
      [],
    ],
    [
      'a merged organization has no warnings',
      makeOrganization({ type: 'branch', status: 'merged' }),
      counts(0),
      [],
    ],
    ['a dissolved one neither', makeOrganization({ type: 'branch', status: 'dissolved' }), counts(0), []],
    [
      'a ward committee of 30 with a standing committee of 10 and 2 deputies is fine',
      ward({ deputySecretaryIds: ['d1', 'd2'], standingCommitteeIds: ids(7, 's'), committeeMemberIds: ids(20) }),
      counts(3000),
      [],
    ],
    [
      'a ward committee of 27 is the smallest allowed',
      ward({ deputySecretaryIds: ['d1', 'd2'], committeeMemberIds: ids(24) }),
      counts(3000),
      [],
    ],
    [
      'a ward committee of 26 is warned',
      ward({ deputySecretaryIds: ['d1', 'd2'], committeeMemberIds: ids(23) }),
      counts(3000),
      ['wardCommitteeSize'],
    ],
    [
      'a ward committee of 34 is warned',
      ward({ deputySecretaryIds: ['d1', 'd2'], standingCommitteeIds: ids(6, 's'), committeeMemberIds: ids(25) }),
      counts(3000),
      ['wardCommitteeSize'],
    ],
    [
      'a ward standing committee of 8 is warned',
      ward({ deputySecretaryIds: ['d1', 'd2'], standingCommitteeIds: ids(5, 's'), committeeMemberIds: ids(22) }),
      counts(3000),
      ['wardStandingCommitteeSize'],
    ],
    [
      'a ward standing committee of 12 is warned',
      ward({ deputySecretaryIds: ['d1', 'd2'], standingCommitteeIds: ids(9, 's'), committeeMemberIds: ids(18) }),
      counts(3000),
      ['wardStandingCommitteeSize'],
    ],
    [
      'three deputy secretaries of the ward are warned',
      ward({ deputySecretaryIds: ['d1', 'd2', 'd3'], standingCommitteeIds: ids(6, 's'), committeeMemberIds: ids(20) }),
      counts(3000),
      ['tooManyDeputies'],
    ],
    [
      'a grassroots committee of 9 may elect a standing committee',
      led({ type: 'grassrootsCommittee', deputySecretaryIds: ['d'], standingCommitteeIds: ['s'], committeeMemberIds: ids(6) }),
      counts(40),
      [],
    ],
    [
      'a grassroots committee of 8 may not',
      led({ type: 'grassrootsCommittee', deputySecretaryIds: ['d'], standingCommitteeIds: ['s'], committeeMemberIds: ids(5) }),
      counts(40),
      ['standingCommitteeNotAllowed'],
    ],
    [
      'several warnings at once',
      makeOrganization({ type: 'grassrootsBranch' }),
      counts(2, 30),
      ['tooFewFullMembers', 'grassrootsBranchTooLarge', 'vacantSecretary'],
    ],
  ])('%s', (_, organization, given, expected) => {
    const warnings = organizationWarnings({
      organization: organization as Organization,
      counts: given,
      thresholds: RULES,
    });
    expect(warnings.map((w) => w.kind)).toEqual(expected);
  });

  it.each<[OrgWarningKind, Partial<Organization>, OrgCounts, string]>([
    [
      'tooFewFullMembers',
      led({}),
      counts(2),
      'Chi bộ chỉ có 2 đảng viên chính thức, dưới mức tối thiểu 3 theo Điều lệ Đảng; cần bổ sung đảng viên hoặc ghép sinh hoạt với tổ chức đảng gần nhất.',
    ],
    [
      'grassrootsBranchTooLarge',
      led({ type: 'grassrootsBranch' }),
      counts(31),
      'Chi bộ cơ sở có 31 đảng viên, từ 30 trở lên; nên đề nghị thành lập đảng bộ cơ sở.',
    ],
    [
      'grassrootsCommitteeTooSmall',
      led({ type: 'grassrootsCommittee' }),
      counts(12),
      'Đảng bộ cơ sở chỉ có 12 đảng viên, dưới 30; duy trì đảng bộ cơ sở cần cấp ủy cấp trên đồng ý bằng văn bản.',
    ],
    [
      'committeeTooLarge',
      led({ committeeMemberIds: ids(7) }),
      counts(20),
      'Chi ủy có 8 người, vượt quá 7 chi ủy viên theo quy định.',
    ],
    [
      'committeeNotAllowed',
      led({ committeeMemberIds: ids(2) }),
      counts(6),
      'Chi bộ có 6 đảng viên chính thức, dưới 9, nên không bầu chi ủy; chỉ bầu bí thư và, nếu cần, một phó bí thư.',
    ],
    [
      'vacantSecretary',
      makeOrganization({}),
      counts(5),
      'Chưa ghi bí thư của tổ chức; hãy cập nhật ở mục “Bí thư, cấp ủy”.',
    ],
  ])('%s says so in Vietnamese', (kind, organization, given, sentence) => {
    const warnings = organizationWarnings({
      organization: organization as Organization,
      counts: given,
      thresholds: RULES,
    });
    expect(warnings.find((w) => w.kind === kind)?.message).toBe(sentence);
  });

  it('follows the thresholds it is given (a dated setting changed by the office)', () => {
    const organization = led({});
    expect(organizationWarnings({ organization, counts: counts(4), thresholds: RULES })).toEqual([]);
    expect(
      organizationWarnings({
        organization,
        counts: counts(4),
        thresholds: { ...RULES, branchMinFullMembers: 5 },
      }).map((w) => w.kind),
    ).toEqual(['tooFewFullMembers']);
  });

  it('names a leader who no longer attends the organization', () => {
    const organization = led({ deputySecretaryIds: ['gone'] });
    const warnings = organizationWarnings({
      organization,
      counts: counts(5),
      thresholds: RULES,
      isEligibleLeader: (id) => id !== 'gone',
      nameOf: (id) => (id === 'gone' ? 'Trần Văn Bình' : 'x'),
    });
    expect(warnings).toEqual([
      {
        kind: 'leaderNotMember',
        message:
          'Trần Văn Bình có tên trong cấp ủy nhưng không còn là đảng viên đang sinh hoạt trong tổ chức; hãy cập nhật bí thư, cấp ủy.',
      },
    ]);
  });
});

describe('leadership', () => {
  const members = new Set(['a', 'b', 'c', 'd']);
  const eligible = (id: string) => members.has(id);
  const names: Record<string, string> = { a: 'Nguyễn Văn An', x: 'Lê Thị Xuân' };
  const nameOf = (id: string) => names[id] ?? id;

  it.each<[string, Partial<Organization>, string | null]>([
    ['no leadership is fine (the vacancy is a warning)', {}, null],
    [
      'members of the organization may lead it',
      { secretaryId: 'a', deputySecretaryIds: ['b'], committeeMemberIds: ['c', 'd'] },
      null,
    ],
    [
      'someone from elsewhere may not',
      { secretaryId: 'x' },
      'Lê Thị Xuân không phải đảng viên đang sinh hoạt trong tổ chức này; chỉ chọn được bí thư, cấp ủy viên trong số đảng viên của tổ chức.',
    ],
    [
      'a deputy from elsewhere neither',
      { secretaryId: 'a', deputySecretaryIds: ['x'] },
      expect.stringContaining('Lê Thị Xuân không phải'),
    ],
    [
      'a chi ủy member from elsewhere neither',
      { committeeMemberIds: ['x'] },
      expect.stringContaining('Lê Thị Xuân'),
    ],
    [
      'one person in two posts is refused',
      { secretaryId: 'a', deputySecretaryIds: ['a'] },
      'Nguyễn Văn An được chọn vào hai chức vụ; mỗi người chỉ giữ một chức vụ trong danh sách này.',
    ],
  ])('%s', (_, leadership, expected) => {
    expect(leadershipProblem(leadership, eligible, nameOf)).toEqual(expected);
  });

  it.each<[Partial<Organization>, string[], number]>([
    [{}, [], 0],
    [{ secretaryId: 's' }, ['s'], 1],
    [{ secretaryId: 's', deputySecretaryIds: ['d'], committeeMemberIds: ['c', 's'] }, ['s', 'd', 'c'], 3],
    [
      { secretaryId: 's', deputySecretaryIds: ['d'], standingCommitteeIds: ['t'], committeeMemberIds: ['c'] },
      ['s', 'd', 't', 'c'],
      4,
    ],
  ])('leadership %j is %j, a committee of %i', (leadership, expected, size) => {
    expect(leadershipIds(leadership)).toEqual(expected);
    expect(committeeSize(leadership)).toBe(size);
  });

  it.each<[Partial<Organization>, number]>([
    [{}, 0],
    [{ secretaryId: 's', committeeMemberIds: ['c'] }, 1],
    [{ secretaryId: 's', deputySecretaryIds: ['d', 'e'], standingCommitteeIds: ['t', 'u'], committeeMemberIds: ['c'] }, 5],
  ])('the standing committee of %j has %i members', (leadership, size) => {
    expect(standingCommitteeSize(leadership)).toBe(size);
  });

  it('refuses one person both on the standing committee and among the other committee members', () => {
    expect(leadershipProblem({ standingCommitteeIds: ['a'], committeeMemberIds: ['a'] }, eligible, nameOf)).toContain(
      'hai chức vụ',
    );
  });
});

describe('orgRuleThresholds', () => {
  it('reads the defaults in force on a date', () => {
    expect(orgRuleThresholds(() => undefined, '2026-01-01')).toEqual(RULES);
  });

  it('uses a version the office saved, from its date on only', () => {
    const stored = (key: string) =>
      key === SETTINGS.branchMinOfficialMembers.key ? [{ effectiveFrom: '2026-03-01', value: 5 }] : undefined;
    expect(orgRuleThresholds(stored, '2026-02-28').branchMinFullMembers).toBe(3);
    expect(orgRuleThresholds(stored, '2026-03-01').branchMinFullMembers).toBe(5);
  });

  it('moves the grassroots committee bound with the grassroots branch bound', () => {
    const stored = (key: string) =>
      key === SETTINGS.grassrootsBranchMaxMembers.key
        ? [{ effectiveFrom: '2026-01-01', value: 40 }]
        : undefined;
    const t = orgRuleThresholds(stored, '2026-06-01');
    expect([t.grassrootsBranchMaxMembers, t.grassrootsCommitteeMinMembers]).toEqual([40, 40]);
  });
});
