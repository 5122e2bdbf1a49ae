import { afterEach, describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import { planImport } from '@shared/excel/importRows';
import { errorSheet, ERROR_COLUMN_HEADING } from '@shared/excel/errorWorkbook';
import { openWard, addMember, type Ward } from '../members/testing';
import {
  checkImport,
  checkImportHere,
  commitImport,
  loadPlanContext,
  openImport,
  readRegister,
  rememberMapping,
  rememberedMapping,
  rowOutcome,
} from './importService';
import { ExcelReadError, writeWorkbook } from './xlsx';
import { MESSY_EXPECT, messyWorkbook } from './messyWorkbook';

const TODAY = '2026-11-26';
/** Row 8 of the messy workbook, by card number. */
const HUNG = { fullName: 'Nguyễn Văn Hùng', partyCardNumber: '10000001', birthDate: '1968-03-12', joinedOn: '1995-05-19' };
let ward: Ward;

afterEach(() => {
  ward?.store.close();
  localStorage.clear();
});

async function members(w: Ward) {
  return (await w.store.db.members.toArray()).filter((m) => m.deleted === 0);
}

async function planMessy(w: Ward) {
  const bytes = await messyWorkbook({ branches: [w.branchA.name, w.branchB.name] });
  const opened = await openImport(bytes, 'danh-sach.xlsx');
  const plan = await checkImportHere(w.store, opened, rememberedMapping(opened.layout.headings), w.branchA.id, TODAY);
  return { opened, plan };
}

describe('a messy workbook written with write-excel-file, read back through the import module', () => {
  it('finds the header under the title rows, joins “Ngày sinh” over “Nam | Nữ”, and plans every row', async () => {
    ward = await openWard();
    const { opened, plan } = await planMessy(ward);
    expect(opened.layout.headerRow).toBe(MESSY_EXPECT.headerRow - 1);
    expect(opened.layout.headings.slice(0, 4)).toEqual(['STT', 'Họ và tên', 'Ngày sinh – Nam', 'Ngày sinh – Nữ']);
    const good = plan.rows.filter((r) => r.errors.length === 0 && !r.duplicate).map((r) => r.draft.fullName);
    expect(good).toEqual(MESSY_EXPECT.good);
    expect(plan.rows.filter((r) => r.errors.length > 0).map((r) => r.row)).toEqual(MESSY_EXPECT.badRows);
    expect(plan.rows.find((r) => r.row === MESSY_EXPECT.duplicateRow)?.duplicate?.kind).toBe('file');
    expect(plan.footerRows).toEqual(MESSY_EXPECT.footerRows);
    const byName = new Map(plan.rows.map((r) => [r.draft.fullName, r.draft]));
    expect(byName.get('Nguyễn Văn Hùng')).toMatchObject({ sex: 'male', birthDate: '1968-03-12', organizationId: ward.branchB.id });
    expect(byName.get('Trần Thị Lan')).toMatchObject({
      sex: 'female',
      birthDate: '1975-09-05',
      joinedOn: '2000-02-03',
      religion: 'buddhism',
      organizationId: ward.branchB.id,
    });
    expect(byName.get('Lê Văn Nam')).toMatchObject({ birthDate: '1955', ethnicity: '02', organizationId: ward.branchA.id });
    const messages = plan.rows.flatMap((r) => r.errors.map((e) => e.message));
    expect(messages.some((m) => m.includes('Ngày sinh 31/02/1980 không hợp lệ'))).toBe(true);
    expect(messages.some((m) => m.includes('chưa đủ 18 tuổi'))).toBe(true);
    expect(messages.some((m) => m.includes('Không tìm thấy chi bộ “Chi bộ số 99”'))).toBe(true);
  });

  it('imports the good rows in one action with their lifecycle events; the bad ones come back as a file', async () => {
    ward = await openWard();
    const { opened, plan } = await planMessy(ward);
    const journalBefore = await ward.store.db.journal.count();
    const result = await commitImport(ward.store, plan, new Map(), TODAY);
    expect(result).toEqual({ created: 4, updated: 0, skipped: 1, invalid: 3 });
    const stored = await members(ward);
    expect(stored.map((m) => m.fullName).sort()).toEqual([...MESSY_EXPECT.good].sort());
    const hung = stored.find((m) => m.fullName === 'Nguyễn Văn Hùng')!;
    const thu = stored.find((m) => m.fullName === 'Đỗ Thị Thu')!;
    expect(hung.status).toBe('official');
    expect(thu.status).toBe('probationary');
    const events = await ward.store.db.memberEvents.filter((e) => e.memberId === hung.id).toArray();
    expect(events.map((e) => [e.type, e.date]).sort()).toEqual([
      ['admission', '1995-05-19'],
      ['madeOfficial', '1996-05-19'],
    ]);
    // One action: every journal line of the import carries the same stamp.
    const lines = await ward.store.db.journal.where('seq').above(journalBefore).toArray();
    expect(new Set(lines.map((l) => l.hlc)).size).toBe(1);

    const bad = plan.rows.filter((r) => r.errors.length > 0);
    const bytes = await writeWorkbook([errorSheet(opened.layout.headings, bad)]);
    const [sheet] = await readXlsxFile(bytes.buffer as ArrayBuffer);
    expect(sheet!.data[0]).toEqual([...opened.layout.headings, ERROR_COLUMN_HEADING]);
    expect(sheet!.data.slice(1).map((r) => r[1])).toEqual(['Phạm Thị Hoa', 'Hoàng Văn Minh', 'Vũ Thị Mai']);
    expect(String(sheet!.data[1]!.at(-1))).toContain('31/02/1980');
    // Dates stay dates in the file to fix.
    expect(sheet!.data[3]![3]).toBeInstanceOf(Date);

    // The fixed file re-imports: its error column is passed over.
    const reopened = await openImport(bytes, 'dong-loi.xlsx');
    expect(rememberedMapping(reopened.layout.headings).at(-1)).toBe('ignore');
  });

  it('importing the same file twice adds nobody: every row is now a duplicate, skipped by default', async () => {
    ward = await openWard();
    await commitImport(ward.store, (await planMessy(ward)).plan, new Map(), TODAY);
    const { plan } = await planMessy(ward);
    const result = await commitImport(ward.store, plan, new Map(), TODAY);
    expect(result.created).toBe(0);
    expect(result.skipped).toBe(5);
    expect(await members(ward)).toHaveLength(4);
  });

  it('updates a member already in the register when the user chooses so, without moving them', async () => {
    ward = await openWard();
    const { member } = await addMember(ward.store, { ...HUNG, organizationId: ward.branchA.id, officialOn: '1996-05-19' });
    const { plan } = await planMessy(ward);
    const row = plan.rows.find((r) => r.row === 8)!;
    expect(row.duplicate).toMatchObject({ kind: 'register', memberId: member.id, actions: ['skip', 'update'] });
    const result = await commitImport(ward.store, plan, new Map([[8, 'update' as const]]), TODAY);
    expect(result).toMatchObject({ created: 3, updated: 1 });
    const stored = await ward.store.db.members.get(member.id);
    expect(stored).toMatchObject({ ethnicity: '01', religion: 'none', organizationId: ward.branchA.id });
    // The update is an edit like the member form's: stamped, journaled with old → new.
    const lines = await ward.store.db.journal.where('recordId').equals(member.id).toArray();
    const edit = lines.find((line) => line.kind === 'update')!;
    expect(edit.changes).toEqual(expect.arrayContaining([{ field: 'ethnicity', old: undefined, new: '01' }]));
    expect(stored?._v).toMatchObject({ ethnicity: edit.hlc });
    // The three new files: one creation line per table names them all.
    const bulk = (await ward.store.db.journal.toArray()).filter((line) => line.recordIds);
    expect(bulk.map((line) => [line.table, line.recordIds!.length])).toEqual([
      ['members', 3],
      ['memberEvents', expect.any(Number)],
    ]);
  });

  it('changes only what the sheet changes: empty cells keep stored values unless asked, events follow a new date', async () => {
    ward = await openWard();
    const { member } = await addMember(ward.store, {
      fullName: 'Nguyễn Văn Hùng',
      partyCardNumber: '10000001',
      organizationId: ward.branchA.id,
      birthDate: '1968-03-12',
      joinedOn: '1995-05-19',
      officialOn: '1996-05-19',
      phone: '0912345678',
      occupation: 'Hưu trí',
    });
    const sheet = async (rows: (string | null)[][]) => {
      const blob = await writeXlsxFile([['Họ và tên', 'Số thẻ ĐV', 'Ngày vào Đảng', 'Điện thoại', 'Nghề nghiệp'], ...rows]).toBlob();
      const opened = await openImport(new Uint8Array(await blob.arrayBuffer()), 'cap-nhat.xlsx');
      return checkImportHere(ward.store, opened, rememberedMapping(opened.layout.headings), ward.branchA.id, TODAY);
    };
    const plan = await sheet([['Nguyễn Văn Hùng', '10000001', '20/05/1995', null, 'Giáo viên']]);
    const row = plan.rows[0]!;
    expect(row.errors).toEqual([]);
    expect(row.update?.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['joinedOn', '1995-05-19', '1995-05-20'],
      ['occupation', 'Hưu trí', 'Giáo viên'],
    ]);
    expect(row.update?.clears.map((c) => c.field)).toEqual(['phone']);
    await commitImport(ward.store, plan, new Map([[row.row, 'update' as const]]), TODAY);
    expect(await ward.store.db.members.get(member.id)).toMatchObject({ joinedOn: '1995-05-20', occupation: 'Giáo viên', phone: '0912345678' });
    const admission = (await ward.store.db.memberEvents.filter((e) => e.memberId === member.id).toArray()).find((e) => e.type === 'admission');
    expect(admission?.date).toBe('1995-05-20');

    const again = await sheet([['Nguyễn Văn Hùng', '10000001', '20/05/1995', null, 'Giáo viên']]);
    expect(again.rows[0]!.update?.changes).toEqual([]);
    // Only an empty cell differs: without "clear empty" the update would write nothing, so it is a skip.
    const choices = new Map([[again.rows[0]!.row, 'update' as const]]);
    expect(rowOutcome(again.rows[0]!, choices)).toBe('skip');
    expect(await commitImport(ward.store, again, choices, TODAY)).toMatchObject({ updated: 0, skipped: 1 });
    expect(rowOutcome(again.rows[0]!, choices, true)).toBe('update');
    expect(await commitImport(ward.store, again, choices, TODAY, { clearEmpty: true })).toMatchObject({ updated: 1 });
    const cleared = await ward.store.db.members.get(member.id);
    expect(cleared?.phone).toBeUndefined();
    expect(cleared).toMatchObject({ occupation: 'Giáo viên', fullName: 'Nguyễn Văn Hùng' });
  });

  it('checks against the register read when the file was chosen, unless a member was saved since', async () => {
    ward = await openWard();
    const bytes = await messyWorkbook({ branches: [ward.branchA.name, ward.branchB.name] });
    const opened = await openImport(bytes, 'danh-sach.xlsx');
    const mapping = rememberedMapping(opened.layout.headings);
    const check = (register: ReturnType<typeof readRegister>) =>
      checkImport(ward.store, opened, mapping, ward.branchA.id, TODAY, undefined, register);
    // Nothing written since: the early read gives the plan a read at check time gives.
    expect(await check(readRegister(ward.store, TODAY))).toEqual(await checkImportHere(ward.store, opened, mapping, ward.branchA.id, TODAY));

    const early = readRegister(ward.store, TODAY);
    await early;
    const { member } = await addMember(ward.store, { ...HUNG, organizationId: ward.branchA.id });
    // The member saved after the early read is met: the register is read again.
    const plan = await check(early);
    expect(plan.rows.find((r) => r.row === 8)?.duplicate).toMatchObject({ kind: 'register', memberId: member.id });
  });

  it('does not check with a register read on another day: the rules judge dates against today', async () => {
    ward = await openWard();
    // Admitted today: a sound row today, a date in the future as of yesterday.
    const blob = await writeXlsxFile([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng'],
      ['Ngô Văn Tài', 'Nam', '12/03/1990', '26/11/2026'],
    ]).toBlob();
    const opened = await openImport(new Uint8Array(await blob.arrayBuffer()), 'hom-nay.xlsx');
    const mapping = rememberedMapping(opened.layout.headings);
    const asOf = async (day: string) =>
      (await checkImport(ward.store, opened, mapping, ward.branchA.id, day, undefined, readRegister(ward.store, '2026-11-25'))).rows[0]!;
    expect((await asOf('2026-11-25')).errors.map((e) => e.field)).toContain('joinedOn');
    // Nothing was written since yesterday's read, yet today's check reads the register again, for today.
    expect((await asOf(TODAY)).errors).toEqual([]);
  });

  it('remembers a mapping the user changed, per set of headings', () => {
    const headings = ['Họ và tên', 'Ghi chú', 'Số máy'];
    expect(rememberedMapping(headings)).toEqual(['fullName', 'notes', null]);
    rememberMapping(headings, ['fullName', 'notes', 'phone']);
    expect(rememberedMapping(headings)).toEqual(['fullName', 'notes', 'phone']);
    expect(rememberedMapping(['Họ và tên', 'Ghi chú'])).toEqual(['fullName', 'notes']);
  });
});

