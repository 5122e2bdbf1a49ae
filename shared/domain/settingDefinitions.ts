/**
 * The registry of settings with today's defaults. Rules marked [?] in domain.md are here so the
 * office can correct them without a new app version. Keys are stored ids: never rename one.
 */
import { z } from 'zod';
import {
  DEFAULT_ACADEMIC_TITLES,
  DEFAULT_ETHNIC_GROUPS,
  DEFAULT_GENERAL_EDUCATION,
  DEFAULT_ORG_CATEGORIES,
  DEFAULT_POLITICAL_THEORY_LEVELS,
  DEFAULT_PROFESSIONAL_QUALIFICATIONS,
  DEFAULT_RELIGIONS,
  type CodeListEntry,
} from './codeLists';
import { dateBandsSchema, defineSetting, numberBandsSchema, type SettingDefinition } from './settings';
import { ORG_CATEGORIES } from './types';

const CHARTER = 'Điều lệ Đảng (2011)';
const QD_294 = 'Quy định 294-QĐ/TW ngày 26/5/2025';
const CT_45 = 'Chỉ thị 45-CT/TW ngày 14/4/2025 (đại hội nhiệm kỳ 2025–2030)';
const UNCONFIRMED = 'Mặc định theo phần mềm thống kê đảng viên thông dụng; cần Ban Xây dựng Đảng xác nhận.';
/** Code lists apply to records of any age, so their first version starts before any record. */
const ALWAYS = '1900-01-01';

const count = (min: number, max: number) => z.number().int().min(min).max(max);

const codeListSchema = z
  .array(
    z.object({
      code: z.string().min(1),
      label: z.string().min(1),
      group: z.string().optional(),
      inactive: z.boolean().optional(),
    }),
  )
  .min(1)
  .refine((list) => new Set(list.map((entry) => entry.code)).size === list.length, {
    message: 'Mỗi mã chỉ được dùng một lần.',
  });

function codeListSetting(
  key: string,
  label: string,
  description: string,
  value: readonly CodeListEntry[],
  source: string,
) {
  return defineSetting<CodeListEntry[]>({
    key,
    label,
    description,
    schema: codeListSchema,
    defaults: [{ effectiveFrom: ALWAYS, value: [...value], source }],
  });
}

