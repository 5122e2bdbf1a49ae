/**
 * Vietnamese typed in the pre-Unicode encodings TCVN3 (ABC, fonts .VnTime) and VNI (fonts
 * VNI-Times) still turns up in old lists. Excel stores those bytes as Latin-1 letters, so a name
 * reads “NguyÔn V¨n Hïng” (TCVN3) or “Nguyeãn Vaên Huøng” (VNI). Importing that would store
 * garbage; instead the file is refused with advice on converting it (Unikey's converter).
 *
 * The heuristic: Vietnamese in Unicode never puts these Latin-1 characters next to a letter.
 * TCVN3 uses the symbols ¡–¿ as letters; VNI uses letters that Vietnamese does not have
 * (ø, û, ï, ñ, ö, ä, ë …) as marks after a base letter.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

const TCVN3_MARKS =
  /[a-z][\u00c0-\u00de]|[A-Za-z][\u00a1-\u00ae\u00b5-\u00be\u00c6\u00c7\u00d0\u00d7\u00de\u00df\u00f0\u00f7\u00fe]|[\u00a1-\u00ae\u00b5-\u00be][A-Za-z]/;
const VNI_MARKS = /[A-Za-z][\u00f8\u00fb\u00ef\u00f1\u00f6\u00e4\u00eb\u00e5\u00d8\u00db\u00cf\u00d1\u00d6\u00c4\u00cb\u00c5]|[\u00d1\u00f1][a-zA-Z]/;

/** The encoding one text seems typed in, or null for Unicode (or plain ASCII). */
export function legacyEncodingOf(text: string): LegacyEncoding | null {
  if (TCVN3_MARKS.test(text)) return 'tcvn3';
  if (VNI_MARKS.test(text)) return 'vni';
  return null;
}

export interface LegacyEncodingFinding {
  encoding: LegacyEncoding;
  /** How many texts looked encoded, and one of them to show. */
  count: number;
  example: string;
}

/**
 * Looks at every text of the sheet; reports an old encoding when at least `minimum` texts (and at
 * least 1 in 50 of the texts with a letter beyond ASCII) carry its marks, so one foreign name
 * (“Müller”) does not refuse a file.
 */
export function detectLegacyEncoding(texts: Iterable<string>, minimum = 2): LegacyEncodingFinding | null {
  const counts = { tcvn3: 0, vni: 0 };
  const examples: Partial<Record<LegacyEncoding, string>> = {};
  let nonAscii = 0;
  for (const text of texts) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(text)) continue;
    nonAscii += 1;
    const encoding = legacyEncodingOf(text);
    if (!encoding) continue;
    counts[encoding] += 1;
    examples[encoding] ??= text;
  }
  const encoding: LegacyEncoding = counts.tcvn3 >= counts.vni ? 'tcvn3' : 'vni';
  const count = counts[encoding];
  if (count < minimum || count * 50 < nonAscii) return null;
  return { encoding, count, example: examples[encoding]! };
}

const ENCODING_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
};

export function legacyEncodingMessage(finding: LegacyEncodingFinding): string {
  const name = ENCODING_NAMES[finding.encoding];
  return (
    `Chữ trong tệp được gõ bằng bảng mã cũ ${name}, ví dụ “${finding.example}”; nhập vào sẽ sai dấu tiếng Việt nên phần mềm chưa nhập. ` +
    `Hãy chuyển tệp sang Unicode rồi nhập lại: mở tệp bằng Excel, chọn toàn bộ bảng và sao chép (Ctrl+C); mở công cụ chuyển mã của Unikey (Ctrl+Shift+F6), chọn nguồn “${finding.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows'}”, đích “Unicode”, bấm “Chuyển mã”; dán lại vào Excel (Ctrl+V), đổi phông chữ sang Times New Roman và lưu thành tệp .xlsx.`
  );
}
