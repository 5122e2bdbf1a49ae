/**
 * Guarantee 6: a damaged, cut, reordered, wrong-key, wrong-office or newer file is refused with
 * its own message before anything of it is returned.
 */
import { Gunzip, gunzipSync, gzipSync } from 'fflate';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { concatBytes, utf8 } from './bytes';
import { BUNDLE_ERROR_MESSAGES, BundleError, type BundleErrorCode } from './errors';
import { CHUNK_FRAME_BYTES, MIN_CHUNK_SIZE, parsePreamble, TAG_BYTES } from './format';
import { setUpOfficeKey, type NewOfficeKey } from './keys';
import { peekHeader, readBundle, type ReadBundleOptions, type BundleUnlock } from './reader';
import {
  DATASET_ID,
  demoRecords,
  forgeBundle,
  gzipMembers,
  joinParts,
  linesHash,
  manifestLine,
  openPayload,
  PASSPHRASE,
  SCHEMA,
  TEST_KDF,
  testManifest,
  testOfficeKey,
} from './testing';
import { writeBundleV1 } from './v1Writer.testing';
import { writeBundle } from './writer';

// Real-size files on a shared 2-core machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let key: NewOfficeKey;
/** Where each part of a file lies: [start, end) of the preamble pieces and of each chunk's frame, body and tag. */
interface Layout {
  headerJson: [number, number];
  headerHash: [number, number];
  chunks: { frame: number; body: number; tag: number; end: number }[];
  /** File offset of the first byte of the second gzip member (format 2: the records after the manifest). */
  secondMember?: number;
}
interface Sample {
  file: Uint8Array<ArrayBuffer>;
  layout: Layout;
}
type Format = 'format 2' | 'format 1';
/** The same records written by this version (format 2) and by the previous one (format 1). */
const samples = {} as Record<Format, Sample>;
/** The format-2 sample, for the tests that need one file. */
let file: Uint8Array<ArrayBuffer>;

