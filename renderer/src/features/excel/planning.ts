/**
 * The import's reading and checking, with nothing of the database or the screen: run in the
 * import worker (import.worker.ts) and, where there are no workers, on the main thread
 * (importWorker.ts). The database's part (settings, organizations, the register's keys for
 * duplicates) arrives as plain data.
 */
import { findHeader, type ColumnMapping, type HeaderLayout } from '@shared/excel/headings';
import { planImport, type ImportPlan, type PlanContext } from '@shared/excel/importRows';
import type { MemberDraft } from '@shared/domain/memberRules';
import type { IsoDate } from '@shared/domain/types';
import { newFileRefusal, newMemberFile } from '../members/saveMember';
import { ExcelReadError, readWorkbook, type ReadSheet } from './xlsx';

export interface OpenedImport {
  fileName: string;
  sheets: ReadSheet[];
  /** The sheet being imported (the first one with a member header). */
  sheetIndex: number;
  layout: HeaderLayout;
}

/** What planning needs from the database: the context without its one function. */
export type PlanData = Omit<PlanContext, 'judgeNew'>;

export interface PlanRequest {
  rows: ReadSheet['rows'];
  firstDataRow: number;
  mapping: ColumnMapping;
  data: PlanData;
}

/** How far the work is: reading the file, then checking rows (`done` of `total`). */
export type ImportProgress = { phase: 'reading' } | { phase: 'checking'; done: number; total: number };

export function noHeaderMessage(fileName: string): string {
  return `Không tìm thấy dòng tiêu đề của danh sách trong tệp “${fileName}”: cần một dòng có cột “Họ và tên” và ít nhất một cột khác như “Ngày sinh”, “Ngày vào Đảng”, “Số thẻ”. Hãy kiểm tra tệp có đúng là danh sách đảng viên không.`;
}

/** Reads the file and finds the sheet and row holding the member list's header. */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedImport> {
  const sheets = await readWorkbook(bytes, fileName);
  for (let i = 0; i < sheets.length; i++) {
    const layout = findHeader(sheets[i]!.rows);
    if (layout) return { fileName, sheets, sheetIndex: i, layout };
  }
  throw new ExcelReadError(noHeaderMessage(fileName));
}

/** The member form's own verdict on the history a new file would start. */
export function newFileJudge(today: IsoDate): NonNullable<PlanContext['judgeNew']> {
  return (draft: MemberDraft, probationMonths: number) =>
    newFileRefusal(newMemberFile(draft, today, () => 'check'), { probationMonths });
}

/** Checks the rows, with the member form's own verdict on each new file's history. */
export function planRows(request: PlanRequest, onProgress?: (done: number, total: number) => void): ImportPlan {
  const context: PlanContext = { ...request.data, judgeNew: newFileJudge(request.data.today) };
  return planImport(request.rows, request.firstDataRow, request.mapping, context, onProgress);
}
