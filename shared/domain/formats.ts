/**
 * Formats of the identifying numbers on a member's file (domain.md §2.2, §7.1–7.2). These check
 * shape only; uniqueness and cross-field checks belong to the validation rules.
 */
import type { Sex } from './types';

/** 8 digits: party cards issued since 2003. The 2025 chip cards' format is unknown (domain.md [?]). */
export const PARTY_CARD_NUMBER_PATTERN = /^\d{8}$/;

/** Số lý lịch: 6 digits and the 1–3 letter provincial code. */
export const DOSSIER_NUMBER_PATTERN = /^\d{6}[A-ZĐ]{1,3}$/u;

/** Số định danh cá nhân (CCCD): 12 digits. */
export const CITIZEN_ID_PATTERN = /^\d{12}$/;

export function isLegacyPartyCardNumber(text: string): boolean {
  return PARTY_CARD_NUMBER_PATTERN.test(text);
}

export function isDossierNumber(text: string): boolean {
  return DOSSIER_NUMBER_PATTERN.test(text);
}

export function isCitizenId(text: string): boolean {
  return CITIZEN_ID_PATTERN.test(text);
}

/** Removes the spaces, dots and dashes people type inside numbers ('001 085 012345'). */
export function compactNumber(text: string): string {
  return text.replace(/[\s.\-\u00a0]/g, '');
}

export interface CitizenIdFacts {
  /** Digits 1–3: province (or country) of birth registration, '001' = Hà Nội. */
  provinceCode: string;
  sex: Sex;
  birthYear: number;
}

/**
 * Digit 4 encodes sex and century (0/1 = male/female born 1900–1999, 2/3 = 2000–2099, then 4/5, 6/7,
 * 8/9 for the following centuries), digits 5–6 the last two digits of the birth year
 * (Thông tư 07/2016/TT-BCA). `undefined` when not a 12-digit number.
 */
export function decodeCitizenId(citizenId: string): CitizenIdFacts | undefined {
  if (!isCitizenId(citizenId)) return undefined;
  const code = Number(citizenId[3]);
  const century = 1900 + Math.floor(code / 2) * 100;
  return {
    provinceCode: citizenId.slice(0, 3),
    sex: code % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(citizenId.slice(4, 6)),
  };
}

/** The digits 4–6 a citizen id must have for this sex and birth year. */
export function citizenIdSexCenturyYear(sex: Sex, birthYear: number): string {
  const centuryIndex = Math.floor((birthYear - 1900) / 100);
  if (centuryIndex < 0 || centuryIndex > 3) throw new RangeError(`Birth year out of range: ${birthYear}`);
  const code = centuryIndex * 2 + (sex === 'female' ? 1 : 0);
  return `${code}${String(birthYear % 100).padStart(2, '0')}`;
}

/** Whether the id agrees with the member's sex and birth year (a warning, not an error: §7.1). */
export function citizenIdMatches(citizenId: string, sex: Sex, birthYear: number): boolean {
  const facts = decodeCitizenId(citizenId);
  return facts !== undefined && facts.sex === sex && facts.birthYear === birthYear;
}
