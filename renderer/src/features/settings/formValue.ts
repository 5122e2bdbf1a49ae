/**
 * Between a setting's value and what its editor holds: optional bounds become `null` in the form
 * (an empty input), dates become dayjs objects for the DatePicker, and text is normalized on the
 * way back. The schema, not the form, decides what is valid (see settingErrors.ts).
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { CodeListEntry } from '@shared/domain/codeLists';
import { normalizeText } from '@shared/text/vi';
import type { ValueShape } from './valueShape';

export const ISO_FORMAT = 'YYYY-MM-DD';

/** A code-list row; `isNew` marks an entry added in this edit, whose code may still be typed. */
export interface CodeRow {
  code: string;
  label: string;
  group?: string;
  inactive?: boolean;
  isNew?: boolean;
}

export interface BandRow<B> {
  label: string;
  from: B | null;
  to: B | null;
}

type Band<B> = { label: string; from?: B; to?: B };

const text = (value: unknown) => (typeof value === 'string' ? normalizeText(value) : '');
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

function bandsToForm<B, F>(bands: readonly Band<B>[], convert: (bound: B) => F): BandRow<F>[] {
  return bands.map((band) => ({
    label: band.label,
    from: band.from === undefined ? null : convert(band.from),
    to: band.to === undefined ? null : convert(band.to),
  }));
}

function bandsFromForm<F, B>(rows: readonly BandRow<F>[], convert: (bound: F) => B): Band<B>[] {
  return rows.map((row) => ({
    label: text(row.label),
    ...(row.from !== null && row.from !== undefined && { from: convert(row.from) }),
    ...(row.to !== null && row.to !== undefined && { to: convert(row.to) }),
  }));
}

export function toFormValue(shape: ValueShape, value: unknown): unknown {
  switch (shape) {
    case 'codeList':
      return (value as CodeListEntry[]).map((entry) => ({ ...entry }));
    case 'numberBands':
      return bandsToForm(value as Band<number>[], (bound) => bound);
    case 'dateBands':
      return bandsToForm(value as Band<string>[], (bound) => dayjs(bound));
    case 'numberList':
      return [...(value as number[])];
    case 'integerRecord':
      return { ...(value as Record<string, number>) };
    default:
      return value;
  }
}

function codeListFromForm(rows: readonly CodeRow[]): CodeListEntry[] {
  return rows.map((row) => {
    const group = text(row.group);
    return {
      code: row.isNew ? text(row.code) : row.code,
      label: text(row.label),
      ...(group && { group }),
      ...(row.inactive && { inactive: true }),
    };
  });
}

/** The value to validate and store. Empty inputs stay `null`, so the schema reports them. */
export function fromFormValue(shape: ValueShape, formValue: unknown): unknown {
  switch (shape) {
    case 'integer':
      return numberOrNull(formValue);
    case 'codeList':
      return codeListFromForm((formValue as CodeRow[] | undefined) ?? []);
    case 'numberBands':
      return bandsFromForm((formValue as BandRow<number>[] | undefined) ?? [], (bound) => bound);
    case 'dateBands':
      return bandsFromForm((formValue as BandRow<Dayjs>[] | undefined) ?? [], (bound) =>
        bound.format(ISO_FORMAT),
      );
    case 'numberList':
      return ((formValue as unknown[] | undefined) ?? []).map(numberOrNull);
    case 'integerRecord':
      return Object.fromEntries(
        Object.entries((formValue as Record<string, unknown>) ?? {}).map(([k, v]) => [k, numberOrNull(v)]),
      );
    case 'unknown':
      return formValue;
  }
}
