/**
 * Between a stored member and the form: dates as typed text (dd/mm/yyyy, mm/yyyy or yyyy), every
 * other field as stored. The draft built from the form carries every field the form shows, so that
 * an emptied box clears the field (patch semantics), and none it does not show (status, photo,
 * temporary attendance stay as the lifecycle set them).
 */
import { formatDateVi } from '@shared/domain/dates';
import { normalizeMemberDraft, type MemberDraft } from '@shared/domain/memberRules';
import type { Address, Member } from '@shared/domain/types';
import { dateFromText } from './DateTextInput';

export const FORM_DATE_FIELDS = [
  'birthDate',
  'admissionVoteDate',
  'admissionDecisionDate',
  'joinedOn',
  'officialOn',
] as const satisfies readonly (keyof Member)[];

/** Every member field the form edits, in the order of the paper file. */
export const FORM_FIELDS = [
  'fullName',
  'birthName',
  'alias',
  'sex',
  'birthDate',
  'ethnicity',
  'religion',
  'citizenId',
  'phone',
  'birthPlace',
  'hometown',
  'permanentAddress',
  'temporaryAddress',
  'organizationId',
  'admissionVoteDate',
  'admissionDecisionNumber',
  'admissionDecisionDate',
  'joinedOn',
  'admissionCeremonyPlace',
  'officialOn',
  'officialDecisionNumber',
  'partyCardNumber',
  'dossierNumber',
  'admissionExceptionNote',
  'generalEducation',
  'professionalQualification',
  'major',
  'academicTitle',
  'politicalTheory',
  'stateManagement',
  'foreignLanguages',
  'itSkill',
  'ethnicMinorityLanguage',
  'occupationBeforeAdmission',
  'occupation',
  'workplace',
  'partyPosts',
  'governmentPosts',
  'massOrganizationPosts',
  'armedForces',
  'retired',
  'notes',
] as const satisfies readonly (keyof Member)[];
export type FormField = (typeof FORM_FIELDS)[number];

/** The form's values: the member's fields, with the dates as text. */
export type MemberFormValues = {
  [K in FormField]?: K extends 'retired'
    ? boolean
    : K extends 'sex'
      ? Member['sex']
      : K extends AddressField
        ? Address
        : string;
};

type AddressField = 'birthPlace' | 'hometown' | 'permanentAddress' | 'temporaryAddress';

const isDateField = (field: string): field is (typeof FORM_DATE_FIELDS)[number] =>
  (FORM_DATE_FIELDS as readonly string[]).includes(field);

export function toFormValues(member: Partial<Member>): MemberFormValues {
  const values: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const value = member[field];
    if (value === undefined || value === null) continue;
    values[field] = isDateField(field) ? formatDateVi(value as string) : value;
  }
  return values;
}

/** The cleaned draft: every form field present, emptied ones as `undefined`. */
export function toDraft(values: MemberFormValues): MemberDraft {
  const draft: Record<string, unknown> = {};
  for (const field of FORM_FIELDS) {
    const value: unknown = values[field];
    if (isDateField(field)) draft[field] = dateFromText(value as string | undefined);
    else if (field === 'retired') draft[field] = value === true ? true : undefined;
    else draft[field] = value === '' || value === null ? undefined : value;
  }
  return normalizeMemberDraft(draft as MemberDraft);
}
