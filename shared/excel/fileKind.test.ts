import { describe, expect, it } from 'vitest';
import { detectSpreadsheetKind, spreadsheetKindRefusal } from './fileKind';
import { detectLegacyEncoding, legacyEncodingMessage, legacyEncodingOf } from './legacyEncoding';
import { generateDemoWard } from '../demo/generator';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('a file is recognised by its bytes, not its name', () => {
  it.each([
    ['an .xlsx (ZIP)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), 'xlsx'],
    ['an Excel 97–2003 .xls (OLE)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'ole'],
    ['a CSV', text('Họ và tên,Ngày sinh\nNguyễn Văn An,03/05/1980\n'), 'text'],
    ['a CSV with a byte-order mark', text('\uFEFFHọ và tên;Ngày sinh\n'), 'text'],
    ['an HTML table saved as .xls', text('<html><body><table><tr><td>Họ và tên</td></tr></table>'), 'html'],
    ['an empty file', bytes(), 'empty'],
    ['a picture', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1), 'unknown'],
  ])('%s', (_, content, kind) => expect(detectSpreadsheetKind(content)).toBe(kind));

  it('reads an .xlsx and refuses every other kind with advice', () => {
    expect(spreadsheetKindRefusal('xlsx', 'a.xlsx')).toBeNull();
    expect(spreadsheetKindRefusal('ole', 'ds.xls')).toContain('Excel 97–2003 (.xls)');
    expect(spreadsheetKindRefusal('ole', 'ds.xls')).toContain('Lưu thành');
    expect(spreadsheetKindRefusal('text', 'ds.csv')).toContain('CSV');
    expect(spreadsheetKindRefusal('html', 'ds.xls')).toContain('HTML');
  });
});

describe('text in the old Vietnamese encodings is told from Unicode', () => {
  it.each([
    ['TCVN3', 'NguyÔn V¨n Hïng', 'tcvn3'],
    ['TCVN3', 'TrÇn ThÞ Lan', 'tcvn3'],
    ['TCVN3', 'Hä vµ tªn', 'tcvn3'],
    ['VNI', 'Nguyeãn Vaên Huøng', 'vni'],
    ['VNI', 'Ñaûng vieân', 'vni'],
    ['Unicode', 'Nguyễn Văn Hùng', null],
    ['Unicode capitals', 'NGUYỄN THỊ ÁNH TUYẾT', null],
    ['Unicode with Latin-1 letters', 'Trần Thị Ánh, Tô Hoài, Lê Thị Thu Hà, Nguyên', null],
    ['ASCII', 'Nguyen Van Hung', null],
  ])('%s: %s', (_, value, encoding) => expect(legacyEncodingOf(value)).toBe(encoding));

  it('refuses a sheet whose texts are in TCVN3, with the steps to convert it', () => {
    const finding = detectLegacyEncoding(['Hä vµ tªn', 'NguyÔn V¨n Hïng', 'TrÇn ThÞ Lan', 'Nam']);
    expect(finding).toMatchObject({ encoding: 'tcvn3', count: 3 });
    const message = legacyEncodingMessage(finding!);
    expect(message).toContain('TCVN3');
    expect(message).toContain('Unikey');
    expect(message).toContain('Unicode');
  });

  it('does not refuse a Unicode sheet for one foreign name', () => {
    const texts = ['Họ và tên', 'Nguyễn Văn Hùng', 'Hans Müller', ...Array.from({ length: 100 }, (_, i) => `Trần Thị Lan ${i}`)];
    expect(detectLegacyEncoding(texts)).toBeNull();
  });

  it('finds no old encoding in any text of the demo ward (names, places, organizations, notes)', () => {
    const demo = generateDemoWard({ seed: 20250701, memberCount: 3882, asOf: '2026-11-26' });
    const texts = [
      ...demo.organizations.map((o) => o.name),
      ...demo.members.flatMap((m) => [m.fullName, m.occupation, m.workplace, m.notes, m.hometown?.commune, m.hometown?.province]),
    ].filter((t): t is string => Boolean(t));
    expect(texts.filter((t) => legacyEncodingOf(t) !== null)).toEqual([]);
  });
});
