import { describe, expect, it } from 'vitest';
import { DEFAULT_ETHNIC_GROUPS, DEFAULT_RELIGIONS } from './codeLists';
import { checkMember, memberRuleContext, suggestedOfficialOn, type MemberRuleContext } from './memberRules';
import type { MemberDraft } from './memberDraft';
import { SETTINGS } from './settingDefinitions';

const context: MemberRuleContext = {
  today: '2026-03-15',
  probationMonths: 12,
  admissionMinAgeYears: 18,
  admissionMaxAgeYears: 60,
  ceremonyWorkingDays: 30,
  probationReviewWorkingDays: 30,
  ethnicGroups: [...DEFAULT_ETHNIC_GROUPS, { code: 'old', label: 'Mã cũ', inactive: true }],
  religions: DEFAULT_RELIGIONS,
};

/** A complete, valid file of an official member admitted in 1990. */
const valid: MemberDraft = {
  id: '3f1c7a52-9a3b-4d0e-8c51-0f6a2b7d9e11',
  organizationId: '9b2d4c1e-5f6a-4b7c-8d9e-0a1b2c3d4e5f',
  status: 'official',
  fullName: 'Nguyễn Văn An',
  sex: 'male',
  birthDate: '1960-04-12',
  admissionDecisionNumber: '125-QĐ/ĐU',
  admissionDecisionDate: '1990-05-02',
  joinedOn: '1990-05-19',
  officialOn: '1991-05-19',
  citizenId: '001060012345',
  partyCardNumber: '12345678',
  dossierNumber: '012345HN',
  ethnicity: '01',
  religion: 'none',
};

const HINT = 'Nếu đã được cấp có thẩm quyền đồng ý, hãy ghi căn cứ vào ô “Căn cứ kết nạp ngoài độ tuổi”.';
const DATE_HINT =
  'Hãy nhập theo dạng ngày/tháng/năm (ví dụ 19/05/1990), tháng/năm (05/1990) hoặc chỉ năm (1990).';

describe('a valid file passes', () => {
  it.each<[string, MemberDraft]>([
    ['the complete file', valid],
    [
      'only the required fields',
      {
        ...valid,
        admissionDecisionNumber: undefined,
        admissionDecisionDate: undefined,
        officialOn: undefined,
        citizenId: undefined,
        partyCardNumber: undefined,
        dossierNumber: undefined,
        ethnicity: undefined,
        religion: undefined,
        status: 'probationary',
        birthDate: '1995-06-01',
        joinedOn: '2025-09-02',
      },
    ],
    ['a birth year only', { ...valid, birthDate: '1960' }],
    ['a birth month only', { ...valid, birthDate: '1960-04' }],
    [
      'a ceremony year only (order unknown inside the year)',
      { ...valid, joinedOn: '1990', officialOn: '1991' },
    ],
    ['exactly 18 on the ceremony day', { ...valid, birthDate: '1972-05-19', citizenId: undefined }],
    ['exactly 60 on the ceremony day', { ...valid, birthDate: '1930-05-19', citizenId: undefined }],
    ['a birth year that may make the member 18', { ...valid, birthDate: '1972', citizenId: undefined }],
    [
      'under age with an exception reference',
      {
        ...valid,
        birthDate: '1973-01-01',
        citizenId: undefined,
        admissionExceptionNote: 'Công văn 15-CV/TU',
      },
    ],
    [
      '29/02 + 12 months = 28/02',
      {
        ...valid,
        birthDate: '1995-06-01',
        citizenId: undefined,
        admissionDecisionDate: '2024-02-20',
        joinedOn: '2024-02-29',
        officialOn: '2025-02-28',
      },
    ],
    [
      'a ceremony 30 working days after the decision',
      { ...valid, admissionDecisionDate: '1990-04-06', joinedOn: '1990-05-18', officialOn: '1991-05-18' },
    ],
    [
      'probationary within 12 months + 30 working days',
      {
        ...valid,
        birthDate: '1995-06-01',
        citizenId: undefined,
        status: 'probationary',
        admissionDecisionDate: '2025-01-20',
        joinedOn: '2025-02-03',
        officialOn: undefined,
      },
    ],
    ['a dossier number with Đ', { ...valid, dossierNumber: '012345ĐN' }],
    ['an inactive code the file already has', { ...valid, ethnicity: 'old' }],
    [
      'a woman born in 2001',
      {
        ...valid,
        sex: 'female',
        birthDate: '2001-03-03',
        citizenId: '001301012345',
        admissionDecisionDate: '2022-05-02',
        joinedOn: '2022-05-19',
        officialOn: '2023-05-19',
      },
    ],
  ])('%s', (_, draft) => {
    expect(checkMember(draft, context)).toEqual({ errors: [], warnings: [] });
  });
});

