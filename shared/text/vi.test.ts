import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareVietnamese,
  compareVietnameseNames,
  foldForSearch,
  matchesSearch,
  normalizeName,
  normalizeText,
  sortByVietnameseName,
  splitVietnameseName,
  toUpperName,
} from './vi';

const NFD_NGUYEN = 'Nguye\u0302\u0303n'; // 'Nguyễn' typed as base letters + combining marks

describe('normalizeText', () => {
  it.each([
    [NFD_NGUYEN, 'Nguyễn'],
    ['  Nguyễn   Văn\tHùng  ', 'Nguyễn Văn Hùng'],
    ['Nguyễn\u00a0Văn\u00a0Hùng', 'Nguyễn Văn Hùng'],
    ['Nguyễn\u200b Văn\r\nHùng\ufeff', 'Nguyễn Văn Hùng'],
    ['Lê\u3000Thị\u202fLan', 'Lê Thị Lan'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(input)).toBe(normalizeText(input).normalize('NFC'));
  });

  it('gives, on any text, what the full pipeline gives (its shortcut for clean text changes nothing)', () => {
    const pipeline = (text: string) =>
      text
        .normalize('NFC')
        .replace(/[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .normalize('NFC');
    for (const unit of ['grapheme', 'binary'] as const)
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 40 }), (text) => normalizeText(text) === pipeline(text)),
        { numRuns: 3000 },
      );
    for (const text of ['Nguyễn Văn Hùng', NFD_NGUYEN, ' a', 'a ', 'a  b', 'a\u2000b', '\u0301a', 'a\u200b\u0301'])
      expect(normalizeText(text)).toBe(pipeline(text));
  });

  it('keeps the case as typed in names', () => {
    expect(normalizeName('nguyễn văn HÙNG')).toBe('nguyễn văn HÙNG');
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toUpperName', () => {
  it.each([
    ['Nguyễn Văn Hùng', 'NGUYỄN VĂN HÙNG'],
    ['đặng thị ánh', 'ĐẶNG THỊ ÁNH'],
    [`${NFD_NGUYEN}  thị ngọc`, 'NGUYỄN THỊ NGỌC'],
    ['Ưng Thị Ơn', 'ƯNG THỊ ƠN'],
  ])('%s → %s', (name, printed) => {
    expect(toUpperName(name)).toBe(printed);
    expect(toUpperName(name).normalize('NFC')).toBe(toUpperName(name));
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Nguyễn Văn Hùng', 'nguyen van hung'],
    [NFD_NGUYEN, 'nguyen'],
    ['ĐẶNG ĐỨC ĐÔNG', 'dang duc dong'],
    ['Đỗ  Thị\u00a0Phượng', 'do thi phuong'],
    ['Trường THCS Phúc Lợi', 'truong thcs phuc loi'],
    ['Ưng Ơn Ăn Âu Êm Ôi', 'ung on an au em oi'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('gives, on any text, what the full pipeline gives (its letter-at-a-time way changes nothing)', () => {
    const pipeline = (text: string) =>
      text
        .normalize('NFD')
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/đ/g, 'd')
        .replace(/[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    // Vietnamese letters in both cases, ASCII, spaces of every kind, marks, invisible characters.
    const vietnamese = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ'];
    const pieces = fc.constantFrom(
      ...vietnamese,
      ...vietnamese.map((c) => c.toUpperCase()),
      ...' \t\n\r\u000b\u000c\u00a0\u3000\u200b\ufeff\u0301\u0323İßæ0123456789.,-_/\u0001',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 24 }), (parts) => foldForSearch(parts.join('')) === pipeline(parts.join(''))),
      { numRuns: 5000 },
    );
    for (const unit of ['grapheme', 'binary'] as const)
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 30 }), (text) => foldForSearch(text) === pipeline(text)),
        { numRuns: 3000 },
      );
    for (let code = 0; code < 0x2000; code++) {
      const text = `A${String.fromCharCode(code)} b`;
      expect(foldForSearch(text)).toBe(pipeline(text));
    }
  });

  it('lets a query typed without diacritics find the name', () => {
    expect(matchesSearch('Nguyễn Văn Hùng', 'nguyen van hung')).toBe(true);
    expect(matchesSearch('Nguyễn Văn Hùng', 'van  HUNG')).toBe(true);
    expect(matchesSearch('Đặng Văn Dũng', 'dung')).toBe(true);
    // Folding is diacritic-blind on both sides: a query with marks still finds the plain form.
    expect(matchesSearch('Nguyễn Văn Hùng', 'hưng')).toBe(true);
    expect(matchesSearch('Nguyễn Văn Hùng', 'hoa')).toBe(false);
  });

  it('is idempotent and leaves no combining marks, on any text', () => {
    for (const unit of ['grapheme', 'binary'] as const) {
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
          const once = foldForSearch(text);
          expect(foldForSearch(once)).toBe(once);
          expect(/\p{M}/u.test(once)).toBe(false);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('gives the same key for NFC, NFD and upper-case spellings of a name', () => {
    const names = ['Nguyễn Thị Ánh Tuyết', 'Trần Đức Lượng', 'Phạm Thị Hường', 'Hồ Quỳnh Hương'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('NFC', 'NFD', 'NFKD'), (name, form) => {
        const key = foldForSearch(name);
        expect(foldForSearch(name.normalize(form))).toBe(key);
        expect(foldForSearch(toUpperName(name))).toBe(key);
      }),
    );
  });
});

