/**
 * Guarantee 6: a damaged, cut, reordered, wrong-key, wrong-office or newer file is refused with
 * its own message before anything of it is returned.
 */
import { gzipSync } from 'fflate';
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
  joinParts,
  linesHash,
  manifestLine,
  PASSPHRASE,
  SCHEMA,
  TEST_KDF,
  testManifest,
  testOfficeKey,
} from './testing';
import { writeBundle } from './writer';

// Real-size files on a shared 2-core machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let key: NewOfficeKey;
let file: Uint8Array<ArrayBuffer>;
/** Where each part of `file` lies: [start, end) of the preamble pieces and of each chunk's frame, body and tag. */
let layout: { headerJson: [number, number]; headerHash: [number, number]; chunks: { frame: number; body: number; tag: number; end: number }[] };

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

const chunkBytes = (i: number): Uint8Array => file.subarray(layout.chunks[i]!.frame, layout.chunks[i]!.end);

beforeAll(async () => {
  key = await testOfficeKey();
  const written = await writeBundle({ ...key, manifest: testManifest(), records: demoRecords(12), chunkSize: MIN_CHUNK_SIZE });
  file = joinParts(written.parts);
  const { end } = await parsePreamble(file);
  const view = new DataView(file.buffer);
  const chunks = [];
  for (let at = end; at < file.length; ) {
    const length = view.getUint32(at);
    const body = at + CHUNK_FRAME_BYTES;
    chunks.push({ frame: at, body, tag: body + length - TAG_BYTES, end: body + length });
    at = body + length;
  }
  layout = { headerJson: [18, end - 32], headerHash: [end - 32, end], chunks };
});

test('the sample file has a header and at least four chunks, and reads back', async () => {
  expect(layout.chunks.length).toBeGreaterThanOrEqual(4);
  await expect(readBundle(file, { officeKey: key.officeKey }, { maxSchema: SCHEMA })).resolves.toBeTruthy();
});

describe('each region of the file, cut short or with a flipped bit', () => {
  const regions: [string, () => number, BundleErrorCode, BundleErrorCode][] = [
    // region, a byte in it, code for a flipped bit there, code for a file cut at that byte
    ['the magic bytes', () => 3, 'notSyncFile', 'truncated'],
    ['the container version', () => 9, 'damaged', 'truncated'],
    ['the header length', () => 12, 'damaged', 'truncated'],
    ['the header length complement', () => 16, 'damaged', 'truncated'],
    ['the header JSON', () => layout.headerJson[0] + 40, 'damaged', 'truncated'],
    ['the header checksum', () => layout.headerHash[0] + 5, 'damaged', 'truncated'],
    ['the frame of the first chunk', () => layout.chunks[0]!.frame + 2, 'damaged', 'truncated'],
    ['the ciphertext of the first chunk', () => layout.chunks[0]!.body + 100, 'damaged', 'truncated'],
    ['the tag of the first chunk', () => layout.chunks[0]!.tag + 7, 'damaged', 'truncated'],
    ['the frame of a middle chunk', () => layout.chunks[2]!.frame + 6, 'damaged', 'truncated'],
    ['the ciphertext of a middle chunk', () => layout.chunks[2]!.body + 500, 'damaged', 'truncated'],
    ['the tag of a middle chunk', () => layout.chunks[2]!.tag, 'damaged', 'truncated'],
    ['the ciphertext of the final chunk', () => layout.chunks.at(-1)!.body + 3, 'damaged', 'truncated'],
    ['the tag of the final chunk', () => layout.chunks.at(-1)!.end - 1, 'damaged', 'truncated'],
  ];
  test.each(regions)('%s', async (_region, at, flipped, cut) => {
    await expectRefused(flip(file, at()), flipped);
    await expectRefused(flip(file, at(), 7), flipped);
    await expectRefused(file.slice(0, at()), cut);
  });

  test('a file cut at a chunk boundary, the final chunk dropped, reads as cut short', async () => {
    await expectRefused(file.slice(0, layout.chunks.at(-1)!.frame), 'truncated');
    await expectRefused(file.slice(0, layout.chunks[1]!.frame), 'truncated');
    await expectRefused(file.slice(0, layout.chunks[0]!.frame), 'truncated');
  });

  /**
   * Every byte of the preamble and of each chunk's frame, nonce-adjacent start and tag, and every
   * 7th byte of the ciphertext between (every byte of a 5 KB file takes half a minute on CI).
   */
  function positions(): number[] {
    const out: number[] = [];
    const end = layout.chunks[0]!.frame;
    for (let at = 0; at < end; at += 1) out.push(at);
    for (const chunk of layout.chunks) {
      for (let at = chunk.frame; at < chunk.end; at += 1) {
        if (at < chunk.body + 4 || at >= chunk.tag - 4 || (at - chunk.body) % 7 === 0) out.push(at);
      }
    }
    return out;
  }

  test('a cut anywhere in the file is refused as empty or cut short', async () => {
    const codes = new Map<string, number>();
    const lengths = positions();
    expect(lengths.length).toBeGreaterThan(file.length / 8);
    for (const length of lengths) {
      const error = await refusal(file.subarray(0, length));
      const expected = length === 0 ? 'empty' : 'truncated';
      if (error.code !== expected) throw new Error(`cut at ${length}: ${error.code} (${error.detail})`);
      codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
    }
    expect(codes.get('truncated')).toBe(lengths.length - 1);
  }, 120_000);

  test('a flipped bit anywhere in the file is refused (not our file in the magic, damaged elsewhere)', async () => {
    for (const at of positions()) {
      const error = await refusal(flip(file, at, at % 8));
      const expected = at < 8 ? 'notSyncFile' : 'damaged';
      if (error.code !== expected) throw new Error(`bit ${at % 8} of byte ${at}: ${error.code} (${error.detail})`);
    }
  }, 120_000);
});

