/** "Danh sách đảng viên": the members of an organization and its sub-tree on a date, by organization. */
import { Fragment } from 'react';
import { formatDateVi } from '@shared/domain/dates';
import { MEMBER_STATUS_SHORT_LABELS, SEX_LABELS } from '@shared/domain/labels';
import type { Id, IsoDate } from '@shared/domain/types';
import type { RegisterRow } from '@shared/reports/register';
import type { Statistics } from '@shared/reports/statistics';
import { formatCount } from '@shared/reports/overview';
import type { PreparedMembers } from '@shared/reports/statisticsPrepared';
import { mergeTargets } from '@shared/domain/orgCounts';
import type { OrgIndex } from '../organizations/useOrganizations';
import { statesOn, treeOrder } from './reportData';

export function MemberListSheet({
  stats,
  index,
  prepared,
  today,
}: {
  stats: Statistics;
  index: OrgIndex;
  prepared: PreparedMembers<RegisterRow>;
  today: IsoDate;
}) {
  const states = statesOn(prepared, stats.total.ids, stats.asOf, today);
  const targets = mergeTargets(index.list, { asOf: stats.asOf });
  const byOrg = new Map<Id, { row: RegisterRow; status: string }[]>();
  for (const { row, state } of states.values()) {
    const org = targets.get(state.organizationId ?? '') ?? state.organizationId ?? '';
    const list = byOrg.get(org) ?? [];
    list.push({ row, status: state.status });
    byOrg.set(org, list);
  }
  for (const list of byOrg.values())
    list.sort((a, b) => (a.row.nameKey < b.row.nameKey ? -1 : a.row.nameKey > b.row.nameKey ? 1 : 0));
  const groups = treeOrder(index, stats.rootOrgId).filter(({ org }) => byOrg.has(org.id));
  // Row numbers run on across the groups: each group starts after the ones before it.
  const firstNumber = new Map<Id, number>();
  groups.reduce((next, { org }) => (firstNumber.set(org.id, next), next + byOrg.get(org.id)!.length), 1);
  return (
    <>
      <p>{`Tổng số: ${formatCount(stats.total.count)} đảng viên.`}</p>
      <table className="doc-table" data-testid="member-list-table">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>STT</th>
            <th>Họ và tên</th>
            <th style={{ width: '14%' }}>Ngày sinh</th>
            <th style={{ width: '8%' }}>Giới tính</th>
            <th style={{ width: '14%' }}>Ngày vào Đảng</th>
            <th style={{ width: '14%' }}>Ngày chính thức</th>
            <th style={{ width: '14%' }}>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(({ org }) => (
            <Fragment key={org.id}>
              {groups.length > 1 ? (
                <tr className="group-row">
                  <td colSpan={7}>{`${org.name} (${formatCount(byOrg.get(org.id)!.length)})`}</td>
                </tr>
              ) : null}
              {byOrg.get(org.id)!.map(({ row, status }, i) => (
                <tr key={row.id}>
                  <td className="center">{firstNumber.get(org.id)! + i}</td>
                  <td>{row.fullName}</td>
                  <td className="center">{formatDateVi(row.birthDate)}</td>
                  <td className="center">{SEX_LABELS[row.sex]}</td>
                  <td className="center">{formatDateVi(row.joinedOn)}</td>
                  <td className="center">{status === 'probationary' ? '' : formatDateVi(row.officialOn)}</td>
                  <td>
                    {status === 'official'
                      ? ''
                      : MEMBER_STATUS_SHORT_LABELS[status as keyof typeof MEMBER_STATUS_SHORT_LABELS]}
                  </td>
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
