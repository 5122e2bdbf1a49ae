/**
 * The rows that could not be imported, as a sheet to fix and import again: the file's own headings
 * and cells, unchanged (dates stay dates), with a last column “Lỗi cần sửa” listing each problem.
 * The error column's heading is one the importer passes over, so the fixed file imports as is.
 */
import { formatIsoDate } from '../domain/dates';
import type { SheetCell } from './cells';
import type { PlannedRow } from './importRows';
import { fitWidths, type ExportCell, type HeaderCell, type SheetModel } from './workbook';

export const ERROR_COLUMN_HEADING = 'Lỗi cần sửa';

function exportCell(cell: SheetCell): ExportCell {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date)
    return {
      date: formatIsoDate({ year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() }),
    };
  if (typeof cell === 'number') return { number: cell };
  return { text: String(cell) };
}

export function errorSheet(headings: readonly string[], rows: readonly PlannedRow[]): SheetModel {
  const width = headings.length;
  const header: (HeaderCell | null)[][] = [[...headings.map((text) => ({ text })), { text: ERROR_COLUMN_HEADING }]];
  const data: ExportCell[][] = rows.map((row) => {
    const cells: ExportCell[] = [];
    for (let c = 0; c < width; c++) cells.push(exportCell(row.cells[c]));
    cells.push({ text: row.errors.map((issue) => issue.message).join("\n") });
    return cells;
  });
  return { name: 'Dòng cần sửa', titles: [], header, rows: data, widths: fitWidths(header, data, width + 1) };
}
