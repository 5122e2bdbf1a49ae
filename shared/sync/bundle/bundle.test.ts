import { describe, expect, test, vi } from 'vitest';
import type { BundleRecord } from '../bundleTypes';
import { formatHlc } from '../hlc';
import { BundleError } from './errors';
import { DEFAULT_CHUNK_SIZE } from './format';
import { changePassphrase, setUpOfficeKey } from './keys';
import { peekHeader, readBundle } from './reader';
import {
  DATASET_ID,
  demoRecords,
  joinParts,
  NODE_A,
  PASSPHRASE,
  SCHEMA,
  TEST_KDF,
  testManifest,
  testOfficeKey,
} from './testing';
import { writeBundle, type BundleProgress } from './writer';

// Real-size files on a shared 2-core machine: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const stamp = (millis: number, counter = 0): string =>
  formatHlc({ millis: Date.parse('2025-08-01T00:00:00.000Z') + millis, counter, node: NODE_A });

function record(t: string, id: string, fields: Record<string, unknown> = {}, h = stamp(0)): BundleRecord {
  return { t, r: { id, deleted: 0, _h: h, _v: {}, ...fields } };
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('round trip', () => {
  test('a small file comes back exactly, with the manifest the writer completed', async () => {
    const key = await testOfficeKey();
    const records = [
      record('organizations', 'org-1', { name: 'Chi bộ Khu dân cư số 1' }, stamp(1)),
      record('members', 'm-1', { fullName: 'Nguyễn Thị Hoà', organizationId: 'org-1', _v: { fullName: stamp(9) } }, stamp(2)),
      record('members', 'm-2', { fullName: 'Trần Văn Đức', deleted: 1, _v: { deleted: stamp(5) } }, stamp(3)),
      record('settings', 'duesRate', { value: { from: '2025-07-01', percent: 1 } }, stamp(4)),
    ];
    const written = await writeBundle({ ...key, manifest: testManifest(), records });
    expect(written.manifest).toMatchObject({
      formatVersion: 2,
      counts: { organizations: 1, members: 2, settings: 1 },
      hlcMin: stamp(1),
      hlcMax: stamp(9),
    });
    expect(written.byteLength).toBe(joinParts(written.parts).length);
    const read = await readBundle(joinParts(written.parts), { officeKey: key.officeKey, keyId: key.keyId }, { maxSchema: SCHEMA });
    expect(read.records).toEqual(records);
    expect(read.manifest).toEqual(written.manifest);
    expect(read.trailer.counts).toEqual(written.manifest.counts);
    expect(read.header.bundleId).toBe(written.manifest.bundleId);
    expect(read.unlocked).toBeUndefined();
  });

  test('a file with no records carries a null stamp range', async () => {
    const key = await testOfficeKey();
    const written = await writeBundle({ ...key, manifest: testManifest({ kind: 'delta', targetNodeId: '0f0e0d0c0b0a0908' }), records: [] });
    const read = await readBundle(joinParts(written.parts), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.records).toEqual([]);
    expect(read.manifest).toMatchObject({ kind: 'delta', counts: {}, hlcMin: null, hlcMax: null, targetNodeId: '0f0e0d0c0b0a0908' });
  });

  test('the demo ward (3,882 members) in many small chunks comes back exactly', async () => {
    const key = await testOfficeKey();
    const records = demoRecords(3882);
    const progress: BundleProgress[] = [];
    const written = await writeBundle({ ...key, manifest: testManifest(), records, chunkSize: 64 * 1024, onProgress: (p) => progress.push(p) });
    const bytes = joinParts(written.parts);
    // 3,882 members gzip to about 1 MB: some sixteen chunks of 64 KiB.
    const chunks = (written.parts.length - 1) / 2;
    expect(chunks).toBeGreaterThan(8);
    // While the records are read (nothing sealed yet), then once per sealed chunk.
    const during = progress.filter((p) => p.records < records.length);
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.every((p) => p.bytes === 0 && p.totalRecords === records.length)).toBe(true);
    expect(progress.filter((p) => p.bytes > 0)).toHaveLength(chunks);
    expect(progress.map((p) => p.records)).toEqual([...progress.map((p) => p.records)].sort((x, y) => x - y));
    expect(progress.at(-1)).toEqual({ records: records.length, totalRecords: records.length, bytes: bytes.length });
    const readProgress: BundleProgress[] = [];
    const read = await readBundle(bytes, { officeKey: key.officeKey }, { maxSchema: SCHEMA, onProgress: (p) => readProgress.push(p) });
    expect(read.records).toEqual(records);
    expect(read.manifest.counts).toEqual({ organizations: 99, members: 3882, memberEvents: records.length - 99 - 3882 });
    expect(readProgress).toHaveLength(chunks);
    expect(readProgress.at(-1)).toMatchObject({ bytes: bytes.length, totalBytes: bytes.length, records: records.length });
  });

  test('a larger ward fills several default 1 MiB chunks, streamed from an async source', async () => {
    const key = await testOfficeKey();
    const records = demoRecords(9000, 'lớn');
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.t] = (counts[r.t] ?? 0) + 1;
    const stamps = records.flatMap((r) => [r.r._h, ...Object.values(r.r._v)]).sort();
    const written = await writeBundle({
      ...key,
      manifest: testManifest({ counts, hlcMin: stamps[0]!, hlcMax: stamps.at(-1)! }),
      records: slowly(records),
    });
    const chunks = (written.parts.length - 1) / 2;
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(written.header.chunkSize).toBe(DEFAULT_CHUNK_SIZE);
    const read = await readBundle(joinParts(written.parts), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.records.length).toBe(records.length);
    expect(read.records).toEqual(records);
  }, 60_000);

  test('a stream without counts or stamp range: the writer takes them from the records it wrote', async () => {
    const key = await testOfficeKey();
    const records = demoRecords(40);
    const written = await writeBundle({ ...key, manifest: testManifest(), records: slowly(records) });
    const stamps = records.flatMap((r) => [r.r._h, ...Object.values(r.r._v)]).sort();
    const counts: Record<string, number> = {};
    for (const r of records) counts[r.t] = (counts[r.t] ?? 0) + 1;
    expect(counts.members).toBe(40);
    expect(written.manifest).toMatchObject({
      counts,
      hlcMin: stamps[0],
      hlcMax: stamps.at(-1),
    });
    const read = await readBundle(joinParts(written.parts), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(read.manifest).toEqual(written.manifest);
    expect(read.records).toEqual(records);
  });

  test('fields known only after the records (the data digest of the same pass) complete the manifest', async () => {
    const key = await testOfficeKey();
    let read = 0;
    async function* counted() {
      for (const r of demoRecords(10)) {
        await Promise.resolve();
        read += 1;
        yield r;
      }
    }
    const written = await writeBundle({
      ...key,
      manifest: testManifest({ dataDigest: 'chưa biết' }),
      records: counted(),
      lateManifest: () => ({ dataDigest: `digest-of-${read}` }),
    });
    expect(written.manifest.dataDigest).toBe(`digest-of-${read}`);
    const back = await readBundle(joinParts(written.parts), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    expect(back.manifest.dataDigest).toBe(`digest-of-${read}`);
  });

  test('derived fields stay home; unknown tables and fields from a newer laptop travel unchanged', async () => {
    const key = await testOfficeKey();
    const stored = record('members', 'm-1', { fullName: 'Lê Văn Tám', _maxHlc: stamp(3), _nameKey: 'tam le van', futureField: { a: [1, 2] }, _v: { futureField: stamp(3) } });
    const future = record('meetingMinutes', 'mm-1', { title: 'Biên bản họp chi bộ tháng 7' });
    const written = await writeBundle({ ...key, manifest: testManifest(), records: [stored, future] });
    const read = await readBundle(joinParts(written.parts), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
    const { _maxHlc: _m, _nameKey: _n, ...travelling } = stored.r;
    expect(read.records).toEqual([{ t: 'members', r: travelling }, future]);
  });

  test('written parts join into a Blob that reads back', async () => {
    const key = await testOfficeKey();
    const written = await writeBundle({ ...key, manifest: testManifest(), records: demoRecords(50) });
    const blob = new Blob(written.parts);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect((await readBundle(bytes, { officeKey: key.officeKey }, { maxSchema: SCHEMA })).records).toHaveLength(written.manifest.counts.members! + written.manifest.counts.organizations! + written.manifest.counts.memberEvents!);
  });
});

test('a file held inside a larger buffer (a view with an offset) reads back', async () => {
  const key = await testOfficeKey();
  const records = demoRecords(20);
  const bytes = joinParts((await writeBundle({ ...key, manifest: testManifest(), records })).parts);
  const buffer = new Uint8Array(bytes.length + 100);
  buffer.set(bytes, 37);
  const read = await readBundle(buffer.subarray(37, 37 + bytes.length), { officeKey: key.officeKey }, { maxSchema: SCHEMA });
  expect(read.records).toEqual(records);
});

describe('joining the office from a file', () => {
  test('peekHeader gives the wrapped key without any key; the passphrase then opens the file', async () => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const written = await writeBundle({ ...office, manifest: testManifest(), records: demoRecords(30) });
    const bytes = joinParts(written.parts);
    const header = await peekHeader(bytes);
    expect(header.keyId).toBe(office.keyId);
    expect(header.officeKey).toEqual(office.wrapped);
    const read = await readBundle(bytes, { wrappedKeyPassphrase: PASSPHRASE }, { maxSchema: SCHEMA, expectedDatasetId: DATASET_ID });
    expect(read.unlocked?.keyId).toBe(office.keyId);
    // The key the new laptop got opens the office's files without the passphrase from now on.
    const next = await writeBundle({ ...office, manifest: testManifest(), records: demoRecords(10) });
    const again = await readBundle(joinParts(next.parts), { officeKey: read.unlocked!.officeKey }, { maxSchema: SCHEMA });
    expect(again.records.length).toBeGreaterThan(10);
  });

  test('a passphrase change keeps every old file readable, by key and by the new passphrase', async () => {
    const office = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    const before = joinParts((await writeBundle({ ...office, manifest: testManifest(), records: demoRecords(20) })).parts);
    const changed = await changePassphrase(office.wrapped, PASSPHRASE, 'hoa sen nở giữa hồ');
    const after = joinParts((await writeBundle({ ...changed, manifest: testManifest(), records: demoRecords(20) })).parts);
    // Old file, key kept after the change.
    expect((await readBundle(before, { officeKey: changed.officeKey }, { maxSchema: SCHEMA })).records.length).toBeGreaterThan(20);
    // New file, laptop that still has the key from before the change.
    expect((await readBundle(after, { officeKey: office.officeKey }, { maxSchema: SCHEMA })).records.length).toBeGreaterThan(20);
    // A laptop joining from an old file uses the passphrase that file was written under.
    expect((await readBundle(before, { wrappedKeyPassphrase: PASSPHRASE }, { maxSchema: SCHEMA })).unlocked?.keyId).toBe(office.keyId);
    expect((await readBundle(after, { wrappedKeyPassphrase: 'hoa sen nở giữa hồ' }, { maxSchema: SCHEMA })).unlocked?.keyId).toBe(office.keyId);
  });
});

describe('the writer refuses to write what a reader would refuse', () => {
  test.each([
    ['counts that differ from the records', { counts: { organizations: 5 }, hlcMin: stamp(0), hlcMax: stamp(0) }, [record('organizations', 'o')], /counts/],
    ['a stamp range that misses a record', { hlcMin: stamp(1), hlcMax: stamp(2) }, [record('organizations', 'o', {}, stamp(3))], /outside/],
    ['an organization after a member', {}, [record('members', 'm'), record('organizations', 'o')], /organization after other tables/],
    ['the same record twice', {}, [record('members', 'm'), record('members', 'm')], /twice/],
    ['a malformed stamp', {}, [record('members', 'm', {}, '2025-13-01T00:00:00.000Z-0000-1a2b3c4d5e6f7a8b')], /creation stamp/],
    ['counts that differ from a stream of records', { counts: { members: 2 } }, slowly([record('members', 'm')]), /counts/],
    ['an invalid source node id', { sourceNodeId: 'máy-1' }, [], /invalid manifest/],
    ['a minimum reader schema above the schema', { minReaderSchema: 3, schemaVersion: 2 }, [], /invalid manifest/],
  ] as const)('%s', async (_name, overrides, records, message) => {
    const key = await testOfficeKey();
    await expect(writeBundle({ ...key, manifest: testManifest(overrides), records: records as never })).rejects.toThrow(message);
  });

  test('a key that does not match its key id or wrapping', async () => {
    const key = await testOfficeKey();
    const other = await setUpOfficeKey(PASSPHRASE, TEST_KDF);
    await expect(writeBundle({ ...key, wrapped: other.wrapped, manifest: testManifest(), records: [] })).rejects.toThrow(/do not belong together/);
    await expect(writeBundle({ ...key, officeKey: other.officeKey, manifest: testManifest(), records: [] })).rejects.toThrow(/do not belong together/);
  });

  test('a wrapping that a joining laptop could not open', async () => {
    const key = await testOfficeKey();
    const wrapped = { ...key.wrapped, iv: 'AAAA' };
    await expect(writeBundle({ ...key, wrapped, manifest: testManifest(), records: [] })).rejects.toThrow(/wrapping is not valid/);
  });

  test('errors of the writer are programming errors, not user refusals', async () => {
    const key = await testOfficeKey();
    const error = await writeBundle({ ...key, manifest: testManifest({ counts: { members: 2 } }), records: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(BundleError);
  });
});
