import { describe, expect, it } from 'vitest';
import { IpcChannel, PLATFORM_BRIDGE_KEY } from './channels';
import { ipcContract } from './contract';

const bytes = new Uint8Array([0x51, 0x4c, 0x44, 0x56]);

describe('the IPC contract', () => {
  it('has one entry per channel name, and the names are namespaced', () => {
    expect(Object.keys(ipcContract).sort()).toEqual(Object.values(IpcChannel).sort());
    expect(Object.values(IpcChannel)).toEqual([
      'file:save',
      'file:open',
      'app:info',
      'print:page',
      'print:pdf',
      'backup:write',
      'backup:list',
      'backup:read',
      'backup:remove',
    ]);
    expect(PLATFORM_BRIDGE_KEY).toBe('qldv');
  });

  describe('backup names', () => {
    const read = ipcContract['backup:read'].input;
    const write = ipcContract['backup:write'].input;

    it.each(['QLDV-sao-luu-2026-11-26-143005-tu-dong.qldv', 'a.qldv', 'QLDV_2026.11.26.qldv', 'CONG-VAN.qldv', 'console.qldv'])('accepts %s', (name) => {
      expect(read.safeParse({ name }).success).toBe(true);
      expect(write.safeParse({ name, bytes }).success).toBe(true);
    });

    it.each([
      ['a parent folder', '../a.qldv'],
      ['a sub-folder', 'x/a.qldv'],
      ['a Windows path', '..\\a.qldv'],
      ['an absolute path', '/etc/a.qldv'],
      ['a drive', 'C:a.qldv'],
      ['a hidden file', '.a.qldv'],
      ['dots only', '...qldv'],
      ['another extension', 'a.exe'],
      ['a partial file', 'a.qldv.partial'],
      ['a space', 'a b.qldv'],
      ['an over-long name', `${'a'.repeat(120)}.qldv`],
      ['no name', ''],
      ['a Windows device name', 'CON.qldv'],
      ['a Windows device name in lower case', 'nul.qldv'],
      ['a Windows device name before more dots', 'com1.x.qldv'],
      ['a printer port', 'LPT1.qldv'],
    ])('refuses %s', (_label, name) => {
      expect(read.safeParse({ name }).success).toBe(false);
      expect(write.safeParse({ name, bytes }).success).toBe(false);
    });

    it('refuses bytes that are not a Uint8Array and extra keys', () => {
      expect(write.safeParse({ name: 'a.qldv', bytes: [1] }).success).toBe(false);
      expect(read.safeParse({ name: 'a.qldv', path: '/tmp' }).success).toBe(false);
      expect(ipcContract['backup:list'].input.safeParse(undefined).success).toBe(true);
    });
  });

  describe('file:save input', () => {
    const input = ipcContract['file:save'].input;

    it.each([
      { bytes, suggestedName: 'qldv-Chi-bo-1-2025-07-15.qldv' },
      { bytes: new Uint8Array(0), suggestedName: 'Danh sách đảng viên.xlsx' },
      { bytes, suggestedName: 'a.qldv', filters: [{ name: 'Tệp đồng bộ', extensions: ['qldv'] }] },
      { bytes, suggestedName: 'a.pdf', filters: [{ name: 'Tất cả', extensions: ['*'] }] },
      { bytes, suggestedName: 'a.qldv', preferRemovableDrive: true },
    ])('accepts %o', (payload) => {
      expect(input.safeParse(payload).success).toBe(true);
    });

    it.each([
      ['no payload', undefined],
      ['bytes as an array', { bytes: [1, 2], suggestedName: 'a.qldv' }],
      ['bytes as an ArrayBuffer', { bytes: new ArrayBuffer(2), suggestedName: 'a.qldv' }],
      ['a relative path', { bytes, suggestedName: '../a.qldv' }],
      ['an absolute path', { bytes, suggestedName: '/etc/cron.d/a' }],
      ['a drive path', { bytes, suggestedName: 'C:a.qldv' }],
      ['a control character', { bytes, suggestedName: 'a\u0000.qldv' }],
      ['dot-dot', { bytes, suggestedName: '..' }],
      ['an over-long name', { bytes, suggestedName: `${'a'.repeat(256)}` }],
      ['an extra key', { bytes, suggestedName: 'a.qldv', path: '/tmp/a' }],
      ['a drive preference that is not a boolean', { bytes, suggestedName: 'a', preferRemovableDrive: 'E:' }],
      [
        'a filter extension with a dot',
        { bytes, suggestedName: 'a', filters: [{ name: 'x', extensions: ['.exe'] }] },
      ],
      ['a filter with no extension', { bytes, suggestedName: 'a', filters: [{ name: 'x', extensions: [] }] }],
    ])('refuses %s', (_label, payload) => {
      expect(input.safeParse(payload).success).toBe(false);
    });
  });

  it('file:open takes nothing or filters only', () => {
    const input = ipcContract['file:open'].input;
    expect(input.safeParse(undefined).success).toBe(true);
    expect(input.safeParse({}).success).toBe(true);
    expect(input.safeParse({ filters: [{ name: 'Excel', extensions: ['xlsx', 'xls'] }] }).success).toBe(true);
    expect(input.safeParse({ path: '/etc/passwd' }).success).toBe(false);
    expect(input.safeParse('C:/secret.txt').success).toBe(false);
  });

  it('app:info takes no payload at all', () => {
    const input = ipcContract['app:info'].input;
    expect(input.safeParse(undefined).success).toBe(true);
    expect(input.safeParse({}).success).toBe(false);
    expect(input.safeParse(null).success).toBe(false);
  });

  it('describes the answers main gives', () => {
    expect(ipcContract['file:save'].output.safeParse({ saved: false }).success).toBe(true);
    expect(
      ipcContract['file:save'].output.safeParse({ saved: true, path: '/media/usb/a.qldv' }).success,
    ).toBe(true);
    expect(
      ipcContract['file:save'].output.safeParse({ saved: true, path: 'E:\\a.qldv', verified: true }).success,
    ).toBe(true);
    expect(ipcContract['file:open'].output.safeParse(null).success).toBe(true);
    expect(ipcContract['file:open'].output.safeParse({ name: 'a.xlsx', bytes }).success).toBe(true);
    const info = {
      version: '0.1.0',
      platform: 'win32',
      dataFolder: 'C:\\Users\\vp\\AppData\\Roaming\\qldv',
      host: 'electron',
    };
    expect(ipcContract['app:info'].output.safeParse(info).success).toBe(true);
    expect(ipcContract['app:info'].output.safeParse({ ...info, host: 'node' }).success).toBe(false);
  });
});

describe('print:page and print:pdf inputs', () => {
  it('print:page takes nothing', () => {
    expect(ipcContract['print:page'].input.safeParse(undefined).success).toBe(true);
    expect(ipcContract['print:page'].input.safeParse({ silent: true }).success).toBe(false);
  });

  it.each([
    ['a PDF name', { suggestedName: 'Danh-sach-dang-vien-2026-11-26.pdf' }, true],
    ['upper-case extension', { suggestedName: 'BAO-CAO.PDF' }, true],
    ['another extension', { suggestedName: 'bao-cao.exe' }, false],
    ['a path', { suggestedName: 'C:\\Windows\\bao-cao.pdf' }, false],
    ['an extra field', { suggestedName: 'a.pdf', bytes: new Uint8Array() }, false],
  ])('print:pdf: %s', (_name, payload, ok) => {
    expect(ipcContract['print:pdf'].input.safeParse(payload).success).toBe(ok);
  });
});
