/** Guarantee 7: no name, number or count of a member is readable from a file without the office key. */
import { gzipSync } from 'fflate';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { utf8 } from './bytes';
import { parsePreamble } from './format';
import { foldForSearch } from '../../text/vi';
import { demoRecords, joinParts, testManifest, testOfficeKey } from './testing';
import { writeBundle } from './writer';
import type { BundleRecord } from '../bundleTypes';

// Real-size files on a shared 2-core machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i += 1) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Every byte form a text could take in a file: UTF-8 composed and decomposed, UTF-16 both ways. */
function encodings(text: string): Uint8Array[] {
  return [utf8.encode(text.normalize('NFC')), utf8.encode(text.normalize('NFD')), utf16(text, true), utf16(text, false)];
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return latin1(haystack).includes(latin1(needle));
}

const WINDOW = 8;

/**
 * Searches one file for thousands of needles at once: a needle of 8 bytes or more can only occur
 * where its first 8 bytes do, and the file's 8-byte windows are a set.
 */
function searcher(haystack: Uint8Array): (needle: Uint8Array) => boolean {
  const text = latin1(haystack);
  const windows = new Set<string>();
  for (let i = 0; i + WINDOW <= text.length; i += 1) windows.add(text.slice(i, i + WINDOW));
  return (needle) => {
    const n = latin1(needle);
    if (n.length >= WINDOW && !windows.has(n.slice(0, WINDOW))) return false;
    return text.includes(n);
  };
}

const MEMBERS = 1500;
let records: BundleRecord[];
let file: Uint8Array;
let counts: Record<string, number>;

beforeAll(async () => {
  const key = await testOfficeKey();
  records = demoRecords(MEMBERS, 'riêng tư');
  const written = await writeBundle({ ...key, manifest: testManifest(), records });
  counts = written.manifest.counts;
  file = joinParts(written.parts);
});

/** The personal texts of the members: names (as typed, upper case, without diacritics), card, citizen and phone numbers. */
function personalTexts(): string[] {
  const texts = new Set<string>();
  for (const { t, r } of records) {
    if (t !== 'members') continue;
    const name = r.fullName as string;
    texts.add(name);
    texts.add(name.toLocaleUpperCase('vi'));
    texts.add(foldForSearch(name));
    for (const field of ['partyCardNumber', 'citizenId', 'phone', 'dossierNumber'] as const) {
      if (typeof r[field] === 'string') texts.add(r[field]);
    }
  }
  return [...texts];
}

describe('a sync file on a lost USB stick', () => {
  test('the search finds these texts in records as JSON and as UTF-16 (so it can fail)', () => {
    const members = records.filter((r) => r.t === 'members').slice(0, 30);
    const json = JSON.stringify(members);
    const inJson = searcher(utf8.encode(json));
    const inUtf16 = searcher(utf16(json, true));
    for (const { r: member } of members) {
      for (const text of [member.fullName, member.citizenId, member.dossierNumber] as string[]) {
        expect(inJson(utf8.encode(text))).toBe(true);
        expect(inUtf16(utf16(text, true))).toBe(true);
      }
    }
    expect(inJson(utf8.encode('Không có trong tệp'))).toBe(false);
  });

  test('contains no member name, party card, citizen, phone or dossier number in any encoding', () => {
    const inFile = searcher(file);
    const texts = personalTexts();
    expect(texts.length).toBeGreaterThan(MEMBERS * 4);
    const found = texts.filter((text) => encodings(text).some(inFile));
    expect(found).toEqual([]);
  });

  test('contains neither the office name, the device name nor the dataset id', () => {
    const manifest = testManifest();
    for (const text of [manifest.officeName, 'Phúc Lợi', manifest.sourceDeviceName, manifest.datasetId, manifest.sourceNodeId]) {
      expect(encodings(text).some((bytes) => contains(file, bytes))).toBe(false);
    }
  });

  test('contains no count, neither in the cleartext header nor as JSON anywhere', async () => {
    const { end } = await parsePreamble(file);
    const clear = file.subarray(0, end);
    expect(counts.members).toBe(MEMBERS);
    for (const [table, count] of Object.entries(counts)) {
      // As a number of its own: the digits alone turn up by chance inside hex and base64 (key id, salt).
      expect(new RegExp(`(?<![\\w+/=-])${count}(?![\\w+/=-])`).test(latin1(clear))).toBe(false);
      expect(contains(file, utf8.encode(`"${table}":${count}`))).toBe(false);
      expect(encodings(`${table}`).some((bytes) => contains(file, bytes))).toBe(false);
    }
  });

  test('the cleartext header holds only how to open the file', async () => {
    const { header } = await parsePreamble(file);
    expect(Object.keys(header).sort()).toEqual(['bundleId', 'chunkSize', 'keyId', 'noncePrefix', 'officeKey', 'suite']);
    expect(Object.keys(header.officeKey).sort()).toEqual(['ciphertext', 'iv', 'kdf', 'keyId', 'salt', 'version']);
  });

  test('everything after the header looks random: gzip cannot shrink it', async () => {
    const { end } = await parsePreamble(file);
    const body = file.subarray(end);
    expect(gzipSync(body, { level: 9 }).length).toBeGreaterThan(body.length * 0.99);
    // The same records as plain JSON shrink to a small fraction, so the check has teeth.
    expect(gzipSync(utf8.encode(JSON.stringify(records)), { level: 9 }).length).toBeLessThan(body.length * 10 * 0.5);
  });
});
