import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, resetElectronMock } from '../../../tests/setup/electron-mock';
import { PDF_FILTERS, registerPrintHandlers } from './print';
import { PAYLOAD_REFUSED_MESSAGE, SENDER_REFUSED_MESSAGE } from './handle';

const fakeIpcMain = ipcMain as unknown as Parameters<typeof registerPrintHandlers>[0];
const pdfBytes = Buffer.from('%PDF-1.7 Danh sách đảng viên');

function sender(over: Partial<{ print: unknown; printToPDF: unknown }> = {}) {
  return {
    print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) =>
      callback(true, ''),
    ),
    printToPDF: vi.fn(() => Promise.resolve(pdfBytes)),
    ...over,
  };
}
const eventFrom = (contents: unknown, url = 'app://qldv/index.html') => ({
  senderFrame: { url },
  sender: contents,
});

function setup(target: string | null = '/home/vp/Bao-cao.pdf') {
  const dialogs = { chooseSavePath: vi.fn(() => Promise.resolve(target)) };
  const store = { writeAtomically: vi.fn(() => Promise.resolve()) };
  registerPrintHandlers(fakeIpcMain, dialogs, store);
  return { dialogs, store };
}

beforeEach(() => resetElectronMock());

describe('print:pdf', () => {
  it('prints the asking page to an A4 PDF with its own @page margins and saves it where the user chose', async () => {
    const { dialogs, store } = setup();
    const contents = sender();
    const result = await ipcMain.invoke('print:pdf', eventFrom(contents), { suggestedName: 'Bao-cao.pdf' });
    expect(result).toEqual({ saved: true, path: '/home/vp/Bao-cao.pdf' });
    expect(contents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('Bao-cao.pdf', PDF_FILTERS);
    expect(store.writeAtomically).toHaveBeenCalledWith('/home/vp/Bao-cao.pdf', new Uint8Array(pdfBytes));
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { store } = setup(null);
    await expect(
      ipcMain.invoke('print:pdf', eventFrom(sender()), { suggestedName: 'a.pdf' }),
    ).resolves.toEqual({
      saved: false,
    });
    expect(store.writeAtomically).not.toHaveBeenCalled();
  });

  it('says in Vietnamese when Chromium cannot make the PDF, and opens no dialog', async () => {
    const { dialogs } = setup();
    const contents = sender({ printToPDF: vi.fn(() => Promise.reject(new Error('render process gone'))) });
    await expect(
      ipcMain.invoke('print:pdf', eventFrom(contents), { suggestedName: 'a.pdf' }),
    ).rejects.toThrow('Không tạo được tệp PDF');
    expect(dialogs.chooseSavePath).not.toHaveBeenCalled();
  });

  it.each([
    ['a name that is not a PDF', { suggestedName: 'bao-cao.exe' }],
    ['a path instead of a name', { suggestedName: '../../bao-cao.pdf' }],
    ['extra fields', { suggestedName: 'a.pdf', path: '/etc' }],
  ])('refuses %s before anything is printed', async (_name, payload) => {
    setup();
    const contents = sender();
    await expect(ipcMain.invoke('print:pdf', eventFrom(contents), payload)).rejects.toThrow(
      PAYLOAD_REFUSED_MESSAGE,
    );
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });

  it('refuses a page that is not the app', async () => {
    setup();
    const contents = sender();
    await expect(
      ipcMain.invoke('print:pdf', eventFrom(contents, 'https://example.com/'), { suggestedName: 'a.pdf' }),
    ).rejects.toThrow(SENDER_REFUSED_MESSAGE);
    expect(contents.printToPDF).not.toHaveBeenCalled();
  });
});

describe('print:page', () => {
  it('opens the print dialog of the asking page; a cancel is no error', async () => {
    setup();
    const contents = sender({
      print: vi.fn((_o: unknown, callback: (success: boolean, reason: string) => void) =>
        callback(false, 'cancelled'),
      ),
    });
    await expect(ipcMain.invoke('print:page', eventFrom(contents))).resolves.toBeUndefined();
    expect(contents.print).toHaveBeenCalledOnce();
  });

  it('reports a printer failure in Vietnamese', async () => {
    setup();
    const contents = sender({
      print: vi.fn((_o: unknown, callback: (success: boolean, reason: string) => void) =>
        callback(false, 'Print job failed'),
      ),
    });
    await expect(ipcMain.invoke('print:page', eventFrom(contents))).rejects.toThrow('Không in được');
  });
});
