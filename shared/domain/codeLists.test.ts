import { describe, expect, it } from 'vitest';
import {
  activeEntries,
  codeGroup,
  codeLabel,
  DEFAULT_ETHNIC_GROUPS,
  DEFAULT_GENERAL_EDUCATION,
  DEFAULT_ORG_CATEGORIES,
  DEFAULT_POLITICAL_THEORY_LEVELS,
  DEFAULT_PROFESSIONAL_QUALIFICATIONS,
  DEFAULT_RELIGIONS,
  generalEducationGroup,
} from './codeLists';
import * as labels from './labels';
import {
  ARMED_FORCES,
  DISCIPLINE_FORMS,
  GRASSROOTS_ORG_TYPES,
  isActiveMemberStatus,
  isGrassrootsType,
  MEMBER_EVENT_TYPES,
  MEMBER_STATUSES,
  ORG_CATEGORIES,
  ORG_ORIGINS,
  ORG_STATUSES,
  ORG_TYPES,
  SEXES,
  TRANSFER_KINDS,
} from './types';

describe('ethnic groups', () => {
  it('lists the 54 groups in the statistics office order with codes 01..54, then other and foreign origin', () => {
    expect(DEFAULT_ETHNIC_GROUPS).toHaveLength(56);
    expect(DEFAULT_ETHNIC_GROUPS.slice(0, 54).map((e) => e.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(codeLabel(DEFAULT_ETHNIC_GROUPS, '01')).toBe('Kinh');
    expect(codeLabel(DEFAULT_ETHNIC_GROUPS, '08')).toBe('HMông');
    expect(codeLabel(DEFAULT_ETHNIC_GROUPS, '23')).toBe('Bru-Vân Kiều');
    expect(codeLabel(DEFAULT_ETHNIC_GROUPS, '54')).toBe('Rơ-măm');
    expect(DEFAULT_ETHNIC_GROUPS.slice(54).map((e) => e.code)).toEqual(['other', 'foreignOrigin']);
  });
});

describe('code lists', () => {
  it.each([
    ['ethnic groups', DEFAULT_ETHNIC_GROUPS],
    ['religions', DEFAULT_RELIGIONS],
    ['general education', DEFAULT_GENERAL_EDUCATION],
    ['professional qualifications', DEFAULT_PROFESSIONAL_QUALIFICATIONS],
    ['political theory', DEFAULT_POLITICAL_THEORY_LEVELS],
    ['organization categories', DEFAULT_ORG_CATEGORIES],
  ])('%s: unique codes, NFC labels', (_, list) => {
    expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
    for (const entry of list) expect(entry.label).toBe(entry.label.normalize('NFC').trim());
  });

  it('starts religions with "Không"', () => {
    expect(DEFAULT_RELIGIONS[0]).toEqual({ code: 'none', label: 'Không' });
  });

  it('counts cao cấp and cử nhân together', () => {
    expect(codeGroup(DEFAULT_POLITICAL_THEORY_LEVELS, 'advanced')).toBe('advancedOrBachelor');
    expect(codeGroup(DEFAULT_POLITICAL_THEORY_LEVELS, 'bachelor')).toBe('advancedOrBachelor');
    expect(codeGroup(DEFAULT_POLITICAL_THEORY_LEVELS, 'intermediate')).toBe('intermediate');
  });

  it('shows an unknown code as itself and hides inactive entries from new records', () => {
    expect(codeLabel(DEFAULT_RELIGIONS, 'unknownFromImport')).toBe('unknownFromImport');
    expect(codeLabel(DEFAULT_RELIGIONS, undefined)).toBe('');
    const list = [
      { code: 'a', label: 'A' },
      { code: 'b', label: 'B', inactive: true },
    ];
    expect(activeEntries(list).map((e) => e.code)).toEqual(['a']);
  });

  it.each([
    ['12/12', 'upperSecondary'],
    ['10/12', 'upperSecondary'],
    ['9/12', 'lowerSecondary'],
    ['5/12', 'primary'],
    ['10/10', 'upperSecondary'],
    ['7/10', 'lowerSecondary'],
    ['4/10', 'primary'],
    ['8/9', 'upperSecondary'],
    ['12/12 (bổ túc)', 'upperSecondary'],
    [' 9 / 10 ', 'upperSecondary'],
    ['13/12', undefined],
    ['Đại học', undefined],
    [undefined, undefined],
  ])('general education %j is %s', (value, group) => {
    expect(generalEducationGroup(value)).toBe(group);
    const entry = DEFAULT_GENERAL_EDUCATION.find((e) => e.code === value);
    if (entry) expect(entry.group).toBe(group);
  });
});

describe('enumerations and their labels', () => {
  it.each([
    [ORG_TYPES, labels.ORG_TYPE_LABELS],
    [ORG_CATEGORIES, labels.ORG_CATEGORY_LABELS],
    [ORG_ORIGINS, labels.ORG_ORIGIN_LABELS],
    [ORG_STATUSES, labels.ORG_STATUS_LABELS],
    [MEMBER_STATUSES, labels.MEMBER_STATUS_LABELS],
    [MEMBER_STATUSES, labels.MEMBER_STATUS_SHORT_LABELS],
    [MEMBER_EVENT_TYPES, labels.MEMBER_EVENT_TYPE_LABELS],
    [SEXES, labels.SEX_LABELS],
    [TRANSFER_KINDS, labels.TRANSFER_KIND_LABELS],
    [DISCIPLINE_FORMS, labels.DISCIPLINE_FORM_LABELS],
    [ARMED_FORCES, labels.ARMED_FORCES_LABELS],
  ] as const)('%j has a Vietnamese label for every value and nothing else', (values, map) => {
    expect(Object.keys(map).sort()).toEqual([...values].sort());
    for (const label of Object.values(map)) expect(label).toBe((label as string).normalize('NFC'));
  });

  it('derives grassroots from the type and active from the status', () => {
    expect(ORG_TYPES.filter(isGrassrootsType)).toEqual([...GRASSROOTS_ORG_TYPES]);
    expect(MEMBER_STATUSES.filter(isActiveMemberStatus)).toEqual(['probationary', 'official', 'exempted']);
  });
});
