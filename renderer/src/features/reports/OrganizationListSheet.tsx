/** "Danh sách tổ chức đảng": the organizations under the chosen one on a date, with their members. */
import { ORG_TYPE_LABELS } from '@shared/domain/labels';
import type { CodeList } from '@shared/domain/codeLists';
import { codeLabel } from '@shared/domain/codeLists';
import type { OrgCounts } from '@shared/domain/orgCounts';
import type { Id } from '@shared/domain/types';
import type { RegisterRow } from '@shared/reports/register';
import type { Statistics } from '@shared/reports/statistics';
import { formatCount } from '@shared/reports/overview';
import type { OrgIndex } from '../organizations/useOrganizations';
import { treeOrder } from './reportData';

export function OrganizationListSheet({
  stats,
  index,
  counts,
  categories,
  rows,
}: {
  stats: Statistics;
  index: OrgIndex;
  counts: ReadonlyMap<Id, OrgCounts> | undefined;
  categories: CodeList;
  rows: ReadonlyMap<Id, RegisterRow>;
}) {
  const listed = new Set(stats.organizations.total.ids);
  const orgs = treeOrder(index, stats.rootOrgId).filter(({ org }) => listed.has(org.id));
  return (
    <>
      <p>{`Tổng số: ${formatCount(orgs.length)} tổ chức đảng.`}</p>
      <table className="doc-table" data-testid="org-list-table">
        <thead>
          <tr>
            <th style={{ width: '7%' }}>STT</th>
            <th>Tên tổ chức đảng</th>
            <th style={{ width: '17%' }}>Loại hình</th>
            <th style={{ width: '17%' }}>Lĩnh vực</th>
            <th style={{ width: '20%' }}>Bí thư</th>
            <th style={{ width: '10%' }}>Số đảng viên</th>
          </tr>
        </thead>
        <tbody>
          {orgs.map(({ org, depth }, i) => (
            <tr key={org.id}>
              <td className="center">{i + 1}</td>
              <td style={{ paddingLeft: `${5 + Math.max(0, depth - 1) * 14}px` }}>{org.name}</td>
              <td>{ORG_TYPE_LABELS[org.type]}</td>
              <td>{codeLabel(categories, org.category)}</td>
              <td>{org.secretaryId ? (rows.get(org.secretaryId)?.fullName ?? '') : ''}</td>
              <td className="num">{counts ? formatCount(counts.get(org.id)?.total ?? 0) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
