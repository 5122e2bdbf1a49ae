import { afterEach, describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/universal';
import { countByOrganization, rollUp } from '@shared/domain/orgCounts';
import type { Member, Organization } from '@shared/domain/types';
import { addMember, openWard, type Ward } from '../members/testing';
import { commit, upsert } from '../../db/writePath';
import { makeEvent } from '../../../../tests/fixtures/records';
import { memberListWorkbook, organizationsWorkbook, registerBookWorkbook } from './exportService';
import { writeWorkbook } from './xlsx';

const TODAY = '2026-11-26';
let ward: Ward;
afterEach(() => ward?.store.close());

async function readBack(bytes: Uint8Array) {
  const [sheet] = await readXlsxFile(bytes.buffer as ArrayBuffer);
  return sheet!;
}

describe('export', () => {
  it('a member list with the chosen columns: Vietnamese headers under the titles, real dates', async () => {
    ward = await openWard();
    const { member: an } = await addMember(ward.store, { fullName: 'Nguyễn Văn An', organizationId: ward.branchA.id, partyCardNumber: '01234567' });
    const { member: binh } = await addMember(ward.store, {
      fullName: 'Trần Thị Bình',
      sex: 'female',
      birthDate: '1972',
      organizationId: ward.branchB.id,
    });
    const model = await memberListWorkbook(
      ward.store.db,
      [an, binh],
      [
        { key: 'fullName', title: 'Họ và tên' },
        { key: 'birthDate', title: 'Ngày sinh' },
        { key: 'organization', title: 'Chi bộ' },
        { key: 'partyCardNumber', title: 'Số thẻ' },
      ],
      { total: 10 },
      TODAY,
    );
    const sheet = await readBack(await writeWorkbook([model]));
    expect(sheet.sheet).toBe('Danh sách đảng viên');
    expect(sheet.data[0]![0]).toBe('DANH SÁCH ĐẢNG VIÊN');
    expect(sheet.data[1]![0]).toBe('Đảng bộ phường Phúc Lợi');
    expect(sheet.data[2]![0]).toBe('Tính đến ngày 26/11/2026');
    expect(sheet.data[3]![0]).toBe('2 trong tổng số 10 đảng viên theo bộ lọc đã chọn');
    const header = sheet.data.findIndex((row) => row[0] === 'STT');
    expect(sheet.data[header]).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Số thẻ']);
    expect(sheet.data[header + 1]).toEqual([1, 'Nguyễn Văn An', new Date(Date.UTC(1960, 3, 12)), ward.branchA.name, '01234567']);
    // A year-only birth date stays as written, not a made-up 1 January.
    expect(sheet.data[header + 2]).toEqual([2, 'Trần Thị Bình', '1972', ward.branchB.name, null]);
  });

  it('the 7-HSĐV register: 14 numbered columns, dates as dates, events in their columns', async () => {
    ward = await openWard();
    const { member } = await addMember(ward.store, {
      fullName: 'Lê Văn Cường',
      organizationId: ward.branchA.id,
      partyCardNumber: '11112222',
      dossierNumber: '012345HN',
      hometown: { commune: 'Yên Phụ', district: 'Yên Phong', province: 'Bắc Ninh' },
      status: 'deceased',
    });
    await commit(ward.store, [
      upsert('memberEvents', [
        makeEvent({ memberId: member.id, type: 'deceased', date: '2025-03-02', causeOfDeath: 'Bệnh hiểm nghèo' }),
      ] as never),
    ]);
    const model = await registerBookWorkbook(ward.store.db, [member], { total: 1 }, TODAY);
    const sheet = await readBack(await writeWorkbook([model]));
    const numbers = sheet.data.findIndex((row) => row[0] === '1' && row[1] === '2');
    expect(sheet.data[numbers]).toEqual(['1', '2', '3', '4', '5', '6', '7a', '7b', '8', '9', '10', '11', '12', '13', '14']);
    const row = sheet.data[numbers + 1]!;
    expect(row[1]).toBe('LÊ VĂN CƯỜNG');
    expect(row[3]).toBe('Yên Phụ, Yên Phong, Bắc Ninh');
    expect(row[6]).toEqual(new Date(Date.UTC(1990, 4, 19)));
    expect(row[7]).toEqual(new Date(Date.UTC(1991, 4, 19)));
    expect(row[8]).toBe('11112222\n012345HN');
    expect(row[12]).toBe('02/03/2025\nBệnh hiểm nghèo');
  });

  it('the organization list in tree order with its counts', async () => {
    ward = await openWard();
    await addMember(ward.store, { organizationId: ward.branchA.id });
    await addMember(ward.store, { organizationId: ward.branchA.id, status: 'probationary', officialOn: undefined });
    await addMember(ward.store, { organizationId: ward.branchB.id });
    const organizations = [ward.ward, ward.branchA, ward.branchB] as Organization[];
    const members = (await ward.store.db.members.toArray()) as unknown as Member[];
    const own = countByOrganization(members, organizations);
    const model = await organizationsWorkbook(ward.store.db, organizations, rollUp(own, organizations), TODAY);
    const sheet = await readBack(await writeWorkbook([model]));
    const header = sheet.data.findIndex((row) => row[0] === 'STT');
    expect(sheet.data[header]!.slice(0, 7)).toEqual(['STT', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Tổng số đảng viên', 'Chính thức', 'Dự bị']);
    expect(sheet.data.slice(header + 1).map((r) => [String(r[1]).trim(), r[4], r[5], r[6]])).toEqual([
      ['Đảng bộ phường Phúc Lợi', 3, 2, 1],
      [ward.branchA.name, 2, 1, 1],
      [ward.branchB.name, 1, 1, 0],
    ]);
  });
});
