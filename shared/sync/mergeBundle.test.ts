import { describe, expect, it } from 'vitest';
import type { BundleManifest, BundleRecord } from './bundleTypes';
import { formatHlc } from './hlc';
import { MemorySyncStore } from './memoryStore';
import {
  CLOCK_REFUSAL_MS,
  CLOCK_WARNING_MS,
  SyncImportError,
  applyBundle,
  checkBundle,
  exportFromStore,
} from './mergeBundle';
import { digestRecords } from './digest';

const DATASET = '0d7c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const NOW = Date.UTC(2026, 10, 26, 9);
const s = (minutes: number, node = B) => formatHlc({ millis: NOW + minutes * 60_000, counter: 0, node });

function manifest(over: Partial<BundleManifest> = {}): BundleManifest {
  return {
    formatVersion: 1,
    appVersion: 'test',
    schemaVersion: 1,
    minReaderSchema: 1,
    datasetId: DATASET,
    officeName: 'Đảng ủy phường Hòa Bình',
    kind: 'full',
    bundleId: 'bundle-1',
    sourceNodeId: B,
    sourceDeviceName: 'Máy Văn phòng 2',
    exportedAt: new Date(NOW).toISOString(),
    hlcMin: null,
    hlcMax: null,
    baseVV: {},
    sourceVV: { [B]: s(0) },
    counts: {},
    ...over,
  };
}

const line = (r: Record<string, unknown>, t = 'members'): BundleRecord => ({
  t,
  r: { id: 'm1', deleted: 0, _h: s(-10), _v: {}, ...r },
});

const options = { knownTables: ['organizations', 'members'], datasetId: DATASET, schemaVersion: 1, now: NOW };

describe('checkBundle: verified before touched', () => {
  it.each([
    { name: 'another office’s file', m: manifest({ datasetId: 'other' }), lines: [], reason: /đơn vị khác/ },
    {
      name: 'a file that needs a newer reader',
      m: manifest({ minReaderSchema: 2 }),
      lines: [],
      reason: /cập nhật phần mềm/,
    },
    {
      name: 'an unknown table',
      m: manifest(),
      lines: [line({}, 'futureTable')],
      reason: /cập nhật phần mềm/,
    },
    {
      name: 'a bad creation stamp',
      m: manifest(),
      lines: [line({ _h: 'hôm qua' })],
      reason: /dấu thời gian tạo/,
    },
    { name: 'a bad delete flag', m: manifest(), lines: [line({ deleted: true })], reason: /cờ xóa/ },
    {
      name: 'a field edited before its creation',
      m: manifest(),
      lines: [line({ _v: { phone: s(-20) } })],
      reason: /sửa trước khi tạo/,
    },
    { name: 'one record twice', m: manifest(), lines: [line({}), line({})], reason: /hai lần/ },
    {
      name: 'stamps more than 30 days ahead of this computer',
      m: manifest(),
      lines: [line({ _h: s(CLOCK_REFUSAL_MS / 60_000 + 60) })],
      reason: /Ngày giờ máy tính không đúng/,
    },
  ])('refuses $name', ({ m, lines, reason }) => {
    const check = checkBundle(m, lines, options);
    expect(check.refusal).toMatch(reason);
  });

  it('warns, without refusing, of stamps more than 24 hours ahead', () => {
    const check = checkBundle(manifest(), [line({ _h: s(CLOCK_WARNING_MS / 60_000 + 120) })], options);
    expect(check.refusal).toBeNull();
    expect(check.clockWarning).toMatch(/khoảng 26 giờ/);
  });

  it('passes a good file, and names the record a schema refuses', () => {
    expect(checkBundle(manifest(), [line({ fullName: 'An' })], options).refusal).toBeNull();
    const check = checkBundle(manifest(), [line({})], {
      ...options,
      recordProblem: (_t, r) =>
        r.fullName ? null : 'Không lưu được đảng viên: Không được để trống (trường fullName).',
    });
    expect(check.refusal).toMatch(/1 bản ghi không hợp lệ.*fullName/);
  });
});

