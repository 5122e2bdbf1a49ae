/** "Báo cáo thống kê đảng viên": the figures of the statistics screen as tables on paper. */
import { formatDateVi } from '@shared/domain/dates';
import { formatCount, formatShare } from '@shared/reports/overview';
import { MEMBER_BREAKDOWNS, type Figure, type Statistics } from '@shared/reports/statistics';
import { vi } from '../../i18n/vi';

const t = vi.statistics;

function FigureTable({ title, figures, total }: { title?: string; figures: Figure[]; total?: number }) {
  return (
    <>
      {title ? <h2>{title}</h2> : null}
      <table className="doc-table">
        <thead>
          <tr>
            <th style={{ width: '8%' }}>STT</th>
            <th>Chỉ tiêu</th>
            <th style={{ width: '16%' }}>Số lượng</th>
            {total === undefined ? null : <th style={{ width: '14%' }}>Tỷ lệ</th>}
          </tr>
        </thead>
        <tbody>
          {figures.map((figure, i) => (
            <tr key={figure.key}>
              <td className="center">{i + 1}</td>
              <td>{figure.label}</td>
              <td className="num">{formatCount(figure.count)}</td>
              {total === undefined ? null : <td className="num">{formatShare(figure.count, total)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function StatisticsSheet({ stats, orgName }: { stats: Statistics; orgName: string }) {
  const status = Object.fromEntries(stats.members.status.map((f) => [f.key, f.count]));
  const roman = ['I', 'II', 'III'];
  return (
    <>
      <p>
        {`Tính đến ngày ${formatDateVi(stats.asOf)}, ${orgName} có tổng số ${formatCount(stats.total.count)} đảng viên, trong đó ${formatCount(status.official ?? 0)} đảng viên chính thức, ${formatCount(status.probationary ?? 0)} đảng viên dự bị, ${formatCount(status.exempted ?? 0)} đồng chí được miễn công tác và sinh hoạt đảng; ${formatCount(stats.organizations.total.count)} tổ chức đảng trực thuộc.`}
      </p>
      <h2>{`${roman[0]}. ${t.changesTitle(formatDateVi(stats.changes.from), formatDateVi(stats.changes.to)).toLocaleUpperCase('vi')}`}</h2>
      <FigureTable figures={stats.changes.figures} />
      <h2>{`${roman[1]}. CƠ CẤU ĐẢNG VIÊN`}</h2>
      {MEMBER_BREAKDOWNS.map((breakdown, i) => (
        <FigureTable
          key={breakdown}
          title={`${i + 1}. ${t.breakdowns[breakdown]}`}
          figures={stats.members[breakdown]}
          total={breakdown === 'academicTitle' ? undefined : stats.total.count}
        />
      ))}
      <h2>{`${roman[2]}. TỔ CHỨC ĐẢNG`}</h2>
      <FigureTable
        title={`1. ${t.orgByType}`}
        figures={stats.organizations.byType}
        total={stats.organizations.total.count}
      />
      <FigureTable
        title={`2. ${t.orgByCategory}`}
        figures={stats.organizations.byCategory.filter((f) => f.count > 0)}
        total={stats.organizations.total.count}
      />
    </>
  );
}
