/**
 * How a member's fields are cleaned before they are checked and saved (domain.md §7.3): text in NFC
 * with single spaces, identifying numbers without the spaces and dots people type inside them, the
 * dossier number in upper case. An emptied field stays in the draft as `undefined`, so that saving
 * an edit clears it (the write path's patch semantics).
 */
import { compactNumber } from './formats';
import type { Address, Member } from './types';
import { normalizeName, normalizeText } from '../text/vi';

export type MemberDraft = { [K in keyof Member]?: Member[K] };

const NUMBER_FIELDS = new Set<string>(['citizenId', 'partyCardNumber', 'phone']);
const ADDRESS_FIELDS = new Set<string>(['birthPlace', 'hometown', 'permanentAddress', 'temporaryAddress']);
/** Free text kept as typed apart from NFC and trimming: line breaks in notes matter. */
const MULTILINE_FIELDS = new Set<string>(['notes']);

function cleanText(field: string, value: string): string | undefined {
  let text: string;
  if (field === 'fullName' || field === 'birthName' || field === 'alias') text = normalizeName(value);
  else if (NUMBER_FIELDS.has(field)) text = compactNumber(normalizeText(value));
  else if (field === 'dossierNumber') text = compactNumber(normalizeText(value)).toLocaleUpperCase('vi');
  else if (MULTILINE_FIELDS.has(field)) text = value.normalize('NFC').trim();
  else text = normalizeText(value);
  return text === '' ? undefined : text;
}

export function normalizeAddress(address: Address | undefined): Address | undefined {
  if (!address) return undefined;
  const out: Address = {};
  for (const key of ['detail', 'commune', 'district', 'province'] as const) {
    const value = address[key];
    const text = typeof value === 'string' ? normalizeText(value) : '';
    if (text) out[key] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A copy of the draft with every text field cleaned; non-text values are kept. */
export function normalizeMemberDraft<T extends MemberDraft>(draft: T): T {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(draft)) {
    if (ADDRESS_FIELDS.has(field)) out[field] = normalizeAddress(value as Address | undefined);
    else if (typeof value === 'string' && field !== 'id')
      out[field] = cleanText(field, value);
    else out[field] = value === null ? undefined : value;
  }
  return out as T;
}