async function refusal(bytes: Uint8Array, unlock?: BundleUnlock, options?: Partial<ReadBundleOptions>): Promise<BundleError> {
  try {
    await readBundle(bytes, unlock ?? { officeKey: key.officeKey, keyId: key.keyId }, { maxSchema: SCHEMA, ...options });
  } catch (error) {
    if (error instanceof BundleError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

async function expectRefused(
  bytes: Uint8Array,
  code: BundleErrorCode,
  unlock?: BundleUnlock,
  options?: Partial<ReadBundleOptions>,
): Promise<void> {
  const error = await refusal(bytes, unlock, options);
  expect({ code: error.code, detail: error.detail }).toMatchObject({ code });
  expect(error.message).toBe(BUNDLE_ERROR_MESSAGES[code]);
}

function flip(bytes: Uint8Array, at: number, bit = 0): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  out[at]! ^= 1 << bit;
  return out;
}

async function sample(written: Uint8Array<ArrayBuffer>): Promise<Sample> {
  const { end } = await parsePreamble(written);
  const view = new DataView(written.buffer);
  const chunks = [];
  for (let at = end; at < written.length; ) {
    const length = view.getUint32(at);
    const body = at + CHUNK_FRAME_BYTES;
    chunks.push({ frame: at, body, tag: body + length - TAG_BYTES, end: body + length });
    at = body + length;
  }
  const layout: Layout = { headerJson: [18, end - 32], headerHash: [end - 32, end], chunks };
  // The second member starts where the first one, gunzipped alone, gives exactly the manifest line.
  const payload = await openPayload(written, key.officeKey);
  for (let at = 18; at + 3 < payload.length; at += 1) {
    if (payload[at] !== 0x1f || payload[at + 1] !== 0x8b || payload[at + 2] !== 0x08) continue;
    let first: string;
    try {
      first = new TextDecoder().decode(gunzipSync(payload.subarray(0, at)));
    } catch {
      continue;
    }
    if (first.endsWith('\n') && first.indexOf('\n') === first.length - 1 && first.includes('"formatVersion"')) {
      const chunkSize = chunks[0]!.tag - chunks[0]!.body;
      layout.secondMember = chunks[Math.floor(at / chunkSize)]!.body + (at % chunkSize);
      break;
    }
  }
  return { file: written, layout };
}

beforeAll(async () => {
  key = await testOfficeKey();
  const records = demoRecords(12);
  samples['format 2'] = await sample(joinParts((await writeBundle({ ...key, manifest: testManifest(), records, chunkSize: MIN_CHUNK_SIZE })).parts));
  samples['format 1'] = await sample(joinParts((await writeBundleV1({ ...key, manifest: testManifest(), records, chunkSize: MIN_CHUNK_SIZE })).parts));
  file = samples['format 2'].file;
});

describe.each(['format 2', 'format 1'] as const)('a file of %s', (format) => {
  const s = (): Sample => samples[format];
  const layout = (): Layout => s().layout;
  const chunkBytes = (i: number): Uint8Array => s().file.subarray(layout().chunks[i]!.frame, layout().chunks[i]!.end);

  test('the sample file has a header and at least four chunks, and reads back', async () => {
    expect(layout().chunks.length).toBeGreaterThanOrEqual(4);
    const read = await readBundle(s().file, { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.manifest.formatVersion).toBe(format === 'format 2' ? 2 : 1);
    expect(read.records).toEqual(demoRecords(12));
    // Format 2 puts the manifest in a gzip member of its own; format 1 is one member.
    if (format === 'format 2') expect(layout().secondMember).toBeGreaterThan(layout().chunks[0]!.body + 100);
    else expect(layout().secondMember).toBeUndefined();
  });

  describe('each region of the file, cut short or with a flipped bit', () => {
    const regions: [string, () => number, BundleErrorCode, BundleErrorCode][] = [
      // region, a byte in it, code for a flipped bit there, code for a file cut at that byte
      ['the magic bytes', () => 3, 'notSyncFile', 'truncated'],
      ['the container version', () => 9, 'damaged', 'truncated'],
      ['the header length', () => 12, 'damaged', 'truncated'],
      ['the header length complement', () => 16, 'damaged', 'truncated'],
      ['the header JSON', () => layout().headerJson[0] + 40, 'damaged', 'truncated'],
      ['the header checksum', () => layout().headerHash[0] + 5, 'damaged', 'truncated'],
      ['the frame of the first chunk', () => layout().chunks[0]!.frame + 2, 'damaged', 'truncated'],
      ['the ciphertext of the first chunk', () => layout().chunks[0]!.body + 100, 'damaged', 'truncated'],
      ['the tag of the first chunk', () => layout().chunks[0]!.tag + 7, 'damaged', 'truncated'],
      ['the frame of a middle chunk', () => layout().chunks[2]!.frame + 6, 'damaged', 'truncated'],
      ['the ciphertext of a middle chunk', () => layout().chunks[2]!.body + 500, 'damaged', 'truncated'],
      ['the tag of a middle chunk', () => layout().chunks[2]!.tag, 'damaged', 'truncated'],
      ['the ciphertext of the final chunk', () => layout().chunks.at(-1)!.body + 3, 'damaged', 'truncated'],
      ['the tag of the final chunk', () => layout().chunks.at(-1)!.end - 1, 'damaged', 'truncated'],
    ];
    if (format === 'format 2')
      regions.push(
        ['the last byte of the manifest\'s gzip member', () => layout().secondMember! - 1, 'damaged', 'truncated'],
        ['the first byte of the records\' gzip member', () => layout().secondMember!, 'damaged', 'truncated'],
        ['the records\' gzip header', () => layout().secondMember! + 5, 'damaged', 'truncated'],
      );
    test.each(regions)('%s', async (_region, at, flipped, cut) => {
      const bytes = s().file;
      await expectRefused(flip(bytes, at()), flipped);
      await expectRefused(flip(bytes, at(), 7), flipped);
      await expectRefused(bytes.slice(0, at()), cut);
    });

    test('a file cut at a chunk boundary, the final chunk dropped, reads as cut short', async () => {
      const bytes = s().file;
      await expectRefused(bytes.slice(0, layout().chunks.at(-1)!.frame), 'truncated');
      await expectRefused(bytes.slice(0, layout().chunks[1]!.frame), 'truncated');
      await expectRefused(bytes.slice(0, layout().chunks[0]!.frame), 'truncated');
    });

    /**
     * Every byte of the preamble and of each chunk's frame, nonce-adjacent start and tag, every
     * 7th byte of the ciphertext between (every byte of a 5 KB file takes half a minute on CI), and
     * the bytes around the start of the second gzip member.
     */
    function positions(): number[] {
      const out = new Set<number>();
      const end = layout().chunks[0]!.frame;
      for (let at = 0; at < end; at += 1) out.add(at);
      for (const chunk of layout().chunks) {
        for (let at = chunk.frame; at < chunk.end; at += 1) {
          if (at < chunk.body + 4 || at >= chunk.tag - 4 || (at - chunk.body) % 7 === 0) out.add(at);
        }
      }
      const second = layout().secondMember;
      if (second !== undefined) for (let at = second - 12; at < second + 12; at += 1) out.add(at);
      return [...out].sort((x, y) => x - y);
    }

    test('a cut anywhere in the file is refused as empty or cut short', async () => {
      const codes = new Map<string, number>();
      const lengths = positions();
      expect(lengths.length).toBeGreaterThan(s().file.length / 8);
      for (const length of lengths) {
        const error = await refusal(s().file.subarray(0, length));
        const expected = length === 0 ? 'empty' : 'truncated';
        if (error.code !== expected) throw new Error(`cut at ${length}: ${error.code} (${error.detail})`);
        codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
      }
      expect(codes.get('truncated')).toBe(lengths.length - 1);
    }, 120_000);

    test('a flipped bit anywhere in the file is refused (not our file in the magic, damaged elsewhere)', async () => {
      for (const at of positions()) {
        const error = await refusal(flip(s().file, at, at % 8));
        const expected = at < 8 ? 'notSyncFile' : 'damaged';
        if (error.code !== expected) throw new Error(`bit ${at % 8} of byte ${at}: ${error.code} (${error.detail})`);
      }
    }, 120_000);
  });

  describe('chunks moved, dropped, repeated or mixed', () => {
    const preamble = (): Uint8Array => s().file.subarray(0, layout().chunks[0]!.frame);
    const chunks = (): Uint8Array[] => layout().chunks.map((_, i) => chunkBytes(i));

    test.each([
      ['two chunks swapped', (c: Uint8Array[]) => [c[1]!, c[0]!, ...c.slice(2)]],
      ['the last two chunks swapped', (c: Uint8Array[]) => [...c.slice(0, -2), c.at(-1)!, c.at(-2)!]],
      ['a middle chunk dropped', (c: Uint8Array[]) => [...c.slice(0, 1), ...c.slice(2)]],
      ['the first chunk dropped', (c: Uint8Array[]) => c.slice(1)],
      ['a chunk repeated', (c: Uint8Array[]) => [c[0]!, c[0]!, ...c.slice(1)]],
      ['the final chunk repeated', (c: Uint8Array[]) => [...c, c.at(-1)!]],
      ['the chunks reversed', (c: Uint8Array[]) => [...c].reverse()],
    ])('%s: damaged', async (_name, rearrange) => {
      await expectRefused(concatBytes([preamble(), ...rearrange(chunks())]), 'damaged');
    });

    test('bytes appended after the final chunk: damaged', async () => {
      const bytes = s().file;
      await expectRefused(concatBytes([bytes, new Uint8Array(40)]), 'damaged');
      // A frame after the final chunk: the final chunk is no longer last, so its flag no longer fits.
      await expectRefused(concatBytes([bytes, bytes.subarray(layout().chunks[0]!.frame, layout().chunks[0]!.frame + 8)]), 'damaged');
    });

    test('the header of another file of the same office with these chunks: damaged', async () => {
      const bytes = s().file;
      const other = joinParts((await writeBundle({ ...key, manifest: testManifest(), records: demoRecords(12), chunkSize: MIN_CHUNK_SIZE })).parts);
      const otherStart = (await parsePreamble(other)).end;
      await expectRefused(concatBytes([other.subarray(0, otherStart), bytes.subarray(layout().chunks[0]!.frame)]), 'damaged');
      await expectRefused(concatBytes([bytes.subarray(0, layout().chunks[0]!.frame), other.subarray(otherStart)]), 'damaged');
    });
  });
});

describe('keys and offices', () => {
  test('no key and no passphrase: the passphrase is needed', async () => {
    await expectRefused(file, 'needsPassphrase', {});
  });

  test('the wrong passphrase', async () => {
    await expectRefused(file, 'wrongPassphrase', { wrappedKeyPassphrase: 'hoa sen nở giữa hồ' });
  });

  test("another office's key", async () => {
    const other = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    await expectRefused(file, 'otherOffice', { officeKey: other.officeKey });
    await expectRefused(file, 'otherOffice', { officeKey: other.officeKey, keyId: other.keyId });
  });

  test('another dataset under the same key', async () => {
    await expectRefused(file, 'otherOffice', undefined, { expectedDatasetId: '00000000-0000-4000-8000-000000000000' });
    await expect(readBundle(file, { officeKey: key.officeKey }, { maxSchema: SCHEMA, expectedDatasetId: DATASET_ID })).resolves.toBeTruthy();
  });

  test("another office's file opened with that office's passphrase is still refused for our dataset", async () => {
    const other = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const otherFile = joinParts((await writeBundle({ ...other, manifest: testManifest({ datasetId: 'văn-phòng-khác' }), records: [] })).parts);
    await expectRefused(otherFile, 'otherOffice', { officeKey: key.officeKey, wrappedKeyPassphrase: PASSPHRASE }, { expectedDatasetId: DATASET_ID });
  });
});

describe('newer versions', () => {
  test('a newer container format', async () => {
    await expectRefused(await forgeBundle({ key, payload: [manifestLine(crypto.randomUUID())], version: 2 }), 'newerFormat');
    await expectRefused(await forgeBundle({ key, payload: [manifestLine(crypto.randomUUID())], version: 0 }), 'damaged');
  });

  test('a newer cipher suite', async () => {
    await expectRefused(await forgeBundle({ key, payload: [], header: { suite: 'XCHACHA20-STREAM' } }), 'newerFormat');
  });

  test('a key wrapping of a newer kind: the key still opens the file; the passphrase asks for an update', async () => {
    const bundleId = crypto.randomUUID();
    const counts = {};
    const lines = [manifestLine(bundleId)];
    const trailer = JSON.stringify({ counts, sha256: await linesHash(lines) });
    const wrapped = { ...key.wrapped, kdf: { kind: 'argon2id-v2', memoryKiB: 262144 } } as unknown as NewOfficeKey['wrapped'];
    const forged = await forgeBundle({ key, bundleId, payload: [...lines, trailer], header: { officeKey: wrapped } });
    await expect(readBundle(forged, { officeKey: key.officeKey }, { maxSchema: SCHEMA })).resolves.toBeTruthy();
    await expectRefused(forged, 'newerFormat', { wrappedKeyPassphrase: PASSPHRASE });
    await expect(peekHeader(forged)).rejects.toMatchObject({ code: 'newerFormat' });
  });

  test('a manifest field added by a later version is ignored, not refused', async () => {
    const bundleId = crypto.randomUUID();
    const lines = [manifestLine(bundleId, { meetingCalendar: { next: '2026-12-05' } })];
    const forged = await forgeBundle({ key, bundleId, payload: [...lines, JSON.stringify({ counts: {}, sha256: await linesHash(lines) })] });
    const read = await readBundle(forged, { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.manifest.bundleId).toBe(bundleId);
  });

  test('a newer payload format', async () => {
    const bundleId = crypto.randomUUID();
    await expectRefused(await forgeBundle({ key, bundleId, payload: [manifestLine(bundleId, { formatVersion: 3, shape: 'mới' })] }), 'newerFormat');
    const written = joinParts((await writeBundle({ ...key, manifest: testManifest(), records: [] })).parts);
    await expectRefused(written, 'newerFormat', undefined, { maxPayloadFormat: 0 });
  });

  test('data that needs a newer reader schema', async () => {
    const written = await writeBundle({ ...key, manifest: testManifest({ schemaVersion: 3, minReaderSchema: 2 }), records: demoRecords(5) });
    await expectRefused(joinParts(written.parts), 'newerSchema');
    const read = await readBundle(joinParts(written.parts), { officeKey: key.officeKey }, { maxSchema: 2 });
    expect(read.manifest.schemaVersion).toBe(3);
  });
});

describe('files that are not sync files', () => {
  test.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['random bytes', crypto.getRandomValues(new Uint8Array(4096)), 'notSyncFile'],
    ['a text file', utf8.encode('Họ và tên,Ngày sinh,Số thẻ đảng\nNguyễn Văn An,01/02/1970,07095880\n'), 'notSyncFile'],
    ['a PNG image', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'notSyncFile'],
    ['a gzip of JSON', gzipSync(utf8.encode('{"formatName":"dexie"}')), 'notSyncFile'],
    ['the first four bytes of a sync file', Uint8Array.of(0x89, 0x51, 0x4c, 0x44), 'truncated'],
    ['the magic bytes followed by garbage', concatBytes([Uint8Array.of(0x89, 0x51, 0x4c, 0x44, 0x56, 0x0d, 0x0a, 0x1a), crypto.getRandomValues(new Uint8Array(200))]), 'damaged'],
  ] as const)('%s', async (_name, bytes, code) => {
    await expectRefused(bytes, code);
  });
});

describe('limits', () => {
  test('a file larger than the limit', async () => {
    await expectRefused(file, 'tooLarge', undefined, { maxFileBytes: file.length - 1 });
  });
  test('a payload larger than the limit (a decompression bomb)', async () => {
    const bundleId = crypto.randomUUID();
    const bomb = await forgeBundle({ key, bundleId, payload: [manifestLine(bundleId), ' '.repeat(5_000_000)] });
    expect(bomb.length).toBeLessThan(50_000);
    await expectRefused(bomb, 'tooLarge', undefined, { maxPayloadBytes: 1_000_000 });
  });
  test('a line longer than the limit', async () => {
    await expectRefused(file, 'tooLarge', undefined, { maxLineBytes: 200 });
  });
});

const org = JSON.stringify({ t: 'organizations', r: { id: 'o1', deleted: 0, _h: '2025-07-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b', _v: {}, name: 'Chi bộ 1' } });
const member = JSON.stringify({ t: 'members', r: { id: 'm1', deleted: 0, _h: '2025-07-15T08:31:00.000Z-0000-1a2b3c4d5e6f7a8b', _v: {}, fullName: 'Phạm Thị Lan' } });
const range = { hlcMin: '2025-07-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b', hlcMax: '2025-07-15T08:31:00.000Z-0000-1a2b3c4d5e6f7a8b' };
const counts = { organizations: 1, members: 1 };

describe.each([1, 2])('payloads of format %i sealed with the right key but wrong inside (a buggy or hostile writer)', (formatVersion) => {
  /** A manifest, the given records and a trailer that matches them, unless the case overrides. */
  async function payload(
    bundleId: string,
    records: string[],
    manifest: Record<string, unknown> = {},
    trailer: (lines: string[]) => Promise<string | null> | string | null = async (lines) => JSON.stringify({ counts, sha256: await linesHash(lines, formatVersion) }),
  ): Promise<string[]> {
    const lines = [manifestLine(bundleId, { formatVersion, counts, ...range, ...manifest }), ...records];
    const last = await trailer(lines);
    return last === null ? lines : [...lines, last];
  }

  test('the forged baseline itself reads (so the cases below fail for their one reason)', async () => {
    const bundleId = crypto.randomUUID();
    const read = await readBundle(await forgeBundle({ key, bundleId, payload: await payload(bundleId, [org, member]) }), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.records.map((r) => r.r.id)).toEqual(['o1', 'm1']);
    expect(read.manifest.formatVersion).toBe(formatVersion);
  });

  const cases: [string, (id: string) => Promise<string[] | Uint8Array> | string[] | Uint8Array, BundleErrorCode][] = [
    ['a trailer hash that does not match the lines', (id) => payload(id, [org, member], {}, () => JSON.stringify({ counts, sha256: '0'.repeat(64) })), 'damaged'],
    ['a trailer hash of the other format\'s order', (id) => payload(id, [org, member], {}, async (l) => JSON.stringify({ counts, sha256: await linesHash(l, 3 - formatVersion) })), 'damaged'],
    ['a record removed (trailer hash of the full file)', async (id) => {
      const full = await payload(id, [org, member]);
      return [full[0]!, full[1]!, full[3]!];
    }, 'damaged'],
    ['the manifest changed after the hash was taken', async (id) => {
      const full = await payload(id, [org, member]);
      return [full[0]!.replace('Máy Văn phòng 1', 'Máy Văn phòng 9'), ...full.slice(1)];
    }, 'damaged'],
    ['trailer counts that differ from the lines', (id) => payload(id, [org, member], {}, async (l) => JSON.stringify({ counts: { organizations: 1, members: 2 }, sha256: await linesHash(l, formatVersion) })), 'damaged'],
    ['manifest counts that differ from the lines', (id) => payload(id, [org, member], { counts: { organizations: 1 } }), 'damaged'],
    ['no trailer', (id) => payload(id, [org, member], {}, () => null), 'damaged'],
    ['a line after the trailer', async (id) => [...(await payload(id, [org])), member], 'damaged'],
    ['no manifest', () => [org, member], 'damaged'],
    ['a record that is not JSON', (id) => payload(id, [org, '{"t":"members","r":']), 'damaged'],
    ['an empty line', (id) => payload(id, [org, '', member]), 'damaged'],
    ['a record with a derived field', (id) => payload(id, [org, member.replace('"_v":{}', '"_v":{},"_maxHlc":"x"')]), 'damaged'],
    ['a record with a stamp outside the manifest range', (id) => payload(id, [org, member], { hlcMax: range.hlcMin }), 'damaged'],
    ['a member before an organization', (id) => payload(id, [member, org]), 'damaged'],
    ['a manifest whose bundle id is not the header one', (id) => payload(id, [org, member], { bundleId: crypto.randomUUID() }), 'damaged'],
    ['a manifest without its dataset', (id) => payload(id, [org, member], { datasetId: undefined }), 'damaged'],
    ['a manifest of another dataset', (id) => payload(id, [org, member], { datasetId: 'khác' }), 'otherOffice'],
    ['a manifest asking for a newer reader, in a shape we do not know', (id) => [JSON.stringify({ formatVersion, bundleId: id, minReaderSchema: 99 })], 'newerSchema'],
    ['a payload that is not gzip', () => utf8.encode(`{"formatVersion":${formatVersion}}\n`), 'damaged'],
    ['a gzip stream cut short', async (id) => gzipSync(utf8.encode(`${(await payload(id, [org, member])).join('\n')}\n`)).slice(0, -12), 'damaged'],
    ['a payload that does not end with a newline', async (id) => gzipSync(utf8.encode((await payload(id, [org, member])).join('\n'))), 'damaged'],
    ['a line that is not UTF-8', async (id) => {
      const lines = await payload(id, [org, member]);
      return gzipSync(concatBytes([utf8.encode(`${lines[0]}\n`), Uint8Array.of(0xc3, 0x28, 0x0a), utf8.encode(`${lines.slice(1).join('\n')}\n`)]));
    }, 'damaged'],
  ];
  test.each(cases)('%s', async (_name, build, code) => {
    const bundleId = crypto.randomUUID();
    await expectRefused(await forgeBundle({ key, bundleId, payload: await build(bundleId), chunkSize: MIN_CHUNK_SIZE }), code, undefined, { expectedDatasetId: DATASET_ID });
  });
});

describe('format 2: the payload as gzip members', () => {
  /** The lines of a valid format-2 payload: manifest, records, trailer (hash with the manifest last). */
  async function lines(bundleId: string, manifest: Record<string, unknown> = {}): Promise<string[]> {
    const head = [manifestLine(bundleId, { formatVersion: 2, counts, ...range, ...manifest }), org, member];
    return [...head, JSON.stringify({ counts, sha256: await linesHash(head, 2) })];
  }
  const read = (bytes: Uint8Array) => readBundle(bytes, { officeKey: key.officeKey }, { maxSchema: SCHEMA, expectedDatasetId: DATASET_ID });

  test('the writer\'s layout, three members, or a member per line: every split reads the same', async () => {
    const bundleId = crypto.randomUUID();
    const l = await lines(bundleId);
    for (const plaintext of [
      gzipMembers([l[0]!], l.slice(1)),
      gzipMembers([l[0]!], l.slice(1, 3), [l[3]!]),
      gzipMembers(...l.map((line) => [line])),
      gzipMembers(l),
    ]) {
      const got = await read(await forgeBundle({ key, bundleId, payload: plaintext, chunkSize: MIN_CHUNK_SIZE }));
      expect(got.records.map((r) => r.r.id)).toEqual(['o1', 'm1']);
    }
  });

  test('a member boundary anywhere around a chunk boundary reads', async () => {
    // The manifest's member grows a byte at a time (an office name of incompressible length), so
    // the second member starts a few bytes before, at, and after the end of the first chunk.
    const bundleId = crypto.randomUUID();
    const seen = new Set<number>();
    let seed = 12345;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const noise = Array.from({ length: 500 }, () => String.fromCharCode(0x4e00 + random(20000))).join('');
    for (let length = 150; length <= 500 && seen.size < 9; length += 1) {
      for (let tail = 0; tail < 8 && seen.size < 9; tail += 1) {
        const l = await lines(bundleId, { officeName: noise.slice(0, length), sourceDeviceName: `Máy ${'xqzjkvwb'.slice(0, tail)}` });
        const first = gzipMembers([l[0]!]);
        const offset = first.length - MIN_CHUNK_SIZE;
        if (Math.abs(offset) > 4 || seen.has(offset)) continue;
        seen.add(offset);
        const got = await read(await forgeBundle({ key, bundleId, payload: concatBytes([first, gzipMembers(l.slice(1))]), chunkSize: MIN_CHUNK_SIZE }));
        expect(got.records).toHaveLength(2);
      }
    }
    expect(seen.size).toBe(9);
  });

  test('any gunzip reads the payload whole: fflate (the reader\'s), Node\'s zlib and DecompressionStream', async () => {
    const written = await writeBundle({ ...key, manifest: testManifest(), records: demoRecords(30) });
    const plaintext = await openPayload(joinParts(written.parts), key.officeKey);
    const viaFflate = new TextDecoder().decode(gunzipSync(plaintext));
    // fflate's one-shot gunzipSync stops after the first member; the streaming Gunzip the reader uses does not.
    expect(viaFflate.split('\n')).toHaveLength(2);
    const streamed: Uint8Array[] = [];
    const gunzip = new Gunzip((data) => streamed.push(data));
    gunzip.push(plaintext, true);
    const text = new TextDecoder().decode(concatBytes(streamed));
    const { gunzipSync: zlibGunzip } = await import('node:zlib');
    expect(new TextDecoder().decode(zlibGunzip(plaintext))).toBe(text);
    const viaStream = await new Response(new Blob([plaintext]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(viaStream).toBe(text);
    const payloadLines = text.split('\n');
    expect(payloadLines.at(-1)).toBe('');
    expect(JSON.parse(payloadLines[0]!)).toMatchObject({ formatVersion: 2, bundleId: written.manifest.bundleId });
    expect(payloadLines).toHaveLength(written.manifest.counts.organizations! + written.manifest.counts.members! + written.manifest.counts.memberEvents! + 3);
  });

  /** The second member of the writer's layout, damaged in one way; the manifest's member intact. */
  const damaged: [string, (first: Uint8Array, second: Uint8Array, other: Uint8Array) => Uint8Array][] = [
    ['a flipped bit in its compressed data', (f, s) => concatBytes([f, flip(s, Math.floor(s.length / 2), 3)])],
    ['a flipped bit in its gzip header', (f, s) => concatBytes([f, flip(s, 1)])],
    ['cut in the middle', (f, s) => concatBytes([f, s.subarray(0, Math.floor(s.length / 2))])],
    ['cut inside its gzip header', (f, s) => concatBytes([f, s.subarray(0, 5)])],
    ['dropped', (f) => f],
    ['before the manifest\'s', (f, s) => concatBytes([s, f])],
    ['followed by the manifest\'s again', (f, s) => concatBytes([f, s, f])],
    ['followed by garbage', (f, s) => concatBytes([f, s, utf8.encode('rác')])],
    ['followed by zero bytes', (f, s) => concatBytes([f, s, new Uint8Array(16)])],
    ['replaced by the records of another file', (f, _s, o) => concatBytes([f, o])],
  ];
  test.each(damaged)('the records\' member %s: damaged', async (_name, build) => {
    const bundleId = crypto.randomUUID();
    const l = await lines(bundleId);
    const otherRecords = JSON.stringify({ t: 'members', r: { id: 'm2', deleted: 0, _h: range.hlcMax, _v: {}, fullName: 'Lê Văn Hùng' } });
    const other = gzipMembers([org, otherRecords, l[3]!]);
    const plaintext = build(gzipMembers([l[0]!]), gzipMembers(l.slice(1)), other);
    await expectRefused(await forgeBundle({ key, bundleId, payload: plaintext, chunkSize: MIN_CHUNK_SIZE }), 'damaged', undefined, { expectedDatasetId: DATASET_ID });
  });
});
