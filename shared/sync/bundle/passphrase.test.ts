import { describe, expect, test } from 'vitest';
import { checkNewPassphrase, checkPassphrase, normalizePassphrase } from './passphrase';

describe('checkPassphrase', () => {
  test.each([
    ['', 'Hãy nhập mật khẩu văn phòng.'],
    ['          ', 'Hãy nhập mật khẩu văn phòng.'],
    ['ngắn quá', 'Mật khẩu văn phòng cần ít nhất 10 ký tự.'],
    ['123456789', 'Mật khẩu văn phòng cần ít nhất 10 ký tự.'],
    ['a'.repeat(129), 'Mật khẩu văn phòng không được dài quá 128 ký tự.'],
    ['dòng một\ndòng hai', 'Mật khẩu văn phòng có ký tự điều khiển không gõ được; hãy chỉ dùng chữ, số, dấu cách và ký hiệu.'],
    [' Chi bộ họp ngày 5', 'Mật khẩu văn phòng không được bắt đầu hoặc kết thúc bằng dấu cách (rất dễ gõ nhầm).'],
    ['Chi bộ họp ngày 5 ', 'Mật khẩu văn phòng không được bắt đầu hoặc kết thúc bằng dấu cách (rất dễ gõ nhầm).'],
    ['0912345678', 'Mật khẩu văn phòng không được chỉ gồm chữ số (dễ đoán như số điện thoại, ngày sinh).'],
    ['15072025151', 'Mật khẩu văn phòng không được chỉ gồm chữ số (dễ đoán như số điện thoại, ngày sinh).'],
    ['aaaaaaaaaaaa', 'Mật khẩu văn phòng quá đơn giản: cần ít nhất 4 ký tự khác nhau.'],
    ['abababAbABab', 'Mật khẩu văn phòng quá đơn giản: cần ít nhất 4 ký tự khác nhau.'],
    ['matkhau2025', 'Mật khẩu văn phòng quá dễ đoán. Hãy dùng một câu dễ nhớ gồm vài từ, ví dụ "Chi bộ họp ngày mùng 5".'],
    ['Mật khẩu 123', 'Mật khẩu văn phòng quá dễ đoán. Hãy dùng một câu dễ nhớ gồm vài từ, ví dụ "Chi bộ họp ngày mùng 5".'],
    ['Đảng viên 2025!', 'Mật khẩu văn phòng quá dễ đoán. Hãy dùng một câu dễ nhớ gồm vài từ, ví dụ "Chi bộ họp ngày mùng 5".'],
    ['Password123', 'Mật khẩu văn phòng quá dễ đoán. Hãy dùng một câu dễ nhớ gồm vài từ, ví dụ "Chi bộ họp ngày mùng 5".'],
  ])('%j is refused', (passphrase, message) => {
    expect(checkPassphrase(passphrase)).toBe(message);
  });

  test.each([
    'Chi bộ họp ngày mùng 5',
    'hoa sen nở giữa hồ',
    'Ph@c-L0i-2025',
    'correct horse battery staple',
    'a'.repeat(6) + 'bcd' + 'e',
    'ĐảngỦyPhúcLợi#7',
    'x'.repeat(125) + 'abc',
  ])('%j is accepted', (passphrase) => {
    expect(checkPassphrase(passphrase)).toBeNull();
  });

  test('length counts characters, not UTF-16 units or bytes', () => {
    // 10 characters, of which the emoji take two UTF-16 units each.
    expect(checkPassphrase('😀😀qzxwvkjh')).toBeNull();
    expect(checkPassphrase('😀😀qzxwvkj')).toBe('Mật khẩu văn phòng cần ít nhất 10 ký tự.');
  });

  test('composed and decomposed Vietnamese normalize to the same passphrase', () => {
    const composed = 'Chi bộ họp ngày mùng 5';
    expect(normalizePassphrase(composed.normalize('NFD'))).toBe(composed);
  });
});

describe('checkNewPassphrase', () => {
  test.each([
    ['Chi bộ họp ngày mùng 5', 'Chi bộ họp ngày mùng 5', 'Mật khẩu mới phải khác mật khẩu cũ.'],
    ['Chi bộ họp ngày mùng 5'.normalize('NFD'), 'Chi bộ họp ngày mùng 5', 'Mật khẩu mới phải khác mật khẩu cũ.'],
    ['ngắn', 'Chi bộ họp ngày mùng 5', 'Mật khẩu văn phòng cần ít nhất 10 ký tự.'],
    ['hoa sen nở giữa hồ', 'Chi bộ họp ngày mùng 5', null],
  ])('new %j after old %j', (next, old, message) => {
    expect(checkNewPassphrase(next, old)).toBe(message);
  });
});
