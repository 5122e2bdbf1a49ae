import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptFromFilters, createBrowserPlatform } from './browser';

const bytes = new TextEncoder().encode('Đảng bộ phường');

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('saving in the browser', () => {
  let blobs: Blob[];
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    blobs = [];
    clicked = [];
    vi.useFakeTimers();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:app/${blobs.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      // Record what a real browser would download, while the link is still in the page.
      expect(this.isConnected).toBe(true);
      clicked.push(this);
    });
  });

  it('clicks a download link named as suggested, holding exactly the bytes', async () => {
    const result = await createBrowserPlatform().saveFile({
      bytes,
      suggestedName: 'qldv-Chi-bo-1-2025-07-15.qldv',
    });
    expect(result).toEqual({ saved: true, viaDownload: true });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('qldv-Chi-bo-1-2025-07-15.qldv');
    expect(clicked[0]!.href).toBe('blob:app/1');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(bytes);
  });

  it('leaves no link behind and frees the blob URL later', async () => {
    await createBrowserPlatform().saveFile({ bytes, suggestedName: 'a.qldv' });
    expect(document.querySelector('a')).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledExactlyOnceWith('blob:app/1');
  });

  it('copies a view on a larger buffer: only the viewed bytes are saved', async () => {
    const larger = new Uint8Array([9, 9, 1, 2, 3, 9]);
    await createBrowserPlatform().saveFile({ bytes: larger.subarray(2, 5), suggestedName: 'a.bin' });
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('the file picker', () => {
  beforeEach(() => {
    // A real click would open the OS dialog; the test plays the user instead.
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined);
  });

  function openPicker(filters?: { name: string; extensions: string[] }[]) {
    const result = createBrowserPlatform().openFile(filters ? { filters } : undefined);
    const input = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input in the page');
    return { result, input };
  }

  function choose(input: HTMLInputElement, file: File) {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  }

  it('offers only the extensions of the filters', async () => {
    const { input, result } = openPicker([
      { name: 'Excel', extensions: ['xlsx', 'XLS'] },
      { name: 'Tệp đồng bộ', extensions: ['qldv'] },
    ]);
    expect(input.accept).toBe('.xlsx,.xls,.qldv');
    expect(input.multiple).toBe(false);
    expect(HTMLInputElement.prototype.click).toHaveBeenCalledOnce();
    input.dispatchEvent(new Event('cancel'));
    await result;
  });

  it('returns the chosen file name and its bytes', async () => {
    const { input, result } = openPicker([{ name: 'Excel', extensions: ['xlsx'] }]);
    choose(input, new File([bytes], 'Danh sách đảng viên.xlsx'));
    const opened = await result;
    expect(opened?.name).toBe('Danh sách đảng viên.xlsx');
    expect(opened?.bytes).toBeInstanceOf(Uint8Array);
    expect(opened?.bytes).toEqual(bytes);
  });

  it('resolves null when the user cancels, and removes the input', async () => {
    const { input, result } = openPicker();
    input.dispatchEvent(new Event('cancel'));
    await expect(result).resolves.toBeNull();
    expect(document.querySelector('input')).toBeNull();
  });

  it('resolves null when the selection comes back empty', async () => {
    const { input, result } = openPicker();
    input.dispatchEvent(new Event('change'));
    await expect(result).resolves.toBeNull();
    expect(document.querySelector('input')).toBeNull();
  });

  it('rejects with a Vietnamese sentence when the file cannot be read', async () => {
    const { input, result } = openPicker();
    const broken = new File(['x'], 'hỏng.qldv');
    vi.spyOn(broken, 'arrayBuffer').mockRejectedValue(new Error('NotReadableError'));
    choose(input, broken);
    await expect(result).rejects.toThrow('Không đọc được tệp "hỏng.qldv". Hãy thử lại.');
  });
});

describe('accept attribute from filters', () => {
  it.each([
    [undefined, ''],
    [[], ''],
    [[{ name: 'Excel', extensions: ['xlsx', 'xlsx'] }], '.xlsx'],
    [
      [
        { name: 'Tất cả', extensions: ['*'] },
        { name: 'Excel', extensions: ['xlsx'] },
      ],
      '',
    ],
  ])('%o → %j', (filters, accept) => {
    expect(acceptFromFilters(filters)).toBe(accept);
  });
});

describe('app info in the browser', () => {
  it('names the browser as host and IndexedDB as the data folder', async () => {
    await expect(createBrowserPlatform().appInfo()).resolves.toEqual({
      version: '0.0.0-test',
      platform: 'web',
      dataFolder: 'IndexedDB của trình duyệt',
      host: 'browser',
    });
  });
});

describe('printing in the browser', () => {
  it('print and save as PDF both open the browser’s print dialog; the PDF says so', async () => {
    // happy-dom has no print(); the adapter reaches it through the document's window.
    const print = vi.fn();
    const platform = createBrowserPlatform({ defaultView: { print } } as unknown as Document);
    await platform.print();
    expect(print).toHaveBeenCalledTimes(1);
    await expect(platform.savePdf({ suggestedName: 'bao-cao.pdf' })).resolves.toEqual({
      saved: false,
      viaPrintDialog: true,
    });
    expect(print).toHaveBeenCalledTimes(2);
  });
});
