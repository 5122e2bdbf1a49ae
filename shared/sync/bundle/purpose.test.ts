/**
 * Sync files and backups share the container but never stand in for each other: a backup's
 * manifest carries `backup`, a sync reader refuses it and a restore refuses a file without it.
 */
import { describe, expect, test } from 'vitest';
import { BUNDLE_ERROR_MESSAGES, BundleError, type BundleErrorCode } from './errors';
import { readBundle, type ReadBundleOptions } from './reader';
import { demoRecords, joinParts, SCHEMA, testManifest, testOfficeKey } from './testing';
import { writeBundle } from './writer';
import type { BackupManifestInfo } from '../bundleTypes';

async function file(backup?: BackupManifestInfo): Promise<Uint8Array> {
  const key = await testOfficeKey();
  const written = await writeBundle({
    ...key,
    manifest: testManifest(backup ? { backup } : {}),
    records: demoRecords(3),
  });
  return joinParts(written.parts);
}

async function refusal(bytes: Uint8Array, purpose: ReadBundleOptions['purpose']): Promise<BundleErrorCode | null> {
  const key = await testOfficeKey();
  try {
    await readBundle(bytes, { officeKey: key.officeKey }, { maxSchema: SCHEMA, ...(purpose ? { purpose } : {}) });
    return null;
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    expect(error.message).toBe(BUNDLE_ERROR_MESSAGES[error.code]);
    return error.code;
  }
}

describe('what a file is for', () => {
  test.each([
    ['a sync file, read as a sync file (the default)', undefined, undefined, null],
    ['a sync file, read as a sync file', undefined, 'sync', null],
    ['a backup, read as a backup', { reason: 'manual' }, 'backup', null],
    ['a backup before an import, read as a backup', { reason: 'beforeImport', note: 'Máy Văn phòng 2' }, 'backup', null],
    ['a backup, read as a sync file (the default)', { reason: 'manual' }, undefined, 'isBackup'],
    ['a backup, read as a sync file', { reason: 'beforeRestore' }, 'sync', 'isBackup'],
    ['a sync file, read as a backup', undefined, 'backup', 'notBackup'],
  ] as const)('%s', async (_label, backup, purpose, expected) => {
    expect(await refusal(await file(backup), purpose)).toBe(expected);
  });

  test('the backup facts come back in the manifest', async () => {
    const key = await testOfficeKey();
    const read = await readBundle(await file({ reason: 'beforeImport', note: 'Máy Văn phòng 2' }), { officeKey: key.officeKey }, { maxSchema: SCHEMA, purpose: 'backup' });
    expect(read.manifest.backup).toEqual({ reason: 'beforeImport', note: 'Máy Văn phòng 2' });
  });

  test('the refusals name the other screen in Vietnamese', () => {
    expect(BUNDLE_ERROR_MESSAGES.isBackup).toContain('Khôi phục');
    expect(BUNDLE_ERROR_MESSAGES.notBackup).toContain('Nhập tệp đồng bộ');
  });
});
