import { Tag } from 'antd';
import type { RegisterRow } from '@shared/reports/register';
import { formatDateVi } from '@shared/domain/dates';
import { MEMBER_STATUS_SHORT_LABELS, SEX_LABELS } from '@shared/domain/labels';
import { codeLabel, type CodeList } from '@shared/domain/codeLists';
import type { Address, MemberStatus } from '@shared/domain/types';
import { vi } from '../../../i18n/vi';
import type { GridColumn } from '../../../components/VirtualGrid';

export interface ColumnContext {
  organizationName: (id: string) => string;
  ethnicGroups: CodeList;
  religions: CodeList;
  politicalTheory: CodeList;
}

const STATUS_COLORS: Partial<Record<MemberStatus, string>> = {
  official: 'green',
  probationary: 'gold',
  exempted: 'blue',
  deceased: 'default',
};

function place(address: Address | undefined): string {
  if (!address) return '';
  return [address.commune, address.district, address.province].filter(Boolean).join(', ');
}

/** Long text keeps its full value as a tooltip when the cell cuts it. */
function clipped(text: string | undefined) {
  return <span title={text}>{text}</span>;
}

type ColumnKey = keyof typeof vi.register.columns;

/** Every column a user may show, in display order; `fullName` is always shown, first. */
export function registerColumns(ctx: ColumnContext): (GridColumn<RegisterRow> & { key: ColumnKey })[] {
  const c = vi.register.columns;
  return [
    { key: 'fullName', title: c.fullName, width: 210, render: (r) => <strong>{r.fullName}</strong> },
    { key: 'sex', title: c.sex, width: 80, render: (r) => SEX_LABELS[r.sex] },
    { key: 'birthDate', title: c.birthDate, width: 110, render: (r) => formatDateVi(r.birthDate) },
    {
      key: 'organization',
      title: c.organization,
      width: 260,
      render: (r) => clipped(ctx.organizationName(r.organizationId)),
    },
    {
      key: 'status',
      title: c.status,
      width: 130,
      render: (r) => <Tag color={STATUS_COLORS[r.status]}>{MEMBER_STATUS_SHORT_LABELS[r.status]}</Tag>,
    },
    { key: 'joinedOn', title: c.joinedOn, width: 120, render: (r) => formatDateVi(r.joinedOn) },
    { key: 'officialOn', title: c.officialOn, width: 120, render: (r) => formatDateVi(r.officialOn) },
    { key: 'partyCardNumber', title: c.partyCardNumber, width: 110, render: (r) => r.partyCardNumber },
    { key: 'dossierNumber', title: c.dossierNumber, width: 110, render: (r) => r.dossierNumber },
    { key: 'citizenId', title: c.citizenId, width: 140, render: (r) => r.citizenId },
    {
      key: 'ethnicity',
      title: c.ethnicity,
      width: 100,
      render: (r) => codeLabel(ctx.ethnicGroups, r.ethnicity),
    },
    { key: 'religion', title: c.religion, width: 110, render: (r) => codeLabel(ctx.religions, r.religion) },
    { key: 'hometown', title: c.hometown, width: 220, render: (r) => clipped(place(r.hometown)) },
    { key: 'generalEducation', title: c.generalEducation, width: 90, render: (r) => r.generalEducation },
    {
      key: 'politicalTheory',
      title: c.politicalTheory,
      width: 120,
      render: (r) => codeLabel(ctx.politicalTheory, r.politicalTheory),
    },
    { key: 'occupation', title: c.occupation, width: 180, render: (r) => clipped(r.occupation) },
    { key: 'phone', title: c.phone, width: 120, render: (r) => r.phone },
  ];
}

export const DEFAULT_COLUMNS: ColumnKey[] = [
  'fullName',
  'sex',
  'birthDate',
  'organization',
  'status',
  'joinedOn',
  'partyCardNumber',
];
export type { ColumnKey };
