/**
 * Default code lists (domain.md §2.3). They are the default values of editable, dated settings
 * (settingDefinitions.ts): the office can rename, reorder and add entries; a stored record keeps
 * the code, so codes are never reused for something else. An entry no longer offered for new
 * records is marked `inactive` rather than removed, so old records still show their label.
 */
import { ORG_CATEGORY_LABELS } from './labels';
import { ORG_CATEGORIES, type OrgCategory } from './types';

export interface CodeListEntry {
  code: string;
  label: string;
  /** Statistics group when several codes are counted together (e.g. cao cấp + cử nhân). */
  group?: string;
  inactive?: boolean;
}

export type CodeList = readonly CodeListEntry[];

/** The label of a code, or the code itself when the list does not know it (data from elsewhere). */
export function codeLabel(list: CodeList, code: string | undefined): string {
  if (code === undefined) return '';
  return list.find((entry) => entry.code === code)?.label ?? code;
}

/** The statistics group of a code: its `group`, or the code itself. */
export function codeGroup(list: CodeList, code: string): string {
  return list.find((entry) => entry.code === code)?.group ?? code;
}

/** Entries offered for new records. */
export function activeEntries(list: CodeList): CodeListEntry[] {
  return list.filter((entry) => !entry.inactive);
}

// prettier-ignore
const ETHNIC_GROUP_NAMES = [
  'Kinh', 'Tày', 'Thái', 'Hoa', 'Khơ-me', 'Mường', 'Nùng', 'HMông', 'Dao', 'Gia-rai',
  'Ngái', 'Ê-đê', 'Ba-na', 'Xơ-đăng', 'Sán Chay', 'Cơ-ho', 'Chăm', 'Sán Dìu', 'Hrê', 'Mnông',
  'Ra-glai', 'Xtiêng', 'Bru-Vân Kiều', 'Thổ', 'Giáy', 'Cơ-tu', 'Giẻ-Triêng', 'Mạ', 'Khơ-mú', 'Co',
  'Tà-ôi', 'Chơ-ro', 'Kháng', 'Xinh-mun', 'Hà Nhì', 'Chu-ru', 'Lào', 'La Chí', 'La Ha', 'Phù Lá',
  'La Hủ', 'Lự', 'Lô Lô', 'Chứt', 'Mảng', 'Pà Thẻn', 'Cờ Lao', 'Cống', 'Bố Y', 'Si La',
  'Pu Péo', 'Brâu', 'Ơ Đu', 'Rơ-măm',
] as const;

/** The 54 ethnic groups in the statistics office's order, codes '01'..'54', then other and foreign origin. */
export const DEFAULT_ETHNIC_GROUPS: CodeList = [
  ...ETHNIC_GROUP_NAMES.map((label, i) => ({ code: String(i + 1).padStart(2, '0'), label })),
  { code: 'other', label: 'Dân tộc khác' },
  { code: 'foreignOrigin', label: 'Người nước ngoài nhập quốc tịch Việt Nam' },
];

export const ETHNICITY_KINH = '01';

export const DEFAULT_RELIGIONS: CodeList = [
  { code: 'none', label: 'Không' },
  { code: 'buddhism', label: 'Phật giáo' },
  { code: 'catholicism', label: 'Công giáo' },
  { code: 'protestantism', label: 'Tin lành' },
  { code: 'caoDai', label: 'Cao Đài' },
  { code: 'hoaHao', label: 'Phật giáo Hòa Hảo' },
  { code: 'islam', label: 'Hồi giáo' },
  { code: 'bahai', label: 'Baha’i' },
  { code: 'tuAnHieuNghia', label: 'Tứ Ân Hiếu Nghĩa' },
  { code: 'buuSonKyHuong', label: 'Bửu Sơn Kỳ Hương' },
  { code: 'other', label: 'Tôn giáo khác' },
];

export const RELIGION_NONE = 'none';

/**
 * General education as written on the form: grade reached / years of the system. Groups follow the
 * levels of each system (12-year: 1–5, 6–9, 10–12; 10-year: 1–4, 5–7, 8–10; 9-year: 1–4, 5–7, 8–9).
 */
