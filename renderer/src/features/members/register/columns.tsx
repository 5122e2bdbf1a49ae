import type { ColumnsType } from 'antd/es/table';
import { Tag } from 'antd';
import type { RegisterRow } from '@shared/reports/register';
import { formatDateVi } from '@shared/domain/dates';
import { MEMBER_STATUS_SHORT_LABELS, SEX_LABELS } from '@shared/domain/labels';
import { codeLabel, type CodeList } from '@shared/domain/codeLists';
import type { Address, MemberStatus } from '@shared/domain/types';
import { vi } from '../../../i18n/vi';

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

type ColumnKey = keyof typeof vi.register.columns;

/** Every column a user may show, in display order; `fullName` is always shown. */
export function registerColumns(ctx: ColumnContext): (ColumnsType<RegisterRow>[number] & { key: ColumnKey })[] {
  const c = vi.register.columns;
  return [
    { key: 'fullName', title: c.fullName, dataIndex: 'fullName', width: 210, fixed: 'left', render: (name: string) => <strong>{name}</strong> },
    { key: 'sex', title: c.sex, dataIndex: 'sex', width: 80, render: (sex: RegisterRow['sex']) => SEX_LABELS[sex] },
    { key: 'birthDate', title: c.birthDate, dataIndex: 'birthDate', width: 110, render: formatDateVi },
    { key: 'organization', title: c.organization, dataIndex: 'organizationId', width: 260, ellipsis: true, render: (id: string) => ctx.organizationName(id) },
    {
      key: 'status',
      title: c.status,
      dataIndex: 'status',
      width: 130,
      render: (status: MemberStatus) => <Tag color={STATUS_COLORS[status]}>{MEMBER_STATUS_SHORT_LABELS[status]}</Tag>,
    },
    { key: 'joinedOn', title: c.joinedOn, dataIndex: 'joinedOn', width: 120, render: formatDateVi },
    { key: 'officialOn', title: c.officialOn, dataIndex: 'officialOn', width: 120, render: formatDateVi },
    { key: 'partyCardNumber', title: c.partyCardNumber, dataIndex: 'partyCardNumber', width: 110 },
    { key: 'dossierNumber', title: c.dossierNumber, dataIndex: 'dossierNumber', width: 110 },
    { key: 'citizenId', title: c.citizenId, dataIndex: 'citizenId', width: 140 },
    { key: 'ethnicity', title: c.ethnicity, dataIndex: 'ethnicity', width: 100, render: (code?: string) => codeLabel(ctx.ethnicGroups, code) },
    { key: 'religion', title: c.religion, dataIndex: 'religion', width: 110, render: (code?: string) => codeLabel(ctx.religions, code) },
    { key: 'hometown', title: c.hometown, dataIndex: 'hometown', width: 220, ellipsis: true, render: place },
    { key: 'generalEducation', title: c.generalEducation, dataIndex: 'generalEducation', width: 90 },
    {
      key: 'politicalTheory',
      title: c.politicalTheory,
      dataIndex: 'politicalTheory',
      width: 120,
      render: (code?: string) => codeLabel(ctx.politicalTheory, code),
    },
    { key: 'occupation', title: c.occupation, dataIndex: 'occupation', width: 180, ellipsis: true },
    { key: 'phone', title: c.phone, dataIndex: 'phone', width: 120 },
  ];
}

export const DEFAULT_COLUMNS: ColumnKey[] = ['fullName', 'sex', 'birthDate', 'organization', 'status', 'joinedOn', 'partyCardNumber'];
export type { ColumnKey };
