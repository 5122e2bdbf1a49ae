/**
 * Reading the header of a member list as offices keep it: title rows and merged cells above, a row
 * of column numbers “(1) (2) (3)” or a “Nam | Nữ” split under it, columns in any order, headings
 * written in full or abbreviated (“NS”, “LLCT”, “Số thẻ ĐV”). Headings are compared folded (case,
 * diacritics and punctuation ignored), so “Họ và tên”, “HỌ VÀ TÊN” and “Ho va ten” are one heading.
 */
import { foldForSearch } from '../text/vi';
import { cellText, type SheetCell } from './cells';

/** Where a column's values go. `ignore` columns are read but not imported (STT, the error column). */
export const IMPORT_FIELDS = [
  'fullName',
  'birthName',
  'sex',
  'birthDate',
  'birthDateMale',
  'birthDateFemale',
  'ethnicity',
  'religion',
  'hometown',
  'birthPlace',
  'permanentAddress',
  'citizenId',
  'partyCardNumber',
  'dossierNumber',
  'phone',
  'admissionDecisionNumber',
  'admissionDecisionDate',
  'joinedOn',
  'officialOn',
  'generalEducation',
  'professionalQualification',
  'major',
  'politicalTheory',
  'foreignLanguages',
  'occupation',
  'workplace',
  'partyPosts',
  'organization',
  'notes',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A column mapping: for each column of the sheet, the field it fills (or none). */
export type ColumnMapping = (ImportField | null)[];

/** Folded heading: lower case, no diacritics, punctuation as spaces ('Số thẻ ĐV' → 'so the dv'). */
export function foldHeading(text: string): string {
  return foldForSearch(text.replace(/[.,:;()[\]/\\*_'"“”‘’–—-]+/g, ' '));
}

/**
 * Headings by field, folded. `exact` must be the whole heading; `contains` may be part of a longer
 * one (“Ngày, tháng, năm sinh”). Fields are tried in this order, so the more specific come first
 * (“Họ và tên khai sinh” before “Họ và tên”, “Ngày quyết định kết nạp” before “kết nạp”).
 */
const HEADINGS: readonly { field: ImportField; exact?: readonly string[]; contains?: readonly string[] }[] = [
  { field: 'ignore', exact: ['stt', 'tt', 'so tt', 'so thu tu', 'loi can sua'] },
  { field: 'birthName', contains: ['ten khai sinh'] },
  {
    field: 'fullName',
    exact: ['ho va ten', 'ho ten', 'ho va ten dang vien', 'ho ten dang vien', 'ten dang vien', 'ho va ten dang dung'],
    contains: ['ho va ten', 'ho ten'],
  },
  { field: 'sex', exact: ['gioi tinh', 'gt', 'nam nu', 'phai'] },
  { field: 'birthDateMale', exact: ['nam'] },
  { field: 'birthDateFemale', exact: ['nu'] },
  { field: 'admissionDecisionDate', contains: ['ngay quyet dinh ket nap', 'ngay qd ket nap', 'ngay qd kn'] },
  { field: 'admissionDecisionNumber', contains: ['so quyet dinh ket nap', 'so qd ket nap', 'quyet dinh ket nap', 'qd ket nap'] },
  {
    field: 'officialOn',
    exact: ['nct', 'chinh thuc', 'ngay ct'],
    contains: ['ngay chinh thuc', 'cong nhan chinh thuc', 'dang chinh thuc', 'ngay dv chinh thuc'],
  },
  {
    field: 'joinedOn',
    exact: ['nvd', 'ngay vd', 'ngay kn', 'ket nap'],
    contains: ['ngay vao dang', 'vao dang', 'ngay ket nap', 'ngay le ket nap'],
  },
  {
    field: 'birthDate',
    exact: ['ns', 'ngay sinh', 'nam sinh', 'sinh ngay', 'ngay thang nam sinh', 'ngay thang sinh'],
    contains: ['ngay sinh', 'nam sinh', 'thang nam sinh'],
  },
  { field: 'ethnicity', exact: ['dan toc'], contains: ['dan toc'] },
  { field: 'religion', exact: ['ton giao', 'tg'], contains: ['ton giao'] },
  { field: 'hometown', exact: ['que quan', 'qq', 'nguyen quan'], contains: ['que quan'] },
  { field: 'birthPlace', exact: ['noi sinh'] },
  {
    field: 'permanentAddress',
    exact: ['dia chi', 'thuong tru', 'noi o', 'cho o', 'noi o hien nay', 'cho o hien nay'],
    contains: ['noi thuong tru', 'dia chi thuong tru', 'ho khau thuong tru', 'dia chi'],
  },
  {
    field: 'citizenId',
    exact: ['cccd', 'so cccd', 'cmnd', 'so cmnd', 'cmnd cccd', 'so cmnd cccd', 'can cuoc', 'so can cuoc'],
    contains: ['dinh danh', 'can cuoc', 'cccd'],
  },
  {
    field: 'partyCardNumber',
    exact: ['so the', 'so the dv', 'so the dang', 'so the dang vien', 'the dang vien', 'the dv', 'so tdv', 'tdv'],
    contains: ['so the dang', 'so the dv'],
  },
  { field: 'dossierNumber', exact: ['so ly lich', 'so ll', 'sll', 'ly lich'], contains: ['so ly lich'] },
  { field: 'phone', exact: ['dien thoai', 'so dien thoai', 'sdt', 'so dt'], contains: ['dien thoai'] },
  {
    field: 'generalEducation',
    exact: ['hoc van', 'van hoa', 'gdpt', 'tdvh', 'trinh do hoc van', 'trinh do van hoa', 'giao duc pho thong'],
    contains: ['hoc van', 'giao duc pho thong', 'trinh do van hoa'],
  },
  { field: 'politicalTheory', exact: ['llct', 'ly luan', 'tdll', 'ly luan ct'], contains: ['ly luan chinh tri', 'llct'] },
  {
    field: 'professionalQualification',
    exact: ['chuyen mon', 'cmnv', 'tdcm', 'trinh do chuyen mon', 'chuyen mon nghiep vu'],
    contains: ['chuyen mon'],
  },
  { field: 'major', exact: ['chuyen nganh', 'nganh dao tao', 'nganh hoc'] },
  { field: 'foreignLanguages', exact: ['ngoai ngu', 'trinh do ngoai ngu'] },
  {
    field: 'occupation',
    exact: ['nghe nghiep', 'nghe nghiep hien nay', 'nghe nghiep hien tai', 'cong viec', 'cong viec hien nay'],
  },
  {
    field: 'workplace',
    exact: ['noi lam viec', 'co quan', 'don vi cong tac', 'noi cong tac', 'co quan cong tac'],
  },
  { field: 'partyPosts', exact: ['chuc vu', 'chuc vu dang', 'chuc vu trong dang'] },
  {
    field: 'organization',
    exact: ['chi bo', 'to chuc dang', 'chi bo sinh hoat', 'sinh hoat tai chi bo', 'noi sinh hoat', 'don vi'],
    contains: ['chi bo', 'to chuc dang'],
  },
  { field: 'notes', exact: ['ghi chu', 'gc'], contains: ['ghi chu'] },
];

/** The field a heading names, or null when it is not one we know. */
export function fieldForHeading(heading: string): ImportField | null {
  const folded = foldHeading(heading);
  if (!folded) return null;
  for (const rule of HEADINGS) if (rule.exact?.includes(folded)) return rule.field;
  for (const rule of HEADINGS) if (rule.contains?.some((part) => folded.includes(part))) return rule.field;
  return null;
}

/** How far down the sheet the header may be (title rows, the committee's name, the date). */
const HEADER_SCAN_ROWS = 40;

export interface HeaderLayout {
  /** 0-based index of the header row. */
  headerRow: number;
  /** 0-based index of the first row after the header (and its sub-header or column numbers). */
  firstDataRow: number;
  /** The heading of each column as shown to the user (parent heading and sub-heading joined). */
  headings: string[];
}

/** A row of column numbers under the header: “1 2 3 …” or “(1) (2) (3)”. */
function isColumnNumberRow(row: readonly SheetCell[]): boolean {
  const texts = row.map(cellText).filter(Boolean);
  return texts.length >= 2 && texts.every((text) => /^\(?\d{1,2}\)?$/.test(text));
}

/** A sub-header row: its texts are headings (“Nam”, “Nữ”, “Ngày vào Đảng”) and no data. */
function isSubHeaderRow(row: readonly SheetCell[]): boolean {
  const texts = row.filter((cell) => cell !== null && cell !== undefined && cell !== '');
  return (
    texts.length >= 2 &&
    texts.every((cell) => typeof cell === 'string' && fieldForHeading(cell) !== null && cell.length < 40)
  );
}

function headerScore(row: readonly SheetCell[]): { score: number; hasName: boolean } {
  let score = 0;
  let hasName = false;
  const seen = new Set<ImportField>();
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const field = fieldForHeading(cell);
    if (!field || seen.has(field)) continue;
    seen.add(field);
    score += 1;
    if (field === 'fullName') hasName = true;
  }
  return { score, hasName };
}

/**
 * Finds the header: among the first rows, the one naming the most known fields, which must include
 * the name. Null when no row names the name and at least one other field.
 */
export function findHeader(rows: readonly (readonly SheetCell[])[]): HeaderLayout | null {
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const { score, hasName } = headerScore(rows[i]!);
    if (hasName && score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  const header = rows[best]!;
  let next = best + 1;
  let sub: readonly SheetCell[] | undefined;
  if (rows[next] && isSubHeaderRow(rows[next]!)) sub = rows[next++];
  if (rows[next] && isColumnNumberRow(rows[next]!)) next += 1;
  const width = Math.max(header.length, sub?.length ?? 0);
  const headings: string[] = [];
  let parent = '';
  for (let c = 0; c < width; c++) {
    const own = cellText(header[c]);
    // A merged heading spans several sub-columns: its text sits in the first cell only.
    if (own) parent = own;
    const below = sub ? cellText(sub[c]) : '';
    if (below) headings.push(own ? `${own} – ${below}` : `${parent} – ${below}`);
    else headings.push(own);
  }
  return { headerRow: best, firstDataRow: next, headings };
}

/** The field a (possibly joined “parent – sub”) heading names: the sub-heading first. */
function fieldForJoined(heading: string): ImportField | null {
  const parts = heading.split(' – ');
  for (let i = parts.length - 1; i >= 0; i--) {
    const field = fieldForHeading(parts[i]!);
    if (field) return field;
  }
  return null;
}

/** The automatic mapping: each known field goes to the first column that names it. */
export function autoMapColumns(headings: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headings.map((heading) => {
    const field = fieldForJoined(heading);
    if (!field) return null;
    if (field !== 'ignore' && used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** A key for a set of headings, to remember the mapping the user chose for files laid out alike. */
export function headingSignature(headings: readonly string[]): string {
  return headings.map(foldHeading).join('|');
}

/**
 * Problems with a mapping that stop the import: no name column, a field mapped twice, a birth date
 * nowhere. Returned as Vietnamese sentences.
 */
export function mappingProblems(mapping: ColumnMapping, fieldLabel: (field: ImportField) => string): string[] {
  const problems: string[] = [];
  const counts = new Map<ImportField, number>();
  for (const field of mapping) if (field && field !== 'ignore') counts.set(field, (counts.get(field) ?? 0) + 1);
  if (!counts.has('fullName')) problems.push('Chưa chọn cột “Họ và tên”: hãy chỉ ra cột chứa họ và tên đảng viên.');
  for (const [field, count] of counts)
    if (count > 1) problems.push(`Cột “${fieldLabel(field)}” được chọn cho ${count} cột; mỗi thông tin chỉ lấy từ một cột.`);
  return problems;
}
