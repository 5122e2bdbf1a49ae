import { describe, expect, it } from 'vitest';
import type { BundleManifest, BundleRecord } from './bundleTypes';
import { formatHlc } from './hlc';
import type { SyncRecord } from './merge';
import { previewImport, type PreviewInput } from './preview';

const DATASET = '0d7c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const NOW = Date.UTC(2026, 10, 26, 9);
const s = (minutes: number, node = B) => formatHlc({ millis: NOW + minutes * 60_000, counter: 0, node });
const ORG1 = '11111111-1111-4111-8111-111111111111';
const ORG2 = '22222222-2222-4222-8222-222222222222';

const manifest: BundleManifest = {
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
  sourceVV: { [B]: s(100) },
  counts: {},
};

const member = (id: string, over: Record<string, unknown> = {}): SyncRecord => ({
  id,
  deleted: 0,
  _h: s(-100, A),
  _v: {},
  organizationId: ORG1,
  fullName: 'Nguyễn Văn An',
  birthDate: '1960-04-12',
  ...over,
});

function input(
  locals: SyncRecord[],
  records: BundleRecord[],
  over: Partial<PreviewInput> = {},
): PreviewInput {
  const byId = new Map(locals.map((r) => [r.id, r]));
  return {
    manifest,
    records,
    local: (_t, id) => byId.get(id),
    localVV: { [A]: s(0, A) },
    knownTables: ['organizations', 'members'],
    datasetId: DATASET,
    schemaVersion: 1,
    now: NOW,
    imports: [],
    liveMemberCount: locals.filter((r) => r.deleted === 0).length,
    ...over,
  };
}

describe('previewImport', () => {
  it('sorts what a file would do: new, changed old → new, deleted, restored, moved, up to date', () => {
    const locals = [
      member('m1', { phone: '0912' }),
      member('m2'),
      member('m3', { deleted: 1, _v: { deleted: s(-50, A) } }),
      member('m4'),
      member('m5'),
    ];
    const records: BundleRecord[] = [
      { t: 'members', r: member('m1', { phone: '0988', _v: { phone: s(1) } }) },
      { t: 'members', r: member('m2', { deleted: 1, _v: { deleted: s(2) } }) },
      { t: 'members', r: member('m3', { deleted: 0, _v: { deleted: s(3) } }) },
      { t: 'members', r: member('m4', { organizationId: ORG2, _v: { organizationId: s(4) } }) },
      { t: 'members', r: member('m5') },
      { t: 'members', r: member('m6', { fullName: 'Trần Thị Bình', _h: s(5) }) },
    ];
    const preview = previewImport(input(locals, records));
    expect(preview.refusal).toBeNull();
    expect(preview.created.map((c) => c.id)).toEqual(['m6']);
    expect(preview.changed.map((c) => [c.id, c.changes.map((x) => [x.field, x.old, x.new])])).toEqual([
      ['m1', [['phone', '0912', '0988']]],
      ['m4', [['organizationId', ORG1, ORG2]]],
    ]);
    expect(preview.deleted.map((c) => c.id)).toEqual(['m2']);
    expect(preview.restored.map((c) => c.id)).toEqual(['m3']);
    expect(preview.moves).toEqual([{ memberId: 'm4', fullName: 'Nguyễn Văn An', from: ORG1, to: ORG2 }]);
    expect(preview.upToDate).toBe(1);
    expect(preview.tables.members).toEqual({ new: 1, updated: 2, deleted: 1, restored: 1, unchanged: 1 });
    expect(preview.nothingNew).toBe(false);
    expect(preview.source).toMatchObject({ deviceName: 'Máy Văn phòng 2', kind: 'full' });
  });

  it('lists conflicts with the value that wins', () => {
    const locals = [member('m1', { phone: '0912', _v: { phone: s(5, A) } })];
    const records: BundleRecord[] = [
      { t: 'members', r: member('m1', { phone: '0988', _v: { phone: s(6) } }) },
    ];
    const preview = previewImport(input(locals, records, { localVV: { [A]: s(5, A) } }));
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]!.conflict).toMatchObject({
      field: 'phone',
      winner: 'incoming',
      incomingValue: '0988',
    });
  });

  it('says a file was imported before, and when', () => {
    const imported = {
      bundleId: 'bundle-1',
      at: '2026-11-20T08:00:00.000Z',
      sourceNodeId: B,
      sourceDeviceName: 'x',
      exportedAt: '',
    };
    const records: BundleRecord[] = [{ t: 'members', r: member('m1') }];
    const preview = previewImport(input([member('m1')], records, { imports: [imported] }));
    expect(preview.importedBefore).toEqual(imported);
    expect(preview.nothingNew).toBe(true);
    expect(preview.upToDate).toBe(1);
  });

  it.each([
    { name: '51 deletions', members: 2000, deletions: 51, typed: true },
    { name: '50 deletions of 2,000 members', members: 2000, deletions: 50, typed: false },
    { name: 'more than 5% of members', members: 100, deletions: 6, typed: true },
    { name: 'exactly 5% of members', members: 100, deletions: 5, typed: false },
  ])('typed confirmation: $name → $typed', ({ members, deletions, typed }) => {
    const locals = Array.from({ length: members }, (_, i) => member(`m${i}`));
    const records: BundleRecord[] = locals
      .slice(0, deletions)
      .map((m) => ({ t: 'members', r: { ...m, deleted: 1, _v: { deleted: s(1) } } }));
    const preview = previewImport(input(locals, records));
    expect(preview.deleted).toHaveLength(deletions);
    expect(preview.needsTypedConfirmation).toBe(typed);
  });

  it('finds likely duplicate people among new members', () => {
    const existing = { id: 'x1', fullName: 'NGUYỄN VĂN AN', birthDate: '1960-04-12', partyCardNumber: '123' };
    const other = { id: 'x2', fullName: 'Lê Văn Cường', birthDate: '1970-01-01', citizenId: '0010' };
    const records: BundleRecord[] = [
      { t: 'members', r: member('m1', { _h: s(1) }) },
      { t: 'members', r: member('m2', { _h: s(1), fullName: 'Phạm Dung', citizenId: '0010' }) },
    ];
    const preview = previewImport(input([], records, { duplicateCandidates: () => [existing, other] }));
    expect(preview.duplicates.map((d) => [d.incoming.id, d.existing.id])).toEqual([
      ['m1', 'x1'],
      ['m2', 'x2'],
    ]);
    expect(preview.duplicates[0]!.messages[0]).toMatch(/cùng họ tên và ngày sinh/);
    expect(preview.duplicates[1]!.messages[0]).toMatch(/Số định danh cá nhân 0010/);
  });

  it('refuses another office’s file and shows nothing else', () => {
    const preview = previewImport(input([], [{ t: 'members', r: member('m1') }], { datasetId: 'other' }));
    expect(preview.refusal).toMatch(/đơn vị khác/);
    expect(preview.created).toEqual([]);
  });
});