describe('applyBundle on the in-memory store', () => {
  const store = () => new MemorySyncStore({ nodeId: A, datasetId: DATASET, wallClock: () => NOW });

  it('a refused file writes nothing at all', async () => {
    const laptop = store();
    const before = laptop.canonicalData();
    await expect(
      applyBundle(laptop, manifest({ datasetId: 'x' }), [line({ fullName: 'An' })], {
        schemaVersion: 1,
        now: NOW,
      }),
    ).rejects.toThrow(SyncImportError);
    expect(laptop.canonicalData()).toBe(before);
    expect((await laptop.syncState()).imports).toEqual([]);
  });

  it('applies, remembers the peer and the file, and advances the clock past the file only after', async () => {
    const laptop = store();
    const report = await applyBundle(laptop, manifest(), [line({ fullName: 'An', _h: s(30) })], {
      schemaVersion: 1,
      now: NOW,
    });
    expect(report.counts.new).toBe(1);
    expect(report.vectorAdvanced).toBe(true);
    const state = await laptop.syncState();
    expect(state.vv).toEqual({ [B]: s(0) });
    expect(state.peers[B]).toMatchObject({ knownVV: { [B]: s(0) }, deviceName: 'Máy Văn phòng 2' });
    expect(state.imports.map((i) => i.bundleId)).toEqual(['bundle-1']);
    expect(laptop.clock.last > s(30)).toBe(true);
    const again = await applyBundle(laptop, manifest(), [line({ fullName: 'An', _h: s(30) })], {
      schemaVersion: 1,
      now: NOW,
    });
    expect(again).toMatchObject({ alreadyImported: true, counts: { unchanged: 1, new: 0 } });
  });

  it('a crash in the one transaction of a small file leaves everything as it was', async () => {
    const laptop = store();
    laptop.edit('members', { id: 'm0', fullName: 'Bình' });
    const before = laptop.canonicalData();
    let writes = 0;
    laptop.beforeWrite = () => {
      if (writes++ === 1) throw new Error('simulated crash');
    };
    await expect(
      applyBundle(laptop, manifest(), [line({ fullName: 'An' }), line({ id: 'm2', fullName: 'Cường' })], {
        schemaVersion: 1,
        now: NOW,
      }),
    ).rejects.toThrow('simulated crash');
    expect(laptop.canonicalData()).toBe(before);
    expect(await laptop.syncState()).toEqual({ vv: {}, peers: {}, imports: [] });
  });

  it('a crash between batches keeps the old vector, and re-importing completes', async () => {
    const laptop = store();
    const lines = Array.from({ length: 7 }, (_, i) => line({ id: `m${i}`, fullName: `Người ${i}` }));
    let batches = 0;
    laptop.beforeWrite = () => {
      if (batches >= 3) throw new Error('simulated crash');
    };
    await expect(
      applyBundle(laptop, manifest(), lines, {
        schemaVersion: 1,
        now: NOW,
        batchSize: 2,
        onBatch: () => batches++,
      }),
    ).rejects.toThrow('simulated crash');
    expect(laptop.all('members')).toHaveLength(6);
    expect(await laptop.syncState()).toEqual({ vv: {}, peers: {}, imports: [] });
    laptop.beforeWrite = undefined;
    const report = await applyBundle(laptop, manifest(), lines, { schemaVersion: 1, now: NOW, batchSize: 2 });
    expect(report.counts).toMatchObject({ new: 1, unchanged: 6 });
    expect(laptop.all('members')).toHaveLength(7);
    expect((await laptop.syncState()).vv).toEqual({ [B]: s(0) });
  });

  it('records conflicts of concurrent edits, once', async () => {
    const laptop = store();
    await applyBundle(laptop, manifest(), [line({ fullName: 'An' })], { schemaVersion: 1, now: NOW });
    laptop.edit(
      'members',
      { id: 'm1', phone: '0912' },
      formatHlc({ millis: NOW + 60_000, counter: 0, node: A }),
    );
    const theirs = line({ fullName: 'An', phone: '0988', _v: { phone: s(2) } });
    const m2 = manifest({ bundleId: 'bundle-2', sourceVV: { [B]: s(2) } });
    await applyBundle(laptop, m2, [theirs], { schemaVersion: 1, now: NOW });
    expect(laptop.get('members', 'm1')!.phone).toBe('0988');
    expect(laptop.conflicts).toHaveLength(1);
    expect(laptop.conflicts[0]).toMatchObject({
      table: 'members',
      recordId: 'm1',
      field: 'phone',
      winner: 'incoming',
      localValue: '0912',
      localNodeId: A,
      incomingValue: '0988',
      incomingNodeId: B,
      bundleId: 'bundle-2',
      resolved: 0,
    });
    await applyBundle(laptop, m2, [theirs], { schemaVersion: 1, now: NOW });
    expect(laptop.conflicts).toHaveLength(1);
  });
});

