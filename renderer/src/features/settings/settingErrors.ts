/**
 * Turns a refused setting value into a Vietnamese sentence. The schemas' own messages are
 * Vietnamese where they were written by hand (refinements), but zod's built-in checks speak
 * English ("Too small: expected number to be >=1"), so the common issue codes are mapped here.
 */
import { vi } from '../../i18n/vi';
import { fieldLabel } from './valueShape';

/** The part of a zod issue read here (zod 4 issue shape; kept minimal on purpose). */
interface Issue {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

const e = vi.rules.errors;

function issuesOf(error: unknown): Issue[] | undefined {
  if (typeof error !== 'object' || error === null || !('issues' in error)) return undefined;
  const { issues } = error;
  return Array.isArray(issues) && issues.length > 0 ? (issues as Issue[]) : undefined;
}

function where(path: readonly PropertyKey[]): string {
  const parts = path.map((part) =>
    typeof part === 'number' ? e.row(part + 1) : e.field(fieldLabel(String(part))),
  );
  return parts.length ? `${parts.join(', ')}: ` : '';
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

function predicate(issue: Issue): string {
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return e.emptyText;
      if (issue.origin === 'array') return e.tooFewEntries(min);
      return issue.inclusive === false ? e.greaterThan(min) : e.atLeast(min);
    case 'too_big':
      return issue.inclusive === false ? e.lessThan(max) : e.atMost(max);
    case 'invalid_type':
      return issue.expected === 'int' ? e.notInteger : e.missing;
    case 'invalid_value':
      return e.notAllowed;
    case 'custom':
      return issue.message ? lowerFirst(issue.message.replace(/\.\s*$/, '')) : e.other;
    default:
      return e.other;
  }
}

/** "Giá trị không hợp lệ: dòng 3, ô "Tên": không được để trống." for a validation error. */
export function describeSettingError(error: unknown): string {
  const issue = issuesOf(error)?.[0];
  if (issue) return e.invalid(where(issue.path ?? []) + predicate(issue));
  const detail = error instanceof Error ? error.message : String(error);
  return `${vi.rules.saveFailed}: ${detail}`;
}
