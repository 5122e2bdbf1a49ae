/**
 * Vietnamese text: how names and free text are stored (NFC, single spaces), searched (folded
 * without diacritics) and sorted (Vietnamese collation by given name, then family name).
 *
 * Why each step: text pasted from Word, Excel or the web arrives in NFD (a base letter followed by
 * combining marks) or with non-breaking and zero-width spaces; two spellings of the same name must
 * be one value, or duplicates and failed searches follow (domain.md §7.3, architecture.md).
 */

/** Characters that are invisible and carry no meaning in names: removed outright. */
const INVISIBLE_CHARS = '\\u00ad\\u180e\\u200b-\\u200d\\u2060\\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');
/** `\s` already covers NBSP, the U+2000 spaces, U+202F, U+3000, tabs and line breaks. */
const WHITESPACE_RUN = /\s+/g;

/**
 * Anything for the spacing steps to do: an invisible character, whitespace other than a space, two
 * spaces together, or a space at either end. Text without any (nearly every cell of an import,
 * every name typed in a form) needs only its NFC form: a third of the time of the whole pipeline.
 */
const SPACING_TO_FIX = new RegExp(`[${INVISIBLE_CHARS}]|[^\\S ]| {2}|^ | $`);

const BLANK = new RegExp(`^[\\s${INVISIBLE_CHARS}]*$`);

/** Text that `normalizeText` makes empty (whitespace and invisible characters only), told without normalizing it. */
export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

/** NFC, invisible characters removed, every whitespace run one space, trimmed. Idempotent. */
export function normalizeText(text: string): string {
  if (!SPACING_TO_FIX.test(text)) return text.normalize('NFC');
  return text.normalize('NFC').replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim().normalize('NFC');
}

/** A name as stored: normalized, case kept as typed (the screen shows it as entered). */
export function normalizeName(name: string): string {
  return normalizeText(name);
}

/** A name as printed on official forms: upper case, with its diacritics ('NGUYỄN VĂN HÙNG'). */
export function toUpperName(name: string): string {
  return normalizeName(name).toLocaleUpperCase('vi').normalize('NFC');
}

/**
 * A search key: lower case, no diacritics, đ → d, single spaces, so 'nguyen van hung' finds
 * 'Nguyễn Văn Hùng'. Lower-casing comes before stripping marks because lower-casing can itself
 * produce a combining mark ('İ' → 'i̇'); whitespace is collapsed last because stripping a lone mark
 * can leave two spaces side by side. Idempotent.
 */
function foldByPipeline(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

/**
 * The fold of each precomposed Latin letter (Vietnamese ones among them) that folds to plain a–z,
 * made by the pipeline itself: such a letter folds the same wherever it stands.
 */
const LETTER_FOLDS = new Map<number, string>();
for (const [from, to] of [
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
] as const)
  for (let code = from; code <= to; code++) {
    const folded = foldByPipeline(String.fromCharCode(code));
    if (/^[a-z]+$/.test(folded)) LETTER_FOLDS.set(code, folded);
  }

/**
 * `foldByPipeline`, a character at a time for text made of ASCII and the letters above (names,
 * cells, search queries: five times faster); anything else (a combining mark, another script,
 * an unusual space) goes through the pipeline. The same result either way (vi.test.ts).
 */
export function foldForSearch(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string | undefined;
    if (code < 128) {
      // The ASCII whitespace of `\s`: tab, line feed, vertical tab, form feed, carriage return, space.
      if (code === 32 || (code >= 9 && code <= 13)) {
        space = out.length > 0;
        continue;
      }
      piece = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    } else {
      piece = LETTER_FOLDS.get(code);
      if (piece === undefined) return foldByPipeline(text);
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += piece;
  }
  return out;
}

/** Whether `query` occurs in `text`, ignoring case, diacritics and spacing. */
export function matchesSearch(text: string, query: string): boolean {
  return foldForSearch(text).includes(foldForSearch(query));
}

export interface VietnameseNameParts {
  /** Họ: the first word ('' for a one-word name). */
  family: string;
  /** Tên đệm: the words between ('' when none). */
  middle: string;
  /** Tên: the last word. */
  given: string;
}

/**
 * Splits 'Nguyễn Thị Thu Hà' into family 'Nguyễn', middle 'Thị Thu', given 'Hà'. Compound family
 * names ('Tôn Nữ', 'Âu Dương') are read as family + middle; sorting, the main use, is unaffected
 * because it compares the given name first and the whole name last.
 */
export function splitVietnameseName(fullName: string): VietnameseNameParts {
  const words = normalizeName(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

/**
 * Vietnamese collation: 'ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư' are letters of their own (Đ after D),
 * tones are secondary differences. `numeric` makes 'Tổ dân phố số 2' sort before 'số 10'.
 */
export function createVietnameseCollator(options: Intl.CollatorOptions = {}): Intl.Collator {
  return new Intl.Collator('vi', { usage: 'sort', numeric: true, ...options });
}

const collator = createVietnameseCollator();

/** General Vietnamese text order, e.g. for organization names. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

function compareParts(
  a: VietnameseNameParts & { full: string },
  b: VietnameseNameParts & { full: string },
): number {
  return (
    collator.compare(a.given, b.given) ||
    collator.compare(a.family, b.family) ||
    collator.compare(a.middle, b.middle) ||
    collator.compare(a.full, b.full)
  );
}

/** Order of names in Vietnamese registers: given name, then family name, then middle name. */
export function compareVietnameseNames(a: string, b: string): number {
  return compareParts(
    { ...splitVietnameseName(a), full: normalizeName(a) },
    { ...splitVietnameseName(b), full: normalizeName(b) },
  );
}

/**
 * Sorts records by name without splitting each name on every comparison (a list of 100,000
 * members would split them millions of times). Returns a new array; the sort is stable.
 */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const decorated = items.map((item) => {
    const name = nameOf(item);
    return { item, key: { ...splitVietnameseName(name), full: normalizeName(name) } };
  });
  decorated.sort((x, y) => compareParts(x.key, y.key));
  return decorated.map((entry) => entry.item);
}
