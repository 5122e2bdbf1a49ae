/**
 * How a member's or an event's stored value reads on screen: dates dd/mm/yyyy, codes as their labels
 * from the lists in force, organizations by name, yes/no, addresses on one line. The file's tabs and
 * the edit history both use it, so a value reads the same everywhere.
 */
import { useMemo } from 'react';
import { codeLabel, type CodeList } from '@shared/domain/codeLists';
import { formatDateVi } from '@shared/domain/dates';
import {
  ARMED_FORCES_LABELS,
  DISCIPLINE_FORM_LABELS,
  MEMBER_EVENT_TYPE_LABELS,
  MEMBER_STATUS_LABELS,
  SEX_LABELS,
  TRANSFER_KIND_LABELS,
} from '@shared/domain/labels';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import type { Address, Organization } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { useSetting } from '../../db/useSetting';
import { useOrganizations } from '../organizations/useOrganizations';

export interface Lookups {
  organization: (id: string) => Organization | undefined;
  codeLists: Partial<Record<string, CodeList>>;
}

const DATE_FIELDS = new Set([
  'birthDate',
  'admissionVoteDate',
  'admissionDecisionDate',
  'joinedOn',
  'officialOn',
  'date',
  'decisionDate',
  'requestedOn',
  'temporaryUntil',
]);
const ORG_FIELDS = new Set([
  'organizationId',
  'temporaryOrganizationId',
  'fromOrganizationId',
  'toOrganizationId',
]);
const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: MEMBER_STATUS_LABELS,
  arrivalStatus: MEMBER_STATUS_LABELS,
  sex: SEX_LABELS,
  armedForces: ARMED_FORCES_LABELS,
  transferKind: TRANSFER_KIND_LABELS,
  disciplineForm: DISCIPLINE_FORM_LABELS,
  type: MEMBER_EVENT_TYPE_LABELS,
};

export function addressLine(address: Address | undefined): string {
  if (!address) return '';
  return [address.detail, address.commune, address.district, address.province].filter(Boolean).join(', ');
}

/** The value as read on screen; '' when empty. */
export function formatFieldValue(field: string, value: unknown, lookups: Lookups): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? vi.memberFile.yes : vi.memberFile.no;
  if (field === 'duesPaidThrough' && typeof value === 'string') return formatDateVi(value);
  if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDateVi(value);
  if (ORG_FIELDS.has(field) && typeof value === 'string')
    return lookups.organization(value)?.name ?? vi.memberFile.unknownOrganization;
  const labels = ENUM_LABELS[field];
  if (labels && typeof value === 'string') return labels[value] ?? value;
  const list = lookups.codeLists[field];
  if (list && typeof value === 'string') return codeLabel(list, value);
  if (typeof value === 'object') return addressLine(value);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A wall-clock time ('2026-03-15T08:30:00.000Z') in this computer's time zone: 'dd/mm/yyyy hh:mm'. */
export function formatDateTimeVi(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Organizations and the code lists in force, live. */
export function useLookups(): Lookups {
  const orgs = useOrganizations();
  const ethnicity = useSetting(SETTINGS.ethnicGroups);
  const religion = useSetting(SETTINGS.religions);
  const generalEducation = useSetting(SETTINGS.generalEducation);
  const professionalQualification = useSetting(SETTINGS.professionalQualifications);
  const academicTitle = useSetting(SETTINGS.academicTitles);
  const politicalTheory = useSetting(SETTINGS.politicalTheoryLevels);
  return useMemo(
    () => ({
      organization: (id: string) => orgs?.byId.get(id),
      codeLists: {
        ethnicity,
        religion,
        generalEducation,
        professionalQualification,
        academicTitle,
        politicalTheory,
      },
    }),
    [orgs, ethnicity, religion, generalEducation, professionalQualification, academicTitle, politicalTheory],
  );
}
