import { describe, expect, it } from 'vitest';
import { makeMember, makeOrganization } from '../../tests/fixtures/records';
import type { Member } from '../domain/types';
import type { SheetCell } from './cells';
import { autoMapColumns, findHeader, type ColumnMapping } from './headings';
import { planImport, type PlanContext } from './importRows';
import {
  NOTHING_TO_UPDATE,
  hasEffect,
  mappedMemberFields,
  memberUpdate,
  updatePatch,
  withMemberUpdates,
  type StoredMemberFields,
} from './memberUpdates';

const TODAY = '2026-11-26';
const ward = makeOrganization({ name: 'Đảng bộ phường Phúc Lợi', type: 'ward', parentId: null });
const branch5 = makeOrganization({ name: 'Chi bộ Tổ dân phố số 5', parentId: ward.id });
const branch6 = makeOrganization({ name: 'Chi bộ Tổ dân phố số 6', parentId: ward.id });

const stored: Member = makeMember({
  organizationId: branch5.id,
  fullName: 'Nguyễn Văn An',
  sex: 'male',
  birthDate: '1970-04-12',
  ethnicity: '01',
  religion: 'none',
  joinedOn: '1995-05-19',
  officialOn: '1996-05-19',
  partyCardNumber: '12345678',
  phone: '0912345678',
  occupation: 'Hưu trí',
});

describe('mappedMemberFields', () => {
  it.each<[string, ColumnMapping, string[]]>([
    ['plain fields in column order', ['ignore', 'fullName', 'phone', null], ['fullName', 'phone']],
    ['the organization column fills organizationId', ['fullName', 'organization'], ['fullName', 'organizationId']],
    ['a “Nam”/“Nữ” year column fills birth date and sex, once', ['birthDateMale', 'birthDateFemale'], ['birthDate', 'sex']],
  ])('%s', (_label, mapping, fields) => {
    expect(mappedMemberFields(mapping)).toEqual(fields);
  });
});

describe('memberUpdate: the change list of a matched member', () => {
  const fields = mappedMemberFields(['fullName', 'birthDate', 'phone', 'occupation', 'workplace', 'organization', 'officialOn', 'partyCardNumber']);
  const update = (draft: Partial<Member>, member: StoredMemberFields = stored) =>
    memberUpdate(member, { ...stored, ...draft }, fields, {}, TODAY);

  it.each<[string, Partial<Member>, { changes?: [string, unknown, unknown][]; clears?: string[]; kept?: string[] }]>([
    ['nothing differs', {}, {}],
    ['a new phone number', { phone: '0987654321' }, { changes: [['phone', '0912345678', '0987654321']] }],
    [
      'two fields, in column order',
      { occupation: 'Giáo viên', phone: '0987654321' },
      { changes: [['phone', '0912345678', '0987654321'], ['occupation', 'Hưu trí', 'Giáo viên']] },
    ],
    ['a field the member lacked', { workplace: 'Trường THCS Phúc Lợi' }, { changes: [['workplace', undefined, 'Trường THCS Phúc Lợi']] }],
    ['an empty cell leaves a value to clear only on request', { phone: undefined }, { clears: ['phone'] }],
    ['an empty cell of a required field is never a clear', { birthDate: undefined }, {}],
    ['another branch is kept: a transfer is an event', { organizationId: branch6.id }, { kept: ['organizationId'] }],
    ['a field with no column is never touched', { dossierNumber: 'HN-123' }, {}],
  ])('%s', (_label, draft, expected) => {
    const result = update(draft);
    expect(result.changes.map((c) => [c.field, c.old, c.new])).toEqual(expected.changes ?? []);
    expect(result.clears.map((c) => c.field)).toEqual(expected.clears ?? []);
    expect(result.kept.map((c) => c.field)).toEqual(expected.kept ?? []);
    expect(result.errors).toEqual([]);
  });

  it('keeps the official date of a probationary member for the lifecycle action', () => {
    const probationary = { ...stored, status: 'probationary' as const, officialOn: undefined };
    const result = memberUpdate(probationary, { ...probationary, officialOn: '2026-06-01' }, fields, {}, TODAY);
    expect(result.changes).toEqual([]);
    expect(result.kept).toMatchObject([{ field: 'officialOn', reason: expect.stringContaining('Công nhận chính thức') }]);
  });

  it('refuses an update the member rules refuse, saying why, but not for problems the file already had', () => {
    const bad = update({ birthDate: '1990-01-01' });
    expect(bad.errors.map((issue) => issue.field)).toContain('joinedOn');
    const oldGap = { ...stored, citizenId: '123' };
    expect(memberUpdate(oldGap, { ...oldGap, phone: '0987654321' }, fields, {}, TODAY).errors).toEqual([]);
  });

  it('writes the changes, and the clears only when asked', () => {
    const result = update({ phone: undefined, occupation: 'Giáo viên' });
    expect(updatePatch(result, false)).toEqual({ id: stored.id, occupation: 'Giáo viên' });
    expect(updatePatch(result, true)).toEqual({ id: stored.id, occupation: 'Giáo viên', phone: null });
    expect(hasEffect({ ...result, changes: [] }, false)).toBe(false);
    expect(hasEffect({ ...result, changes: [] }, true)).toBe(true);
  });
});

