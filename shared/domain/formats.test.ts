import { describe, expect, it } from 'vitest';
import {
  citizenIdMatches,
  citizenIdSexCenturyYear,
  compactNumber,
  decodeCitizenId,
  isCitizenId,
  isDossierNumber,
  isLegacyPartyCardNumber,
} from './formats';

describe('party card number (số thẻ đảng viên)', () => {
  it.each([
    ['12345678', true],
    ['01234567', true],
    ['1234567', false],
    ['123456789', false],
    ['1234 5678', false],
    ['AB345678', false],
  ])('%s → %s', (text, valid) => {
    expect(isLegacyPartyCardNumber(text)).toBe(valid);
  });
});

describe('dossier number (số lý lịch)', () => {
  it.each([
    ['123456HN', true],
    ['123456NĐ', true],
    ['123456A', true],
    ['123456HNA', true],
    ['123456HNAB', false],
    ['12345HN', false],
    ['123456hn', false],
    ['123456', false],
    ['HN123456', false],
    ['123456N\u0110', true],
  ])('%s → %s', (text, valid) => {
    expect(isDossierNumber(text)).toBe(valid);
  });
});

describe('citizen id (số định danh cá nhân)', () => {
  it.each([
    ['001085012345', true],
    ['00108501234', false],
    ['0010850123456', false],
    ['00108501234a', false],
  ])('%s well-formed: %s', (text, valid) => {
    expect(isCitizenId(text)).toBe(valid);
  });

  it.each([
    ['001085012345', { provinceCode: '001', sex: 'male', birthYear: 1985 }],
    ['001185012345', { provinceCode: '001', sex: 'female', birthYear: 1985 }],
    ['034203012345', { provinceCode: '034', sex: 'male', birthYear: 2003 }],
    ['036300012345', { provinceCode: '036', sex: 'female', birthYear: 2000 }],
    ['001199012345', { provinceCode: '001', sex: 'female', birthYear: 1999 }],
  ])('%s decodes as %o', (id, facts) => {
    expect(decodeCitizenId(id)).toEqual(facts);
  });

  it.each([
    ['male', 1985, '085'],
    ['female', 1985, '185'],
    ['male', 2003, '203'],
    ['female', 2000, '300'],
    ['female', 1930, '130'],
  ] as const)('%s born %i → digits 4–6 %s', (sex, year, digits) => {
    expect(citizenIdSexCenturyYear(sex, year)).toBe(digits);
    expect(citizenIdMatches(`001${digits}012345`, sex, year)).toBe(true);
  });

  it('flags a mismatch of sex or birth year', () => {
    expect(citizenIdMatches('001085012345', 'female', 1985)).toBe(false);
    expect(citizenIdMatches('001085012345', 'male', 1986)).toBe(false);
    expect(citizenIdMatches('001085012345', 'male', 2085)).toBe(false);
    expect(citizenIdMatches('not an id', 'male', 1985)).toBe(false);
  });

  it('removes the separators people type inside numbers', () => {
    expect(compactNumber('001 085\u00a0012.345')).toBe('001085012345');
    expect(compactNumber('0912-345-678')).toBe('0912345678');
  });
});
