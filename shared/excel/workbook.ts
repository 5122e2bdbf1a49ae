/**
 * A workbook described without the Excel library: title lines, header rows (cells may span
 * columns or rows), data rows of typed cells, and column widths that fit their content. The
 * renderer's one Excel module (renderer/src/features/excel/xlsx.ts) writes it.
 */
import { formatDateVi, isFullIsoDate } from '../domain/dates';
import type { IsoDate } from '../domain/types';

export type ExportCell =
  | { text: string }
  | { date: IsoDate }
  | { number: number }
  | null;

export interface HeaderCell {
  text: string;
  columnSpan?: number;
  rowSpan?: number;
}

export interface SheetModel {
  name: string;
  /** Lines above the table, each merged across it (title, organization, “tính đến ngày”). */
  titles: string[];
  /** Header rows; a spanned cell is followed by nulls where it spans. */
  header: (HeaderCell | null)[][];
  rows: ExportCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Lines below the table (date and signature). */
  footer?: string[];
}

/** A full ISO date becomes a real Excel date; a partial one ('1965', '1965-04') stays text as printed. */
export function dateCell(date: IsoDate | undefined): ExportCell {
  if (!date) return null;
  return isFullIsoDate(date) ? { date } : { text: formatDateVi(date) };
}

export function textCell(text: string | undefined | null): ExportCell {
  return text ? { text } : null;
}

/** What a cell shows, for width and for tests. */
export function shownText(cell: ExportCell): string {
  if (!cell) return '';
  if ('text' in cell) return cell.text;
  if ('date' in cell) return formatDateVi(cell.date);
  return String(cell.number);
}

const MIN_WIDTH = 5;
const MAX_WIDTH = 45;

/**
 * Widths that fit: the longest line of each column's cells and headings (a heading spanning
 * several columns is left out), within bounds so a long note wraps instead of widening the sheet.
 */
export function fitWidths(header: (HeaderCell | null)[][], rows: readonly ExportCell[][], columns: number): number[] {
  const widths = new Array<number>(columns).fill(MIN_WIDTH);
  const grow = (column: number, text: string) => {
    const longest = Math.max(...text.split('\n').map((line) => line.length));
    widths[column] = Math.min(MAX_WIDTH, Math.max(widths[column]!, longest + 2));
  };
  for (const line of header)
    line.forEach((cell, column) => {
      // Headings wrap: a word, not the whole heading, sets the minimum.
      if (cell && (cell.columnSpan ?? 1) === 1)
        grow(column, cell.text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), ''));
    });
  for (const row of rows) row.forEach((cell, column) => grow(column, shownText(cell)));
  return widths;
}