describe('chunks moved, dropped, repeated or mixed', () => {
  const preamble = (): Uint8Array => file.subarray(0, layout.chunks[0]!.frame);
  const chunks = (): Uint8Array[] => layout.chunks.map((_, i) => chunkBytes(i));

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
    await expectRefused(concatBytes([file, new Uint8Array(40)]), 'damaged');
    // A frame after the final chunk: the final chunk is no longer last, so its flag no longer fits.
    await expectRefused(concatBytes([file, file.subarray(layout.chunks[0]!.frame, layout.chunks[0]!.frame + 8)]), 'damaged');
  });

  test('the header of another file of the same office with these chunks: damaged', async () => {
    const other = joinParts((await writeBundle({ ...key, manifest: testManifest(), records: demoRecords(12), chunkSize: MIN_CHUNK_SIZE })).parts);
    const otherStart = (await parsePreamble(other)).end;
    await expectRefused(concatBytes([other.subarray(0, otherStart), file.subarray(layout.chunks[0]!.frame)]), 'damaged');
    await expectRefused(concatBytes([file.subarray(0, layout.chunks[0]!.frame), other.subarray(otherStart)]), 'damaged');
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
    await expectRefused(await forgeBundle({ key, bundleId, payload: [manifestLine(bundleId, { formatVersion: 2, shape: 'mới' })] }), 'newerFormat');
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

describe('payloads sealed with the right key but wrong inside (a buggy or hostile writer)', () => {
  const org = JSON.stringify({ t: 'organizations', r: { id: 'o1', deleted: 0, _h: '2025-07-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b', _v: {}, name: 'Chi bộ 1' } });
  const member = JSON.stringify({ t: 'members', r: { id: 'm1', deleted: 0, _h: '2025-07-15T08:31:00.000Z-0000-1a2b3c4d5e6f7a8b', _v: {}, fullName: 'Phạm Thị Lan' } });
  const range = { hlcMin: '2025-07-15T08:30:00.000Z-0000-1a2b3c4d5e6f7a8b', hlcMax: '2025-07-15T08:31:00.000Z-0000-1a2b3c4d5e6f7a8b' };
  const counts = { organizations: 1, members: 1 };

  /** A manifest, the given records and a trailer that matches them, unless the case overrides. */
  async function payload(
    bundleId: string,
    records: string[],
    manifest: Record<string, unknown> = {},
    trailer: (lines: string[]) => Promise<string | null> | string | null = async (lines) => JSON.stringify({ counts, sha256: await linesHash(lines) }),
  ): Promise<string[]> {
    const lines = [manifestLine(bundleId, { counts, ...range, ...manifest }), ...records];
    const last = await trailer(lines);
    return last === null ? lines : [...lines, last];
  }

  test('the forged baseline itself reads (so the cases below fail for their one reason)', async () => {
    const bundleId = crypto.randomUUID();
    const read = await readBundle(await forgeBundle({ key, bundleId, payload: await payload(bundleId, [org, member]) }), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.records.map((r) => r.r.id)).toEqual(['o1', 'm1']);
  });

  const cases: [string, (id: string) => Promise<string[] | Uint8Array> | string[] | Uint8Array, BundleErrorCode][] = [
    ['a trailer hash that does not match the lines', (id) => payload(id, [org, member], {}, () => JSON.stringify({ counts, sha256: '0'.repeat(64) })), 'damaged'],
    ['a record removed (trailer hash of the full file)', async (id) => {
      const full = await payload(id, [org, member]);
      return [full[0]!, full[1]!, full[3]!];
    }, 'damaged'],
    ['trailer counts that differ from the lines', (id) => payload(id, [org, member], {}, async (l) => JSON.stringify({ counts: { organizations: 1, members: 2 }, sha256: await linesHash(l) })), 'damaged'],
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
    ['a manifest asking for a newer reader, in a shape we do not know', (id) => [JSON.stringify({ formatVersion: 1, bundleId: id, minReaderSchema: 99 })], 'newerSchema'],
    ['a payload that is not gzip', () => utf8.encode('{"formatVersion":1}\n'), 'damaged'],
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
