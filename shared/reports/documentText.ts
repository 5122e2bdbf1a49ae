/** Upper case with Vietnamese rules ('đ' → 'Đ'), in NFC as stored. */
export function upperVietnamese(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}