describe('export and digest', () => {
  it('a delta for a known peer carries only what it lacks; a full file carries everything', async () => {
    const a = new MemorySyncStore({ nodeId: A, datasetId: DATASET, wallClock: () => NOW });
    const b = new MemorySyncStore({ nodeId: B, datasetId: DATASET, wallClock: () => NOW + 1000 });
    a.edit('members', { id: 'm1', fullName: 'An' });
    a.edit('members', { id: 'm2', fullName: 'Bình' });
    const full = await exportFromStore(a);
    expect(full.kind).toBe('full');
    expect(full.records.map((l) => l.r.id)).toEqual(['m1', 'm2']);
    await applyBundle(b, { ...manifest({ sourceNodeId: A, sourceVV: full.sourceVV }) }, full.records, {
      schemaVersion: 1,
      now: NOW,
    });
    const back = await exportFromStore(b);
    await applyBundle(a, manifest({ bundleId: 'b-back', sourceVV: back.sourceVV }), back.records, {
      schemaVersion: 1,
      now: NOW,
    });
    a.edit('members', { id: 'm2', phone: '0912' });
    const delta = await exportFromStore(a, B);
    expect(delta.kind).toBe('delta');
    expect(delta.targetNodeId).toBe(B);
    expect(delta.records.map((l) => l.r.id)).toEqual(['m2']);
    expect(delta.counts.members).toBe(1);
    expect(await exportFromStore(a, 'ffffffffffffffff')).toMatchObject({ kind: 'full', baseVV: {} });
  });

  it('the digest is the same for the same records in any order, and changes with any stamp', () => {
    const r1 = line({ id: 'm1', fullName: 'An' });
    const r2 = line({ id: 'm2', fullName: 'Bình' });
    expect(digestRecords([r1, r2])).toBe(digestRecords([r2, r1]));
    expect(digestRecords([r1, r2])).toMatch(/^[0-9a-f]{16}$/);
    expect(digestRecords([r1, line({ id: 'm2', fullName: 'Bình', _h: s(-9) })])).not.toBe(
      digestRecords([r1, r2]),
    );
    expect(digestRecords([r1])).not.toBe(digestRecords([{ ...r1, t: 'organizations' }]));
  });
});

describe('forwarding and stale vectors', () => {
  const C = 'cccccccccccccccc';
  async function pass(from: MemorySyncStore, to: MemorySyncStore, id: string, peer?: string) {
    const out = await exportFromStore(from, peer);
    const m = manifest({
      bundleId: id,
      sourceNodeId: from.nodeId,
      kind: out.kind,
      baseVV: out.baseVV,
      sourceVV: out.sourceVV,
      ...(out.targetNodeId ? { targetNodeId: out.targetNodeId } : {}),
    });
    return { out, report: await applyBundle(to, m, out.records, { schemaVersion: 1, now: NOW }) };
  }

  it('B carries A’s edits to C with A’s stamps; a later A → C file is then a no-op', async () => {
    const [a, b, c] = [A, B, C].map(
      (nodeId) => new MemorySyncStore({ nodeId, datasetId: DATASET, wallClock: () => NOW }),
    );
    a!.edit('members', { id: 'm1', fullName: 'An', phone: '0912' });
    await pass(a!, b!, 'f1');
    await pass(b!, c!, 'f2');
    expect(c!.get('members', 'm1')!._h.endsWith(A)).toBe(true);
    expect((await c!.syncState()).vv[A]).toBe(a!.clock.last);
    const { report } = await pass(a!, c!, 'f3');
    expect(report.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect(c!.canonicalData()).toBe(a!.canonicalData());
  });

  it('a stale known vector makes a delta larger, never wrong', async () => {
    const [a, b] = [A, B].map(
      (nodeId) => new MemorySyncStore({ nodeId, datasetId: DATASET, wallClock: () => NOW }),
    );
    a!.edit('members', { id: 'm1', fullName: 'An' });
    a!.edit('members', { id: 'm2', fullName: 'Bình' });
    await pass(a!, b!, 'f1');
    await pass(b!, a!, 'f2'); // A learns B's vector: B holds m1 and m2
    a!.edit('members', { id: 'm1', phone: '0912' });
    await pass(a!, b!, 'f3'); // B now holds the phone too, but A still has B's older vector
    a!.edit('members', { id: 'm2', phone: '0988' });
    const { out, report } = await pass(a!, b!, 'f4', B);
    expect(out.kind).toBe('delta');
    expect(out.records.map((l) => l.r.id)).toEqual(['m1', 'm2']);
    expect(report.counts).toMatchObject({ unchanged: 1, updated: 1 });
    expect(b!.canonicalData()).toBe(a!.canonicalData());
  });
});