export const SETTINGS = {
  probationMonths: defineSetting({
    key: 'probation.months',
    label: 'Thời gian dự bị (tháng)',
    description:
      'Đảng viên dự bị được xét công nhận chính thức khi đủ số tháng này, tính từ ngày lễ kết nạp.',
    schema: count(1, 36),
    defaults: [{ effectiveFrom: '2011-01-19', value: 12, source: `${CHARTER}, Điều 5` }],
  }),
  admissionMinAgeYears: defineSetting({
    key: 'admission.minAgeYears',
    label: 'Tuổi tối thiểu khi kết nạp (năm)',
    description: 'Tính theo tháng đến ngày chi bộ xét kết nạp.',
    schema: count(16, 30),
    defaults: [{ effectiveFrom: '2025-07-01', value: 18, source: QD_294 }],
  }),
  admissionMaxAgeYears: defineSetting({
    key: 'admission.maxAgeYears',
    label: 'Tuổi tối đa khi kết nạp (năm)',
    description:
      'Quá tuổi này phải được cấp ủy cấp tỉnh đồng ý; tính theo tháng đến ngày chi bộ xét kết nạp.',
    schema: count(40, 80),
    defaults: [{ effectiveFrom: '2025-07-01', value: 60, source: QD_294 }],
  }),
  admissionDecisionWorkingDays: defineSetting({
    key: 'admission.decisionWorkingDays',
    label: 'Hạn ra quyết định kết nạp (ngày làm việc)',
    description: 'Kể từ ngày chi bộ có nghị quyết đề nghị kết nạp.',
    schema: count(1, 365),
    defaults: [{ effectiveFrom: '2025-07-01', value: 60, source: QD_294 }],
  }),
  admissionCeremonyWorkingDays: defineSetting({
    key: 'admission.ceremonyWorkingDays',
    label: 'Hạn tổ chức lễ kết nạp (ngày làm việc)',
    description: 'Kể từ ngày nhận quyết định kết nạp; muộn hơn phải được cấp trên đồng ý.',
    schema: count(1, 365),
    defaults: [{ effectiveFrom: '2025-07-01', value: 30, source: QD_294 }],
  }),
  probationReviewWorkingDays: defineSetting({
    key: 'probation.reviewWorkingDays',
    label: 'Hạn xét chuyển đảng chính thức (ngày làm việc)',
    description: 'Kể từ ngày hết thời gian dự bị.',
    schema: count(1, 365),
    defaults: [{ effectiveFrom: '2025-07-01', value: 30, source: QD_294 }],
  }),
  branchMinOfficialMembers: defineSetting({
    key: 'branch.minOfficialMembers',
    label: 'Số đảng viên chính thức tối thiểu của chi bộ',
    description: 'Chi bộ có ít hơn số này được cảnh báo.',
    schema: count(1, 50),
    defaults: [{ effectiveFrom: '2011-01-19', value: 3, source: `${CHARTER}, Điều 21` }],
  }),
  grassrootsBranchMaxMembers: defineSetting({
    key: 'grassrootsBranch.maxMembers',
    label: 'Ngưỡng đảng viên của chi bộ cơ sở',
    description: 'Chi bộ cơ sở có từ số này trở lên được cảnh báo (nên lập đảng bộ cơ sở).',
    schema: count(2, 500),
    defaults: [{ effectiveFrom: '2011-01-19', value: 30, source: CHARTER }],
  }),
  branchCommitteeMinOfficialMembers: defineSetting({
    key: 'branch.committeeMinOfficialMembers',
    label: 'Số đảng viên chính thức để bầu chi ủy',
    description: 'Chi bộ có từ số này trở lên bầu chi ủy; ít hơn thì bầu bí thư, phó bí thư.',
    schema: count(1, 100),
    defaults: [{ effectiveFrom: '2025-07-01', value: 9, source: QD_294 }],
  }),
  branchCommitteeMaxSize: defineSetting({
    key: 'branch.committeeMaxSize',
    label: 'Số chi ủy viên tối đa',
    description: 'Số thành viên tối đa của chi ủy.',
    schema: count(1, 50),
    defaults: [{ effectiveFrom: '2025-07-01', value: 7, source: QD_294 }],
  }),
  wardCommitteeMinSize: defineSetting({
    key: 'wardCommittee.minSize',
    label: 'Số ủy viên Ban Chấp hành Đảng bộ phường tối thiểu',
    description: 'Ban Chấp hành Đảng bộ phường có ít ủy viên hơn số này được cảnh báo.',
    schema: count(1, 200),
    defaults: [{ effectiveFrom: '2025-04-14', value: 27, source: CT_45 }],
  }),
  wardCommitteeMaxSize: defineSetting({
    key: 'wardCommittee.maxSize',
    label: 'Số ủy viên Ban Chấp hành Đảng bộ phường tối đa',
    description: 'Ban Chấp hành Đảng bộ phường có nhiều ủy viên hơn số này được cảnh báo.',
    schema: count(1, 200),
    defaults: [{ effectiveFrom: '2025-04-14', value: 33, source: CT_45 }],
  }),
  wardStandingCommitteeMinSize: defineSetting({
    key: 'wardStandingCommittee.minSize',
    label: 'Số ủy viên Ban Thường vụ Đảng ủy phường tối thiểu',
    description: 'Tính cả bí thư và phó bí thư. Ban Thường vụ ít hơn số này được cảnh báo.',
    schema: count(1, 50),
    defaults: [{ effectiveFrom: '2025-04-14', value: 9, source: CT_45 }],
  }),
  wardStandingCommitteeMaxSize: defineSetting({
    key: 'wardStandingCommittee.maxSize',
    label: 'Số ủy viên Ban Thường vụ Đảng ủy phường tối đa',
    description: 'Tính cả bí thư và phó bí thư. Ban Thường vụ nhiều hơn số này được cảnh báo.',
    schema: count(1, 50),
    defaults: [{ effectiveFrom: '2025-04-14', value: 11, source: CT_45 }],
  }),
  wardDeputySecretariesMax: defineSetting({
    key: 'wardCommittee.maxDeputySecretaries',
    label: 'Số phó bí thư Đảng ủy phường tối đa',
    description: 'Một phó bí thư thường trực và một phó bí thư là chủ tịch Ủy ban nhân dân phường.',
    schema: count(1, 10),
    defaults: [{ effectiveFrom: '2025-04-14', value: 2, source: CT_45 }],
  }),
  standingCommitteeMinCommitteeSize: defineSetting({
    key: 'committee.standingCommitteeMinSize',
    label: 'Số cấp ủy viên để bầu ban thường vụ',
    description: 'Đảng ủy cơ sở có từ số ủy viên này trở lên mới bầu ban thường vụ.',
    schema: count(1, 100),
    defaults: [{ effectiveFrom: '2011-01-19', value: 9, source: `${CHARTER}, Điều 22` }],
  }),
  ageBands: defineSetting({
    key: 'statistics.ageBands',
    label: 'Nhóm tuổi trong thống kê',
    description: 'Mỗi nhóm gồm các tuổi tròn năm từ "từ" đến dưới "đến".',
    schema: numberBandsSchema,
    defaults: [
      {
        effectiveFrom: '2021-12-13',
        value: [
          { label: '18–30', to: 31 },
          { label: '31–40', from: 31, to: 41 },
          { label: '41–50', from: 41, to: 51 },
          { label: '51–60', from: 51, to: 61 },
          { label: 'Trên 60', from: 61 },
        ],
        source: 'Hướng dẫn 11-HD/BTCTW ngày 13/12/2021',
        note: UNCONFIRMED,
      },
    ],
  }),
  tenureBands: defineSetting({
    key: 'statistics.tenureBands',
    label: 'Nhóm tuổi Đảng trong thống kê',
    description: 'Mỗi nhóm gồm số năm tuổi Đảng từ "từ" đến dưới "đến".',
    schema: numberBandsSchema,
    defaults: [
      {
        effectiveFrom: '2021-12-13',
        value: [
          { label: 'Dưới 30 năm', to: 30 },
          { label: 'Từ 30 đến dưới 40 năm', from: 30, to: 40 },
          { label: 'Từ 40 đến dưới 50 năm', from: 40, to: 50 },
          { label: 'Từ 50 năm trở lên', from: 50 },
        ],
        source: 'Hướng dẫn 11-HD/BTCTW ngày 13/12/2021',
        note: UNCONFIRMED,
      },
    ],
  }),
  admissionPeriodBands: defineSetting({
    key: 'statistics.admissionPeriodBands',
    label: 'Thời kỳ vào Đảng trong thống kê',
    description: 'Mỗi thời kỳ gồm các ngày vào Đảng từ "từ" đến trước "đến".',
    schema: dateBandsSchema,
    defaults: [
      {
        effectiveFrom: '2021-12-13',
        value: [
          { label: 'Đến 30/4/1975', to: '1975-05-01' },
          { label: 'Từ 01/5/1975 đến 1985', from: '1975-05-01', to: '1986-01-01' },
          { label: 'Từ 1986 đến 1996', from: '1986-01-01', to: '1997-01-01' },
          { label: 'Từ 1997 đến 2010', from: '1997-01-01', to: '2011-01-01' },
          { label: 'Từ 2011 đến nay', from: '2011-01-01' },
        ],
        source: 'Hướng dẫn 11-HD/BTCTW ngày 13/12/2021',
        note: UNCONFIRMED,
      },
    ],
  }),
  badgeMilestones: defineSetting({
    key: 'badge.milestones',
    label: 'Các mốc Huy hiệu Đảng (năm tuổi Đảng)',
    description: 'Huy hiệu được trao ở các mốc tuổi Đảng này, theo thứ tự tăng dần, mỗi mốc một lần.',
    schema: z.array(z.number().int().positive()).min(1),
    defaults: [
      {
        effectiveFrom: '2021-09-28',
        value: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
        source: 'Hướng dẫn 01-HD/TW ngày 28/9/2021, mục 18',
      },
    ],
  }),
  badgeEarlyAward: defineSetting({
    key: 'badge.earlyAward',
    label: 'Xét tặng Huy hiệu Đảng sớm',
    description:
      'Đảng viên ốm nặng được xét tặng sớm: các mốc dưới "mốc cao" sớm tối đa "số tháng", từ "mốc cao" sớm tối đa "số tháng mốc cao"; truy tặng sớm tối đa "số tháng truy tặng".',
    schema: z.object({
      months: count(0, 60),
      seniorFromYears: count(1, 100),
      seniorMonths: count(0, 60),
      posthumousMonths: count(0, 60),
    }),
    defaults: [
      {
        effectiveFrom: '2021-09-28',
        value: { months: 12, seniorFromYears: 70, seniorMonths: 24, posthumousMonths: 12 },
        source: 'Hướng dẫn 01-HD/TW ngày 28/9/2021, mục 18',
      },
    ],
  }),
  clockMaxBehindHours: defineSetting({
    key: 'clockGuard.maxBehindHours',
    label: 'Độ lệch đồng hồ máy tính cho phép (giờ)',
    description:
      'Khi ngày giờ máy tính sớm hơn lần lưu thay đổi cuối cùng trên máy này quá số giờ này, phần mềm tạm khóa việc sửa dữ liệu cho đến khi chỉnh lại ngày giờ. 24 giờ cho phép đổi múi giờ hoặc máy chạy chậm vài phút mà vẫn chặn được ngày bị đặt sai.',
    schema: count(1, 720),
    defaults: [{ effectiveFrom: ALWAYS, value: 24, source: 'Quy tắc đồng bộ của phần mềm' }],
  }),
  ethnicGroups: codeListSetting(
    'codeList.ethnicGroups',
    'Danh mục dân tộc',
    '54 dân tộc theo thứ tự của Tổng cục Thống kê, dân tộc khác và người nước ngoài nhập quốc tịch.',
    DEFAULT_ETHNIC_GROUPS,
    'Danh mục các dân tộc Việt Nam (Tổng cục Thống kê)',
  ),
  religions: codeListSetting(
    'codeList.religions',
    'Danh mục tôn giáo',
    'Các tôn giáo được Nhà nước công nhận; thêm tôn giáo khi cần.',
    DEFAULT_RELIGIONS,
    'Danh sách mặc định của phần mềm',
  ),
  generalEducation: codeListSetting(
    'codeList.generalEducation',
    'Trình độ giáo dục phổ thông',
    'Ghi theo lớp/hệ (12/12, 10/10); nhóm dùng khi thống kê tiểu học, THCS, THPT.',
    DEFAULT_GENERAL_EDUCATION,
    'Danh sách mặc định của phần mềm',
  ),
  professionalQualifications: codeListSetting(
    'codeList.professionalQualifications',
    'Trình độ chuyên môn',
    'Thống kê theo trình độ cao nhất.',
    DEFAULT_PROFESSIONAL_QUALIFICATIONS,
    'Danh sách mặc định của phần mềm',
  ),
  academicTitles: codeListSetting(
    'codeList.academicTitles',
    'Học hàm',
    'Giáo sư, Phó Giáo sư.',
    DEFAULT_ACADEMIC_TITLES,
    'Danh sách mặc định của phần mềm',
  ),
  politicalTheoryLevels: codeListSetting(
    'codeList.politicalTheoryLevels',
    'Trình độ lý luận chính trị',
    'Cao cấp và cử nhân được thống kê chung một nhóm.',
    DEFAULT_POLITICAL_THEORY_LEVELS,
    'Quy định 57-QĐ/TW (2022)',
  ),
  orgCategories: defineSetting({
    key: 'codeList.orgCategories',
    label: 'Loại hình tổ chức đảng',
    description: 'Tên và thứ tự hiển thị của các loại hình; mã loại hình cố định.',
    schema: z
      .array(
        z.object({
          code: z.enum(ORG_CATEGORIES),
          label: z.string().min(1),
          inactive: z.boolean().optional(),
        }),
      )
      .min(1),
    defaults: [
      {
        effectiveFrom: ALWAYS,
        value: [...DEFAULT_ORG_CATEGORIES],
        source: 'Danh sách mặc định của phần mềm',
      },
    ],
  }),
  backupKeepAutomatic: defineSetting({
    key: 'backup.keepAutomatic',
    label: 'Số bản sao lưu tự động được giữ lại',
    description:
      'Phần mềm tự sao lưu trước mỗi lần nhập tệp đồng bộ và trước mỗi lần khôi phục; chỉ giữ số bản mới nhất này. Bản sao lưu do người dùng tạo không bị tự xóa.',
    schema: count(1, 100),
    defaults: [{ effectiveFrom: ALWAYS, value: 10, source: 'Mặc định của phần mềm' }],
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;

/** Every definition, in display order, for the settings screen and for validating stored records. */
export const SETTING_DEFINITIONS: readonly SettingDefinition<unknown>[] = Object.values(SETTINGS);

export function findSettingDefinition(key: string): SettingDefinition<unknown> | undefined {
  return SETTING_DEFINITIONS.find((definition) => definition.key === key);
}
