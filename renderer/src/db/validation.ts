/**
 * The last gate before a record is stored: the table's zod schema checks the record as it will be
 * after the edit. Screens validate earlier with their own friendlier messages; this gate makes sure
 * nothing malformed is ever saved, whatever the caller.
 *
 * Speed: a sync import checks every incoming record (300,000 at 100,000 members), and so does an
 * Excel import. zod runs jitless here (the CSP forbids `new Function`), at several microseconds a
 * record, so each table also has a hand-written check of the same fields (`FAST`). It only ever
 * answers "valid" — a record it cannot vouch for goes to zod, which decides and words the refusal.
 * So the result is zod's by construction as long as every fast check is at least as strict as the
 * schema's field; validation.test.ts compares both on valid and invalid records, field by field.
 */
import type { z } from 'zod';
import { isValidIsoDate } from '@shared/domain/dates';
import { memberEventSchema, memberPhotoSchema, memberSchema, organizationSchema } from '@shared/domain/schemas';
import { storedSettingSchema } from '@shared/domain/settings';
import {
  ARMED_FORCES,
  ARRIVAL_STATUSES,
  DISCIPLINE_FORMS,
  MEMBER_EVENT_TYPES,
  MEMBER_STATUSES,
  ORG_CATEGORIES,
  ORG_ORIGINS,
  ORG_STATUSES,
  ORG_TYPES,
  SEXES,
  TRANSFER_KINDS,
} from '@shared/domain/types';
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

/** A record to check: its id and fields (envelope and derived `_` fields are ignored). */
export type CheckedRecord = { id: string } & Record<string, unknown>;

// ------------------------------------------------------------------ fast checks

/** One field's check: true only when the schema surely accepts the value. */
export type FieldCheck = (value: unknown) => boolean;

/** zod's v4 UUID pattern (`z.uuid({ version: 'v4' })`). */
const UUID_V4 = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const empty = (v: unknown) => v === undefined || v === null;
const id: FieldCheck = (v) => typeof v === 'string' && UUID_V4.test(v);
const text: FieldCheck = (v) => typeof v === 'string';
const requiredText: FieldCheck = (v) => typeof v === 'string' && v.trim().length > 0;
const isoDate: FieldCheck = (v) => typeof v === 'string' && isValidIsoDate(v);
const bool: FieldCheck = (v) => typeof v === 'boolean';
const finite: FieldCheck = (v) => typeof v === 'number' && Number.isFinite(v);
const positiveInt: FieldCheck = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const yearMonth: FieldCheck = (v) => typeof v === 'string' && YEAR_MONTH.test(v);
const dataUrl: FieldCheck = (v) => typeof v === 'string' && v.startsWith('data:image/');
function oneOf(values: readonly string[]): FieldCheck {
  const set = new Set<unknown>(values);
  return (v) => set.has(v);
}
/** `optional()` of schemas.ts: missing, undefined and null are empty. */
const opt =
  (check: FieldCheck): FieldCheck =>
  (v) =>
    empty(v) || check(v);
const idList: FieldCheck = (v) => {
  if (!Array.isArray(v)) return false;
  // Indexed, not `every`: a hole in the array is an undefined element, which zod refuses.
  for (let i = 0; i < v.length; i++) if (!id(v[i])) return false;
  return true;
};
const optText = opt(text);
const address: FieldCheck = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const a = v as Record<string, unknown>;
  return optText(a.detail) && optText(a.commune) && optText(a.district) && optText(a.province);
};

