/**
 * zod schemas of the business records: one definition serves forms, Excel import, sync bundles and
 * IPC payloads. They check shapes (id and date formats, enum values); the business rules of
 * domain.md §7 live in the validation module.
 *
 * - A `null` in an optional field is read as "empty" and returned as `undefined`: sync bundles are
 *   JSON, where a cleared field travels as `null` (the data core's `sameValue` treats both alike).
 * - Unknown keys are stripped. A caller that must keep fields from a newer version (sync.md
 *   "Schema changes") uses `schema.loose()`.
 * - Free text is not normalized here; shared/text/vi.ts does that where input enters.
 */
import '../zodSetup';
import { z } from 'zod';
import { isValidIsoDate } from './dates';
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
  type Address,
  type Member,
  type MemberEvent,
  type MemberPhoto,
  type Organization,
} from './types';

/** An optional field: missing, `undefined` or `null` all parse to `undefined`. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

export const idSchema = z.uuid({ version: 'v4', message: 'Mã bản ghi không đúng định dạng UUID.' });

export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'Ngày không hợp lệ (cần dạng năm, năm-tháng hoặc năm-tháng-ngày).' });

/** A date that must be complete, e.g. when a setting takes effect. */
export const fullIsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Cần ngày đầy đủ (năm-tháng-ngày).' })
  .refine(isValidIsoDate, { message: 'Ngày không hợp lệ.' });

/** 'YYYY-MM', e.g. dues paid through a month. */
export const yearMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Cần dạng năm-tháng.' });

const text = z.string();
const requiredText = z.string().trim().min(1, { message: 'Không được để trống.' });

export const addressSchema = z.object({
  detail: optional(text),
  commune: optional(text),
  district: optional(text),
  province: optional(text),
});

export const organizationSchema = z.object({
  id: idSchema,
  name: requiredText,
  shortName: optional(text),
  type: z.enum(ORG_TYPES),
  category: z.enum(ORG_CATEGORIES),
  isGrassroots: z.boolean(),
  // The stored row drops empty values (the write path treats null and missing alike), so a missing
  // parent reads back as null: the root.
  parentId: z.preprocess((value) => value ?? null, idSchema.nullable()),
  foundedOn: optional(isoDateSchema),
  foundingDecisionNumber: optional(text),
  origin: z.enum(ORG_ORIGINS),
  originNote: optional(text),
  status: z.enum(ORG_STATUSES),
  mergedInto: optional(idSchema),
  mergedOn: optional(isoDateSchema),
  dissolvedOn: optional(isoDateSchema),
  term: optional(text),
  secretaryId: optional(idSchema),
  deputySecretaryIds: optional(z.array(idSchema)),
  committeeMemberIds: optional(z.array(idSchema)),
  standingCommitteeIds: optional(z.array(idSchema)),
  sortOrder: z.number().finite(),
  isDemo: optional(z.boolean()),
  notes: optional(text),
});

export const memberSchema = z.object({
  id: idSchema,
  organizationId: idSchema,
  status: z.enum(MEMBER_STATUSES),
  fullName: requiredText,
  birthName: optional(text),
  alias: optional(text),
  sex: z.enum(SEXES),
  birthDate: isoDateSchema,
  birthPlace: optional(addressSchema),
  hometown: optional(addressSchema),
  permanentAddress: optional(addressSchema),
  temporaryAddress: optional(addressSchema),
  ethnicity: optional(text),
  religion: optional(text),
  citizenId: optional(text),
  partyCardNumber: optional(text),
  dossierNumber: optional(text),
  phone: optional(text),
  admissionDecisionNumber: optional(text),
  admissionDecisionDate: optional(isoDateSchema),
  joinedOn: isoDateSchema,
  admissionCeremonyPlace: optional(text),
  officialOn: optional(isoDateSchema),
  officialDecisionNumber: optional(text),
  generalEducation: optional(text),
  professionalQualification: optional(text),
  major: optional(text),
  academicTitle: optional(text),
  politicalTheory: optional(text),
  stateManagement: optional(text),
  foreignLanguages: optional(text),
  itSkill: optional(text),
  ethnicMinorityLanguage: optional(text),
  occupationBeforeAdmission: optional(text),
  occupation: optional(text),
  workplace: optional(text),
  partyPosts: optional(text),
  governmentPosts: optional(text),
  massOrganizationPosts: optional(text),
  armedForces: optional(z.enum(ARMED_FORCES)),
  retired: optional(z.boolean()),
  admissionVoteDate: optional(isoDateSchema),
  admissionExceptionNote: optional(text),
  temporaryOrganizationId: optional(idSchema),
  temporaryExternal: optional(text),
  isDemo: optional(z.boolean()),
  notes: optional(text),
});

export const memberEventSchema = z.object({
  id: idSchema,
  memberId: idSchema,
  type: z.enum(MEMBER_EVENT_TYPES),
  date: isoDateSchema,
  decisionNumber: optional(text),
  issuedBy: optional(text),
  decisionDate: optional(isoDateSchema),
  organizationId: optional(idSchema),
  note: optional(text),
  reason: optional(text),
  requestedOn: optional(isoDateSchema),
  transferKind: optional(z.enum(TRANSFER_KINDS)),
  fromOrganizationId: optional(idSchema),
  toOrganizationId: optional(idSchema),
  fromExternal: optional(text),
  toExternal: optional(text),
  duesPaidThrough: optional(yearMonthSchema),
  temporaryUntil: optional(isoDateSchema),
  disciplineForm: optional(z.enum(DISCIPLINE_FORMS)),
  awardName: optional(text),
  badgeYears: optional(z.number().int().positive()),
  causeOfDeath: optional(text),
  posthumous: optional(z.boolean()),
  medicalEvidence: optional(text),
  arrivalStatus: optional(z.enum(ARRIVAL_STATUSES)),
  isDemo: optional(z.boolean()),
});

export const memberPhotoSchema = z.object({
  id: idSchema,
  dataUrl: optional(z.string().startsWith('data:image/', { message: 'Ảnh phải là tệp ảnh.' })),
});

// The hand-written interfaces in types.ts are what readers see; these lines keep the schemas in
// step with them (a field added to one and not the other is a compile error).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep = <T extends true>(value: T) => value;
inStep<Same<z.output<typeof addressSchema>, Address>>(true);
inStep<Same<z.output<typeof organizationSchema>, Organization>>(true);
inStep<Same<z.output<typeof memberSchema>, Member>>(true);
inStep<Same<z.output<typeof memberEventSchema>, MemberEvent>>(true);
inStep<Same<keyof z.output<typeof memberSchema>, keyof Member>>(true);
inStep<Same<keyof z.output<typeof memberEventSchema>, keyof MemberEvent>>(true);
inStep<Same<keyof z.output<typeof organizationSchema>, keyof Organization>>(true);
inStep<Same<z.output<typeof memberPhotoSchema>, MemberPhoto>>(true);
