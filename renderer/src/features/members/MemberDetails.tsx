/** The file's tabs of fields: Thông tin chung, Đảng, Trình độ, Công tác và chức vụ (forms 1- and 2-HSĐV). */
import { Descriptions } from 'antd';
import { MEMBER_FIELD_LABELS } from '@shared/domain/labels';
import type { Member } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { formatFieldValue, type Lookups } from './fieldFormat';

type Field = keyof Member;

export const DETAIL_GROUPS = {
  general: [
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
    'notes',
  ],
  party: [
    'organizationId',
    'status',
    'temporaryOrganizationId',
    'temporaryExternal',
    'admissionVoteDate',
    'admissionDecisionNumber',
    'admissionDecisionDate',
    'joinedOn',
    'officialOn',
    'officialDecisionNumber',
    'partyCardNumber',
    'dossierNumber',
    'admissionCeremonyPlace',
    'admissionExceptionNote',
  ],
  education: [
    'generalEducation',
    'professionalQualification',
    'major',
    'academicTitle',
    'politicalTheory',
    'stateManagement',
    'foreignLanguages',
    'itSkill',
    'ethnicMinorityLanguage',
  ],
  work: [
    'occupationBeforeAdmission',
    'occupation',
    'workplace',
    'partyPosts',
    'governmentPosts',
    'massOrganizationPosts',
    'armedForces',
    'retired',
  ],
} as const satisfies Record<string, readonly Field[]>;

/** Fields shown only when they have a value (most files have none). */
const ONLY_WHEN_SET = new Set<Field>([
  'temporaryOrganizationId',
  'temporaryExternal',
  'admissionExceptionNote',
  'alias',
  'birthName',
  'admissionVoteDate',
]);
const WIDE = new Set<Field>([
  'permanentAddress',
  'temporaryAddress',
  'notes',
  'admissionCeremonyPlace',
  'workplace',
]);

/** Two columns; a wide item takes a whole row, and the item before it fills its row. */
function layout<T extends { span: number }>(items: T[]): T[] {
  let column = 0;
  items.forEach((entry, i) => {
    if (entry.span === 2 && column === 1) items[i - 1]!.span = 2;
    column = entry.span === 2 ? 0 : (column + 1) % 2;
  });
  if (column === 1) items[items.length - 1]!.span = 2;
  return items;
}

export function MemberDetails({
  member,
  fields,
  lookups,
}: {
  member: Member;
  fields: readonly Field[];
  lookups: Lookups;
}) {
  const items = fields
    .filter((field) => !ONLY_WHEN_SET.has(field) || member[field] !== undefined)
    .map((field) => {
      const shown =
        field === 'retired' && member.retired !== true
          ? vi.memberFile.no
          : formatFieldValue(field, member[field], lookups);
      return {
        key: field,
        label: MEMBER_FIELD_LABELS[field],
        span: WIDE.has(field) ? 2 : 1,
        children: shown || <span className="member-empty">{vi.memberFile.empty}</span>,
      };
    });
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={layout(items)}
      styles={{ label: { width: '20%' }, content: { width: '30%' } }}
    />
  );
}
