import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { vietnameseNameSortKey } from './sortKey';
import { compareVietnameseNames } from './vi';

const byKey = (a: string, b: string) => {
  const ka = vietnameseNameSortKey(a);
  const kb = vietnameseNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('Vietnamese name sort key', () => {
  it.each([
    ['Nguyễn Văn An', 'Trần Thị Ánh'],
    ['Trần Thị Ánh', 'Lê Văn Bình'],
    ['Lê Văn An', 'Nguyễn Văn An'],
    ['Nguyễn Văn Dũng', 'Nguyễn Văn Đức'],
    ['Phạm Thị Ha', 'Phạm Thị Hà'],
    ['Phạm Thị Hà', 'Phạm Thị Hả'],
    ['Phạm Thị Hả', 'Phạm Thị Hã'],
    ['Phạm Thị Hã', 'Phạm Thị Há'],
    ['Phạm Thị Há', 'Phạm Thị Hạ'],
    ['Vũ Văn Anh', 'Vũ Văn Ăn'],
    ['Vũ Văn Ăn', 'Vũ Văn Ân'],
    ['Đỗ Thị Oanh', 'Đỗ Thị Ơn'],
    ['Hoàng Văn Uy', 'Hoàng Văn Ưng'],
    ['Bùi Văn Thanh', 'Bùi Văn Thành'],
  ])('%s comes before %s', (a, b) => {
    expect(byKey(a, b)).toBe(-1);
    expect(compareVietnameseNames(a, b)).toBeLessThan(0);
  });

  it('agrees with the collator-based comparison on random Vietnamese names', () => {
    const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
    const middles = ['Văn', 'Thị', 'Đức', 'Thu', 'Ngọc', 'Minh', 'Hữu', 'Thị Thu', 'Quang'];
    const givens = ['An', 'Anh', 'Ánh', 'Ân', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hưng', 'Lan', 'Linh', 'Loan', 'Mai', 'Nam', 'Oanh', 'Ơn', 'Phương', 'Quân', 'Sơn', 'Thành', 'Thảo', 'Trang', 'Tú', 'Tuấn', 'Uyên', 'Vân', 'Yến'];
    const name = fc.tuple(fc.constantFrom(...families), fc.constantFrom(...middles), fc.constantFrom(...givens)).map((p) => p.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(byKey(a, b)).toBe(Math.sign(compareVietnameseNames(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on the Unicode form or spacing of the input', () => {
    expect(vietnameseNameSortKey('Nguye\u0302\u0303n  Văn An ')).toBe(vietnameseNameSortKey('Nguyễn Văn An'));
  });
});