describe('dates in the formats Vietnamese Excel writes', () => {
  it('reads a date formatted with a locale code, whether or not the reader knows the format', async () => {
    ward = await openWard();
    const cell = (y: number, m: number, d: number, format: string) => ({ value: new Date(Date.UTC(y, m - 1, d)), type: Date, format });
    const blob = await writeXlsxFile([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng'],
      ['Ngô Văn Tài', 'Nam', cell(1970, 3, 12, '[$-42A]dd/mm/yyyy'), cell(1995, 5, 19, 'dd/mm/yyyy;@')],
    ]).toBlob();
    const opened = await openImport(new Uint8Array(await blob.arrayBuffer()), 'ds.xlsx');
    const context = await loadPlanContext(ward.store, TODAY, ward.branchA.id);
    const sheet = opened.sheets[0]!;
    const plan = planImport(sheet.rows, opened.layout.firstDataRow, rememberedMapping(opened.layout.headings), context);
    expect(plan.rows[0]!.draft).toMatchObject({ birthDate: '1970-03-12', joinedOn: '1995-05-19' });
  });
});

describe('files that cannot be read are refused with advice, never read as garbage', () => {
  it.each([
    ['an Excel 97–2003 file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'Excel 97–2003'],
    ['a CSV renamed .xlsx', new TextEncoder().encode('Họ và tên,Ngày sinh\nAn,1980\n'), 'CSV'],
    ['a broken ZIP', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'bị hỏng'],
  ])('%s', async (_, bytes, part) => {
    const error = await openImport(bytes, 'ds.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelReadError);
    expect((error as Error).message).toContain(part);
  });

  it('a sheet typed in TCVN3', async () => {
    const blob = await writeXlsxFile([
      ['Hä vµ tªn', 'Ngµy sinh'],
      ['NguyÔn V¨n Hïng', '12/03/1968'],
      ['TrÇn ThÞ Lan', '05/09/1975'],
    ]).toBlob();
    const error = await openImport(new Uint8Array(await blob.arrayBuffer()), 'ds.xlsx').catch((e: unknown) => e);
    expect((error as Error).message).toContain('TCVN3');
  });

  it('a workbook without a member list', async () => {
    const blob = await writeXlsxFile([['Tên tổ chức', 'Số đảng viên'], ['Chi bộ 1', 12]]).toBlob();
    const error = await openImport(new Uint8Array(await blob.arrayBuffer()), 'to-chuc.xlsx').catch((e: unknown) => e);
    expect((error as Error).message).toContain('Không tìm thấy dòng tiêu đề');
  });
});
