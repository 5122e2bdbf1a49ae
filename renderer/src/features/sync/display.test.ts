import { describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/sync/hlc';
import { syncFileName } from './transfer';
import { emptyNameBook, fieldLabel, formatBytes, formatValue, recordLabel, stampDevice } from './display';

describe('sync file names carry the device and the date, nothing personal', () => {
  it.each([
    ['Máy Văn phòng 1', new Date(2026, 10, 26, 9), 'QLDV-May-Van-phong-1-2026-11-26.qldv'],
    ['Máy Đảng ủy', new Date(2026, 0, 5, 23, 59), 'QLDV-May-Dang-uy-2026-01-05.qldv'],
    ['  Máy / của: chị Hạnh?? ', new Date(2026, 11, 31), 'QLDV-May-cua-chi-Hanh-2026-12-31.qldv'],
    ['???', new Date(2027, 1, 1), 'QLDV-May-2027-02-01.qldv'],
  ])('%s → %s', (device, at, expected) => {
    expect(syncFileName(device, at)).toBe(expected);
  });
});

describe('values in the preview and the conflicts list', () => {
  const names = emptyNameBook();
  names.organizations.set('org-1', 'Chi bộ Tổ dân phố số 1');
  names.members.set('m-1', 'Nguyễn Văn An');
  names.devices.set('1a2b3c4d5e6f7a8b', 'Máy Văn phòng 1');

  it.each([
    ['members', 'status', 'official', 'Chính thức'],
    ['members', 'birthDate', '1960-04-12', '12/04/1960'],
    ['members', 'birthDate', '1960', '1960'],
    ['members', 'organizationId', 'org-1', 'Chi bộ Tổ dân phố số 1'],
    ['members', 'phone', '', '(trống)'],
    ['members', 'phone', null, '(trống)'],
    ['members', 'deleted', 1, 'Có'],
    ['organizations', 'isGrassroots', true, 'Có'],
    ['organizations', 'sortOrder', 12000, '12.000'],
    ['organizations', 'parentId', 'org-1', 'Chi bộ Tổ dân phố số 1'],
    ['memberEvents', 'memberId', 'm-1', 'Nguyễn Văn An'],
  ])('%s.%s = %j reads %s', (table, field, value, expected) => {
    expect(formatValue(table, field, value, names)).toBe(expected);
  });

  it.each([
    ['members', 'phone', 'Điện thoại'],
    ['members', 'notes', 'Ghi chú'],
    ['organizations', 'name', 'Tên tổ chức'],
    ['memberEvents', 'decisionNumber', 'Số quyết định'],
    ['members', 'deleted', 'Xóa'],
    ['members', 'someFutureField', 'someFutureField'],
  ])('%s.%s is labelled %s', (table, field, expected) => {
    expect(fieldLabel(table, field)).toBe(expected);
  });

  it('names records by what a person recognises', () => {
    expect(recordLabel('members', { id: 'm-1', fullName: 'Nguyễn Văn An' }, names)).toBe('Nguyễn Văn An');
    expect(
      recordLabel('memberEvents', { id: 'e', type: 'admission', date: '1990-05-19', memberId: 'm-1' }, names),
    ).toBe('Kết nạp 19/05/1990 (Nguyễn Văn An)');
    expect(recordLabel('organizations', { id: 'o', name: 'Chi bộ 3' }, names)).toBe('Chi bộ 3');
  });

  it('says which laptop wrote a stamp', () => {
    expect(
      stampDevice(formatHlc({ millis: Date.UTC(2026, 10, 26), counter: 0, node: '1a2b3c4d5e6f7a8b' }), names),
    ).toBe('Máy Văn phòng 1');
    expect(
      stampDevice(formatHlc({ millis: Date.UTC(2026, 10, 26), counter: 0, node: '0f0e0d0c0b0a0908' }), names),
    ).toBe('Máy 0f0e0d0c');
  });

  it.each([
    [512, '512 B'],
    [2048, '2 KB'],
    [1_080_000, '1 MB'],
    [27_840_000, '26,6 MB'],
  ])('%i bytes read %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
