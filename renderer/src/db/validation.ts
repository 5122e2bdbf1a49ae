/**
 * The last gate before a record is stored: the table's zod schema checks the record as it will be
 * after the edit. Screens validate earlier with their own friendlier messages; this gate makes sure
 * nothing malformed is ever saved, whatever the caller.
 */
import type { z } from 'zod';
import { memberEventSchema, memberPhotoSchema, memberSchema, organizationSchema } from '@shared/domain/schemas';
import { storedSettingSchema } from '@shared/domain/settings';
import { businessFields, type StoredRecord } from '@shared/sync/record';
import type { SyncedTableName } from './database';

const SCHEMAS: Record<SyncedTableName, z.ZodType> = {
  organizations: organizationSchema,
  members: memberSchema,
  memberEvents: memberEventSchema,
  memberPhotos: memberPhotoSchema,
  settings: storedSettingSchema,
};

const TABLE_NOUNS: Record<SyncedTableName, string> = {
  organizations: 'tổ chức đảng',
  members: 'đảng viên',
  memberEvents: 'sự kiện của đảng viên',
  memberPhotos: 'ảnh đảng viên',
  settings: 'cài đặt',
};

/** A Vietnamese sentence naming what is wrong, or null when the record may be stored. */
export function recordProblem(table: SyncedTableName, record: StoredRecord): string | null {
  const result = SCHEMAS[table].safeParse({ id: record.id, ...businessFields(record) });
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? ` (trường ${issue.path.join('.')})` : '';
  return `Không lưu được ${TABLE_NOUNS[table]}: ${issue.message}${where}.`;
}