describe('withMemberUpdates: the choices of rows matching the register', () => {
  const HEADER = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ ĐV', 'Điện thoại'];
  const row = (over: Partial<Record<number, SheetCell>> = {}): SheetCell[] => {
    const cells: SheetCell[] = [1, 'Nguyễn Văn An', 'Nam', '12/04/1970', '19/05/1995', '19/05/1996', '12345678', '0912345678'];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v;
    return cells;
  };
  function planned(rows: SheetCell[][], header = HEADER) {
    const sheet = [header, ...rows];
    const layout = findHeader(sheet)!;
    const mapping = autoMapColumns(layout.headings);
    const context: PlanContext = {
      today: TODAY,
      settings: {},
      organizations: [ward, branch5, branch6],
      targetOrganizationId: branch5.id,
      existing: [stored],
    };
    const plan = planImport(sheet, layout.firstDataRow, mapping, context);
    return withMemberUpdates(plan, new Map([[stored.id, stored]]), mapping, {}, TODAY).rows;
  }

  it.each<[string, Partial<Record<number, SheetCell>>, string[], string[]]>([
    ['same card, a new phone: skip or update', { 7: '0987654321' }, ['skip', 'update'], ['phone']],
    ['same card, nothing new: skip only, and said so', {}, ['skip'], []],
    ['same name and birth date, other card: skip, update or a new file', { 6: '87654321', 7: '0987654321' }, ['skip', 'update', 'create'], ['partyCardNumber', 'phone']],
  ])('%s', (_label, over, actions, changed) => {
    const [first] = planned([row(over)]);
    expect(first!.duplicate?.actions).toEqual(actions);
    expect(first!.update?.changes.map((c) => c.field)).toEqual(changed);
    if (changed.length === 0) expect(first!.duplicate?.messages).toContain(NOTHING_TO_UPDATE);
  });

  it('judges a row matched by its card as an update: a sheet of names, cards and phones is enough', () => {
    const [first] = planned([['Nguyễn Văn An', '12345678', '0987654321']], ['Họ và tên', 'Số thẻ ĐV', 'Điện thoại']);
    expect(first!.errors).toEqual([]);
    expect(first!.warnings).toEqual([]);
    expect(first!.duplicate?.actions).toEqual(['skip', 'update']);
    expect(first!.update?.changes).toEqual([{ field: 'phone', old: '0912345678', new: '0987654321' }]);
  });

  it('drops a new file’s warnings from a row that can only be an update', () => {
    const header = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng', 'Số thẻ ĐV'];
    const cells: SheetCell[] = ['Nguyễn Văn An', 'Nam', '12/04/1970', '19/05/1995', '12345678'];
    const sheet = [header, cells];
    const layout = findHeader(sheet)!;
    const plain = planImport(sheet, layout.firstDataRow, autoMapColumns(layout.headings), {
      today: TODAY,
      settings: {},
      organizations: [ward, branch5],
      targetOrganizationId: branch5.id,
      existing: [stored],
    });
    // As a new file, a member admitted in 1995 with no official date is long overdue.
    expect(plain.rows[0]!.warnings.length).toBeGreaterThan(0);
    const [first] = planned([cells], header);
    expect(first!.warnings).toEqual([]);
  });

  it('leaves rows matching no member as they were', () => {
    const [first] = planned([row({ 1: 'Trần Thị Bình', 2: 'Nữ', 3: '01/01/1975', 6: '11112222' })]);
    expect(first!.duplicate).toBeUndefined();
    expect(first!.update).toBeUndefined();
  });
});
