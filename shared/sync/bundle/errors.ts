/**
 * Every way a `.qldv` file can be refused, each with one plain Vietnamese sentence that says what
 * happened and what to do (sync.md guarantee 6: refused with a specific message, before any write).
 */

export type BundleErrorCode =
  /** Not a file of this app at all (wrong magic bytes: a photo, a document, random bytes). */
  | 'notSyncFile'
  /** Zero bytes. */
  | 'empty'
  /** Cut short: a copy that did not finish, a stick pulled out too early. */
  | 'truncated'
  /** A bit changed, a chunk moved, dropped or repeated, or someone edited the file. */
  | 'damaged'
  /** The office passphrase does not open the office key. */
  | 'wrongPassphrase'
  /** Sealed with another office's key, or written for another office's data. */
  | 'otherOffice'
  /** A container, cipher suite, key wrapping or payload format this version cannot read. */
  | 'newerFormat'
  /** The data needs a newer reader (minReaderSchema above ours). */
  | 'newerSchema'
  /** This laptop has no office key yet: the passphrase is needed to open the file. */
  | 'needsPassphrase'
  /** Larger than the reader accepts (a file or a line far beyond any real register). */
  | 'tooLarge'
  /** A new passphrase that breaks a rule (the message names the rule). */
  | 'weakPassphrase'
  /** A backup opened as a sync file (renderer/src/db/backup.ts). */
  | 'isBackup'
  /** A sync file opened as a backup to restore. */
  | 'notBackup';

export const BUNDLE_ERROR_MESSAGES: Record<BundleErrorCode, string> = {
  notSyncFile: 'Tệp này không phải tệp đồng bộ của phần mềm Quản lý Đảng viên.',
  empty: 'Tệp đồng bộ trống (0 byte). Hãy chép lại tệp từ máy gửi.',
  truncated:
    'Tệp chưa được chép hết (bị cắt ngắn). Hãy chép lại tệp từ máy gửi, đợi chép xong rồi mới rút USB.',
  damaged:
    'Tệp đồng bộ bị hỏng hoặc đã bị sửa đổi nên không thể tin cậy. Hãy xuất lại tệp trên máy gửi và chép lại.',
  wrongPassphrase: 'Mật khẩu văn phòng không đúng.',
  otherOffice:
    'Tệp này của một văn phòng khác (hoặc của một bộ dữ liệu khác), không nhập được vào dữ liệu trên máy này.',
  newerFormat: 'Tệp được tạo bởi phiên bản phần mềm mới hơn. Hãy cập nhật phần mềm trước khi nhập tệp này.',
  newerSchema:
    'Dữ liệu trong tệp cần phiên bản phần mềm mới hơn. Hãy cập nhật phần mềm trước khi nhập tệp này.',
  needsPassphrase: 'Máy này chưa có khóa văn phòng. Hãy nhập mật khẩu văn phòng để mở tệp.',
  tooLarge: 'Tệp đồng bộ quá lớn so với giới hạn cho phép, không thể mở.',
  weakPassphrase: 'Mật khẩu văn phòng chưa đạt yêu cầu.',
  isBackup:
    'Tệp này là bản sao lưu, không phải tệp đồng bộ. Để đưa dữ liệu của bản sao lưu trở lại máy, hãy dùng "Khôi phục" ở màn hình Sao lưu.',
  notBackup:
    'Tệp này là tệp đồng bộ, không phải bản sao lưu. Để nhận dữ liệu từ máy khác, hãy dùng "Nhập tệp đồng bộ" ở màn hình Đồng bộ.',
};

export class BundleError extends Error {
  override name = 'BundleError';
  readonly code: BundleErrorCode;
  /** Technical detail for logs and tests (English, never shown as the user message). */
  readonly detail: string | undefined;

  constructor(code: BundleErrorCode, detail?: string, message?: string) {
    super(message ?? BUNDLE_ERROR_MESSAGES[code]);
    this.code = code;
    this.detail = detail;
  }
}

export function isBundleError(error: unknown, code?: BundleErrorCode): error is BundleError {
  return error instanceof BundleError && (code === undefined || error.code === code);
}
