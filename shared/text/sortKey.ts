/**
 * A sort key for Vietnamese names: plain strings whose code-unit order is the register's order
 * (given name, then family name, then middle name, each in Vietnamese collation). Stored on each
 * member as an index field, it lets IndexedDB hand back the first page of the register already
 * sorted, and lets 100,000 names sort by string comparison instead of a collator call per pair.
 *
 * Each word part is keyed as primary letters, then tones: the Vietnamese alphabet
 * (a ă â b c d đ e ê … ơ p q r s t u ư v x y) decides first, case and tone marks
 * (none, huyền, hỏi, ngã, sắc, nặng) only break ties, as in Intl.Collator('vi').
 */
import { normalizeName, splitVietnameseName } from './vi';

// Letters with their letter-forming marks, in alphabet order; Latin letters Vietnamese does not
// use (f, j, w, z) stand where the Latin alphabet puts them, for foreign names.
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_RANK = new Map(ALPHABET.map((letter, i) => [letter, i]));
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
/** Marks that make a letter of its own (breve, circumflex, horn) rather than a tone. */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

// Primary weights sit above the separators; digits sort before letters, other characters after.
const PRIMARY_BASE = 0x100;
const DIGIT_BASE = 0x80;
const SEPARATOR = '\u0001';
const PART_END = '\u0000';

interface Keyed {
  primary: string;
  tones: string;
  cases: string;
}

function keyWord(text: string): Keyed {
  let primary = '';
  let tones = '';
  let cases = '';
  for (const cluster of text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const base = cluster[0]!;
    const marks = [...cluster.slice(1)];
    const lower = base.toLowerCase();
    const letterMarks = marks.filter((m) => LETTER_MARKS.has(m)).join('');
    const letter = (lower === 'đ' ? 'đ' : (lower + letterMarks).normalize('NFC'));
    const rank = LETTER_RANK.get(letter);
    if (rank !== undefined) primary += String.fromCharCode(PRIMARY_BASE + rank);
    else if (/\d/.test(base)) primary += String.fromCharCode(DIGIT_BASE + Number(base));
    else if (/\s/.test(base)) primary += ' ';
    else primary += String.fromCharCode(0x1000 + (base.codePointAt(0)! & 0xffff));
    tones += String.fromCharCode(0x30 + (marks.map((m) => TONES[m] ?? 0).find((t) => t > 0) ?? 0));
    cases += base === lower ? '0' : '1';
  }
  return { primary, tones, cases };
}

function partKey(text: string): string {
  const { primary, tones, cases } = keyWord(text);
  return primary + SEPARATOR + tones + SEPARATOR + cases + PART_END;
}

/** The sort key of a person's name in register order. */
export function vietnameseNameSortKey(fullName: string): string {
  const name = normalizeName(fullName);
  const { given, family, middle } = splitVietnameseName(name);
  return partKey(given) + partKey(family) + partKey(middle) + partKey(name);
}

/** The sort key of any text (organization names…) in Vietnamese order. */
export function vietnameseSortKey(text: string): string {
  return partKey(normalizeName(text));
}