describe('errors block saving, with a Vietnamese sentence on the field', () => {
  it.each<[string, MemberDraft, string, string]>([
    ['no name', { ...valid, fullName: '' }, 'fullName', 'Hãy nhập họ và tên đang dùng như trên căn cước.'],
    [
      'digits in the name',
      { ...valid, fullName: 'Nguyễn Văn 2' },
      'fullName',
      'Họ và tên chỉ gồm chữ cái và dấu cách; hãy bỏ các chữ số và ký hiệu.',
    ],
    ['no sex', { ...valid, sex: undefined }, 'sex', 'Hãy chọn giới tính.'],
    [
      'no organization',
      { ...valid, organizationId: undefined },
      'organizationId',
      'Hãy chọn tổ chức đảng nơi đảng viên sinh hoạt.',
    ],
    [
      'no birth date',
      { ...valid, birthDate: undefined },
      'birthDate',
      'Hãy nhập ngày sinh (ngày/tháng/năm; chỉ năm nếu hồ sơ chỉ ghi năm).',
    ],
    [
      'no ceremony date',
      { ...valid, joinedOn: '' },
      'joinedOn',
      'Hãy nhập ngày vào Đảng (ngày tổ chức lễ kết nạp).',
    ],
    [
      '31/02 typed',
      { ...valid, birthDate: '31/02/1990' },
      'birthDate',
      'Ngày sinh 31/02/1990 không hợp lệ: tháng 02/1990 chỉ có 28 ngày.',
    ],
    [
      '29/02 of a common year',
      { ...valid, joinedOn: '29/02/1991' },
      'joinedOn',
      'Ngày vào Đảng 29/02/1991 không hợp lệ: tháng 02/1991 chỉ có 28 ngày.',
    ],
    [
      'month 13 typed',
      { ...valid, joinedOn: '15/13/1990' },
      'joinedOn',
      'Ngày vào Đảng 15/13/1990 không hợp lệ: tháng phải từ 1 đến 12.',
    ],
    [
      'month 13 of a partial date',
      { ...valid, birthDate: '13/1960' },
      'birthDate',
      'Ngày sinh 13/1960 không hợp lệ: tháng phải từ 1 đến 12.',
    ],
    [
      'text that is no date',
      { ...valid, officialOn: 'năm 1991' },
      'officialOn',
      `Ngày chính thức “năm 1991” không hợp lệ. ${DATE_HINT}`,
    ],
    [
      'a malformed stored date',
      { ...valid, admissionDecisionDate: '1990-02-30' },
      'admissionDecisionDate',
      `Ngày quyết định kết nạp “1990-02-30” không hợp lệ. ${DATE_HINT}`,
    ],
    [
      'born after the ceremony',
      { ...valid, birthDate: '1991-01-01', admissionDecisionDate: undefined },
      'joinedOn',
      'Ngày vào Đảng (19/05/1990) phải sau ngày sinh (01/01/1991).',
    ],
    [
      'born after the decision',
      { ...valid, birthDate: '1991-01-01' },
      'admissionDecisionDate',
      'Ngày quyết định kết nạp (02/05/1990) phải sau ngày sinh (01/01/1991).',
    ],
    [
      'ceremony before the decision',
      { ...valid, admissionDecisionDate: '1990-06-01' },
      'joinedOn',
      'Ngày vào Đảng (lễ kết nạp, 19/05/1990) không được trước ngày quyết định kết nạp (01/06/1990).',
    ],
    [
      'decision before the branch vote',
      { ...valid, admissionVoteDate: '1990-05-10' },
      'admissionDecisionDate',
      'Ngày quyết định kết nạp (02/05/1990) không được trước ngày chi bộ xét kết nạp (10/05/1990).',
    ],
    [
      'official on the ceremony day',
      { ...valid, officialOn: '1990-05-19' },
      'officialOn',
      'Ngày chính thức (19/05/1990) phải sau ngày vào Đảng (19/05/1990).',
    ],
    [
      'official in a year before the ceremony',
      { ...valid, officialOn: '1989' },
      'officialOn',
      'Ngày chính thức (1989) phải sau ngày vào Đảng (19/05/1990).',
    ],
    [
      'a ceremony in the future',
      {
        ...valid,
        birthDate: '1995-06-01',
        status: 'probationary',
        admissionDecisionDate: '2026-03-10',
        joinedOn: '2026-04-01',
        officialOn: undefined,
      },
      'joinedOn',
      'Ngày vào Đảng 01/04/2026 ở sau ngày hôm nay; hãy kiểm tra lại.',
    ],
    [
      'an official date still to come',
      {
        ...valid,
        birthDate: '1995-06-01',
        status: 'probationary',
        admissionDecisionDate: '2025-05-20',
        joinedOn: '2025-06-02',
        officialOn: '2026-06-02',
      },
      'officialOn',
      'Ngày chính thức 02/06/2026 chưa đến; đảng viên còn dự bị thì để trống ô này.',
    ],
    [
      '17 years 7 months at the ceremony',
      { ...valid, birthDate: '1972-10-01', citizenId: undefined },
      'joinedOn',
      `Ngày lễ kết nạp (19/05/1990) người được kết nạp mới 17 tuổi 7 tháng, chưa đủ 18 tuổi tính theo tháng. ${HINT}`,
    ],
    [
      'one day short of 18',
      { ...valid, birthDate: '1972-05-20', citizenId: undefined },
      'joinedOn',
      `Ngày lễ kết nạp (19/05/1990) người được kết nạp mới 17 tuổi 11 tháng, chưa đủ 18 tuổi tính theo tháng. ${HINT}`,
    ],
    [
      'a birth year that makes the member surely under 18',
      { ...valid, birthDate: '1973', citizenId: undefined },
      'joinedOn',
      `Ngày lễ kết nạp (19/05/1990) người được kết nạp mới 17 tuổi 4 tháng, chưa đủ 18 tuổi tính theo tháng. ${HINT}`,
    ],
    [
      'under 18 on the branch vote, 18 at the ceremony',
      { ...valid, birthDate: '1972-05-01', admissionVoteDate: '1990-04-20', citizenId: undefined },
      'admissionVoteDate',
      `Ngày chi bộ xét kết nạp (20/04/1990) người được kết nạp mới 17 tuổi 11 tháng, chưa đủ 18 tuổi tính theo tháng. ${HINT}`,
    ],
    [
      '61 years 4 months at the ceremony',
      { ...valid, birthDate: '1929-01-01', citizenId: undefined },
      'joinedOn',
      `Ngày lễ kết nạp (19/05/1990) người được kết nạp đã 61 tuổi 4 tháng, quá 60 tuổi tính theo tháng; kết nạp người trên 60 tuổi cần cấp ủy cấp tỉnh đồng ý. ${HINT}`,
    ],
    [
      'one month past 60',
      { ...valid, birthDate: '1930-04-18', citizenId: undefined },
      'joinedOn',
      `Ngày lễ kết nạp (19/05/1990) người được kết nạp đã 60 tuổi 1 tháng, quá 60 tuổi tính theo tháng; kết nạp người trên 60 tuổi cần cấp ủy cấp tỉnh đồng ý. ${HINT}`,
    ],
    [
      'a dossier number with 5 digits',
      { ...valid, dossierNumber: '12345HN' },
      'dossierNumber',
      'Số lý lịch “12345HN” không đúng dạng: cần 6 chữ số và 1 đến 3 chữ cái viết hoa của mã tỉnh, ví dụ 012345HN.',
    ],
    [
      'a dossier number with 4 letters',
      { ...valid, dossierNumber: '012345HNAB' },
      'dossierNumber',
      'Số lý lịch “012345HNAB” không đúng dạng: cần 6 chữ số và 1 đến 3 chữ cái viết hoa của mã tỉnh, ví dụ 012345HN.',
    ],
    [
      'a citizen id of 11 digits',
      { ...valid, citizenId: '00106001234' },
      'citizenId',
      'Số định danh cá nhân phải gồm đúng 12 chữ số; số đã nhập là “00106001234”.',
    ],
    [
      'a citizen id with a letter',
      { ...valid, citizenId: '00106001234A' },
      'citizenId',
      'Số định danh cá nhân phải gồm đúng 12 chữ số; số đã nhập là “00106001234A”.',
    ],
    [
      'an unknown ethnic group',
      { ...valid, ethnicity: 'xx' },
      'ethnicity',
      'Dân tộc “xx” không có trong danh mục dân tộc; hãy chọn trong danh sách.',
    ],
    [
      'an unknown religion',
      { ...valid, religion: 'xx' },
      'religion',
      'Tôn giáo “xx” không có trong danh mục tôn giáo; hãy chọn trong danh sách.',
    ],
  ])('%s', (_, draft, field, message) => {
    const { errors } = checkMember(draft, context);
    expect(errors).toContainEqual({ field, message });
  });

  it('an unreadable date is reported once and left out of the other rules', () => {
    const { errors, warnings } = checkMember({ ...valid, joinedOn: '31/02/1990' }, context);
    expect(errors).toEqual([
      { field: 'joinedOn', message: 'Ngày vào Đảng 31/02/1990 không hợp lệ: tháng 02/1990 chỉ có 28 ngày.' },
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('warnings are shown and may be accepted', () => {
  it.each<[string, MemberDraft, string, string]>([
    [
      'a one-word name',
      { ...valid, fullName: 'An' },
      'fullName',
      'Họ và tên chỉ có một chữ; hãy kiểm tra đã nhập đủ họ, tên đệm và tên.',
    ],
    [
      'a ceremony 56 working days after the decision',
      { ...valid, admissionDecisionDate: '1990-03-01' },
      'joinedOn',
      'Lễ kết nạp tổ chức sau ngày quyết định 56 ngày làm việc, quá thời hạn 30 ngày làm việc; cần có ý kiến đồng ý của cấp ủy cấp trên.',
    ],
    [
      'an official date that is not ceremony + 12 months',
      { ...valid, officialOn: '1991-06-01' },
      'officialOn',
      'Ngày chính thức thường là 19/05/1991, đủ 12 tháng dự bị kể từ ngày vào Đảng 19/05/1990; ngày đã nhập là 01/06/1991.',
    ],
    [
      'still probationary long after the probation',
      {
        ...valid,
        birthDate: '1995-06-01',
        citizenId: undefined,
        status: 'probationary',
        admissionDecisionDate: '2024-05-02',
        joinedOn: '2024-05-20',
        officialOn: undefined,
      },
      'officialOn',
      'Đã quá 12 tháng dự bị và 30 ngày làm việc kể từ ngày vào Đảng (20/05/2024) mà chưa có ngày chính thức; hãy xét công nhận đảng viên chính thức hoặc đề nghị xóa tên.',
    ],
    [
      'a card number of 7 digits',
      { ...valid, partyCardNumber: '1234567' },
      'partyCardNumber',
      'Số thẻ đảng viên “1234567” không gồm 8 chữ số như thẻ cấp từ năm 2003; nếu là thẻ gắn chip cấp từ năm 2025 (số ghi tự do) thì vẫn lưu được.',
    ],
    [
      'a chip card number',
      { ...valid, partyCardNumber: 'HN2025-000123' },
      'partyCardNumber',
      'Số thẻ đảng viên “HN2025-000123” không gồm 8 chữ số như thẻ cấp từ năm 2003; nếu là thẻ gắn chip cấp từ năm 2025 (số ghi tự do) thì vẫn lưu được.',
    ],
    [
      'a citizen id of a woman for a man',
      { ...valid, citizenId: '001160012345' },
      'citizenId',
      'Số định danh cá nhân có chữ số thứ 4 đến 6 là “160” (Nữ, sinh năm 1960), không khớp với giới tính Nam, năm sinh 1960 đã nhập; hãy kiểm tra lại.',
    ],
    [
      'a citizen id of another year',
      { ...valid, citizenId: '001061012345' },
      'citizenId',
      'Số định danh cá nhân có chữ số thứ 4 đến 6 là “061” (Nam, sinh năm 1961), không khớp với giới tính Nam, năm sinh 1960 đã nhập; hãy kiểm tra lại.',
    ],
    [
      'a citizen id of the wrong century',
      { ...valid, citizenId: '001260012345' },
      'citizenId',
      'Số định danh cá nhân có chữ số thứ 4 đến 6 là “260” (Nam, sinh năm 2060), không khớp với giới tính Nam, năm sinh 1960 đã nhập; hãy kiểm tra lại.',
    ],
  ])('%s', (_, draft, field, message) => {
    const { errors, warnings } = checkMember(draft, context);
    expect(errors).toEqual([]);
    expect(warnings).toContainEqual({ field, message });
  });
});

describe('thresholds come from the dated settings in force on the file’s dates', () => {
  const stored = {
    [SETTINGS.probationMonths.key]: [{ effectiveFrom: '2026-01-01', value: 18 }],
    [SETTINGS.admissionMinAgeYears.key]: [{ effectiveFrom: '2026-01-01', value: 20 }],
  };

  it.each([
    ['a ceremony before the new rule', '2025-12-01', 12, 18],
    ['a ceremony after the new rule', '2026-02-01', 18, 20],
  ])('%s', (_, joinedOn, probationMonths, minAge) => {
    const resolved = memberRuleContext(stored, { ...valid, joinedOn }, '2026-03-15');
    expect(resolved).toMatchObject({
      probationMonths,
      admissionMinAgeYears: minAge,
      admissionMaxAgeYears: 60,
      ceremonyWorkingDays: 30,
    });
    expect(resolved.ethnicGroups).toHaveLength(DEFAULT_ETHNIC_GROUPS.length);
  });

  it('the branch vote date decides the admission age rule', () => {
    const resolved = memberRuleContext(
      stored,
      { ...valid, admissionVoteDate: '2025-12-20', joinedOn: '2026-02-01' },
      '2026-03-15',
    );
    expect(resolved.admissionMinAgeYears).toBe(18);
  });

  it('an unreadable date falls back to today', () => {
    expect(
      memberRuleContext(stored, { ...valid, joinedOn: '31/02/2026' }, '2026-03-15').probationMonths,
    ).toBe(18);
  });

  it('the suggested official date follows the probation setting', () => {
    expect(suggestedOfficialOn('2026-02-01', 18)).toBe('2027-08-01');
    expect(suggestedOfficialOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(suggestedOfficialOn('2026', 12)).toBeUndefined();
    expect(suggestedOfficialOn(undefined, 12)).toBeUndefined();
  });
});
