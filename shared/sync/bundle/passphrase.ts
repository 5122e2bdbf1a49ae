/**
 * Rules for the office passphrase (sync.md "Keys"). The passphrase protects the office key, which
 * opens every sync file of the office, so it is checked when it is set or changed, never when it
 * is used: an old wrapping stays usable whatever the rules become.
 *
 * The passphrase is NFC-normalized before the key derivation: the same words typed with a
 * composed (Windows, Unikey) or decomposed (macOS) keyboard must open the same key.
 */
import { foldForSearch } from '../../text/vi';

export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MAX_LENGTH = 128;
const MIN_DISTINCT_CHARACTERS = 4;

/** Words that make a passphrase guessable on their own (compared without diacritics, spaces or digits). */
const GUESSABLE = new Set([
  '',
  'password',
  'matkhau',
  'matkhauvanphong',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'abcdef',
  'abcdefgh',
  'abcdefghij',
  'admin',
  'administrator',
  'dangvien',
  'quanlydangvien',
  'dangbo',
  'dangbophuong',
  'danguy',
  'danguyphuong',
  'vanphong',
  'vanphongdanguy',
]);

export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** The first rule a new passphrase breaks, as a Vietnamese sentence; null when it is acceptable. */
export function checkPassphrase(passphrase: string): string | null {
  const text = normalizePassphrase(passphrase);
  const characters = Array.from(text);
  if (text.trim() === '') return 'Hãy nhập mật khẩu văn phòng.';
  if (characters.length < PASSPHRASE_MIN_LENGTH)
    return `Mật khẩu văn phòng cần ít nhất ${PASSPHRASE_MIN_LENGTH} ký tự.`;
  if (characters.length > PASSPHRASE_MAX_LENGTH)
    return `Mật khẩu văn phòng không được dài quá ${PASSPHRASE_MAX_LENGTH} ký tự.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text))
    return 'Mật khẩu văn phòng có ký tự điều khiển không gõ được; hãy chỉ dùng chữ, số, dấu cách và ký hiệu.';
  if (text !== text.trim())
    return 'Mật khẩu văn phòng không được bắt đầu hoặc kết thúc bằng dấu cách (rất dễ gõ nhầm).';
  if (/^\d+$/.test(text))
    return 'Mật khẩu văn phòng không được chỉ gồm chữ số (dễ đoán như số điện thoại, ngày sinh).';
  if (new Set(characters.map((c) => c.toLocaleLowerCase('vi'))).size < MIN_DISTINCT_CHARACTERS)
    return `Mật khẩu văn phòng quá đơn giản: cần ít nhất ${MIN_DISTINCT_CHARACTERS} ký tự khác nhau.`;
  const core = foldForSearch(text).replace(/[\s\d\p{P}\p{S}]/gu, '');
  if (GUESSABLE.has(core))
    return 'Mật khẩu văn phòng quá dễ đoán. Hãy dùng một câu dễ nhớ gồm vài từ, ví dụ "Chi bộ họp ngày mùng 5".';
  return null;
}

/** The message for a new passphrase, including the "same as the old one" rule of a change. */
export function checkNewPassphrase(newPassphrase: string, oldPassphrase: string): string | null {
  if (normalizePassphrase(newPassphrase) === normalizePassphrase(oldPassphrase))
    return 'Mật khẩu mới phải khác mật khẩu cũ.';
  return checkPassphrase(newPassphrase);
}
