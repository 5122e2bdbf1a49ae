/**
 * What a business rule reports, and the date helpers the member and event rules share.
 *
 * An issue names the field it belongs to (so a form shows it next to that field) and says, in one
 * complete Vietnamese sentence, what is wrong and what to do. Errors block saving; warnings are shown
 * and the user may save anyway after confirming.
 */
import { completeDate, daysInMonth, formatDateVi, isValidIsoDate } from './dates';
import type { IsoDate } from './types';

export interface Issue {
  field: string;
  message: string;
}

export interface RuleResult {
  errors: Issue[];
  warnings: Issue[];
}

export class IssueList implements RuleResult {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];

  error(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  warn(field: string, message: string): void {
    this.warnings.push({ field, message });
  }

  hasError(field: string): boolean {
    return this.errors.some((issue) => issue.field === field);
  }

  result(): RuleResult {
    return { errors: [...this.errors], warnings: [...this.warnings] };
  }
}

/** Upper-cases the first letter of a label used inside a sentence ('ngày sinh' → 'Ngày sinh'). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MY = /^(\d{1,2})[/.-](\d{4})$/;

/**
 * The sentence for a date that is not a real date. `text` is what the user typed (a form passes the
 * raw text when it cannot read it) or a malformed stored value. `label` starts with "Ngày …".
 */
export function invalidDateMessage(label: string, text: string): string {
  const shown = text.trim();
  const dmy = DMY.exec(shown);
  if (dmy) {
    const [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (month < 1 || month > 12) return `${label} ${shown} không hợp lệ: tháng phải từ 1 đến 12.`;
    if (day < 1 || day > daysInMonth(year, month)) {
      const monthText = `${String(month).padStart(2, '0')}/${year}`;
      return `${label} ${shown} không hợp lệ: tháng ${monthText} chỉ có ${daysInMonth(year, month)} ngày.`;
    }
  }
  const my = MY.exec(shown);
  if (my && (Number(my[1]) < 1 || Number(my[1]) > 12))
    return `${label} ${shown} không hợp lệ: tháng phải từ 1 đến 12.`;
  return `${label} “${shown}” không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm (ví dụ 19/05/1990), tháng/năm (05/1990) hoặc chỉ năm (1990).`;
}

/** The value when it is a valid (possibly partial) ISO date, else undefined. */
export function validDate(value: unknown): IsoDate | undefined {
  return typeof value === 'string' && isValidIsoDate(value) ? value : undefined;
}

/** Whether `a` is on or after `b` whatever the missing parts of partial dates turn out to be. */
export function surelyNotBefore(a: IsoDate, b: IsoDate): boolean {
  return completeDate(a, 'start') >= completeDate(b, 'end');
}

/** Whether `a` is after `b` whatever the missing parts of partial dates turn out to be. */
export function surelyAfter(a: IsoDate, b: IsoDate): boolean {
  return completeDate(a, 'start') > completeDate(b, 'end');
}

/** 'dd/mm/yyyy' (or the partial form) for messages. */
export const shownDate = (date: IsoDate): string => formatDateVi(date);

/** '17 tuổi 8 tháng', '18 tuổi'. */
export function ageText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  return rest ? `${years} tuổi ${rest} tháng` : `${years} tuổi`;
}
