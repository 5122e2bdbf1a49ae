/**
 * Benchmark figures for Excel (run by tests/bench/app.run.ts through window.qldvBench):
 * a 10,000-row workbook from its bytes to committed, and the register exported to `.xlsx`.
 */
import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import { codeLabel, DEFAULT_ETHNIC_GROUPS, DEFAULT_RELIGIONS } from '@shared/domain/codeLists';
import { formatDateVi, isFullIsoDate, todayIso } from '@shared/domain/dates';
import { canAttend } from '@shared/domain/memberRules';
import { SEX_LABELS } from '@shared/domain/labels';
import type { Member, Organization } from '@shared/domain/types';
import { generateDemoWard } from '@shared/demo/generator';
import { DEFAULT_COLUMNS } from '../members/register/columns';
import { liveOrganizations } from '../organizations/queries';
import { openDataStore } from '../../db/store';
import { vi } from '../../i18n/vi';
import { checkImport, commitImport, openImport, readRegister, rememberedMapping } from './importService';
import { memberListWorkbook, registerBookWorkbook } from './exportService';
import { writeWorkbook } from './xlsx';

const HEADINGS = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ ĐV', 'Ghi chú'];

const asDate = (iso: string | undefined) =>
  iso && isFullIsoDate(iso)
    ? { value: new Date(`${iso}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' }
    : (iso ?? null);

/** A list as an office would send it: title rows, then `rows` members with mixed date forms. */
async function workbookOf(members: readonly Member[]): Promise<Uint8Array> {
  const rows: Row[] = [
    [{ value: 'DANH SÁCH ĐẢNG VIÊN', columnSpan: HEADINGS.length }],
    [],
    HEADINGS,
    ...members.map((m, i): Row => [
      i + 1,
      m.fullName,
      SEX_LABELS[m.sex],
      asDate(m.birthDate),
      codeLabel(DEFAULT_ETHNIC_GROUPS, m.ethnicity),
      codeLabel(DEFAULT_RELIGIONS, m.religion),
      formatDateVi(m.joinedOn),
      asDate(m.officialOn),
      m.partyCardNumber ? `9${m.partyCardNumber.slice(1)}` : null,
      m.notes ?? null,
    ]),
    [{ value: `Tổng cộng: ${members.length} đồng chí`, columnSpan: 3 }],
  ];
  const blob = await writeXlsxFile(rows).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export interface ExcelImportFigures {
  ms: number;
  readMs: number;
  planMs: number;
  commitMs: number;
  rows: number;
  /** Records the commit wrote (members and their events). */
  records: number;
  created: number;
  invalid: number;
  skipped: number;
}

/**
 * Imports `count` members from a generated workbook into the open app database, timed from bytes
 * to committed. `seed` makes the members: a repeated run takes another seed, or it would import
 * the same people again (duplicates, skipped).
 */
export async function excelImport(count: number, seed = 4242): Promise<ExcelImportFigures> {
  const demo = generateDemoWard({ seed, memberCount: count, asOf: todayIso() });
  const bytes = await workbookOf(demo.members);
  const store = await openDataStore();
  try {
    const organizations = (await liveOrganizations(store.db)) as unknown as Organization[];
    const target = organizations.find((o) => canAttend(o))!;
    const stored = async () => (await store.db.members.count()) + (await store.db.memberEvents.count());
    const before = await stored();
    const t0 = performance.now();
    // As the wizard does it: the register read while the file is, the file read and the rows
    // checked in the import worker.
    const register = readRegister(store, todayIso());
    register.catch(() => undefined); // awaited by the check; a failed read meanwhile is read again there
    const opened = await openImport(bytes, 'bench.xlsx');
    const t1 = performance.now();
    const plan = await checkImport(store, opened, rememberedMapping(opened.layout.headings), target.id, todayIso(), undefined, register);
    const t2 = performance.now();
    const result = await commitImport(store, plan, new Map(), todayIso());
    const t3 = performance.now();
    const records = (await stored()) - before;
    return {
      records,
      ms: t3 - t0,
      readMs: t1 - t0,
      planMs: t2 - t1,
      commitMs: t3 - t2,
      rows: plan.rows.length,
      created: result.created,
      invalid: result.invalid,
      skipped: result.skipped,
    };
  } finally {
    store.close();
  }
}

/** Exports every member of the register (default columns, then the 7-HSĐV layout) to `.xlsx` bytes. */
export async function excelExport(): Promise<{ listMs: number; bookMs: number; members: number; bytes: number }> {
  const store = await openDataStore();
  try {
    const today = todayIso();
    const t0 = performance.now();
    const members = (await store.db.members.where('[deleted+_nameKey]').between([0, ''], [0, '\uffff']).toArray()) as unknown as Member[];
    const columns = DEFAULT_COLUMNS.map((key) => ({ key, title: vi.register.columns[key] }));
    const list = await writeWorkbook([await memberListWorkbook(store.db, members, columns, { total: members.length }, today)]);
    const t1 = performance.now();
    await writeWorkbook([await registerBookWorkbook(store.db, members, { total: members.length }, today)]);
    const t2 = performance.now();
    return { listMs: t1 - t0, bookMs: t2 - t1, members: members.length, bytes: list.byteLength };
  } finally {
    store.close();
  }
}
