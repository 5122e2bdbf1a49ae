/**
 * The text of a PDF that Chromium printed, without a PDF library (no pdftotext on our machines):
 * inflate the FlateDecode streams (fflate), read each font's ToUnicode CMap, and decode the glyph
 * strings of the page content with the font in use. Enough to prove what a printed page says;
 * not a general PDF reader (no object streams, no encrypted files).
 */
import { unzlibSync } from 'fflate';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

type CMap = Map<number, string>;

function hexToString(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCMap(source: string): CMap {
  const map: CMap = new Map();
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, from, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(from!, 16), hexToString(to!));
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, to] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const first = parseInt(lo!, 16);
      const base = hexToString(to!);
      for (let code = first; code <= parseInt(hi!, 16); code += 1)
        map.set(
          code,
          base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - first),
        );
    }
  return map;
}

interface PdfObject {
  dict: string;
  stream?: string;
}

/** Every numbered object: its dictionary, and its stream inflated when there is one. */
function pdfObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const text = latin1(pdf);
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+)\s+0\s+obj\b/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const bodyStart = match.index + match[0].length;
    const streamAt = text.indexOf('stream', bodyStart);
    const endAt = text.indexOf('endobj', bodyStart);
    if (endAt < 0) break;
    if (streamAt >= 0 && streamAt < endAt && !text.slice(bodyStart, streamAt).includes('endstream')) {
      const dict = text.slice(bodyStart, streamAt);
      let start = streamAt + 'stream'.length;
      if (text[start] === '\r') start += 1;
      if (text[start] === '\n') start += 1;
      const end = text.indexOf('endstream', start);
      const raw = pdf.subarray(start, end);
      let stream: string;
      try {
        stream = /FlateDecode/.test(dict) ? latin1(unzlibSync(raw)) : latin1(raw);
      } catch {
        stream = '';
      }
      objects.set(Number(match[1]), { dict, stream });
      pattern.lastIndex = end;
    } else {
      objects.set(Number(match[1]), { dict: text.slice(bodyStart, endAt) });
      pattern.lastIndex = endAt;
    }
  }
  return objects;
}

/**
 * The text of every page in painting order: the content streams read operator by operator, each
 * glyph string decoded with the ToUnicode map of the font then selected (`/F4 12 Tf`). Chromium
 * switches fonts inside a word (Vietnamese letters may come from another subset), so runs are
 * joined without separators; compare with whitespace removed (`pdfContains`).
 */
export function pdfText(pdf: Uint8Array): string {
  const objects = pdfObjects(pdf);
  const cmapOfFont = new Map<number, CMap>();
  for (const [id, object] of objects) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(object.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (cmap) cmapOfFont.set(id, parseCMap(cmap));
  }
  const fontByName = new Map<string, CMap>();
  for (const object of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(object.dict);
    if (!fonts) continue;
    for (const [, name, id] of fonts[1]!.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)) {
      const cmap = cmapOfFont.get(Number(id));
      if (cmap) fontByName.set(name!, cmap);
    }
  }
  const decode = (hex: string, cmap: CMap | undefined) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4)
      out += cmap?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    return out;
  };
  let text = '';
  for (const object of objects.values()) {
    const content = object.stream;
    if (!content || !/\bT[Jj]\b/.test(content)) continue;
    let font: CMap | undefined;
    const ops =
      /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:<[0-9A-Fa-f]*>|[^\]])*)\]\s*TJ|\bET\b/g;
    for (const op of content.matchAll(ops)) {
      if (op[1] !== undefined) font = fontByName.get(op[1]);
      else if (op[2] !== undefined) text += decode(op[2], font);
      else if (op[3] !== undefined)
        for (const part of op[3].matchAll(/<([0-9A-Fa-f]*)>/g)) text += decode(part[1]!, font);
    }
    text += '\n';
  }
  return text.normalize('NFC');
}

/** Whether the printed text holds `phrase` (spaces ignored: glyph runs may drop them). */
export function pdfContains(text: string, phrase: string): boolean {
  return text.replace(/\s+/g, '').includes(phrase.normalize('NFC').replace(/\s+/g, ''));
}
