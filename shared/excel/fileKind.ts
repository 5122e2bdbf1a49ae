/**
 * What kind of file the user picked, told by its first bytes rather than its name: offices rename
 * files freely, and the old programs of the Party's software still save `.xls` (BIFF) or HTML
 * tables under an `.xls` name. Only an `.xlsx` (a ZIP package) can be read; every other kind gets a
 * Vietnamese sentence that says how to convert it.
 */

export type SpreadsheetKind = 'xlsx' | 'ole' | 'html' | 'text' | 'empty' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: Excel 97–2003 `.xls`, and also an `.xlsx` protected by a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Whether the first KB looks like text: no NUL and almost no control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control <= sample.length / 100;
}

export function detectSpreadsheetKind(bytes: Uint8Array): SpreadsheetKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) return 'ole';
  if (!looksLikeText(bytes)) return 'unknown';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<')) return 'html';
  return 'text';
}

const SAVE_AS_XLSX =
  'Hãy mở tệp bằng Excel, chọn Tệp → Lưu thành (File → Save As), chọn kiểu “Sổ làm việc Excel (*.xlsx)”, lưu rồi nhập tệp .xlsx mới.';

/** The sentence shown for a file that cannot be read, or null for an `.xlsx`. */
export function spreadsheetKindRefusal(kind: SpreadsheetKind, fileName: string): string | null {
  switch (kind) {
    case 'xlsx':
      return null;
    case 'empty':
      return `Tệp “${fileName}” trống, không có dữ liệu. Hãy chọn đúng tệp danh sách đảng viên.`;
    case 'ole':
      return `Tệp “${fileName}” là tệp Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu; phần mềm chỉ đọc được tệp .xlsx không đặt mật khẩu. ${SAVE_AS_XLSX} Nếu tệp có mật khẩu, hãy gỡ mật khẩu trước (Tệp → Thông tin → Bảo vệ sổ làm việc).`;
    case 'html':
      return `Tệp “${fileName}” là trang web (HTML) mang đuôi Excel, thường do phần mềm khác xuất ra; phần mềm chỉ đọc được tệp .xlsx. ${SAVE_AS_XLSX}`;
    case 'text':
      return `Tệp “${fileName}” là tệp văn bản (CSV hoặc TXT), không phải tệp Excel .xlsx. ${SAVE_AS_XLSX} Khi mở tệp CSV, hãy chọn bảng mã UTF-8 để giữ đúng dấu tiếng Việt.`;
    case 'unknown':
      return `Tệp “${fileName}” không phải tệp Excel .xlsx. Hãy chọn tệp danh sách lưu bằng Excel với đuôi .xlsx.`;
  }
}
