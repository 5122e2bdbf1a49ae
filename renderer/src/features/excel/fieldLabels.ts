import { MEMBER_FIELD_LABELS } from '@shared/domain/labels';
import { IMPORT_FIELDS, type ImportField } from '@shared/excel/headings';
import { vi } from '../../i18n/vi';

/** The Vietnamese name of an import field, as the mapping step offers it. */
export function importFieldLabel(field: ImportField): string {
  if (field in vi.excel.fields) return vi.excel.fields[field as keyof typeof vi.excel.fields];
  return MEMBER_FIELD_LABELS[field as keyof typeof MEMBER_FIELD_LABELS];
}

export const IMPORT_FIELD_OPTIONS = IMPORT_FIELDS.map((field) => ({ value: field, label: importFieldLabel(field) }));

/** Excel's letter for a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