describe('splitVietnameseName', () => {
  it.each([
    ['Nguyễn Văn Hùng', { family: 'Nguyễn', middle: 'Văn', given: 'Hùng' }],
    ['Nguyễn Thị Thu  Hà', { family: 'Nguyễn', middle: 'Thị Thu', given: 'Hà' }],
    ['Lê Lợi', { family: 'Lê', middle: '', given: 'Lợi' }],
    ['Hùng', { family: '', middle: '', given: 'Hùng' }],
    ['  ', { family: '', middle: '', given: '' }],
  ])('%s', (name, parts) => {
    expect(splitVietnameseName(name)).toEqual(parts);
  });
});

describe('Vietnamese name order', () => {
  const sortNames = (names: string[]) => [...names].sort(compareVietnameseNames);

  it.each([
    [
      'given names: An < Ánh < Bình',
      ['Trần Văn Bình', 'Lê Thị Ánh', 'Phạm Văn An'],
      ['Phạm Văn An', 'Lê Thị Ánh', 'Trần Văn Bình'],
    ],
    ['same given name: by family name', ['Nguyễn Văn An', 'Lê Văn An'], ['Lê Văn An', 'Nguyễn Văn An']],
    [
      'same given and family: by middle name',
      ['Nguyễn Văn An', 'Nguyễn Đức An'],
      ['Nguyễn Đức An', 'Nguyễn Văn An'],
    ],
    [
      'Đ sorts after D',
      ['Trần Văn Đức', 'Trần Văn Dũng', 'Trần Văn Dương'],
      ['Trần Văn Dũng', 'Trần Văn Dương', 'Trần Văn Đức'],
    ],
    ['Đ family after D family', ['Đỗ Văn An', 'Dương Văn An'], ['Dương Văn An', 'Đỗ Văn An']],
    ['Ă and Â are letters after A', ['Lê Ân', 'Lê Ăn', 'Lê Anh'], ['Lê Anh', 'Lê Ăn', 'Lê Ân']],
    [
      'tones are a lesser difference than letters',
      ['Lê Hưng', 'Lê Hùng', 'Lê Hung'],
      ['Lê Hung', 'Lê Hùng', 'Lê Hưng'],
    ],
  ])('%s', (_, input, expected) => {
    expect(sortNames(input)).toEqual(expected);
  });

  it('does not depend on how the names were typed', () => {
    expect(compareVietnameseNames(`${NFD_NGUYEN} Văn An`, 'Nguyễn  Văn An')).toBe(0);
  });

  it('sorts records the same way as the comparator, stably', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Văn An', 'Lê Thị Ánh', 'Đỗ Văn An', 'Dương Văn An'];
    const records = names.map((fullName, i) => ({ fullName, i }));
    const sorted = sortByVietnameseName(records, (r) => r.fullName).map((r) => r.fullName);
    expect(sorted).toEqual(sortNames(names));
    expect(sorted).toEqual([
      'Dương Văn An',
      'Đỗ Văn An',
      'Lê Văn An',
      'Nguyễn Văn An',
      'Lê Thị Ánh',
      'Trần Văn Bình',
    ]);
  });

  it('orders organization names with numbers naturally', () => {
    const names = ['Chi bộ Tổ dân phố số 10', 'Chi bộ Tổ dân phố số 2', 'Chi bộ Trường Tiểu học'];
    expect([...names].sort(compareVietnamese)).toEqual([
      'Chi bộ Tổ dân phố số 2',
      'Chi bộ Tổ dân phố số 10',
      'Chi bộ Trường Tiểu học',
    ]);
  });
});