/** For each table with a fast check, every field of its schema (the test compares with the schema's shape). */
export const FAST_FIELDS: Partial<Record<SyncedTableName, Record<string, FieldCheck>>> = {
  organizations: {
    id,
    name: requiredText,
    shortName: optText,
    type: oneOf(ORG_TYPES),
    category: oneOf(ORG_CATEGORIES),
    isGrassroots: bool,
    parentId: opt(id),
    foundedOn: opt(isoDate),
    foundingDecisionNumber: optText,
    origin: oneOf(ORG_ORIGINS),
    originNote: optText,
    status: oneOf(ORG_STATUSES),
    mergedInto: opt(id),
    mergedOn: opt(isoDate),
    dissolvedOn: opt(isoDate),
    term: optText,
    secretaryId: opt(id),
    deputySecretaryIds: opt(idList),
    committeeMemberIds: opt(idList),
    standingCommitteeIds: opt(idList),
    sortOrder: finite,
    isDemo: opt(bool),
    notes: optText,
  },
  members: {
    id,
    organizationId: id,
    status: oneOf(MEMBER_STATUSES),
    fullName: requiredText,
    birthName: optText,
    alias: optText,
    sex: oneOf(SEXES),
    birthDate: isoDate,
    birthPlace: opt(address),
    hometown: opt(address),
    permanentAddress: opt(address),
    temporaryAddress: opt(address),
    ethnicity: optText,
    religion: optText,
    citizenId: optText,
    partyCardNumber: optText,
    dossierNumber: optText,
    phone: optText,
    admissionDecisionNumber: optText,
    admissionDecisionDate: opt(isoDate),
    joinedOn: isoDate,
    admissionCeremonyPlace: optText,
    officialOn: opt(isoDate),
    officialDecisionNumber: optText,
    generalEducation: optText,
    professionalQualification: optText,
    major: optText,
    academicTitle: optText,
    politicalTheory: optText,
    stateManagement: optText,
    foreignLanguages: optText,
    itSkill: optText,
    ethnicMinorityLanguage: optText,
    occupationBeforeAdmission: optText,
    occupation: optText,
    workplace: optText,
    partyPosts: optText,
    governmentPosts: optText,
    massOrganizationPosts: optText,
    armedForces: opt(oneOf(ARMED_FORCES)),
    retired: opt(bool),
    admissionVoteDate: opt(isoDate),
    admissionExceptionNote: optText,
    temporaryOrganizationId: opt(id),
    temporaryExternal: optText,
    isDemo: opt(bool),
    notes: optText,
  },
  memberEvents: {
    id,
    memberId: id,
    type: oneOf(MEMBER_EVENT_TYPES),
    date: isoDate,
    decisionNumber: optText,
    issuedBy: optText,
    decisionDate: opt(isoDate),
    organizationId: opt(id),
    note: optText,
    reason: optText,
    requestedOn: opt(isoDate),
    transferKind: opt(oneOf(TRANSFER_KINDS)),
    fromOrganizationId: opt(id),
    toOrganizationId: opt(id),
    fromExternal: optText,
    toExternal: optText,
    duesPaidThrough: opt(yearMonth),
    temporaryUntil: opt(isoDate),
    disciplineForm: opt(oneOf(DISCIPLINE_FORMS)),
    awardName: optText,
    badgeYears: opt(positiveInt),
    causeOfDeath: optText,
    posthumous: opt(bool),
    medicalEvidence: optText,
    arrivalStatus: opt(oneOf(ARRIVAL_STATUSES)),
    isDemo: opt(bool),
  },
  memberPhotos: {
    id,
    dataUrl: opt(dataUrl),
  },
};

/** Each table's fast check as one list, so a check is a plain loop. */
const FAST: Partial<Record<SyncedTableName, [string, FieldCheck][]>> = Object.fromEntries(
  Object.entries(FAST_FIELDS).map(([table, fields]) => [table, Object.entries(fields)]),
);

/** True when the fast check vouches for the record; false means "ask zod" (not "invalid"). */
export function surelyValid(table: SyncedTableName, record: CheckedRecord): boolean {
  const fields = FAST[table];
  if (!fields) return false;
  for (const [field, check] of fields) if (!check(record[field])) return false;
  return true;
}

/** zod's verdict alone, as a Vietnamese sentence or null (the fast check's reference). */
export function schemaProblem(table: SyncedTableName, record: CheckedRecord): string | null {
  const result = SCHEMAS[table].safeParse({ id: record.id, ...businessFields(record as unknown as StoredRecord) });
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? ` (trường ${issue.path.join('.')})` : '';
  return `Không lưu được ${TABLE_NOUNS[table]}: ${issue.message}${where}.`;
}

/** A Vietnamese sentence naming what is wrong, or null when the record may be stored. */
export function recordProblem(table: SyncedTableName, record: CheckedRecord): string | null {
  return surelyValid(table, record) ? null : schemaProblem(table, record);
}
