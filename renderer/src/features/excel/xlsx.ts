/**
 * The one module that talks to the Excel libraries (architecture.md: read-excel-file and
 * write-excel-file behind one module; never the npm `xlsx` package). Reading refuses, with a
 * sentence saying how to convert, any file that is not an `.xlsx` (told by its bytes) and any
 * sheet typed in an old Vietnamese encoding; writing turns a `SheetModel` into `.xlsx` bytes.
 */
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile, { type Cell, type Row, type SheetData } from 'write-excel-file/universal';
import { detectSpreadsheetKind, spreadsheetKindRefusal } from '@shared/excel/fileKind';
import { detectLegacyEncoding, legacyEncodingMessage } from '@shared/excel/legacyEncoding';
import type { SheetCell } from '@shared/excel/cells';
import type { ExportCell, HeaderCell, SheetModel } from '@shared/excel/workbook';

export interface ReadSheet {
  name: string;
  rows: SheetCell[][];
}

/** A file the import cannot read; `message` is the Vietnamese sentence for the user. */
export class ExcelReadError extends Error {}

function* sheetTexts(sheets: readonly ReadSheet[]): Generator<string> {
  for (const sheet of sheets) for (const row of sheet.rows) for (const cell of row) if (typeof cell === 'string') yield cell;
}

/** Reads every sheet of an `.xlsx`; throws `ExcelReadError` with advice for anything else. */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<ReadSheet[]> {
  const refusal = spreadsheetKindRefusal(detectSpreadsheetKind(bytes), fileName);
  if (refusal) throw new ExcelReadError(refusal);
  let sheets: ReadSheet[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const read = await readXlsxFile(buffer);
    sheets = read.map((sheet) => ({ name: sheet.sheet, rows: sheet.data as unknown as SheetCell[][] }));
  } catch (error) {
    throw new ExcelReadError(
      `Không đọc được tệp “${fileName}”: tệp Excel bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi thử lại.`,
      { cause: error },
    );
  }
  const legacy = detectLegacyEncoding(sheetTexts(sheets));
  if (legacy) throw new ExcelReadError(legacyEncodingMessage(legacy));
  return sheets;
}

const BORDER = { borderStyle: 'thin', borderColor: '#999999' } as const;
const DATE_FORMAT = 'dd/mm/yyyy';

function dataCell(cell: ExportCell): Cell {
  if (!cell) return { value: undefined, ...BORDER };
  if ('date' in cell) {
    const [y, m, d] = cell.date.split('-').map(Number);
    return { value: new Date(Date.UTC(y!, m! - 1, d)), type: Date, format: DATE_FORMAT, align: 'center', ...BORDER };
  }
  if ('number' in cell) return { value: cell.number, type: Number, ...BORDER };
  // '@' keeps numbers typed as text (card numbers, citizen ids) from being turned into numbers.
  return { value: cell.text, type: String, format: '@', wrap: cell.text.includes('\n'), alignVertical: 'top', ...BORDER };
}

function headerCell(cell: HeaderCell | null): Cell {
  if (!cell) return null;
  return {
    value: cell.text,
    fontWeight: 'bold',
    align: 'center',
    alignVertical: 'center',
    wrap: true,
    backgroundColor: '#F2F2F2',
    ...(cell.columnSpan && cell.columnSpan > 1 && { columnSpan: cell.columnSpan }),
    ...(cell.rowSpan && cell.rowSpan > 1 && { rowSpan: cell.rowSpan }),
    ...BORDER,
  };
}

/** The sheet's rows: titles merged across the table, the header, the data, the footer lines. */
export function sheetData(model: SheetModel): SheetData {
  const columns = model.widths.length;
  const merged = (text: string, bold: boolean): Row => [
    { value: text, columnSpan: columns, align: 'center', ...(bold && { fontWeight: 'bold' as const, fontSize: 13 }) },
    ...new Array<Cell>(columns - 1).fill(null),
  ];
  const rows: Row[] = [];
  model.titles.forEach((title, i) => rows.push(merged(title, i === 0)));
  if (model.titles.length > 0) rows.push([]);
  for (const line of model.header) rows.push(line.map(headerCell));
  for (const row of model.rows) rows.push(row.map(dataCell));
  if (model.footer?.length) {
    rows.push([]);
    for (const line of model.footer) rows.push(merged(line, false));
  }
  return rows;
}

/** The `.xlsx` bytes of one or more sheets, in Times New Roman as office documents are. */
export async function writeWorkbook(models: readonly SheetModel[]): Promise<Uint8Array> {
  const sheets = models.map((model) => ({
    data: sheetData(model),
    sheet: model.name.slice(0, 31),
    columns: model.widths.map((width) => ({ width })),
    stickyRowsCount: model.titles.length + (model.titles.length > 0 ? 1 : 0) + model.header.length,
  }));
  const blob = await writeXlsxFile(sheets, { fontFamily: 'Times New Roman', fontSize: 12 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
