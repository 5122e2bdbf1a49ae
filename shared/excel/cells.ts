/**
 * Reading one cell's value into a member field: dates in every form offices type them, sex, codes
 * from the code lists (by label, folded, or by a common abbreviation), and text cleaned to NFC with
 * single spaces. Each reader returns the value or a Vietnamese sentence saying why it cannot.
 */
import { activeEntries, type CodeList } from '../domain/codeLists';
import { formatIsoDate, isValidIsoDate, parseDateVi } from '../domain/dates';
import { invalidDateMessage } from '../domain/ruleIssues';
import type { IsoDate, Sex } from '../domain/types';
import { foldForSearch, isBlankText, normalizeText } from '../text/vi';

/** A cell as the reader gives it: text, number, boolean, a date (UTC midnight), or empty. */
export type SheetCell = string | number | boolean | Date | null | undefined;

export type Read<T> = { value: T } | { error: string } | { empty: true };

export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : formatIsoDate(utcParts(cell));
  return normalizeText(String(cell));
}

/** Whether a cell holds anything (`cellText(cell) !== ''`), without making its text: asked of every cell of an import. */
export function isFilledCell(cell: SheetCell): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === 'string') return !isBlankText(cell);
  if (cell instanceof Date) return !isNaN(cell.getTime());
  return true;
}

function utcParts(date: Date) {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Excel's day count (1900 system) of 1 January 1900 is 1; its fictional 29/2/1900 is 60. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A serial number of the 1900 date system as an ISO date. */
export function excelSerialToIso(serial: number): IsoDate {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return formatIsoDate(utcParts(date));
}

/** Serials of 1/1/1900 … 31/12/2099: a number in this range in a date column is a date. */
const SERIAL_MIN = 367; // 1/1/1901: a year written as a number (1950) stays a year below.
const SERIAL_MAX = 73_050;

/**
 * A date cell: a real Excel date, text 'dd/mm/yyyy', 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy',
 * 'mm/yyyy', 'yyyy-mm-dd', or a year alone (as text or number). Two-digit years are refused: “80”
 * could be 1980 or 2080 and a wrong guess would go unnoticed.
 */
export function readDateCell(cell: SheetCell, label: string): Read<IsoDate> {
  if (cell === null || cell === undefined || cell === '') return { empty: true };
  if (cell instanceof Date) {
    if (isNaN(cell.getTime())) return { error: `${label} không đọc được; hãy ghi theo dạng ngày/tháng/năm.` };
    return { value: formatIsoDate(utcParts(cell)) };
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 9999) return { value: String(cell) };
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) return { value: excelSerialToIso(cell) };
    return { error: `${label} “${cell}” không phải là ngày; hãy ghi theo dạng ngày/tháng/năm, ví dụ 03/05/1980, hoặc chỉ ghi năm.` };
  }
  if (typeof cell === 'boolean') return { error: `${label} không phải là ngày; hãy ghi theo dạng ngày/tháng/năm.` };
  const text = normalizeText(cell).replace(/\s*([/.-])\s*/g, '$1');
  if (!text) return { empty: true };
  if (isValidIsoDate(text) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return { value: text };
  const parsed = parseDateVi(text);
  if (parsed) return { value: parsed };
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text))
    return {
      error: `${label} “${text}” ghi năm bằng 2 chữ số; hãy ghi đủ 4 chữ số của năm, ví dụ 03/05/1980.`,
    };
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text) || /^\d{1,2}[/.-]\d{4}$/.test(text))
    return { error: invalidDateMessage(label, text) };
  return {
    error: `${label} “${text}” không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 03/05/1980, hoặc chỉ ghi năm.`,
  };
}

const MALE = new Set(['nam', 'male', 'm', 'trai']);
const FEMALE = new Set(['nu', 'female', 'f', 'gai']);

export function readSexCell(cell: SheetCell): Read<Sex> {
  const text = cellText(cell);
  if (!text) return { empty: true };
  const folded = foldForSearch(text);
  if (MALE.has(folded)) return { value: 'male' };
  if (FEMALE.has(folded)) return { value: 'female' };
  return { error: `Giới tính “${text}” không đọc được; hãy ghi “Nam” hoặc “Nữ”.` };
}

/** Abbreviations offices write for some code-list entries (folded → code). */
export const CODE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  religion: { khong: 'none', 'thien chua': 'catholicism', 'thien chua giao': 'catholicism', 'dao phat': 'buddhism', phat: 'buddhism', 'hoa hao': 'hoaHao', 'tin lanh': 'protestantism' },
  politicalTheory: { chua: 'none', khong: 'none', sc: 'elementary', tc: 'intermediate', cc: 'advanced', cn: 'bachelor', 'cu nhan chinh tri': 'bachelor' },
  professionalQualification: {
    khong: 'none',
    chua: 'none',
    sc: 'elementary',
    tc: 'intermediate',
    cd: 'college',
    dh: 'university',
    'cu nhan': 'university',
    'ky su': 'university',
    ths: 'master',
    ts: 'doctorate',
    tskh: 'scienceDoctorate',
  },
  ethnicity: { hmong: '08', 'h mong': '08', mong: '08', 'kho me': '05', khmer: '05' },
};

/**
 * Builds a reader of one code list: a cell matches an entry by its label or code (folded), or by
 * an alias. Unknown text is returned as `unknown` so the caller decides: the member rules have
 * their own sentence for an unknown ethnicity or religion.
 */
export function codeReader(list: CodeList, aliases: Readonly<Record<string, string>> = {}) {
  const byText = new Map<string, string>();
  for (const entry of list) {
    byText.set(foldForSearch(entry.code), entry.code);
    byText.set(foldForSearch(entry.label), entry.code);
    byText.set(foldForSearch(entry.label).replace(/-/g, ' '), entry.code);
  }
  for (const entry of activeEntries(list)) byText.set(foldForSearch(entry.label), entry.code);
  for (const [alias, code] of Object.entries(aliases)) if (!byText.has(alias)) byText.set(alias, code);
  return (cell: SheetCell): { code: string } | { unknown: string } | { empty: true } => {
    const text = cellText(cell);
    if (!text) return { empty: true };
    const folded = foldForSearch(text).replace(/\./g, '');
    const code = byText.get(folded) ?? byText.get(folded.replace(/-/g, ' '));
    return code ? { code } : { unknown: text };
  };
}

/**
 * General education as written, '12/12'. Excel turns a typed “12/12” into the date 12 December;
 * such a date is read back as day/month.
 */
export function readGeneralEducation(cell: SheetCell): string | undefined {
  if (cell instanceof Date) {
    const { day, month } = utcParts(cell);
    return `${day}/${month}`;
  }
  const text = cellText(cell);
  return text || undefined;
}

/** Identifying numbers: Excel drops leading zeros from numbers, so a 12-digit id typed as a number lost them. */
export function readNumberText(cell: SheetCell, digits?: number): string | undefined {
  if (typeof cell === 'number' && Number.isInteger(cell)) {
    const text = String(cell);
    return digits && text.length < digits ? text.padStart(digits, '0') : text;
  }
  const text = cellText(cell);
  return text || undefined;
}