function educationEntries(system: number, primaryTop: number, lowerTop: number): CodeListEntry[] {
  const entries: CodeListEntry[] = [];
  for (let grade = system; grade >= 1; grade -= 1) {
    const group = grade <= primaryTop ? 'primary' : grade <= lowerTop ? 'lowerSecondary' : 'upperSecondary';
    entries.push({ code: `${grade}/${system}`, label: `${grade}/${system}`, group });
  }
  return entries;
}

export const DEFAULT_GENERAL_EDUCATION: CodeList = [
  ...educationEntries(12, 5, 9),
  ...educationEntries(10, 4, 7),
  ...educationEntries(9, 4, 7),
];

export const GENERAL_EDUCATION_GROUPS = ['primary', 'lowerSecondary', 'upperSecondary'] as const;
export type GeneralEducationGroup = (typeof GENERAL_EDUCATION_GROUPS)[number];
export const GENERAL_EDUCATION_GROUP_LABELS = {
  primary: 'Tiểu học',
  lowerSecondary: 'Trung học cơ sở',
  upperSecondary: 'Trung học phổ thông',
} as const satisfies Record<GeneralEducationGroup, string>;

/**
 * The level of a general-education value ('12/12', '7/10', also '12/12 (bổ túc)' as typed) by its
 * grade and system, so values missing from the list still count.
 */
export function generalEducationGroup(value: string | undefined): GeneralEducationGroup | undefined {
  const match = value ? /(\d{1,2})\s*\/\s*(9|10|12)\b/.exec(value) : null;
  if (!match) return undefined;
  const grade = Number(match[1]);
  const system = Number(match[2]);
  if (grade < 1 || grade > system) return undefined;
  const [primaryTop, lowerTop] = system === 12 ? [5, 9] : [4, 7];
  return grade <= primaryTop ? 'primary' : grade <= lowerTop ? 'lowerSecondary' : 'upperSecondary';
}

/** Highest professional qualification (trình độ chuyên môn), lowest first. */
export const DEFAULT_PROFESSIONAL_QUALIFICATIONS: CodeList = [
  { code: 'none', label: 'Chưa qua đào tạo' },
  { code: 'elementary', label: 'Sơ cấp' },
  { code: 'intermediate', label: 'Trung cấp' },
  { code: 'college', label: 'Cao đẳng' },
  { code: 'university', label: 'Đại học' },
  { code: 'master', label: 'Thạc sĩ' },
  { code: 'doctorate', label: 'Tiến sĩ' },
  { code: 'scienceDoctorate', label: 'Tiến sĩ khoa học', group: 'doctorate' },
];

/** Học hàm. */
export const DEFAULT_ACADEMIC_TITLES: CodeList = [
  { code: 'associateProfessor', label: 'Phó Giáo sư' },
  { code: 'professor', label: 'Giáo sư' },
];

/** Lý luận chính trị: cao cấp and cử nhân are counted together in statistics (domain.md §2.2). */
export const DEFAULT_POLITICAL_THEORY_LEVELS: CodeList = [
  { code: 'none', label: 'Chưa qua đào tạo' },
  { code: 'elementary', label: 'Sơ cấp' },
  { code: 'intermediate', label: 'Trung cấp' },
  { code: 'advanced', label: 'Cao cấp', group: 'advancedOrBachelor' },
  { code: 'bachelor', label: 'Cử nhân', group: 'advancedOrBachelor' },
];

export const POLITICAL_THEORY_GROUP_LABELS: Record<string, string> = {
  advancedOrBachelor: 'Cao cấp, cử nhân',
};

/** Organization categories: the codes are fixed (`OrgCategory`); labels and order are editable. */
export const DEFAULT_ORG_CATEGORIES: readonly (CodeListEntry & { code: OrgCategory })[] = ORG_CATEGORIES.map(
  (code) => ({ code, label: ORG_CATEGORY_LABELS[code] }),
);
