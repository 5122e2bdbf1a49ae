import { describe, expect, it } from 'vitest';
import { DEFAULT_ETHNIC_GROUPS, DEFAULT_POLITICAL_THEORY_LEVELS, DEFAULT_PROFESSIONAL_QUALIFICATIONS, DEFAULT_RELIGIONS } from '../domain/codeLists';
import { emptyCounts } from '../domain/orgCounts';
import { makeEvent, makeMember, makeOrganization } from '../../tests/fixtures/records';
import { memberListSheet, registerBookSheet, type ExportContext } from './exportMembers';
import { organizationListSheet, treeOrder } from './exportOrganizations';
import { dateCell, fitWidths, shownText } from './workbook';

const ctx: ExportContext = {
  organizationName: (id) => (id === 'b1' ? 'Chi bộ Tổ dân phố số 1' : ''),
  ethnicGroups: DEFAULT_ETHNIC_GROUPS,
  religions: DEFAULT_RELIGIONS,
  politicalTheory: DEFAULT_POLITICAL_THEORY_LEVELS,
  professionalQualifications: DEFAULT_PROFESSIONAL_QUALIFICATIONS,
};

describe('cells', () => {
  it.each([
    ['1980-05-03', { date: '1980-05-03' }, '03/05/1980'],
    ['1980-05', { text: '05/1980' }, '05/1980'],
    ['1980', { text: '1980' }, '1980'],
    [undefined, null, ''],
  ])('the date %s', (iso, cell, shown) => {
    expect(dateCell(iso)).toEqual(cell);
    expect(shownText(dateCell(iso))).toBe(shown);
  });

  it('fits widths to the longest line, within bounds, ignoring headings that span columns', () => {
    const widths = fitWidths(
      [[{ text: 'Họ và tên', columnSpan: 2 }, null, { text: 'Ghi chú' }]],
      [[{ text: 'An' }, { number: 1 }, { text: 'x'.repeat(200) }], [{ text: 'Nguyễn Văn An\nNgắn' }, null, null]],
      3,
    );
    expect(widths).toEqual([15, 5, 45]);
  });
});

describe('member sheets', () => {
  const member = makeMember({
    fullName: 'Nguyễn Văn An',
    organizationId: 'b1',
    ethnicity: '01',
    religion: 'none',
    politicalTheory: 'intermediate',
    professionalQualification: 'university',
    generalEducation: '12/12',
    occupation: 'Hưu trí',
    occupationBeforeAdmission: 'Công nhân',
    partyCardNumber: '01234567',
    retired: true,
  });

  it('a list: STT, then the chosen columns in order, codes as their labels', () => {
    const sheet = memberListSheet(
      [member],
      {
        columns: [
          { key: 'fullName', title: 'Họ và tên' },
          { key: 'organization', title: 'Chi bộ' },
          { key: 'ethnicity', title: 'Dân tộc' },
          { key: 'birthDate', title: 'Ngày sinh' },
        ],
        titles: ['DANH SÁCH'],
        sheetName: 'DS',
      },
      ctx,
    );
    expect(sheet.header[0]!.map((h) => h?.text)).toEqual(['STT', 'Họ và tên', 'Chi bộ', 'Dân tộc', 'Ngày sinh']);
    expect(sheet.rows[0]).toEqual([
      { number: 1 },
      { text: 'Nguyễn Văn An' },
      { text: 'Chi bộ Tổ dân phố số 1' },
      { text: 'Kinh' },
      { date: '1960-04-12' },
    ]);
  });

  it('the 7-HSĐV register: 14 columns (7 split in two), each value in its column', () => {
    const events = [
      makeEvent({ memberId: member.id, type: 'transferIn', date: '2020-03-01', fromExternal: 'Đảng bộ phường Gia Thụy' }),
      makeEvent({ memberId: member.id, type: 'award', date: '2020-05-19', badgeYears: 30 }),
      makeEvent({ memberId: member.id, type: 'resigned', date: '2024-01-10' }),
    ];
    const sheet = registerBookSheet([member], () => events, { titles: [], sheetName: 'Sổ', asOf: '2026-11-26' }, ctx);
    expect(sheet.header.at(-1)!.map((h) => h?.text)).toHaveLength(15);
    expect(sheet.rows[0]!.map(shownText)).toEqual([
      '1',
      'NGUYỄN VĂN AN',
      'Nam\nKinh\nKhông',
      '',
      '12/12\nĐại học\nTrung cấp',
      'Công nhân\nHưu trí',
      '19/05/1990',
      '19/05/1991',
      '01234567\nHuy hiệu 30 năm tuổi Đảng (19/05/2020)',
      'Hưu trí',
      '',
      '01/03/2020\nĐảng bộ phường Gia Thụy',
      '',
      '10/01/2024\nRa khỏi Đảng',
      '',
    ]);
  });
});

describe('the organization list', () => {
  const ward = makeOrganization({ id: 'w', name: 'Đảng bộ phường', type: 'ward', parentId: null, sortOrder: 0 });
  const b2 = makeOrganization({ id: 'b2', name: 'Chi bộ 2', parentId: 'w', sortOrder: 2 });
  const b1 = makeOrganization({ id: 'b1', name: 'Chi bộ 1', parentId: 'w', sortOrder: 1 });
  const gone = makeOrganization({ id: 'x', name: 'Chi bộ đã giải thể', parentId: 'w', status: 'dissolved' });

  it('is in tree order, active organizations only, by position', () => {
    expect(treeOrder([b2, gone, b1, ward]).map(({ org, depth }) => [org.id, depth])).toEqual([
      ['w', 0],
      ['b1', 1],
      ['b2', 1],
    ]);
  });

  it('carries the counts, zero where there are none', () => {
    const counts = new Map([['b1', { ...emptyCounts(), official: 2, probationary: 1, total: 3 }]]);
    const sheet = organizationListSheet([ward, b1, b2], counts, { titles: [], sheetName: 'TC' });
    expect(sheet.rows.map((r) => r.slice(4, 7).map(shownText))).toEqual([
      ['0', '0', '0'],
      ['3', '2', '1'],
      ['0', '0', '0'],
    ]);
    expect(shownText(sheet.rows[1]![3]!)).toBe('Đảng bộ phường');
  });
});
