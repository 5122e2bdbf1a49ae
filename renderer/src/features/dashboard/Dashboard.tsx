import { Alert, Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { ORG_CATEGORIES, ORG_ORIGINS, ORG_TYPES, type ActiveMemberStatus } from '@shared/domain/types';
import {
  MEMBER_STATUS_SHORT_LABELS,
  ORG_CATEGORY_LABELS,
  ORG_ORIGIN_LABELS,
  ORG_TYPE_LABELS,
} from '@shared/domain/labels';
import { formatDateVi, todayIso } from '@shared/domain/dates';
import { formatCount, formatShare } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { useOverview } from './useOverview';

interface Row {
  key: string;
  label: string;
  count: number;
}

function BreakdownTable({
  title,
  rows,
  total,
  testId,
}: {
  title: string;
  rows: Row[];
  total: number;
  testId: string;
}) {
  return (
    <Card title={title} size="small" data-testid={testId}>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: vi.dashboard.columnKind, dataIndex: 'label' },
          {
            title: vi.dashboard.columnCount,
            dataIndex: 'count',
            align: 'right',
            width: 110,
            render: (n: number) => formatCount(n),
          },
          {
            title: vi.dashboard.columnShare,
            key: 'share',
            width: 170,
            render: (_, row) => (
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <div className="share-bar" style={{ flex: 1 }}>
                  <div style={{ width: total ? `${(row.count / total) * 100}%` : 0 }} />
                </div>
                <span style={{ width: 48, textAlign: 'right' }}>{formatShare(row.count, total)}</span>
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Official first: the order of the statistical forms. */
const STATUS_ORDER = [
  'official',
  'probationary',
  'exempted',
] as const satisfies readonly ActiveMemberStatus[];

function rowsOf<K extends string>(
  keys: readonly K[],
  counts: Record<K, number>,
  labels: Record<K, string>,
): Row[] {
  return keys.filter((k) => counts[k] > 0).map((k) => ({ key: k, label: labels[k], count: counts[k] }));
}

export function Dashboard() {
  const { db } = useStore();
  const overview = useOverview(db);
  const today = formatDateVi(todayIso());

  if (!overview) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { organizations: orgs, members } = overview;

  return (
    <div>
      <div className="page-header">
        <div>
          <Typography.Title level={2}>{vi.dashboard.title}</Typography.Title>
          <Typography.Text type="secondary">{overview.wardName}</Typography.Text>
        </div>
        <Typography.Text strong data-testid="as-of">
          {vi.dashboard.asOf(today)}
        </Typography.Text>
      </div>
      {overview.isDemo && (
        <Alert type="warning" showIcon title={vi.dashboard.demoNotice} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col flex="1 1 220px">
          <Card className="stat-card">
            <Statistic
              title={vi.dashboard.organizations}
              value={orgs.total}
              formatter={(v) => <span data-testid="stat-organizations">{formatCount(Number(v))}</span>}
              prefix={<ApartmentOutlined />}
            />
            <Typography.Text type="secondary">{vi.dashboard.organizationsHint}</Typography.Text>
          </Card>
        </Col>
        <Col flex="1 1 220px">
          <Card className="stat-card">
            <Statistic
              title={vi.dashboard.members}
              value={members.total}
              formatter={(v) => <span data-testid="stat-members">{formatCount(Number(v))}</span>}
              prefix={<TeamOutlined />}
            />
            <Typography.Text type="secondary">{vi.dashboard.membersHint}</Typography.Text>
          </Card>
        </Col>
        {STATUS_ORDER.map((status) => (
          <Col flex="1 1 180px" key={status}>
            <Card className="stat-card">
              <Statistic
                title={vi.dashboard[status]}
                value={members.byStatus[status]}
                formatter={(v) => <span data-testid={`stat-${status}`}>{formatCount(Number(v))}</span>}
              />
              <Typography.Text type="secondary">
                {formatShare(members.byStatus[status], members.total)}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {orgs.total === 0 && members.total === 0 ? (
        <Card style={{ marginTop: 16 }}>
          <Empty description={vi.dashboard.empty} />
        </Card>
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          {[
            {
              id: 'members-by-status',
              title: vi.dashboard.byStatus,
              total: members.total,
              rows: rowsOf(STATUS_ORDER, members.byStatus, MEMBER_STATUS_SHORT_LABELS),
            },
            {
              id: 'orgs-by-type',
              title: vi.dashboard.byType,
              total: orgs.total,
              rows: rowsOf(ORG_TYPES, orgs.byType, ORG_TYPE_LABELS),
            },
            {
              id: 'orgs-by-category',
              title: vi.dashboard.byCategory,
              total: orgs.total,
              rows: rowsOf(ORG_CATEGORIES, orgs.byCategory, ORG_CATEGORY_LABELS),
            },
            {
              id: 'orgs-by-origin',
              title: vi.dashboard.byOrigin,
              total: orgs.total,
              rows: rowsOf(ORG_ORIGINS, orgs.byOrigin, ORG_ORIGIN_LABELS),
            },
          ].map((table) => (
            <Col xs={24} xl={12} key={table.id}>
              <BreakdownTable testId={table.id} title={table.title} total={table.total} rows={table.rows} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
