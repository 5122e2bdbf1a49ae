import { describe, expect, it } from 'vitest';
import { findDuplicates, normalizeMemberDraft, type DuplicateCandidate } from './memberRules';

describe('a draft is cleaned before it is checked and saved', () => {
  it.each([
    [
      'a name pasted in NFD with extra spaces',
      'fullName',
      '  Nguye\u0302\u0303n   Va\u0306n\u00a0An ',
      'Nguyễn Văn An',
    ],
    ['a name with a zero-width space', 'fullName', 'Trần\u200b Thị Bình', 'Trần Thị Bình'],
    ['a citizen id typed in groups', 'citizenId', '001 060.012-345', '001060012345'],
    ['a card number with spaces', 'partyCardNumber', ' 1234 5678 ', '12345678'],
    ['a dossier number in lower case', 'dossierNumber', '012345 hn', '012345HN'],
    ['a dossier number with đ', 'dossierNumber', '012345đn', '012345ĐN'],
    ['free text', 'occupation', '  Cán bộ   hưu trí ', 'Cán bộ hưu trí'],
    ['an emptied field stays as a clearing key', 'phone', '   ', undefined],
  ])('%s', (_, field, typed, stored) => {
    const cleaned = normalizeMemberDraft({ [field]: typed }) as Record<string, unknown>;
    expect(Object.keys(cleaned)).toEqual([field]);
    expect(cleaned[field]).toBe(stored);
  });

  it('keeps notes on several lines, the photo and non-text values as they are', () => {
    const photo = 'data:image/jpeg;base64,AAAA';
    expect(normalizeMemberDraft({ notes: ' Dòng 1\nDòng 2 ', photo, retired: true, sex: 'female' })).toEqual({
      notes: 'Dòng 1\nDòng 2',
      photo,
      retired: true,
      sex: 'female',
    });
  });

  it('drops empty parts of an address, and an address left empty', () => {
    expect(
      normalizeMemberDraft({
        hometown: { commune: ' Xã  Cổ Bi ', district: '', province: 'Hà Nội' },
        birthPlace: { detail: '  ' },
      }),
    ).toEqual({ hometown: { commune: 'Xã Cổ Bi', province: 'Hà Nội' }, birthPlace: undefined });
  });
});

describe('likely duplicates are warnings naming the other member', () => {
  const other: DuplicateCandidate = {
    id: 'b',
    fullName: 'Nguyễn Văn An',
    birthDate: '1960-04-12',
    partyCardNumber: '12345678',
    citizenId: '001060012345',
  };
  const draft = { id: 'a', fullName: 'Lê Thị Hoa', birthDate: '1970-01-01' };

  it.each([
    [
      'the same card number',
      { partyCardNumber: '12345678' },
      'partyCardNumber',
      'Số thẻ đảng viên 12345678 trùng với đồng chí Nguyễn Văn An (sinh 12/04/1960); hãy kiểm tra có phải cùng một người không.',
    ],
    [
      'the same citizen id',
      { citizenId: '001060012345' },
      'citizenId',
      'Số định danh cá nhân 001060012345 trùng với đồng chí Nguyễn Văn An (sinh 12/04/1960); hãy kiểm tra có phải cùng một người không.',
    ],
    [
      'the same name without diacritics and birth date',
      { fullName: 'nguyen van  AN', birthDate: '1960-04-12' },
      'fullName',
      'Đã có đồng chí Nguyễn Văn An (sinh 12/04/1960) cùng họ tên và ngày sinh; hãy kiểm tra có phải cùng một người không.',
    ],
  ])('%s', (_, patch, field, message) => {
    expect(findDuplicates({ ...draft, ...patch }, [other])).toEqual([{ field, message }]);
  });

  it.each([
    ['the member itself', { ...draft, id: 'b', partyCardNumber: '12345678' }, other],
    [
      'the same name, another birth date',
      { ...draft, fullName: 'Nguyễn Văn An', birthDate: '1960-04-13' },
      other,
    ],
    ['the same birth date, another name', { ...draft, birthDate: '1960-04-12' }, other],
    [
      'a member in the recycle bin',
      { ...draft, citizenId: '001060012345' },
      { ...other, deleted: 1 as const },
    ],
    [
      'empty numbers never match',
      { ...draft, partyCardNumber: undefined },
      { ...other, partyCardNumber: undefined },
    ],
  ])('not for %s', (_, candidate, existing) => {
    expect(findDuplicates(candidate, [existing])).toEqual([]);
  });
});
